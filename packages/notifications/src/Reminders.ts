/**
 * Turns due items into notices: every reminder whose time has come (its `at`
 * at or before now) and which was never recorded is recorded now — so a
 * reminder is never sent before its time, and one that fell due while no
 * scheduler ran is sent once when one runs again (marked late). Items that
 * no longer matter (`Due.Item.until` passed) remind nobody.
 */
import type { OpenCases } from "@bashke/case"
import { Due, type Id, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import * as Notices from "./Notices"
import type { Recipients } from "./Recipients"

/**
 * What firing did: how many reminders were recorded by outcome.
 */
export interface Fired {
  readonly sent: number
  readonly late: number
  readonly skipped: number
  readonly nobody: number
  readonly already: number
}

/**
 * Nothing fired.
 */
export const none: Fired = { sent: 0, late: 0, skipped: 0, nobody: 0, already: 0 }

/**
 * Two tallies added.
 */
export const add = (a: Fired, b: Fired): Fired => ({
  sent: a.sent + b.sent,
  late: a.late + b.late,
  skipped: a.skipped + b.skipped,
  nobody: a.nobody + b.nobody,
  already: a.already + b.already,
})

/**
 * The notices of the reminders due at `now` among `items`, earliest first.
 */
export const dueNotices = (items: ReadonlyArray<Due.Item>, now: Date): ReadonlyArray<Notices.Notice> =>
  items
    .filter((item) => Due.current(item, now))
    .flatMap((item) =>
      Due.dueReminders(item, now).map(
        (reminder): Notices.Notice => ({
          key: Due.reminderKey(item, reminder),
          mechanism: item.mechanism,
          kind: item.kind,
          stage: reminder.stage,
          case: item.case,
          subject: item.subject,
          at: reminder.at,
          dueAt: item.dueAt,
          day: item.day,
          until: reminder.until,
          audience: reminder.audience,
        }),
      ),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime())

// SQL IN lists stay well under every driver's parameter limit.
const chunks = <A>(items: ReadonlyArray<A>, size = 500): ReadonlyArray<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * The keys among `keys` already recorded.
 */
export const recorded = (keys: ReadonlyArray<string>): Effect.Effect<ReadonlySet<string>, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const out = new Set<string>()
    for (const chunk of chunks(keys)) {
      const rows = yield* sql<{ key: string }>`SELECT key FROM notification_reminders WHERE ${sql.in("key", chunk)}`
      for (const row of rows) out.add(row.key)
    }
    return out
  }).pipe(Effect.orDie, Span.untraced("Reminders.recorded"))

/**
 * Records the reminders of `items` due now and not yet recorded.
 */
export const fire = (
  items: ReadonlyArray<Due.Item>,
  options: Notices.Options,
): Effect.Effect<Fired, never, SqlClient.SqlClient | Id.IdGenerator | Recipients | OpenCases.OpenCases> =>
  Effect.gen(function* () {
    const now = yield* SqlValues.currentDate
    const notices = dueNotices(items, now)
    const known = yield* recorded(notices.map((notice) => notice.key))
    let tally = none
    for (const notice of notices) {
      if (known.has(notice.key)) continue
      const { outcome } = yield* Notices.record(notice, options)
      tally = add(tally, { ...none, [outcome]: 1 })
    }
    return tally
  })
