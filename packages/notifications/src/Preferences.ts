/**
 * How each person wants to be told by email: `immediate` (each notice as it
 * comes; the default), `digest` (one mail a day, at the profile's
 * `notifications.workdayStartsAt`, listing the day's notices), or `none` (the
 * in-app list only). The in-app list always has everything.
 */
import { type Id, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"

export const EmailMode = Schema.Literal("immediate", "digest", "none").annotations({
  identifier: "NotificationEmailMode",
  message: () => "notifications.preferences.invalid",
})

export type EmailMode = typeof EmailMode.Type

/**
 * A person's preferences, as the API reads and writes them.
 */
export const NotificationPreferences = Schema.Struct({ email: EmailMode }).annotations({
  identifier: "NotificationPreferences",
})

export type NotificationPreferences = typeof NotificationPreferences.Type

/**
 * The mode of a person who never chose.
 */
export const defaultMode: EmailMode = "immediate"

const decodeMode = Schema.decodeUnknownSync(EmailMode)

// SQL IN lists stay well under every driver's parameter limit.
const chunks = <A>(items: ReadonlyArray<A>, size = 500): ReadonlyArray<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * The chosen modes of these people (those who never chose are absent).
 */
export const emailModes = (
  recipients: ReadonlyArray<Id.PrincipalId>,
): Effect.Effect<ReadonlyMap<string, EmailMode>, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const out = new Map<string, EmailMode>()
    for (const chunk of chunks([...new Set(recipients)])) {
      const rows = yield* sql<{ recipient: string; email: unknown }>`SELECT recipient, email
        FROM notification_preferences WHERE ${sql.in("recipient", chunk)}`
      for (const row of rows) out.set(row.recipient, decodeMode(row.email))
    }
    return out
  }).pipe(Effect.orDie, Span.untraced("Preferences.emailModes"))

/**
 * A person's preferences.
 */
export const get = (recipient: Id.PrincipalId): Effect.Effect<NotificationPreferences, never, SqlClient.SqlClient> =>
  Effect.map(emailModes([recipient]), (modes) => ({ email: modes.get(recipient) ?? defaultMode }))

/**
 * Sets a person's preferences; notices recorded from then on follow them.
 */
export const set = (
  recipient: Id.PrincipalId,
  preferences: NotificationPreferences,
): Effect.Effect<NotificationPreferences, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = SqlValues.toSql(yield* SqlValues.currentDate)
    yield* sql`INSERT INTO notification_preferences (recipient, email, updated_at)
      VALUES (${recipient}, ${preferences.email}, ${now})
      ON CONFLICT (recipient) DO UPDATE SET email = ${preferences.email}, updated_at = ${now}`
    return preferences
  }).pipe(Effect.orDie)
