/**
 * Field encryption of personal data: AES-256-GCM through WebCrypto (so it runs on
 * Node and on Cloudflare Workers), envelope encryption with a key id on every
 * value, and re-wrapping under the current key for rotation.
 *
 * Keys come from configuration (`BASHKE_VAULT_KEYS`), never from the database.
 */
import { Span } from "@bashke/kernel"
import { Array as Arr, Config, ConfigError, Context, Effect, Either, Layer, Option, Redacted, Schema } from "effect"
import type { NonEmptyReadonlyArray } from "effect/Array"
import { fromUtf8 } from "./internal/Bytes"
import * as Envelope from "./internal/Envelope"
import { keyIdPattern, keyLength, parseVaultKeys, vaultKeysForm } from "./internal/KeyText"

/**
 * A sealed value: `v1.<kekId>.<wrappedDek>.<iv>.<ciphertext>`, each part base64url
 * without padding. Safe to store and to log by length, never to interpret.
 *
 * - `kekId`: the key-encryption key that wrapped the data key (1 to 32 of `A-Za-z0-9_-`);
 * - `wrappedDek`: the value's own random 256-bit data key, wrapped with AES-KW;
 * - `iv`: 96 random bits; `ciphertext`: AES-256-GCM with its 128-bit tag.
 */
export const Sealed = Schema.String.pipe(
  Schema.pattern(Envelope.sealedPattern, { identifier: "Sealed" }),
  Schema.brand("@bashke/security/Sealed"),
)

export type Sealed = typeof Sealed.Type

/**
 * A sealed value that cannot be opened. The error carries no part of the value:
 *
 * - `malformed`: not a sealed value of a known format, or not text once opened;
 * - `unknown-key`: wrapped by a key the vault was not given (removed too early?);
 * - `authentication-failed`: tampered with, or opened with another `aad` than it
 *   was sealed with (moved to another record or field).
 */
export class VaultError extends Schema.TaggedError<VaultError>()("VaultError", {
  reason: Schema.Literal("malformed", "unknown-key", "authentication-failed"),
  keyId: Schema.optional(Schema.String),
}) {
  override get message(): string {
    return this.keyId === undefined
      ? `sealed value cannot be opened (${this.reason})`
      : `sealed value cannot be opened (${this.reason}, key ${this.keyId})`
  }
}

/**
 * A key-encryption key: an id (stored in every value it wraps) and 32 bytes.
 */
export interface VaultKey {
  readonly id: string
  readonly material: Redacted.Redacted<Uint8Array>
}

export interface Service {
  /** The id of the key new values are wrapped with. */
  readonly currentKeyId: string
  /**
   * Encrypts `plaintext` under a fresh data key. `aad` names the value's place
   * (`person:<id>:family-name`); the same `aad` is needed to open it.
   */
  readonly seal: (plaintext: string, aad: string) => Effect.Effect<Sealed>
  /** Decrypts a value sealed with the same `aad`. */
  readonly open: (sealed: string, aad: string) => Effect.Effect<string, VaultError>
  /**
   * Whether the value's data key is wrapped by another vault key than the
   * current one (a value under a case's data key never is: see `CaseKeys`).
   */
  readonly needsRotation: (sealed: string) => boolean
  /** Re-wraps the value's data key under the current key; the ciphertext is unchanged. */
  readonly rewrap: (sealed: string) => Effect.Effect<Sealed, VaultError>
  /**
   * Re-wraps the data key of a value sealed under a vault key with `kek`, a
   * key the caller holds (a case's data key), and names it `kekId`; the
   * ciphertext is unchanged and nothing is decrypted. `CaseKeys` uses it to
   * move a case's older values under the case's key.
   */
  readonly rewrapInto: (sealed: string, kekId: string, kek: CryptoKey) => Effect.Effect<Sealed, VaultError>
}

export class Vault extends Context.Tag("@bashke/security/Vault")<Vault, Service>() {}

const invalid = (path: string, message: string) => ConfigError.InvalidData([path], message)

const validate = (keys: ReadonlyArray<VaultKey>): string | undefined => {
  if (keys.length === 0) return `the vault needs at least one key. Expected ${vaultKeysForm}.`
  const ids = new Set<string>()
  for (const [index, key] of keys.entries()) {
    if (!keyIdPattern.test(key.id)) return `vault key ${index + 1} has an invalid id. Expected ${vaultKeysForm}.`
    // Values under a case's data key carry this id (ADR 0012); a vault key with it would be ambiguous.
    if (key.id === Envelope.caseKekId)
      return `vault key ${index + 1} has the id "${Envelope.caseKekId}", kept for case data keys.`
    if (ids.has(key.id)) return `vault key ${index + 1} repeats an earlier key id. Expected ${vaultKeysForm}.`
    ids.add(key.id)
    const length = Redacted.value(key.material).length
    if (length !== keyLength) return `vault key ${index + 1} has ${length} bytes, expected ${keyLength}.`
  }
  return undefined
}

/**
 * Builds the vault from its keys; the first is the current key, the others
 * still open (and re-wrap) values sealed under them. Keys are imported as
 * non-extractable WebCrypto keys.
 */
