/**
 * Sends the email rows that notices and digests left to send (the email
 * outbox, `notification_emails`), each to its person, once:
 *
 * - rows are claimed with a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL),
 *   so schedulers side by side never take the same row, and a scheduler
 *   killed mid-batch leaves its rows to be claimed again when the lease ends
 *   — nothing is lost;
 * - a row is marked sent in its own statement right after the server took
 *   the message; the only way a message goes out twice is a crash between
 *   the server's "250 OK" and that statement, and then the copy carries the
 *   same `Message-ID` (derived from the row's key), so mail clients show one;
 * - before sending, the person is checked again: still active, still reached
 *   by the audience the notice was for, channel not failing, an address to
 *   send to — else the row is skipped with the reason (never an address);
 * - the server unreachable, a dropped connection or a temporary refusal:
 *   the row is retried with backoff (`Outbox.backoff`), the rest of the batch
 *   is left for the next pass, and after `maxAttempts` the row is dead and
 *   listed for administrators (`Failures`);
 * - the server refusing the person's address: the row is dead, the person's
 *   email channel marked failing (their later emails are skipped until an
 *   administrator resets it; their in-app list goes on) and administrators
 *   are told — the other people's mail goes on in the same pass.
 */
import type { OpenCases } from "@bashke/case"
import { CivilDate, Due, type Id, JurisdictionProfile, Span } from "@bashke/kernel"
import { type Outbox, Outbox as OutboxModule, SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Duration, Effect, Option, Schema } from "effect"
import * as Email from "./Email"
import { Mailer } from "./Mailer"
import * as Notices from "./Notices"
import * as Notification from "./Notification"
import { type Recipient, Recipients } from "./Recipients"
import * as Wording from "./Wording"

/**
 * How a pass sends.
 */
export interface Options {
  /** Rows claimed per pass. */
  readonly limit: number
  /** How long a claimed row is this pass's: longer than the mail server's timeouts. */
  readonly lease: Duration.DurationInput
  readonly retry: Outbox.RetryPolicy
  /** The web app's origin, for links. */
  readonly publicUrl: string
  /** Notices to administrators (a failing channel) follow these. */
  readonly notices: Notices.Options
}

/**
 * What a pass did.
 */
export interface Delivered {
  readonly sent: number
  readonly retried: number
  readonly dead: number
  readonly skipped: number
  readonly rejected: number
  /** The server could not be reached: the pass stopped early. */
  readonly unavailable: boolean
}

interface Claimed {
  readonly key: string
  readonly recipient: Id.PrincipalId
  readonly kind: "notification" | "digest"
  readonly notificationId: string | null
  readonly digestDay: string | null
  readonly attempts: number
}

const claim = (limit: number, lease: Duration.DurationInput) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = yield* SqlValues.currentDate
    const due = SqlValues.toSql(now)
    const until = SqlValues.toSql(new Date(now.getTime() + Duration.toMillis(lease)))
    const skipLocked = sql.onDialectOrElse({
      pg: () => sql.literal("FOR UPDATE SKIP LOCKED"),
      orElse: () => sql.literal(""),
    })
    // Status and time are checked again outside the subquery, so PostgreSQL
    // re-evaluates them on a row another scheduler just claimed.
    const rows = yield* sql<Record<string, unknown>>`UPDATE notification_emails SET next_attempt_at = ${until}
      WHERE status = 'pending' AND next_attempt_at <= ${due} AND key IN (
        SELECT key FROM notification_emails WHERE status = 'pending' AND next_attempt_at <= ${due}
        ORDER BY next_attempt_at, key LIMIT ${limit} ${skipLocked}
      )
      RETURNING key, recipient, kind, notification_id, digest_day, attempts`
    return rows
      .map(
        (row): Claimed => ({
          key: String(row.key),
          recipient: String(row.recipient) as Id.PrincipalId,
          kind: row.kind === "digest" ? "digest" : "notification",
          notificationId: row.notification_id == null ? null : String(row.notification_id),
          digestDay: row.digest_day == null ? null : String(row.digest_day),
          attempts: Number(row.attempts),
        }),
      )
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  })

const finish = (key: string, status: "sent" | "skipped" | "dead", reason: string | null) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = SqlValues.toSql(yield* SqlValues.currentDate)
    yield* sql`UPDATE notification_emails SET status = ${status}, last_error = ${reason},
      sent_at = ${status === "sent" ? now : null} WHERE key = ${key} AND status = 'pending'`
  })

const release = (keys: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    if (keys.length === 0) return
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = SqlValues.toSql(yield* SqlValues.currentDate)
    yield* sql`UPDATE notification_emails SET next_attempt_at = ${now}
      WHERE ${sql.in("key", keys)} AND status = 'pending'`
  })

const retryLater = (row: Claimed, code: string, policy: Outbox.RetryPolicy) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = yield* SqlValues.currentDate
    const attempts = row.attempts + 1
    const dead = attempts >= policy.maxAttempts
    const next = new Date(now.getTime() + Duration.toMillis(OutboxModule.backoff(policy, attempts)))
    yield* sql`UPDATE notification_emails SET attempts = ${attempts}, last_error = ${`unavailable:${code}`.slice(0, 200)},
      status = ${dead ? "dead" : "pending"}, next_attempt_at = ${SqlValues.toSql(next)}
      WHERE key = ${row.key} AND status = 'pending'`
    return dead
  })

// The audience a notification reached its person through, read back.
const audienceOf = (key: string): Notices.Audience | undefined => {
  if (key === "coordinator") return Due.coordinator
  if (key === "administrators") return Notices.administrators
  return key.startsWith("institution:")
    ? Due.institution(key.slice("institution:".length) as Id.InstitutionId)
    : undefined
}

