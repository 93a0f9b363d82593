/**
 * The coordinator edits a scheduled meeting's agenda: topics of their own,
 * each in a section, and items of the rule left out (`AgendaEdits`). The
 * whole set of edits is given each time (a topic keeps its id when it is sent
 * back with it). The meeting's version guards the change (`If-Match`) and
 * moves with it; the edits, the meeting's new version, an audit entry (topics
 * are typed text) and the outbox event are written in one transaction. A
 * refusal writes nothing.
 *
 * Fails with `InvalidInput` naming the field (`topics.<i>.title`,
 * `omitted.<i>`, `topics.<i>.id` for an id the agenda does not hold:
 * `meeting.agenda.topic-unknown`), `Forbidden` (`meeting.coordinator.required`),
 * `NotFound`, `Conflict` (`version.stale`) or `InvalidTransition` (the meeting
 * is not scheduled: a request has no agenda yet, a held meeting's is history).
 */
import { Errors, Id, Instant, Principal, Span } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import { Effect, Schema } from "effect"
import * as Agenda from "./Agenda"
import * as AgendaEdits from "./AgendaEdits"
import { decodeInput } from "./internal/Input"
import type { Requirements } from "./internal/MeetingChange"
import * as MechanismRoster from "./MechanismRoster"
import type { Meeting } from "./Meeting"
import { ExpectedVersion } from "./MeetingCommands"
import * as Events from "./MeetingEvents"
import * as MeetingPolicy from "./MeetingPolicy"
import { MeetingRepository } from "./MeetingRepository"

/**
 * The command: the meeting, the version read, and the agenda's edits.
 */
export const EditAgenda = Schema.Struct({
  meetingId: Id.MeetingId,
  expectedVersion: ExpectedVersion,
  topics: Schema.Array(
    Schema.Struct({
      id: Schema.optional(Agenda.TopicId),
      section: Agenda.TopicSection,
      title: Agenda.TopicTitle,
    }),
  ),
  omitted: Schema.Array(Schema.String),
})

export type EditAgenda = typeof EditAgenda.Encoded

/**
 * Edits the agenda and answers the meeting with its new version.
 */
export const edit = (
  input: EditAgenda,
): Effect.Effect<
  Meeting,
  Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition,
  Requirements | AuditLog.AuditLog
> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(EditAgenda)(input)
    const repository = yield* MeetingRepository
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const meeting = yield* repository.find(command.meetingId)
    const roster = yield* MechanismRoster.rosterAt(meeting.mechanismId, at)
    yield* MeetingPolicy.requireCoordinator(roster, principal, "meeting.edit-agenda")
    if (meeting.version !== command.expectedVersion)
      return yield* new Errors.Conflict({
        entity: "Meeting",
        id: meeting.id,
        rule: "version.stale",
        expectedVersion: command.expectedVersion,
        actualVersion: meeting.version,
      })
    if (meeting.status !== "scheduled")
      return yield* new Errors.InvalidTransition({ entity: "Meeting", from: meeting.status, command: "edit-agenda" })
    const current = new Set((yield* repository.agendaEdits(meeting.id)).topics.map((topic) => topic.id))
    const topics = yield* Effect.forEach(command.topics, (topic, index) =>
      topic.id === undefined
        ? Effect.map(Agenda.TopicId.generate, (id) => ({ id, section: topic.section, title: topic.title }))
        : current.has(topic.id)
          ? Effect.succeed({ id: topic.id, section: topic.section, title: topic.title })
          : Effect.fail(new Errors.InvalidInput({ field: `topics.${index}.id`, rule: "meeting.agenda.topic-unknown" })),
    )
    const edits = yield* AgendaEdits.check({ topics, omitted: command.omitted })
    const audit = yield* AuditLog.AuditLog
    return yield* Transaction.run(
      Effect.gen(function* () {
        const stored = yield* repository.update({ ...meeting, updatedAt: at }, command.expectedVersion)
        yield* repository.saveAgendaEdits(meeting.id, edits)
        yield* audit
          .append({
            ...AuditEntry.actor(principal),
            mechanismId: meeting.mechanismId,
            action: "write",
            purpose: "case-conference",
          })
          .pipe(Effect.orDie)
        yield* Events.append("meeting.agenda.edited", meeting.id, {
          meetingId: meeting.id,
          mechanismId: meeting.mechanismId,
          topics: edits.topics.length,
          omitted: edits.omitted.length,
        })
        return stored
      }),
    )
  }).pipe(Span.untraced("EditAgenda.edit"))