export const make = (keys: NonEmptyReadonlyArray<VaultKey>): Effect.Effect<Service, ConfigError.ConfigError> =>
  Effect.gen(function* () {
    const problem = validate(keys)
    if (problem !== undefined) return yield* Effect.fail(invalid("Vault.make", problem))
    const imported = new Map<string, CryptoKey>()
    for (const key of keys) {
      imported.set(key.id, yield* Effect.promise(() => Envelope.importKek(Redacted.value(key.material))))
    }
    const currentKeyId = keys[0].id
    const current = imported.get(currentKeyId)!

    const decode = (
      sealed: string,
    ): Effect.Effect<{ readonly envelope: Envelope.Envelope; readonly kek: CryptoKey }, VaultError> => {
      const envelope = Envelope.parse(sealed)
      if (envelope === undefined) return Effect.fail(new VaultError({ reason: "malformed" }))
      const kek = imported.get(envelope.kekId)
      return kek === undefined
        ? Effect.fail(new VaultError({ reason: "unknown-key", keyId: envelope.kekId }))
        : Effect.succeed({ envelope, kek })
    }

    const seal: Service["seal"] = (plaintext, aad) =>
      Effect.promise(() => Envelope.seal(currentKeyId, current, plaintext, aad)).pipe(
        Effect.map((sealed) => sealed as Sealed),
        Span.untraced("Vault.seal", { keyId: currentKeyId }),
      )

    const open: Service["open"] = (sealed, aad) =>
      decode(sealed).pipe(
        Effect.flatMap(({ envelope, kek }) =>
          Effect.tryPromise({
            try: () => Envelope.open(kek, envelope, aad),
            // The WebCrypto error says nothing useful ("OperationError") and is dropped.
            catch: () => new VaultError({ reason: "authentication-failed", keyId: envelope.kekId }),
          }),
        ),
        Effect.flatMap((bytes) =>
          Effect.try({ try: () => fromUtf8(bytes), catch: () => new VaultError({ reason: "malformed" }) }),
        ),
        Span.untraced("Vault.open"),
      )

    const needsRotation: Service["needsRotation"] = (sealed) => {
      const keyId = Envelope.keyIdOf(sealed)
      return keyId !== currentKeyId && keyId !== Envelope.caseKekId
    }

    const rewrapInto: Service["rewrapInto"] = (sealed, kekId, kek) =>
      decode(sealed).pipe(
        Effect.flatMap(({ envelope, kek: from }) =>
          Effect.tryPromise({
            try: () => Envelope.rewrap(from, kek, kekId, envelope),
            catch: () => new VaultError({ reason: "authentication-failed", keyId: envelope.kekId }),
          }),
        ),
        Effect.map((rewrapped) => rewrapped as Sealed),
        Span.untraced("Vault.rewrapInto"),
      )

    const rewrap: Service["rewrap"] = (sealed) =>
      decode(sealed).pipe(
        Effect.flatMap(({ envelope, kek }) =>
          envelope.kekId === currentKeyId
            ? Effect.succeed(sealed as Sealed)
            : Effect.tryPromise({
                try: () => Envelope.rewrap(kek, current, currentKeyId, envelope),
                catch: () => new VaultError({ reason: "authentication-failed", keyId: envelope.kekId }),
              }).pipe(Effect.map((rewrapped) => rewrapped as Sealed)),
        ),
        Span.untraced("Vault.rewrap", { keyId: currentKeyId }),
      )

    return { currentKeyId, seal, open, needsRotation, rewrap, rewrapInto }
  })

export const layer = (keys: NonEmptyReadonlyArray<VaultKey>): Layer.Layer<Vault, ConfigError.ConfigError> =>
  Layer.effect(Vault, make(keys))

/**
 * The keys from an environment variable (default `BASHKE_VAULT_KEYS`): a comma
 * list of `<id>:<base64 key>`, the current key first. A missing or malformed
 * variable fails with a message naming it and the expected form; the value itself
 * is read as `Redacted` and never echoed.
 */
export const keysConfig = (name = "BASHKE_VAULT_KEYS"): Config.Config<NonEmptyReadonlyArray<VaultKey>> =>
  Config.redacted(name).pipe(
    Config.option,
    Config.mapOrFail((value) => {
      if (Option.isNone(value))
        return Either.left(
          ConfigError.MissingData([name], `${name} is not set: the vault cannot start. Expected ${vaultKeysForm}.`),
        )
      return parseVaultKeys(name, Redacted.value(value.value)).pipe(
        Either.mapLeft((message) => invalid(name, message)),
        Either.map((keys) =>
          Arr.map(keys, ({ id, material }): VaultKey => ({ id, material: Redacted.make(material) })),
        ),
      )
    }),
  )

/**
 * The vault with its keys from configuration (see `keysConfig`).
 */
export const layerConfig = (
  config: Config.Config<NonEmptyReadonlyArray<VaultKey>> = keysConfig(),
): Layer.Layer<Vault, ConfigError.ConfigError> => Layer.effect(Vault, Effect.flatMap(config, make))

const fixedKey = (id: string, byte: number): VaultKey => ({
  id,
  material: Redacted.make(new Uint8Array(keyLength).fill(byte)),
})

/**
 * Fixed, public keys for tests and examples: `test-current` (current) and
 * `test-previous`. Never use them for real data.
 */
export const testKeys: readonly [VaultKey, VaultKey] = [fixedKey("test-current", 0x11), fixedKey("test-previous", 0x22)]

/**
 * The vault over `testKeys`.
 */
export const layerTest: Layer.Layer<Vault> = Layer.orDie(layer(testKeys))
