/**
 * What the platform does when certain events are announced on the outbox,
 * read in order from this reader's own position:
 *
 * - `case.consent.withdrawn`: the open referrals that relied on the consent
 *   are cancelled (`@bashke/referral`'s `ReferralRounds`) and each
 *   receiving institution is told;
 * - `case.break-glass.alert`: someone read a case's personal details in an
 *   emergency — the mechanism's coordinators and the case lead are told, so
 *   the read is reviewed.
 *
 * Each event is handled in one transaction with the reader's new position:
 * a scheduler that dies mid-way handles it again from the start, and the
 * cancellation and the notices are idempotent, so nothing happens twice.
 * Plugins subscribed to the same topics hear them from their own positions.
 */
import { OpenCases } from "@bashke/case"
import { Due, Id, Span } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import { ReferralRounds } from "@bashke/referral"
import { SqlClient } from "@effect/sql"
import { type Duration, Effect, Option, Schema } from "effect"
import * as Notices from "./Notices"
import type { Recipients } from "./Recipients"

/**
 * The topics this reader handles.
 */
export const topics = {
  consentWithdrawn: "case.consent.withdrawn",
  breakGlass: "case.break-glass.alert",
} as const

/**
 * The name of this reader's position.
 */
export const reader = "notifications.events"

const ConsentWithdrawn = Schema.Struct({ caseId: Id.CaseId, consentId: Id.ConsentId })
const BreakGlass = Schema.Struct({ caseId: Id.CaseId })

/**
 * What reading did: events handled, referrals cancelled, notices recorded.
 */
export interface Handled {
  readonly events: number
  readonly cancelled: number
  readonly notices: number
}

type Requirements =
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Recipients
  | OpenCases.OpenCases
  | ReferralRounds.ReferralRounds

/**
 * Where the reader stands.
 */
export const position: Effect.Effect<Outbox.Position, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const rows = yield* sql<{ position: string }>`SELECT position FROM notification_positions WHERE reader = ${reader}`
  return rows[0]?.position ?? ""
}).pipe(Effect.orDie)

const savePosition = (next: Outbox.Position) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    yield* sql`INSERT INTO notification_positions (reader, position) VALUES (${reader}, ${next})
      ON CONFLICT (reader) DO UPDATE SET position = ${next}`
  }).pipe(Effect.orDie)

/**
 * Handles one event: its reaction and notices, then the position past it, in
 * one transaction.
 */
export const handle = (
  event: Outbox.OutboxEvent,
  options: Notices.Options,
): Effect.Effect<Omit<Handled, "events">, never, Requirements> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    return yield* sql.withTransaction(
      Effect.gen(function* () {
        let cancelled = 0
        let notices = 0
        const count = (recorded: Notices.Recorded) => {
          if (recorded.recipients > 0) notices++
        }
        if (event.topic === topics.consentWithdrawn) {
          const payload = Schema.decodeUnknownOption(ConsentWithdrawn)(event.payload)
          if (Option.isSome(payload)) {
            const referrals = yield* (yield* ReferralRounds.ReferralRounds).cancelRelyingOn(payload.value.consentId)
            cancelled = referrals.length
            for (const referral of referrals) {
              const at = referral.history[referral.history.length - 1]?.at ?? event.occurredAt
              count(
                yield* Notices.record(
                  {
                    key: `event:${event.id}:${referral.id}`,
                    mechanism: referral.mechanism,
                    kind: "notifications.event.referral-cancelled",
                    stage: "event",
                    case: referral.case,
                    subject: { type: "referral", id: referral.id },
                    at,
                    audience: [Due.institution(referral.to)],
                  },
                  options,
                ),
              )
            }
          }
        } else if (event.topic === topics.breakGlass) {
          const payload = Schema.decodeUnknownOption(BreakGlass)(event.payload)
          if (Option.isSome(payload)) {
            const caseId = payload.value.caseId
            const heading = (yield* (yield* OpenCases.OpenCases).headings([caseId])).get(caseId)
            if (heading !== undefined)
              count(
                yield* Notices.record(
                  {
                    key: `event:${event.id}`,
                    mechanism: heading.mechanism,
                    kind: "notifications.event.break-glass",
                    stage: "event",
                    case: caseId,
                    subject: { type: "case", id: caseId },
                    at: event.occurredAt,
                    audience: [Due.coordinator, Due.institution(heading.lead)],
                  },
                  options,
                ),
              )
          }
        }
        yield* savePosition(event.id)
        return { cancelled, notices }
      }),
    )
  }).pipe(Effect.orDie, Span.untraced("Events.handle", { topic: event.topic }))

/**
 * Reads and handles the events after the reader's position, up to `limit`
 * (older than `settle`, see `Outbox.after`).
 */
export const process = (
  options: Notices.Options & { readonly limit: number; readonly settle?: Duration.DurationInput },
): Effect.Effect<Handled, never, Requirements> =>
  Effect.gen(function* () {
    const from = yield* position
    const read = yield* Outbox.after(from, Object.values(topics), {
      limit: options.limit,
      ...(options.settle === undefined ? {} : { settle: options.settle }),
    })
    let handled: Handled = { events: 0, cancelled: 0, notices: 0 }
    for (const event of read.events) {
      const done = yield* handle(event, options)
      handled = {
        events: handled.events + 1,
        cancelled: handled.cancelled + done.cancelled,
        notices: handled.notices + done.notices,
      }
    }
    if (read.next !== from) yield* savePosition(read.next)
    return handled
  })
