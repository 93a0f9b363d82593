/**
 * Blind indexes: a keyed hash (HMAC-SHA256) of a normalized value, stored beside
 * the sealed value, so that a record can be found by personal number, and a
 * duplicate detected, without decrypting anything and without storing the value.
 *
 * The key is its own (`BASHKE_BLIND_INDEX_KEY`), separate from the vault's keys:
 * the index must stay stable across vault key rotations, and knowing it must not
 * help open a sealed value.
 */

import { Errors, Span } from "@bashke/kernel"
import { Config, ConfigError, Context, Effect, Either, Layer, Option, Redacted, Schema } from "effect"
import { copy, subtle, toHex, utf8 } from "./internal/Bytes"
import { keyLength, parseSingleKey, singleKeyForm } from "./internal/KeyText"
import { nodeCrypto } from "./internal/NodeCrypto"

/**
 * What is indexed. The kind is part of the hashed message, so the index of a
 * personal number never equals the index of a phone number with the same digits.
 * `provider-subject` is an identity provider's issuer and a person's subject
 * there (`issuer` NUL `sub`): a subject may be a user name.
 */
export const Kind = Schema.Literal("personal-number", "phone-number", "email", "provider-subject")

export type Kind = typeof Kind.Type

/**
 * A blind index: 64 lowercase hex characters.
 */
export const Digest = Schema.String.pipe(
  Schema.pattern(/^[0-9a-f]{64}$/, { identifier: "BlindIndexDigest" }),
  Schema.brand("@bashke/security/BlindIndex"),
)

export type Digest = typeof Digest.Type

/**
 * A personal number as written by hand or read from a document: spaces, dashes,
 * dots (and other whitespace) removed, letters upper-cased after Unicode NFKC
 * (so full-width digits from a scanned form count as digits).
 */
export const normalizePersonalNumber = (value: string): string =>
  value
    .normalize("NFKC")
    .replace(/[\s.\-\u2010-\u2015]/gu, "")
    .toUpperCase()

/**
 * A phone number: digits only, with a leading `+` kept when written.
 */
export const normalizePhoneNumber = (value: string): string => {
  const text = value.normalize("NFKC").trim()
  const digits = text.replace(/\D/g, "")
  return text.startsWith("+") && digits.length > 0 ? `+${digits}` : digits
}

/**
 * An e-mail address: trimmed and lower-cased.
 */
export const normalizeEmail = (value: string): string => value.normalize("NFKC").trim().toLowerCase()

/**
 * The normalization of each kind: two inputs with the same normalized form have
 * the same index.
 */
export const normalize = (kind: Kind, value: string): string => {
  switch (kind) {
    case "personal-number":
      return normalizePersonalNumber(value)
    case "phone-number":
      return normalizePhoneNumber(value)
    case "email":
      return normalizeEmail(value)
    // OIDC compares issuers and subjects exactly, case and spaces included.
    case "provider-subject":
      return value
  }
}

// The message an index is the HMAC of, or `undefined` for a value that normalizes
// to nothing. NUL separates the parts. A kind never contains one and comes first,
// so two different (kind, value) pairs never hash the same message.
const messageOf = (kind: Kind, value: string): string | undefined => {
  const normalized = normalize(kind, value)
  return normalized.length === 0 ? undefined : `bashke.blind-index.v1\u0000${kind}\u0000${normalized}`
}