const stillReached = (stored: Notification.Stored) =>
  Effect.map(
    Notices.reach({
      mechanism: stored.mechanism,
      audience: Option.toArray(Option.fromNullable(audienceOf(stored.audience))),
    }),
    (people) => people.some((person) => person.recipient.id === stored.recipient),
  )

const failing = (recipient: Id.PrincipalId) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql`SELECT recipient FROM notification_channels WHERE recipient = ${recipient}`
    return rows.length > 0
  })

const messageId = (key: string, from: string) =>
  Effect.promise(() => crypto.subtle.digest("SHA-256", new TextEncoder().encode(key))).pipe(
    Effect.map((digest) => {
      const hex = Array.from(new Uint8Array(digest).slice(0, 16), (byte) => byte.toString(16).padStart(2, "0")).join("")
      const domain = from.slice(from.lastIndexOf("@") + 1) || "bashke.localhost"
      return `<${hex}@${domain}>`
    }),
  )

// The content of a row's email for its person, or why it is skipped.
const compose = (row: Claimed, person: Recipient, options: Options) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const columns = sql.literal(Notification.columns)
    if (row.kind === "notification") {
      const rows = yield* sql`SELECT ${columns} FROM notifications WHERE id = ${row.notificationId ?? ""}`
      const stored = rows[0] === undefined ? undefined : Notification.fromRow(rows[0])
      if (stored === undefined) return { skip: "notification-gone" } as const
      if (!(yield* stillReached(stored))) return { skip: "no-longer-reached" } as const
      return { content: Email.ofNotification(stored, person.locale, profile, options.publicUrl) } as const
    }
    const rows = yield* sql`SELECT ${columns} FROM notifications WHERE digest_key = ${row.key} ORDER BY id`
    const listed: Array<Notification.Stored> = []
    for (const stored of rows.map(Notification.fromRow)) if (yield* stillReached(stored)) listed.push(stored)
    if (listed.length === 0) return { skip: "no-longer-reached" } as const
    const day = Schema.decodeUnknownSync(CivilDate.CivilDate)(row.digestDay)
    const named = Wording.when(Due.morningOf(day, profile), person.locale, profile, day)
    return { content: Email.digest(listed, named, person.locale, profile, options.publicUrl) } as const
  })

const rejected = (row: Claimed, code: string, options: Options) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = yield* SqlValues.currentDate
    yield* sql.withTransaction(
      Effect.gen(function* () {
        yield* finish(row.key, "dead", `rejected:${code}`.slice(0, 200))
        const marked = yield* sql`INSERT INTO notification_channels (recipient, status, reason, since)
          VALUES (${row.recipient}, 'failing', ${`rejected:${code}`.slice(0, 200)}, ${SqlValues.toSql(now)})
          ON CONFLICT (recipient) DO NOTHING RETURNING recipient`
        // Told once per failure, not once per email that then finds the channel failing.
        if (marked.length > 0)
          yield* Notices.record(
            {
              key: `email-failing:${row.recipient}:${now.toISOString()}`,
              kind: "notifications.event.email-failing",
              stage: "event",
              subject: { type: "person", id: row.recipient },
              at: now,
              audience: [Notices.administrators],
            },
            options.notices,
          )
      }),
    )
  })

/**
 * One pass: claims up to `limit` rows due now and sends them in key order.
 */
export const deliver = (
  options: Options,
): Effect.Effect<Delivered, never, SqlClient.SqlClient | Id.IdGenerator | Mailer | Recipients | OpenCases.OpenCases> =>
  Effect.gen(function* () {
    const mailer = yield* Mailer
    const recipients = yield* Recipients
    const rows = yield* claim(options.limit, options.lease)
    const tally = { sent: 0, retried: 0, dead: 0, skipped: 0, rejected: 0, unavailable: false }
    for (const [index, row] of rows.entries()) {
      const skip = (reason: string) =>
        Effect.zipRight(
          finish(row.key, "skipped", reason),
          Effect.sync(() => tally.skipped++),
        )
      if (yield* failing(row.recipient)) {
        yield* skip("channel-failing")
        continue
      }
      const person = yield* recipients.find(row.recipient)
      if (Option.isNone(person)) {
        yield* skip("inactive")
        continue
      }
      const composed = yield* compose(row, person.value, options)
      if ("skip" in composed) {
        yield* skip(composed.skip)
        continue
      }
      const address = yield* recipients.openEmail(row.recipient, "notification")
      if (Option.isNone(address)) {
        yield* skip("no-address")
        continue
      }
      const sent = yield* Effect.either(
        mailer.send({
          to: address.value,
          ...composed.content,
          messageId: yield* messageId(row.key, mailer.from),
          language: person.value.locale,
        }),
      )
      if (sent._tag === "Right") {
        yield* finish(row.key, "sent", null)
        tally.sent++
      } else if (sent.left._tag === "MailRejected") {
        yield* rejected(row, sent.left.code, options)
        tally.rejected++
        tally.dead++
      } else {
        if (yield* retryLater(row, sent.left.code, options.retry)) tally.dead++
        else tally.retried++
        // The server is down: the rest waits for the next pass, no attempt counted.
        yield* release(rows.slice(index + 1).map((rest) => rest.key))
        tally.unavailable = true
        break
      }
    }
    return tally satisfies Delivered
  }).pipe(Effect.orDie, Span.untraced("EmailDelivery.deliver"))
