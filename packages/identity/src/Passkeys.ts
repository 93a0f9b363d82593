/**
 * The passkeys' store: each person's credentials, and the one-time challenges
 * of the ceremonies. A challenge is kept as its SHA-256 and redeemed in the
 * statement that finds it (marked used), so an answer is checked once on any
 * number of instances; a counter advances only where the stored one is lower
 * (`Passkey.counterAdvances`, in the same statement), so two instances never
 * both accept one assertion.
 */
import { Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Duration, Effect, Layer, Option, Schema } from "effect"
import * as Passkey from "./Passkey"
import type { PersonId } from "./Person"
import * as Secret from "./Secret"

export interface Service {
  /** Records `challenge` (sent to the browser) for `ceremony`, for `person` when one is signed in. */
  readonly issueChallenge: (
    challenge: string,
    ceremony: Passkey.Ceremony,
    person: Option.Option<PersonId>,
  ) => Effect.Effect<void>
  /**
   * Uses up `challenge`: true once, before it expires, for the ceremony and
   * person it was issued to; false otherwise (unknown, used, expired, or
   * another's).
   */
  readonly redeemChallenge: (
    challenge: string,
    ceremony: Passkey.Ceremony,
    person: Option.Option<PersonId>,
  ) => Effect.Effect<boolean>
  /** Adds a verified credential; false when its id is known already. */
  readonly add: (passkey: Passkey.StoredPasskey) => Effect.Effect<boolean>
  /** A credential by its id. */
  readonly find: (id: string) => Effect.Effect<Option.Option<Passkey.StoredPasskey>>
  /** A person's credentials. */
  readonly forPerson: (person: PersonId) => Effect.Effect<ReadonlyArray<Passkey.StoredPasskey>>
  /** Records a verified assertion's counter; false when it does not advance the stored one. */
  readonly advance: (id: string, counter: number) => Effect.Effect<boolean>
}

export class Passkeys extends Context.Tag("@bashke/identity/Passkeys")<Passkeys, Service>() {}

interface Row {
  readonly id: string
  readonly person_id: string
  readonly public_key: string
  readonly counter: unknown
  readonly transports: string
}

const isTransport = Schema.is(Passkey.Transport)

const passkeyOf = (row: Row): Passkey.StoredPasskey => ({
  id: row.id,
  person: row.person_id as PersonId,
  publicKey: row.public_key,
  counter: SqlValues.intFromSql(row.counter) ?? 0,
  transports: row.transports.split(",").filter(isTransport),
})

/**
 * The store over SQL (both dialects).
 */
export const layerSql: Layer.Layer<Passkeys, never, SqlClient.SqlClient> = Layer.effect(
  Passkeys,
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()

    const issueChallenge: Service["issueChallenge"] = (challenge, ceremony, person) =>
      Effect.gen(function* () {
        const now = yield* SqlValues.currentDate
        const expires = new Date(now.getTime() + Duration.toMillis(Passkey.challengeLifetime))
        // Expired challenges are worth nothing: each new one clears them away.
        yield* sql`DELETE FROM identity_passkey_challenges WHERE expires_at < ${SqlValues.toSql(now)}`
        yield* sql`INSERT INTO identity_passkey_challenges (challenge_hash, ceremony, person_id, created_at, expires_at)
          VALUES (${yield* Secret.hash(challenge)}, ${ceremony}, ${Option.getOrNull(person)},
          ${SqlValues.toSql(now)}, ${SqlValues.toSql(expires)})`
      }).pipe(Effect.orDie, Span.untraced("Passkeys.issueChallenge", { ceremony }))

    const redeemChallenge: Service["redeemChallenge"] = (challenge, ceremony, person) =>
      Effect.gen(function* () {
        const now = yield* SqlValues.currentDate
        const rows = yield* sql<{ person_id: string | null; expires_at: unknown }>`
          UPDATE identity_passkey_challenges SET used_at = ${SqlValues.toSql(now)}
          WHERE challenge_hash = ${yield* Secret.hash(challenge)} AND ceremony = ${ceremony} AND used_at IS NULL
          RETURNING person_id, expires_at`.pipe(Effect.orDie)
        const row = rows[0]
        if (row === undefined) return false
        const expiresAt = new Date(SqlValues.fromSql(row.expires_at) ?? Number.NaN)
        return now.getTime() < expiresAt.getTime() && (row.person_id ?? undefined) === Option.getOrUndefined(person)
      }).pipe(Span.untraced("Passkeys.redeemChallenge", { ceremony }))

    const add: Service["add"] = (passkey) =>
      Effect.gen(function* () {
        const now = SqlValues.toSql(yield* SqlValues.currentDate)
        const rows =
          yield* sql`INSERT INTO identity_passkeys (id, person_id, public_key, counter, transports, created_at)
          VALUES (${passkey.id}, ${passkey.person}, ${passkey.publicKey}, ${passkey.counter},
          ${passkey.transports.join(",")}, ${now})
          ON CONFLICT (id) DO NOTHING RETURNING id`
        return rows.length > 0
      }).pipe(Effect.orDie, Span.untraced("Passkeys.add"))

    const find: Service["find"] = (id) =>
      sql<Row>`SELECT id, person_id, public_key, counter, transports FROM identity_passkeys WHERE id = ${id}`.pipe(
        Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), passkeyOf)),
        Effect.orDie,
      )

    const forPerson: Service["forPerson"] = (person) =>
      sql<Row>`SELECT id, person_id, public_key, counter, transports FROM identity_passkeys
        WHERE person_id = ${person} ORDER BY created_at, id`.pipe(
        Effect.map((rows) => rows.map(passkeyOf)),
        Effect.orDie,
      )

    // The condition is `Passkey.counterAdvances`, written for the database.
    const advance: Service["advance"] = (id, counter) =>
      Effect.gen(function* () {
        const now = SqlValues.toSql(yield* SqlValues.currentDate)
        const advances = counter === 0 ? sql`counter = 0` : sql`counter < ${counter}`
        const rows = yield* sql`UPDATE identity_passkeys SET counter = ${counter}, last_used_at = ${now}
          WHERE id = ${id} AND ${advances} RETURNING id`
        return rows.length > 0
      }).pipe(Effect.orDie, Span.untraced("Passkeys.advance"))

    return { issueChallenge, redeemChallenge, add, find, forPerson, advance }
  }),
)
