/**
 * Each case's own data key, for crypto-shredding (ADR 0012). A case's
 * personal data is sealed as the vault seals anything (a fresh key per value,
 * AES-256-GCM), but each value's key is wrapped by the case's data key instead
 * of the vault's: `v1.case.<wrappedDek>.<iv>.<ciphertext>`. The case's data
 * key is itself sealed by the vault and kept in `case_data_keys`, one row per
 * case, made on the case's first sealed value.
 *
 * Erasure destroys the case's data key: the row keeps only when it was
 * destroyed, so no key the system holds opens the case's values any more —
 * in the database, in its replicas, and in every backup once the vault key
 * that wrapped the data key in the backup is retired (ADR 0012).
 *
 * Values sealed before a case had its own key (under a vault key) still open
 * through the vault; {@link Keyring.adopt} moves one under the case's key
 * without decrypting it, which erasure does for every such value first.
 *
 * The key row is read on every operation; what is kept across operations
 * (ADR 0012 as amended by ADR 0039) is only the key it unwrapped to, beside
 * the wrapped text it came from, and only used while the row still holds that
 * same text: an erasure (the row's key overwritten with NULL), here or on any
 * other instance, is seen at the case's next operation, which drops it.
 */
import { Instant, Span } from "@bashke/kernel"
import { LeanStatement } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Data, Effect, Layer, Option } from "effect"
import { fromBase64Url, fromUtf8, randomBytes, toBase64Url } from "./internal/Bytes"
import * as Envelope from "./internal/Envelope"
import * as Vault from "./Vault"

/**
 * The key id of a value sealed under a case's data key: `v1.case.…`.
 */
export const keyId: string = Envelope.caseKekId

/**
 * Whether a sealed value is under a case's data key (not a vault key).
 */
export const isCaseKeyed = (sealed: string): boolean => sealed.startsWith(Envelope.caseKeyedPrefix)

/**
 * Where a case's data key is sealed by the vault: `case-data-key:<caseId>`.
 */
export const keyAad = (caseId: string): string => `case-data-key:${caseId}`

/**
 * The case's data key was destroyed: its personal data is erased. Carries the
 * case's id and when, nothing of any value.
 */
export class CaseErased extends Data.TaggedError("CaseErased")<{
  readonly caseId: string
  readonly erasedAt: Date
}> {}

/**
 * One case's keys for the length of one operation.
 */
export interface Keyring {
  readonly caseId: string
  /** When the case's data key was destroyed, if it was. */
  readonly erasedAt: Date | undefined
  /**
   * Seals under the case's data key, making it on the case's first value (in
   * the caller's transaction). Sealing for an erased case is a defect: the
   * use cases refuse every write to an erased case before sealing.
   */
  readonly seal: (plaintext: string, aad: string) => Effect.Effect<Vault.Sealed>
  /**
   * Opens a value of the case: under the case's data key, or (sealed before
   * the case had one) under a vault key. `CaseErased` once the key is destroyed.
   */
  readonly open: (sealed: string, aad: string) => Effect.Effect<string, Vault.VaultError | CaseErased>
  /**
   * Moves a value sealed under a vault key under the case's data key (made if
   * needed); the ciphertext is unchanged and nothing is decrypted. A value
   * already under the case's key is returned as it is.
   */
  readonly adopt: (sealed: string) => Effect.Effect<Vault.Sealed, Vault.VaultError>
}

export interface Service {
  /** The case's keys, read once (no key row yet: made on the first seal). */
  readonly forCase: (caseId: string) => Effect.Effect<Keyring>
  /**
   * Destroys the case's data key at `at`, in the caller's transaction: the
   * wrapped key is overwritten with NULL and the row kept as a tombstone, so
   * no key can be made for the case again. Whether a key was destroyed now
   * (false: the case was already erased).
   */
  readonly destroy: (caseId: string, at: Date) => Effect.Effect<boolean>
}

