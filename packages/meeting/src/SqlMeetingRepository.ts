/**
 * The `MeetingRepository` on `@effect/sql`, for SQLite and PostgreSQL alike,
 * over the tables of `meetingMigrations`. Free texts are sealed by the vault
 * (`meeting:<id>:request-reason`, `meeting:<id>:cancellation-reason`,
 * `minutes:<meetingId>:body`, `amendment:<id>:reason`, `amendment:<id>:text`,
 * `decision:<id>:text`, `agenda:<meetingId>:edits`). Approved minutes are never written again: the row is
 * updated only while `approved_at` is NULL, and amendments are only inserted.
 *
 * Every method joins the caller's transaction; SQL failures are defects.
 */
import { Errors, type Id, Span } from "@bashke/kernel"
import { OptimisticConcurrency, SqlValues } from "@bashke/persistence"
import { Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option, Schema } from "effect"
import * as AgendaEdits from "./AgendaEdits"
import { Decision } from "./Decision"
import * as Sealing from "./internal/Sealing"
import { Meeting } from "./Meeting"
import { type Listed, MeetingRepository, type Service } from "./MeetingRepository"

type Row = Record<string, unknown>

const requestReasonAad = (id: string) => `meeting:${id}:request-reason`
const cancellationReasonAad = (id: string) => `meeting:${id}:cancellation-reason`
const minutesAad = (meetingId: string) => `minutes:${meetingId}:body`
const amendmentReasonAad = (id: string) => `amendment:${id}:reason`
const amendmentTextAad = (id: string) => `amendment:${id}:text`
const decisionAad = (id: string) => `decision:${id}:text`
const agendaEditsAad = (meetingId: string) => `agenda:${meetingId}:edits`

