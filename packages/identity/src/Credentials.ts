/**
 * A person's password and second factors: the password's argon2id hash, a
 * TOTP secret (sealed; pending until a first code confirms it) with the last
 * step used, and one-time recovery codes. Checking a TOTP code records its
 * step in the same statement that checks it is new, so a code is accepted at
 * most once however many instances see it.
 */
import { Errors, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Clock, Context, Effect, Layer, Option } from "effect"
import * as Password from "./Password"
import type { PersonId } from "./Person"
import * as Secret from "./Secret"
import * as Totp from "./Totp"

/**
 * How many recovery codes a confirmed enrolment gives.
 */
export const recoveryCodeCount = 10

export interface Service {
  /** Sets (or replaces) the person's password. */
  readonly setPassword: (person: PersonId, password: string) => Effect.Effect<void>
  /** The stored hash, if the person has a password. */
  readonly passwordHash: (person: PersonId) => Effect.Effect<Option.Option<string>>
  /** Starts (or restarts) a TOTP enrolment: the new secret, pending until confirmed. */
  readonly startTotp: (person: PersonId) => Effect.Effect<string>
  /**
   * Confirms a pending enrolment with a current code; the recovery codes,
   * shown once. A wrong code is `InvalidInput` (`identity.totp.code-invalid`).
   */
  readonly confirmTotp: (person: PersonId, code: string) => Effect.Effect<ReadonlyArray<string>, Errors.InvalidInput>
  /** Whether the person has a confirmed second factor. */
  readonly hasSecondFactor: (person: PersonId) => Effect.Effect<boolean>
  /**
   * Whether `code` proves the second factor now: a TOTP code not used before,
   * or an unused recovery code (then used up).
   */
  readonly proveSecondFactor: (person: PersonId, code: string) => Effect.Effect<boolean>
}

export class Credentials extends Context.Tag("@bashke/identity/Credentials")<Credentials, Service>() {}

const aad = (person: string) => `identity-totp:${person}`

// Ten characters from an alphabet without look-alikes, in two groups: about 50 bits.
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
const newRecoveryCode = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(10))
  const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("")
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}
const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[\s-]/g, "")

/**
 * The credentials over SQL (both dialects).
 */
export const layerSql: Layer.Layer<Credentials, never, SqlClient.SqlClient | Vault.Vault> = Layer.effect(
  Credentials,
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const vault = yield* Vault.Vault
    const nowText = Effect.map(SqlValues.currentDate, SqlValues.toSql)

    const setPassword: Service["setPassword"] = (person, password) =>
      Effect.gen(function* () {
        const hashed = yield* Password.hash(password)
        const now = yield* nowText
        yield* sql`INSERT INTO identity_passwords (person_id, hash, changed_at) VALUES (${person}, ${hashed}, ${now})
          ON CONFLICT (person_id) DO UPDATE SET hash = excluded.hash, changed_at = excluded.changed_at`
      }).pipe(Effect.orDie, Span.untraced("Credentials.setPassword"))

    const passwordHash: Service["passwordHash"] = (person) =>
      sql<{ hash: string }>`SELECT hash FROM identity_passwords WHERE person_id = ${person}`.pipe(
        Effect.map((rows) => Option.fromNullable(rows[0]?.hash)),
        Effect.orDie,
      )

    const startTotp: Service["startTotp"] = (person) =>
      Effect.gen(function* () {
        const secret = Totp.newSecret()
        const sealed = yield* vault.seal(secret, aad(person))
        const now = yield* nowText
        // Restarting a confirmed enrolment would drop the factor: only a pending one is replaced.
        yield* sql`INSERT INTO identity_totp (person_id, secret, confirmed, last_step, changed_at)
          VALUES (${person}, ${sealed}, 0, NULL, ${now})
          ON CONFLICT (person_id) DO UPDATE SET secret = excluded.secret, changed_at = excluded.changed_at
          WHERE identity_totp.confirmed = 0`
        return secret
      }).pipe(Effect.orDie, Span.untraced("Credentials.startTotp"))

    const totpOf = (person: PersonId) =>
      sql<{
        secret: string
        confirmed: unknown
      }>`SELECT secret, confirmed FROM identity_totp WHERE person_id = ${person}`.pipe(
        Effect.orDie,
        Effect.flatMap((rows) =>
          rows[0] === undefined
            ? Effect.succeedNone
            : Effect.map(vault.open(rows[0].secret, aad(person)).pipe(Effect.orDie), (secret) =>
                Option.some({ secret, confirmed: Number(rows[0]?.confirmed) === 1 }),
              ),
        ),
      )

    // Records `step` as used when it is after the last one; false when it was not.
    const useStep = (person: PersonId, step: number, confirming: boolean) =>
      sql<{ person_id: string }>`UPDATE identity_totp SET last_step = ${step}, confirmed = 1
        WHERE person_id = ${person} AND confirmed = ${confirming ? 0 : 1}
        AND (last_step IS NULL OR last_step < ${step}) RETURNING person_id`.pipe(
        Effect.map((rows) => rows.length > 0),
        Effect.orDie,
      )

    const checkTotp = (person: PersonId, code: string, confirming: boolean) =>
      Effect.gen(function* () {
        const totp = yield* totpOf(person)
        if (Option.isNone(totp) || totp.value.confirmed === confirming) return false
        const step = Totp.stepOf(totp.value.secret, code, yield* Clock.currentTimeMillis)
        return step === undefined ? false : yield* useStep(person, step, confirming)
      })

    const confirmTotp: Service["confirmTotp"] = (person, code) =>
      Effect.gen(function* () {
        if (!(yield* checkTotp(person, code, true)))
          return yield* Effect.fail(new Errors.InvalidInput({ field: "code", rule: "identity.totp.code-invalid" }))
        const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode)
        const now = yield* nowText
        yield* sql
          .withTransaction(
            Effect.gen(function* () {
              yield* sql`DELETE FROM identity_recovery_codes WHERE person_id = ${person}`
              for (const code of codes)
                yield* sql`INSERT INTO identity_recovery_codes (code_hash, person_id, created_at)
                VALUES (${yield* Secret.hash(normalizeRecoveryCode(code))}, ${person}, ${now})`
            }),
          )
          .pipe(Effect.orDie)
        return codes
      }).pipe(Span.untraced("Credentials.confirmTotp"))

    const hasSecondFactor: Service["hasSecondFactor"] = (person) =>
      sql<{ confirmed: unknown }>`SELECT confirmed FROM identity_totp WHERE person_id = ${person}`.pipe(
        Effect.map((rows) => Number(rows[0]?.confirmed) === 1),
        Effect.orDie,
      )

    const proveSecondFactor: Service["proveSecondFactor"] = (person, code) =>
      Effect.gen(function* () {
        if (/^\d{6}$/.test(code.trim())) return yield* checkTotp(person, code.trim(), false)
        if (!(yield* hasSecondFactor(person))) return false
        const codeHash = yield* Secret.hash(normalizeRecoveryCode(code))
        const now = yield* nowText
        const used = yield* sql`UPDATE identity_recovery_codes SET used_at = ${now}
          WHERE code_hash = ${codeHash} AND person_id = ${person} AND used_at IS NULL RETURNING person_id`.pipe(
          Effect.orDie,
        )
        return used.length > 0
      }).pipe(Span.untraced("Credentials.proveSecondFactor"))

    return { setPassword, passwordHash, startTotp, confirmTotp, hasSecondFactor, proveSecondFactor }
  }),
)
