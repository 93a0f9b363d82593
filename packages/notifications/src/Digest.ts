/**
 * Daily digests for the people who chose them: every morning at the
 * profile's `notifications.workdayStartsAt` (08:00 in Kosovo), one email per
 * person with the notices they got since their last digest. A digest is an
 * email row keyed by the person and the day, made in one transaction with
 * the marks on the notifications it lists, so each notice is in exactly one
 * digest and each digest is made once, however many schedulers run.
 */
import { CivilDate, Due, JurisdictionProfile, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/**
 * The day whose digest is due at `now`: the latest day whose morning has come.
 */
export const dayAt = (now: Date, profile: JurisdictionProfile.JurisdictionProfile): CivilDate.CivilDate => {
  const today = CivilDate.ofInstant(now, profile.timezone)
  return Due.morningOf(today, profile).getTime() <= now.getTime() ? today : CivilDate.addDays(today, -1)
}

/**
 * The key of a person's digest for a day.
 */
export const key = (recipient: string, day: CivilDate.CivilDate): string => `digest|${recipient}|${day}`

/**
 * Makes the digests due at now: for each person with notices waiting for a
 * digest, made before this day's morning. How many digests were made.
 */
export const prepare: Effect.Effect<number, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const profile = yield* JurisdictionProfile.CurrentJurisdiction
  const now = yield* SqlValues.currentDate
  const day = dayAt(now, profile)
  const before = SqlValues.toSql(Due.morningOf(day, profile))
  const waiting = yield* sql<{ recipient: string }>`SELECT DISTINCT recipient FROM notifications
    WHERE email = 'digest' AND digest_key IS NULL AND created_at < ${before}`
  let made = 0
  for (const { recipient } of waiting) {
    const digest = key(recipient, day)
    const created = yield* sql.withTransaction(
      Effect.gen(function* () {
        const inserted = yield* sql`INSERT INTO notification_emails (key, recipient, kind, digest_day, status, attempts,
            next_attempt_at, created_at)
          VALUES (${digest}, ${recipient}, 'digest', ${day}, 'pending', 0, ${SqlValues.toSql(now)},
            ${SqlValues.toSql(now)})
          ON CONFLICT (key) DO NOTHING RETURNING key`
        if (inserted.length === 0) return false
        yield* sql`UPDATE notifications SET digest_key = ${digest}
          WHERE recipient = ${recipient} AND email = 'digest' AND digest_key IS NULL AND created_at < ${before}`
        return true
      }),
    )
    if (created) made++
  }
  return made
}).pipe(Effect.orDie, Span.untraced("Digest.prepare"))