/**
 * Builds the adapter from the `SqlClient` and the `Vault` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | Vault.Vault> = Effect.gen(function* () {
  const client = yield* SqlClient.SqlClient
  // Literal snake_case names, whatever transforms the application's client has.
  const sql = client.withoutTransforms()
  const vault = yield* Vault.Vault
  const decodeMeeting = SqlValues.decodeStored(Meeting)
  const decodeDecision = SqlValues.decodeStored(Decision)

  const attendanceRows = (meetingIds: ReadonlyArray<string>) =>
    meetingIds.length === 0
      ? Effect.succeed([] as ReadonlyArray<Row>)
      : sql<Row>`SELECT meeting_id, institution_id, presence, represented_by FROM meeting_attendance
          WHERE ${sql.in("meeting_id", meetingIds)} ORDER BY meeting_id, position`

  // The meeting as the schema's encoded form, minutes left out.
  const listed = (row: Row, attendance: ReadonlyArray<Row>) =>
    Effect.gen(function* () {
      const id = String(row.id)
      const requestReason = yield* Sealing.openOptional(vault, row.request_reason, requestReasonAad(id))
      const cancellationReason = yield* Sealing.openOptional(vault, row.cancellation_reason, cancellationReasonAad(id))
      return SqlValues.defined({
        id,
        mechanismId: row.mechanism_id,
        kind: row.kind,
        status: row.status,
        request:
          row.request_institution == null
            ? undefined
            : {
                institution: row.request_institution,
                principal: row.request_principal,
                reason: requestReason,
                urgency: row.request_urgency,
                requestedAt: SqlValues.fromSql(row.requested_at),
                deadline: SqlValues.fromSql(row.request_deadline),
                profileVersion: SqlValues.intFromSql(row.request_profile_version),
              },
        schedule:
          row.starts_at == null
            ? undefined
            : { startsAt: SqlValues.fromSql(row.starts_at), endsAt: SqlValues.fromSql(row.ends_at), place: row.place },
        scheduledAt: SqlValues.fromSql(row.scheduled_at),
        sequence: SqlValues.intFromSql(row.sequence),
        heldAt: SqlValues.fromSql(row.held_at),
        minutesDue: SqlValues.fromSql(row.minutes_due),
        minutesCirculatedAt: SqlValues.fromSql(row.minutes_circulated_at),
        attendance: attendance
          .filter((entry) => entry.meeting_id === id)
          .map((entry) =>
            SqlValues.defined({
              institution: entry.institution_id,
              presence: entry.presence,
              representedBy: entry.represented_by ?? undefined,
            }),
          ),
        cancellation:
          row.cancelled_at == null
            ? undefined
            : { reason: cancellationReason, at: SqlValues.fromSql(row.cancelled_at), by: row.cancelled_by },
        version: SqlValues.intFromSql(row.version),
        createdAt: SqlValues.fromSql(row.created_at),
        updatedAt: SqlValues.fromSql(row.updated_at),
      })
    })

  const minutesOf = (meetingId: string) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM meeting_minutes WHERE meeting_id = ${meetingId}`
      const row = rows[0]
      if (row === undefined) return undefined
      const amendments = yield* sql<Row>`SELECT * FROM meeting_amendments WHERE meeting_id = ${meetingId} ORDER BY id`
      return SqlValues.defined({
        body: yield* Sealing.open(vault, String(row.body), minutesAad(meetingId)),
        revision: SqlValues.intFromSql(row.revision),
        draftedAt: SqlValues.fromSql(row.drafted_at),
        draftedBy: row.drafted_by,
        approval: row.approved_at == null ? undefined : { at: SqlValues.fromSql(row.approved_at), by: row.approved_by },
        amendments: yield* Effect.forEach(amendments, (amendment) =>
          Effect.gen(function* () {
            const id = String(amendment.id)
            return {
              id,
              author: amendment.author,
              reason: yield* Sealing.open(vault, String(amendment.reason), amendmentReasonAad(id)),
              text: yield* Sealing.open(vault, String(amendment.text), amendmentTextAad(id)),
              at: SqlValues.fromSql(amendment.at),
            }
          }),
        ),
      })
    })

  const mechanismOf: Service["mechanismOf"] = (id) =>
    sql<{ readonly mechanism_id: string }>`SELECT mechanism_id FROM meeting_meetings WHERE id = ${id}`.pipe(
      Effect.map((rows) => Option.fromNullable(rows[0]?.mechanism_id as Id.MechanismId | undefined)),
      Effect.orDie,
      Span.untraced("SqlMeetingRepository.mechanismOf"),
    )

  const find: Service["find"] = (id) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM meeting_meetings WHERE id = ${id}`
      const row = rows[0]
      if (row === undefined) return yield* Effect.fail(new Errors.NotFound({ entity: "Meeting", id }))
      const encoded = yield* listed(row, yield* attendanceRows([id]))
      const minutes = yield* minutesOf(id)
      return yield* decodeMeeting(minutes === undefined ? encoded : { ...encoded, minutes })
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlMeetingRepository.find"))

  const writeAttendance = (meeting: Meeting) =>
    Effect.gen(function* () {
      yield* sql`DELETE FROM meeting_attendance WHERE meeting_id = ${meeting.id}`
      if (meeting.attendance.length === 0) return
      yield* sql`INSERT INTO meeting_attendance ${sql.insert(
        meeting.attendance.map((entry, position) => ({
          meeting_id: meeting.id,
          institution_id: entry.institution,
          presence: entry.presence,
          represented_by: entry.representedBy ?? null,
          position,
        })),
      )}`
    })

  const writeMinutes = (meeting: Meeting) =>
    Effect.gen(function* () {
      const minutes = meeting.minutes
      if (minutes === undefined) return
      const stored = yield* sql<Row>`SELECT approved_at FROM meeting_minutes WHERE meeting_id = ${meeting.id}`
      const current = stored[0]
      if (current === undefined) {
        yield* sql`INSERT INTO meeting_minutes ${sql.insert({
          meeting_id: meeting.id,
          body: yield* Sealing.seal(vault, minutes.body, minutesAad(meeting.id)),
          revision: minutes.revision,
          drafted_at: SqlValues.toSql(minutes.draftedAt),
          drafted_by: minutes.draftedBy,
          approved_at: SqlValues.toSqlOrNull(minutes.approval?.at),
          approved_by: minutes.approval?.by ?? null,
        })}`
      } else if (current.approved_at == null) {
        // The approval is the last write the row ever gets.
        yield* sql`UPDATE meeting_minutes SET ${sql.update({
          body: yield* Sealing.seal(vault, minutes.body, minutesAad(meeting.id)),
          revision: minutes.revision,
          drafted_at: SqlValues.toSql(minutes.draftedAt),
          drafted_by: minutes.draftedBy,
          approved_at: SqlValues.toSqlOrNull(minutes.approval?.at),
          approved_by: minutes.approval?.by ?? null,
        })} WHERE meeting_id = ${meeting.id} AND approved_at IS NULL`
      }
      if (minutes.amendments.length === 0) return
      const known = new Set(
        (yield* sql<Row>`SELECT id FROM meeting_amendments WHERE meeting_id = ${meeting.id}`).map((row) =>
          String(row.id),
        ),
      )
      for (const amendment of minutes.amendments) {
        if (known.has(amendment.id)) continue
        yield* sql`INSERT INTO meeting_amendments ${sql.insert({
          id: amendment.id,
          meeting_id: meeting.id,
          author: amendment.author,
          reason: yield* Sealing.seal(vault, amendment.reason, amendmentReasonAad(amendment.id)),
          text: yield* Sealing.seal(vault, amendment.text, amendmentTextAad(amendment.id)),
          at: SqlValues.toSql(amendment.at),
        })}`
      }
    })

  const meetingColumns = (meeting: Meeting) =>
    Effect.gen(function* () {
      return {
        status: meeting.status,
        starts_at: SqlValues.toSqlOrNull(meeting.schedule?.startsAt),
        ends_at: SqlValues.toSqlOrNull(meeting.schedule?.endsAt),
        place: meeting.schedule?.place ?? null,
        scheduled_at: SqlValues.toSqlOrNull(meeting.scheduledAt),
        sequence: meeting.sequence,
        held_at: SqlValues.toSqlOrNull(meeting.heldAt),
        minutes_due: SqlValues.toSqlOrNull(meeting.minutesDue),
        minutes_circulated_at: SqlValues.toSqlOrNull(meeting.minutesCirculatedAt),
        cancellation_reason: yield* Sealing.sealOptional(
          vault,
          meeting.cancellation?.reason,
          cancellationReasonAad(meeting.id),
        ),
        cancelled_at: SqlValues.toSqlOrNull(meeting.cancellation?.at),
        cancelled_by: meeting.cancellation?.by ?? null,
        updated_at: SqlValues.toSql(meeting.updatedAt),
      }
    })

  const insert: Service["insert"] = (meeting) =>
    Effect.gen(function* () {
      const request = meeting.request
      yield* sql`INSERT INTO meeting_meetings ${sql.insert({
        id: meeting.id,
        mechanism_id: meeting.mechanismId,
        kind: meeting.kind,
        request_institution: request?.institution ?? null,
        request_principal: request?.principal ?? null,
        request_reason: yield* Sealing.sealOptional(vault, request?.reason, requestReasonAad(meeting.id)),
        request_urgency: request?.urgency ?? null,
        requested_at: SqlValues.toSqlOrNull(request?.requestedAt),
        request_deadline: SqlValues.toSqlOrNull(request?.deadline),
        request_profile_version: request?.profileVersion ?? null,
        ...(yield* meetingColumns(meeting)),
        version: meeting.version,
        created_at: SqlValues.toSql(meeting.createdAt),
      })}`
      yield* writeAttendance(meeting)
      yield* writeMinutes(meeting)
    }).pipe(Effect.orDie, Span.untraced("SqlMeetingRepository.insert"))

  const update: Service["update"] = (meeting, expectedVersion) =>
    Effect.gen(function* () {
      const version = yield* OptimisticConcurrency.update({
        table: "meeting_meetings",
        entity: "Meeting",
        id: meeting.id,
        expectedVersion,
        set: yield* meetingColumns(meeting),
      }).pipe(Effect.provideService(SqlClient.SqlClient, client))
      yield* writeAttendance(meeting).pipe(Effect.orDie)
      yield* writeMinutes(meeting).pipe(Effect.orDie)
      return { ...meeting, version }
    }).pipe(Span.untraced("SqlMeetingRepository.update"))

  // Meetings as listed, with their attendance read in one query.
  const listedWithAttendance = (rows: ReadonlyArray<Row>) =>
    Effect.gen(function* () {
      const attendance = yield* attendanceRows(rows.map((row) => String(row.id)))
      const meetings: ReadonlyArray<Listed> = yield* Effect.forEach(rows, (row) =>
        Effect.flatMap(listed(row, attendance), (encoded) => decodeMeeting(encoded)),
      )
      return meetings
    })

  const list: Service["list"] = (mechanismId, range) =>
    Effect.gen(function* () {
      const from = range?.from === undefined ? sql.literal("") : sql` AND starts_at >= ${SqlValues.toSql(range.from)}`
      const to = range?.to === undefined ? sql.literal("") : sql` AND starts_at < ${SqlValues.toSql(range.to)}`
      const rows = yield* sql<Row>`SELECT * FROM meeting_meetings WHERE mechanism_id = ${mechanismId}${from}${to}
        ORDER BY (starts_at IS NULL), starts_at, id`
      return yield* listedWithAttendance(rows)
    }).pipe(Effect.orDie, Span.untraced("SqlMeetingRepository.list"))

  // Two walks of `meeting_meetings_page` from the cursor: the scheduled
  // meetings by (start, id), then, when the page is not full, the requests
  // (no start) by id. Two queries, since the dialects put NULLs at opposite
  // ends of an ascending order.
  const listPage: Service["listPage"] = (mechanismId, page) =>
    Effect.gen(function* () {
      const status = page.status === undefined ? sql`` : sql`AND status = ${page.status}`
      const kind = page.kind === undefined ? sql`` : sql`AND kind = ${page.kind}`
      const afterStart = page.after?.startsAt
      const scheduled =
        page.after !== undefined && afterStart === undefined
          ? []
          : yield* sql<Row>`SELECT * FROM meeting_meetings WHERE mechanism_id = ${mechanismId}
              AND starts_at IS NOT NULL ${status} ${kind}
              ${page.after === undefined || afterStart === undefined ? sql`` : sql`AND (starts_at, id) > (${SqlValues.toSql(afterStart)}, ${page.after.id})`}
              ORDER BY starts_at, id LIMIT ${page.limit}`
      const requests =
        scheduled.length >= page.limit
          ? []
          : yield* sql<Row>`SELECT * FROM meeting_meetings WHERE mechanism_id = ${mechanismId}
              AND starts_at IS NULL ${status} ${kind}
              ${page.after !== undefined && afterStart === undefined ? sql`AND id > ${page.after.id}` : sql``}
              ORDER BY id LIMIT ${page.limit - scheduled.length}`
      const rows = [...scheduled, ...requests]
      return yield* listedWithAttendance(rows)
    }).pipe(Effect.orDie, Span.untraced("SqlMeetingRepository.listPage"))

  const previousHeldStart: Service["previousHeldStart"] = (mechanismId, before) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT starts_at FROM meeting_meetings
        WHERE mechanism_id = ${mechanismId} AND status IN ('held', 'minutes-drafted', 'minutes-approved')
        AND starts_at < ${SqlValues.toSql(before)} ORDER BY starts_at DESC LIMIT 1`
      const value = SqlValues.fromSql(rows[0]?.starts_at)
      return value === undefined ? Option.none() : Option.some(new Date(value))
    }).pipe(Effect.orDie, Span.untraced("SqlMeetingRepository.previousHeldStart"))

  const insertDecision: Service["insertDecision"] = (decision) =>
    Effect.gen(function* () {
      yield* sql`INSERT INTO meeting_decisions ${sql.insert({
        id: decision.id,
        meeting_id: decision.meetingId,
        mechanism_id: decision.mechanismId,
        text: yield* Sealing.seal(vault, decision.text, decisionAad(decision.id)),
        case_id: decision.caseId ?? null,
        owner_institution: decision.owner ?? null,
        due_date: decision.dueDate ?? null,
        recorded_at: SqlValues.toSql(decision.recordedAt),
        recorded_by: decision.recordedBy,
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlMeetingRepository.insertDecision"))

  const decisionOf = (row: Row) =>
    Effect.gen(function* () {
      const id = String(row.id)
      return yield* decodeDecision(
        SqlValues.defined({
          id,
          meetingId: row.meeting_id,
          mechanismId: row.mechanism_id,
          text: yield* Sealing.open(vault, String(row.text), decisionAad(id)),
          caseId: row.case_id ?? undefined,
          owner: row.owner_institution ?? undefined,
          dueDate: row.due_date ?? undefined,
          recordedAt: SqlValues.fromSql(row.recorded_at),
          recordedBy: row.recorded_by,
        }),
      )
    })

  const decisions: Service["decisions"] = (meetingId: Id.MeetingId) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM meeting_decisions WHERE meeting_id = ${meetingId} ORDER BY id`
      return yield* Effect.forEach(rows, decisionOf)
    }).pipe(Effect.orDie, Span.untraced("SqlMeetingRepository.decisions"))

  const decisionPage: Service["decisionPage"] = (meetingId, page) =>
    Effect.gen(function* () {
      const after =
        page.after === undefined
          ? sql``
          : sql`AND (recorded_at, id) > (${SqlValues.toSql(page.after.recordedAt)}, ${page.after.id})`
      const rows = yield* sql<Row>`SELECT * FROM meeting_decisions WHERE meeting_id = ${meetingId}
        ${page.withoutCases ? sql`AND case_id IS NULL` : sql``} ${after}
        ORDER BY recorded_at, id LIMIT ${page.limit}`
      return yield* Effect.forEach(rows, decisionOf)
    }).pipe(Effect.orDie, Span.untraced("SqlMeetingRepository.decisionPage"))

  const decodeEdits = SqlValues.decodeStored(Schema.parseJson(AgendaEdits.Edits))

  const agendaEdits: Service["agendaEdits"] = (meetingId) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT edits FROM meeting_agenda_edits WHERE meeting_id = ${meetingId}`
      const row = rows[0]
      if (row === undefined) return AgendaEdits.none
      return yield* decodeEdits(yield* Sealing.open(vault, String(row.edits), agendaEditsAad(meetingId)))
    }).pipe(Effect.orDie, Span.untraced("SqlMeetingRepository.agendaEdits"))

  const saveAgendaEdits: Service["saveAgendaEdits"] = (meetingId, edits) =>
    Effect.gen(function* () {
      const sealed = yield* Sealing.seal(vault, JSON.stringify(edits), agendaEditsAad(meetingId))
      yield* sql`DELETE FROM meeting_agenda_edits WHERE meeting_id = ${meetingId}`
      yield* sql`INSERT INTO meeting_agenda_edits ${sql.insert({ meeting_id: meetingId, edits: sealed })}`
    }).pipe(Effect.orDie, Span.untraced("SqlMeetingRepository.saveAgendaEdits"))

  return {
    insert,
    update,
    mechanismOf,
    find,
    list,
    listPage,
    previousHeldStart,
    insertDecision,
    decisions,
    decisionPage,
    agendaEdits,
    saveAgendaEdits,
  }
})

/**
 * The adapter as a layer.
 */
export const layer: Layer.Layer<MeetingRepository, never, SqlClient.SqlClient | Vault.Vault> = Layer.effect(
  MeetingRepository,
  make,
)