export class CaseKeys extends Context.Tag("@bashke/security/CaseKeys")<CaseKeys, Service>() {}

// PostgreSQL answers a Date, SQLite the ISO text written.
const instant = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)))

const importCaseKek = (material: Uint8Array) => Effect.promise(() => Envelope.importKek(material))

/** Unwrapped case keys kept per instance, at most (the oldest dropped first). */
export const keptKeys = 512

/** How long an unwrapped key is kept, read or not: an idle case's key does not stay in memory. */
export const keptFor = 5 * 60 * 1000

/**
 * The service over the `SqlClient` (table `case_data_keys`) and the `Vault`.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | Vault.Vault> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const vault = yield* Vault.Vault

  interface Row {
    readonly wrapped_key: string | null
    readonly destroyed_at: unknown
  }

  const select = (caseId: string) =>
    // On the lean way (ADR 0041): every personal read and write starts here.
    LeanStatement.run(
      sql,
      sql<Row>`SELECT wrapped_key, destroyed_at FROM case_data_keys WHERE case_id = ${caseId}`,
    ).pipe(Effect.map((rows) => Option.fromNullable(rows[0])))

  // Opening the wrapped key (an AES-GCM decrypt under the vault, then an
  // import) cost more than the row's read on every details read; the key it
  // gives is kept by case, under the wrapped text it was opened from (a key
  // never changes while its text does not), in insertion order for expiry.
  const kept = new Map<string, { readonly wrapped: string; readonly kek: CryptoKey; readonly at: number }>()
  const forget = (caseId: string) => kept.delete(caseId)
  const expire = (now: number) => {
    for (const [caseId, entry] of kept) {
      if (now - entry.at < keptFor && kept.size <= keptKeys) return
      kept.delete(caseId)
    }
  }
  const keptKek = (caseId: string, wrapped: string): CryptoKey | undefined => {
    expire(Date.now())
    const entry = kept.get(caseId)
    return entry !== undefined && entry.wrapped === wrapped ? entry.kek : undefined
  }
  const keep = (caseId: string, wrapped: string, kek: CryptoKey) => {
    kept.delete(caseId)
    kept.set(caseId, { wrapped, kek, at: Date.now() })
    expire(Date.now())
  }

  // The wrapped key opened and imported as a non-extractable AES-KW key.
  const unwrap = (caseId: string, wrapped: string) =>
    Effect.gen(function* () {
      const found = keptKek(caseId, wrapped)
      if (found !== undefined) return found
      const text = yield* vault.open(wrapped, keyAad(caseId))
      const material = fromBase64Url(text)
      if (material === undefined || material.length !== 32) return yield* Effect.dieMessage("case data key malformed")
      try {
        const kek = yield* importCaseKek(material)
        keep(caseId, wrapped, kek)
        return kek
      } finally {
        material.fill(0)
      }
    })

  const create = (caseId: string, at: Date) =>
    Effect.gen(function* () {
      const material = randomBytes(32)
      const wrapped = yield* vault.seal(toBase64Url(material), keyAad(caseId))
      material.fill(0)
      // A concurrent first seal may have made one already: theirs is kept and read back.
      yield* sql`INSERT INTO case_data_keys (case_id, wrapped_key, created_at, destroyed_at)
        VALUES (${caseId}, ${wrapped}, ${at.toISOString()}, NULL) ON CONFLICT (case_id) DO NOTHING`
      return yield* select(caseId)
    })

  const forCase: Service["forCase"] = (caseId) =>
    Effect.gen(function* () {
      const found = yield* select(caseId)
      // No key in the row (none yet, or destroyed): nothing kept for the case either.
      if (Option.isNone(found) || found.value.wrapped_key === null) forget(caseId)
      const destroyed = Option.flatMap(found, (row) => Option.fromNullable(row.destroyed_at))
      const erasedAt = Option.match(destroyed, { onNone: () => undefined, onSome: instant })
      let kek: CryptoKey | undefined =
        Option.isSome(found) && found.value.wrapped_key !== null
          ? yield* unwrap(caseId, found.value.wrapped_key)
          : undefined

      const erased = (at: Date) => new CaseErased({ caseId, erasedAt: at })

      const ensured = Effect.gen(function* () {
        if (erasedAt !== undefined) return yield* Effect.die(erased(erasedAt))
        if (kek !== undefined) return kek
        const made = yield* create(caseId, yield* Instant.now)
        if (Option.isNone(made) || made.value.wrapped_key === null)
          return yield* Effect.dieMessage("CaseKeys: the case was erased while it was written")
        kek = yield* unwrap(caseId, made.value.wrapped_key)
        return kek
        // A key that cannot be made or opened is the operators' to look into, never the caller's.
      }).pipe(Effect.orDie)

      const seal: Keyring["seal"] = (plaintext, aad) =>
        Effect.flatMap(ensured, (key) =>
          Effect.promise(() => Envelope.seal(Envelope.caseKekId, key, plaintext, aad)),
        ).pipe(
          Effect.map((sealed) => sealed as Vault.Sealed),
          Span.untraced("CaseKeys.seal"),
        )

      // No span of its own: opened once a sealed field (six on a person's
      // details read), under the caller's span (`PersonalData.read`); a span
      // each cost a copy of the request's context each.
      const open: Keyring["open"] = (sealed, aad) => {
        if (erasedAt !== undefined) return Effect.fail(erased(erasedAt))
        if (!isCaseKeyed(sealed)) return vault.open(sealed, aad)
        const envelope = Envelope.parse(sealed)
        if (envelope === undefined) return Effect.fail(new Vault.VaultError({ reason: "malformed" }))
        if (kek === undefined)
          return Effect.fail(new Vault.VaultError({ reason: "unknown-key", keyId: Envelope.caseKekId }))
        const key = kek
        return Effect.tryPromise({
          try: () => Envelope.open(key, envelope, aad),
          catch: () => new Vault.VaultError({ reason: "authentication-failed", keyId: Envelope.caseKekId }),
        }).pipe(
          Effect.flatMap((bytes) =>
            Effect.try({
              try: () => fromUtf8(bytes),
              catch: () => new Vault.VaultError({ reason: "malformed" }),
            }),
          ),
        )
      }

      const adopt: Keyring["adopt"] = (sealed) =>
        isCaseKeyed(sealed)
          ? Effect.succeed(sealed as Vault.Sealed)
          : Effect.flatMap(ensured, (key) => vault.rewrapInto(sealed, Envelope.caseKekId, key))

      return { caseId, erasedAt, seal, open, adopt } satisfies Keyring
    }).pipe(Effect.orDie, Span.untraced("CaseKeys.forCase"))

  const destroy: Service["destroy"] = (caseId, at) =>
    Effect.gen(function* () {
      const when = at.toISOString()
      forget(caseId)
      const found = yield* select(caseId)
      if (Option.isSome(found) && found.value.destroyed_at !== null) return false
      // A case that never sealed anything gets its tombstone too: no key may be made for it later.
      if (Option.isNone(found))
        yield* sql`INSERT INTO case_data_keys (case_id, wrapped_key, created_at, destroyed_at)
          VALUES (${caseId}, NULL, ${when}, ${when})`
      else
        yield* sql`UPDATE case_data_keys SET wrapped_key = NULL, destroyed_at = ${when}
          WHERE case_id = ${caseId} AND destroyed_at IS NULL`
      return true
    }).pipe(Effect.orDie, Span.untraced("CaseKeys.destroy"))

  return { forCase, destroy }
})

export const layer: Layer.Layer<CaseKeys, never, SqlClient.SqlClient | Vault.Vault> = Layer.effect(CaseKeys, make)
