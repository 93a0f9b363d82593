import { describe, expect, it } from "@effect/vitest"
import { ConfigError, ConfigProvider, Effect, Encoding, Exit, Layer, Redacted } from "effect"
import * as fc from "fast-check"
import { Vault } from "../src"
import { property } from "./support/Property"

const key = (id: string, byte: number): Vault.VaultKey => ({
  id,
  material: Redacted.make(new Uint8Array(32).fill(byte)),
})
const base64 = (byte: number) => Encoding.encodeBase64(new Uint8Array(32).fill(byte))

const withEnv = (env: Record<string, string>) => Effect.withConfigProvider(ConfigProvider.fromJson(env))

const vaultFrom = (keys: Parameters<typeof Vault.make>[0]) => Effect.orDie(Vault.make(keys))

describe("Vault", () => {
  it.layer(Vault.layerTest)("with the test keys", (it) => {
    it.effect("opens what it sealed, with the same aad", () =>
      Effect.gen(function* () {
        const vault = yield* Vault.Vault
        const sealed = yield* vault.seal("Krasniqi", "person:p1:family-name")
        expect(sealed.startsWith("v1.test-current.")).toBe(true)
        expect(sealed).not.toContain("Krasniqi")
        expect(yield* vault.open(sealed, "person:p1:family-name")).toBe("Krasniqi")
      }),
    )

    it.effect("never seals the same value twice to the same text (fresh data key and iv)", () =>
      Effect.gen(function* () {
        const vault = yield* Vault.Vault
        const a = yield* vault.seal("1234567890", "person:p1:personal-number")
        const b = yield* vault.seal("1234567890", "person:p1:personal-number")
        expect(a).not.toBe(b)
        const [, , wrappedA, ivA] = a.split(".")
        const [, , wrappedB, ivB] = b.split(".")
        expect(wrappedA).not.toBe(wrappedB)
        expect(ivA).not.toBe(ivB)
      }),
    )

    it.effect("refuses a value moved to another record or field", () =>
      Effect.gen(function* () {
        const vault = yield* Vault.Vault
        const sealed = yield* vault.seal("Krasniqi", "person:p1:family-name")
        const otherRecord = yield* Effect.flip(vault.open(sealed, "person:p2:family-name"))
        const otherField = yield* Effect.flip(vault.open(sealed, "person:p1:given-name"))
        expect(otherRecord.reason).toBe("authentication-failed")
        expect(otherField.reason).toBe("authentication-failed")
      }),
    )

    it.effect("refuses a tampered value and names no content in the error", () =>
      Effect.gen(function* () {
        const vault = yield* Vault.Vault
        const sealed = yield* vault.seal("Vjosa Krasniqi", "person:p1:name")
        const parts = sealed.split(".")
        const ciphertext = parts[4]!
        const flipped = `${ciphertext.slice(0, 3)}${ciphertext[3] === "A" ? "B" : "A"}${ciphertext.slice(4)}`
        const tampered = [...parts.slice(0, 4), flipped].join(".")
        const error = yield* Effect.flip(vault.open(tampered, "person:p1:name"))
        expect(error._tag).toBe("VaultError")
        expect(error.reason).toBe("authentication-failed")
        expect(error.message).not.toContain("Vjosa")
        expect(error.message).not.toContain(flipped)
        expect(JSON.stringify(error)).not.toContain(flipped)
      }),
    )

    it.effect("refuses malformed text and keys it does not hold", () =>
      Effect.gen(function* () {
        const vault = yield* Vault.Vault
        expect((yield* Effect.flip(vault.open("hello", "a"))).reason).toBe("malformed")
        expect((yield* Effect.flip(vault.open("v2.a.b.c.d", "a"))).reason).toBe("malformed")
        const sealed = yield* vault.seal("x", "a")
        const foreign = sealed.replace("v1.test-current.", "v1.gone.")
        const error = yield* Effect.flip(vault.open(foreign, "a"))
        expect(error).toMatchObject({ reason: "unknown-key", keyId: "gone" })
      }),
    )

    it.effect("seal then open is the identity for any text and aad", () =>
      property(
        fc.tuple(fc.string({ unit: "grapheme", maxLength: 200 }), fc.string({ maxLength: 60 })),
        ([plaintext, aad]) =>
          Effect.gen(function* () {
            const vault = yield* Vault.Vault
            const sealed = yield* vault.seal(plaintext, aad)
            expect(sealed).toMatch(/^v1\.test-current\.[A-Za-z0-9_-]{54}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/)
            expect(yield* vault.open(sealed, aad)).toBe(plaintext)
          }),
        { numRuns: 50 },
      ),
    )
  })

  describe("rotation", () => {
    it.effect("re-wraps under the current key; the old key can then be removed", () =>
      Effect.gen(function* () {
        const old = yield* vaultFrom([key("k2025", 1)])
        const sealed = yield* old.seal("Gashi", "person:p9:family-name")
        const both = yield* vaultFrom([key("k2026", 2), key("k2025", 1)])
        expect(both.needsRotation(sealed)).toBe(true)
        expect(yield* both.open(sealed, "person:p9:family-name")).toBe("Gashi")
        const rewrapped = yield* both.rewrap(sealed)
        expect(rewrapped.startsWith("v1.k2026.")).toBe(true)
        expect(both.needsRotation(rewrapped)).toBe(false)
        // Only the data key's wrapping changes: iv and ciphertext are the same bytes.
        expect(rewrapped.split(".").slice(3)).toEqual(sealed.split(".").slice(3))
        expect(yield* both.rewrap(rewrapped)).toBe(rewrapped)
        const onlyNew = yield* vaultFrom([key("k2026", 2)])
        expect(yield* onlyNew.open(rewrapped, "person:p9:family-name")).toBe("Gashi")
        expect((yield* Effect.flip(onlyNew.open(sealed, "person:p9:family-name"))).reason).toBe("unknown-key")
      }),
    )

    it.effect("a key under a reused id but other bytes does not open the value", () =>
      Effect.gen(function* () {
        const first = yield* vaultFrom([key("k1", 1)])
        const sealed = yield* first.seal("secret", "a")
        const impostor = yield* vaultFrom([key("k1", 9)])
        expect((yield* Effect.flip(impostor.open(sealed, "a"))).reason).toBe("authentication-failed")
      }),
    )
  })

  describe("configuration", () => {
    it.effect("reads BASHKE_VAULT_KEYS: the first key is current, the others still open", () =>
      Effect.gen(function* () {
        const old = yield* vaultFrom([key("k2025", 1)])
        const sealed = yield* old.seal("Berisha", "f")
        const vault = yield* Effect.provide(
          Vault.Vault,
          Vault.layerConfig().pipe(
            Layer.provide(
              Layer.setConfigProvider(
                ConfigProvider.fromJson({ BASHKE_VAULT_KEYS: `k2026:${base64(2)}, k2025:${base64(1)}` }),
              ),
            ),
          ),
        )
        expect(vault.currentKeyId).toBe("k2026")
        expect(yield* vault.open(sealed, "f")).toBe("Berisha")
      }),
    )

    it.effect("accepts base64url keys", () =>
      Effect.gen(function* () {
        const material = new Uint8Array(32).fill(0xfb)
        const keys = yield* withEnv({ BASHKE_VAULT_KEYS: `k:${Encoding.encodeBase64Url(material)}` })(
          Vault.keysConfig(),
        )
        expect(Redacted.value(keys[0].material)).toEqual(material)
      }),
    )

    const failure = (env: Record<string, string>) =>
      withEnv(env)(Effect.flip(Vault.keysConfig())).pipe(Effect.map((error) => String(error)))

    it.effect("a missing variable stops start-up with a message naming it and the form", () =>
      Effect.gen(function* () {
        const exit = yield* Effect.exit(Layer.build(Vault.layerConfig()).pipe(Effect.scoped, withEnv({})))
        expect(Exit.isFailure(exit)).toBe(true)
        const message = yield* failure({})
        expect(message).toContain("BASHKE_VAULT_KEYS is not set")
        expect(message).toContain("<id>:<base64 key>")
      }),
    )

    it.effect("malformed keys are named by position and never echoed", () =>
      Effect.gen(function* () {
        const secretish = "c2VjcmV0LWtleS1tYXRlcmlhbC0xMjM0NTY3ODkwYWI"
        const cases: ReadonlyArray<readonly [string, string]> = [
          ["", "is empty"],
          [secretish, "entry 1 has no valid key id"],
          [`bad id!:${base64(1)}`, "entry 1 has no valid key id"],
          [`k1:${base64(1)},k2:${secretish}!!`, "entry 2: the key is not valid base64"],
          [`k1:${Encoding.encodeBase64(new Uint8Array(16).fill(7))}`, "must decode to 32 bytes, it decodes to 16"],
          [`k1:${base64(1)},k1:${base64(2)}`, "entries 1 and 2 have the same key id"],
        ]
        for (const [value, expected] of cases) {
          const message = yield* failure({ BASHKE_VAULT_KEYS: value })
          expect(message).toContain("BASHKE_VAULT_KEYS")
          expect(message).toContain(expected)
          expect(message).toContain("Expected a comma-separated list")
          if (value.length > 0) expect(message).not.toContain(secretish)
          expect(message).not.toContain(base64(1))
          expect(message).not.toContain(base64(2))
        }
      }),
    )

    it.effect("Vault.layer refuses keys of the wrong length or with repeated ids", () =>
      Effect.gen(function* () {
        const short: Vault.VaultKey = { id: "k", material: Redacted.make(new Uint8Array(8)) }
        const wrongLength = yield* Effect.flip(Vault.make([short]))
        expect(ConfigError.isConfigError(wrongLength)).toBe(true)
        expect(String(wrongLength)).toContain("8 bytes, expected 32")
        const repeated = yield* Effect.flip(Vault.make([key("k", 1), key("k", 2)]))
        expect(String(repeated)).toContain("repeats an earlier key id")
      }),
    )
  })
})
