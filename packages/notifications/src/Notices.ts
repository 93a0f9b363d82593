/**
 * A notice — a due item's reminder, or what an event tells — recorded once
 * and brought to its people: its audiences resolved to people *now* through
 * `Recipients`, one in-app notification per person, and per person an email
 * to send at once, a line in their daily digest, or nothing (their
 * preference; nothing at all while email is off). All of it in one
 * transaction with the notice's key, which is unique: a notice recorded by
 * another scheduler in the meantime, or recorded before, writes nothing.
 *
 * A reminder whose time to matter has passed (`until`) is recorded as
 * skipped and reaches no one; one recorded more than `lateAfter` after it
 * fell due (the scheduler was not running) is marked late.
 */
import { OpenCases } from "@bashke/case"
import { type CivilDate, Due, Id, Span } from "@bashke/kernel"
import { Outbox, SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Duration, Effect } from "effect"
import * as Preferences from "./Preferences"
import { type Recipient, Recipients } from "./Recipients"
import type * as Wording from "./Wording"

/**
 * Who a notice is for: a due item's audience, or the installation's
 * administrators (told when a person's email fails).
 */
export type Audience = Due.Audience | { readonly _tag: "Administrators" }

/**
 * The installation's administrators.
 */
export const administrators: Audience = { _tag: "Administrators" }

/**
 * A stable text for an audience, stored with each notification: the one that
 * reached the person, checked again before an email is sent.
 */
export const audienceKey = (audience: Audience): string =>
  audience._tag === "Administrators" ? "administrators" : Due.audienceKey(audience)

/**
 * A notice to record.
 */
export interface Notice {
  /** Unique for ever: a reminder's `Due.reminderKey`, or `event:<event id>…`. */
  readonly key: string
  readonly mechanism?: Id.MechanismId | undefined
  readonly kind: string
  readonly stage: Wording.Stage
  readonly case?: Id.CaseId | undefined
  readonly subject: { readonly type: string; readonly id: string }
  /** When it fell due (a reminder) or happened (an event). */
  readonly at: Date
  /** The deadline a reminder names, and its day when it is due on a day. */
  readonly dueAt?: Date | undefined
  readonly day?: CivilDate.CivilDate | undefined
  /** A reminder is not worth sending from then on. */
  readonly until?: Date | undefined
  readonly audience: ReadonlyArray<Audience>
}

/**
 * How notices are recorded.
 */
export interface Options {
  /** A notice recorded this long after it fell due is marked late. */
  readonly lateAfter: Duration.DurationInput
  /** Whether email is on (an SMTP server is configured): off, nobody gets an email row. */
  readonly email: boolean
}

/**
 * What became of a notice: `sent` (in time) or `late`, with how many people
 * it reached; `skipped` (past its `until`); `nobody` (no one in its audience
 * now); `already` (recorded before, here or by another scheduler).
 */
export interface Recorded {
  readonly outcome: "sent" | "late" | "skipped" | "nobody" | "already"
  readonly recipients: number
}

/**
 * The outbox topic announcing each notice recorded (ids and codes only), for
 * plugins that carry notices elsewhere.
 */
export const recordedTopic = "notifications.notice.recorded"

/**
 * The people a notice's audiences reach now, each once, with the audience
 * that reached them first.
 */
export const reach = (
  notice: Pick<Notice, "mechanism" | "audience">,
): Effect.Effect<ReadonlyArray<{ readonly recipient: Recipient; readonly audience: string }>, never, Recipients> =>
  Effect.gen(function* () {
    const recipients = yield* Recipients
    const seen = new Map<string, { readonly recipient: Recipient; readonly audience: string }>()
    for (const audience of notice.audience) {
      const people =
        audience._tag === "Administrators"
          ? yield* recipients.administrators
          : notice.mechanism === undefined
            ? []
            : yield* recipients.reach(notice.mechanism, audience)
      for (const person of people)
        if (!seen.has(person.id)) seen.set(person.id, { recipient: person, audience: audienceKey(audience) })
    }
    return [...seen.values()]
  })

/**
 * Records a notice at `now` (see the module's notes). Joins the caller's
 * transaction, or opens its own.
 */
export const record = (
  notice: Notice,
  options: Options,
): Effect.Effect<Recorded, never, SqlClient.SqlClient | Id.IdGenerator | Recipients | OpenCases.OpenCases> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = yield* SqlValues.currentDate
    const worth = notice.until === undefined || now.getTime() < notice.until.getTime()
    const people = worth ? yield* reach(notice) : []
    const late = now.getTime() - notice.at.getTime() > Duration.toMillis(options.lateAfter)
    const outcome = !worth ? "skipped" : people.length === 0 ? "nobody" : late ? "late" : "sent"
    const reference =
      notice.case === undefined || people.length === 0
        ? undefined
        : (yield* (yield* OpenCases.OpenCases).headings([notice.case])).get(notice.case)?.reference
    const modes = options.email
      ? yield* Preferences.emailModes(people.map((person) => person.recipient.id))
      : new Map<string, Preferences.EmailMode>()
    return yield* sql.withTransaction(
      Effect.gen(function* () {
        const inserted = yield* sql`INSERT INTO notification_reminders
            (key, mechanism_id, kind, stage, due_at, handled_at, outcome, recipients)
          VALUES (${notice.key}, ${notice.mechanism ?? null}, ${notice.kind}, ${notice.stage},
            ${SqlValues.toSql(notice.at)}, ${SqlValues.toSql(now)}, ${outcome}, ${people.length})
          ON CONFLICT (key) DO NOTHING RETURNING key`
        if (inserted.length === 0) return { outcome: "already", recipients: 0 } satisfies Recorded
        for (const { recipient, audience } of people) {
          const id = yield* Id.next
          const email = options.email ? (modes.get(recipient.id) ?? Preferences.defaultMode) : "none"
          yield* sql`INSERT INTO notifications (id, recipient, reminder_key, mechanism_id, kind, stage, case_id,
              case_reference, subject_type, subject_id, due_at, due_day, at, audience, late, email, created_at)
            VALUES (${id}, ${recipient.id}, ${notice.key}, ${notice.mechanism ?? null}, ${notice.kind},
              ${notice.stage}, ${notice.case ?? null}, ${reference ?? null}, ${notice.subject.type},
              ${notice.subject.id}, ${SqlValues.toSqlOrNull(notice.dueAt)}, ${notice.day ?? null},
              ${SqlValues.toSql(notice.at)}, ${audience}, ${late ? 1 : 0}, ${email}, ${SqlValues.toSql(now)})`
          if (email === "immediate")
            yield* sql`INSERT INTO notification_emails (key, recipient, kind, notification_id, status, attempts,
                next_attempt_at, created_at)
              VALUES (${`${notice.key}|${recipient.id}`}, ${recipient.id}, 'notification', ${id}, 'pending', 0,
                ${SqlValues.toSql(now)}, ${SqlValues.toSql(now)})`
        }
        if (people.length > 0)
          yield* Outbox.append({
            topic: recordedTopic,
            aggregateType: "Notice",
            aggregateId: notice.key,
            payload: {
              key: notice.key,
              kind: notice.kind,
              stage: notice.stage,
              mechanism: notice.mechanism ?? null,
              case: notice.case ?? null,
              subject: notice.subject,
              recipients: people.length,
              late,
            },
          })
        return { outcome, recipients: people.length } satisfies Recorded
      }),
    )
  }).pipe(Effect.orDie, Span.untraced("Notices.record", { kind: notice.kind, stage: notice.stage }))