export interface Service {
  /**
   * The index of `value` as `kind`. A value that normalizes to nothing fails
   * with `InvalidInput({ field: kind, rule: "blind-index.empty" })`: indexing it
   * would make every empty value a "duplicate" of every other.
   */
  readonly compute: (kind: Kind, value: string) => Effect.Effect<Digest, Errors.InvalidInput>
  /**
   * `compute` for many values of one kind (a bulk import's page of personal
   * numbers): the indexes in the order of the values, each the one `compute`
   * gives. A value that normalizes to nothing fails the whole call with
   * `InvalidInput({ field: "<its position>", rule: "blind-index.empty" })`,
   * so that the caller names it under its own field.
   */
  readonly computeAll: (
    kind: Kind,
    values: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyArray<Digest>, Errors.InvalidInput>
}

export class BlindIndex extends Context.Tag("@bashke/security/BlindIndex")<BlindIndex, Service>() {}

/**
 * Builds the index from its 32-byte key (imported as a non-extractable HMAC key).
 */
export const make = (key: Redacted.Redacted<Uint8Array>): Effect.Effect<Service, ConfigError.ConfigError> =>
  Effect.gen(function* () {
    const material = Redacted.value(key)
    if (material.length !== keyLength)
      return yield* Effect.fail(
        ConfigError.InvalidData(
          ["BlindIndex.make"],
          `the blind index key has ${material.length} bytes, expected ${keyLength}.`,
        ),
      )
    const hmac = yield* Effect.promise(() =>
      subtle().importKey("raw", copy(material), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
    )
    // Node's HMAC where there is one, keyed by the same non-extractable key
    // (`KeyObject.from` reads it without exporting it): the same digest without
    // a WebCrypto job and its round trip through the thread pool per value,
    // which a bulk import's page of personal numbers paid a thousand times.
    const node = nodeCrypto
    const nodeKey = node?.KeyObject.from(hmac)
    const digestOf = (message: string): Effect.Effect<Digest> =>
      node !== undefined
        ? Effect.sync(() => node.createHmac("sha256", nodeKey).update(message).digest("hex") as Digest)
        : Effect.promise(() => subtle().sign("HMAC", hmac, utf8(message))).pipe(
            Effect.map((mac) => toHex(mac) as Digest),
          )
    const compute: Service["compute"] = (kind, value) => {
      const message = messageOf(kind, value)
      return (
        message === undefined
          ? Effect.fail(new Errors.InvalidInput({ field: kind, rule: "blind-index.empty" }))
          : digestOf(message)
      ).pipe(Span.untraced("BlindIndex.compute", { kind }))
    }
    const computeAll: Service["computeAll"] = (kind, values) =>
      Effect.suspend(() => {
        const messages: Array<string> = []
        for (const [position, value] of values.entries()) {
          const message = messageOf(kind, value)
          if (message === undefined)
            return Effect.fail(new Errors.InvalidInput({ field: String(position), rule: "blind-index.empty" }))
          messages.push(message)
        }
        // One synchronous pass with node's HMAC: an effect and a span per value cost more than its HMAC.
        if (node !== undefined)
          return Effect.sync(() =>
            messages.map((message) => node.createHmac("sha256", nodeKey).update(message).digest("hex") as Digest),
          )
        return Effect.forEach(messages, digestOf)
      }).pipe(Span.untraced("BlindIndex.computeAll", { kind, values: values.length }))
    return { compute, computeAll }
  })

export const layer = (key: Redacted.Redacted<Uint8Array>): Layer.Layer<BlindIndex, ConfigError.ConfigError> =>
  Layer.effect(BlindIndex, make(key))

/**
 * The key from an environment variable (default `BASHKE_BLIND_INDEX_KEY`): 32
 * bytes in base64. Missing or malformed: a message naming the variable and the
 * expected form, never the value.
 */
export const keyConfig = (name = "BASHKE_BLIND_INDEX_KEY"): Config.Config<Redacted.Redacted<Uint8Array>> =>
  Config.redacted(name).pipe(
    Config.option,
    Config.mapOrFail((value) =>
      Option.isNone(value)
        ? Either.left(
            ConfigError.MissingData(
              [name],
              `${name} is not set: blind indexes cannot be computed. Expected ${singleKeyForm}.`,
            ),
          )
        : parseSingleKey(name, Redacted.value(value.value)).pipe(
            Either.mapLeft((message) => ConfigError.InvalidData([name], message)),
            Either.map((material): Redacted.Redacted<Uint8Array> => Redacted.make(material)),
          ),
    ),
  )

export const layerConfig = (
  config: Config.Config<Redacted.Redacted<Uint8Array>> = keyConfig(),
): Layer.Layer<BlindIndex, ConfigError.ConfigError> => Layer.effect(BlindIndex, Effect.flatMap(config, make))

/**
 * A fixed, public key for tests and examples. Never use it for real data.
 */
export const testKey: Redacted.Redacted<Uint8Array> = Redacted.make(new Uint8Array(keyLength).fill(0x33))

export const layerTest: Layer.Layer<BlindIndex> = Layer.orDie(layer(testKey))
