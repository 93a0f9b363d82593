/**
 * What administrators need to see when email keeps failing: the people whose
 * email channel the mail server refused (until reset), and the emails that
 * are dead or still retrying after several attempts — by person id and key,
 * with the reason as a code, never an address. An administrator resets a
 * channel (after fixing the address) and may send a dead email again.
 */
import { Errors, Id } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"

/**
 * A person whose email the server refused.
 */
export const FailingChannel = Schema.Struct({
  recipient: Id.PrincipalId,
  reason: Schema.String,
  since: Schema.Date,
}).annotations({ identifier: "FailingEmailChannel" })

/**
 * An email that is dead, or still retrying after {@link retryingAfter} attempts.
 */
export const FailingEmail = Schema.Struct({
  key: Schema.String,
  recipient: Id.PrincipalId,
  kind: Schema.Literal("notification", "digest"),
  status: Schema.Literal("pending", "dead"),
  attempts: Schema.Int,
  lastError: Schema.NullOr(Schema.String),
  nextAttemptAt: Schema.Date,
  createdAt: Schema.Date,
}).annotations({ identifier: "FailingEmail" })

/**
 * The administrators' view.
 */
export const Report = Schema.Struct({
  channels: Schema.Array(FailingChannel),
  emails: Schema.Array(FailingEmail),
}).annotations({ identifier: "NotificationFailures" })

export type Report = typeof Report.Type

/**
 * A pending email shows as failing from this many attempts.
 */
export const retryingAfter = 3

const decodeChannel = Schema.decodeUnknownSync(
  Schema.Struct({ recipient: Id.PrincipalId, reason: Schema.String, since: SqlValues.SqlTimestamp }),
)
const decodeEmail = Schema.decodeUnknownSync(
  Schema.Struct({
    key: Schema.String,
    recipient: Id.PrincipalId,
    kind: Schema.Literal("notification", "digest"),
    status: Schema.Literal("pending", "dead"),
    attempts: SqlValues.SqlInteger,
    last_error: Schema.NullOr(Schema.String),
    next_attempt_at: SqlValues.SqlTimestamp,
    created_at: SqlValues.SqlTimestamp,
  }),
)

/**
 * The failing channels and emails, newest first (at most 500 emails).
 */
export const report: Effect.Effect<Report, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const channels = yield* sql`SELECT recipient, reason, since FROM notification_channels ORDER BY since DESC`
  const emails = yield* sql`SELECT key, recipient, kind, status, attempts, last_error, next_attempt_at, created_at
    FROM notification_emails WHERE status = 'dead' OR (status = 'pending' AND attempts >= ${retryingAfter})
    ORDER BY created_at DESC, key LIMIT 500`
  return {
    channels: channels.map((row) => decodeChannel(row)),
    emails: emails.map((raw) => {
      const row = decodeEmail(raw)
      return {
        key: row.key,
        recipient: row.recipient,
        kind: row.kind,
        status: row.status,
        attempts: row.attempts,
        lastError: row.last_error,
        nextAttemptAt: row.next_attempt_at,
        createdAt: row.created_at,
      }
    }),
  }
}).pipe(Effect.orDie)

/**
 * Resets a person's failing channel; their next emails are sent again.
 * `NotFound` when it was not failing.
 */
export const resetChannel = (recipient: Id.PrincipalId): Effect.Effect<void, Errors.NotFound, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql`DELETE FROM notification_channels WHERE recipient = ${recipient} RETURNING recipient`.pipe(
      Effect.orDie,
    )
    if (rows.length === 0) return yield* Effect.fail(new Errors.NotFound({ entity: "EmailChannel", id: recipient }))
  })

/**
 * Sends a dead email again (from its first attempt). `NotFound` when no dead
 * email has the key.
 */
export const retry = (key: string): Effect.Effect<void, Errors.NotFound, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = SqlValues.toSql(yield* SqlValues.currentDate)
    const rows = yield* sql`UPDATE notification_emails SET status = 'pending', attempts = 0, last_error = NULL,
      next_attempt_at = ${now} WHERE key = ${key} AND status = 'dead' RETURNING key`.pipe(Effect.orDie)
    if (rows.length === 0) return yield* Effect.fail(new Errors.NotFound({ entity: "Email", id: key }))
  })
