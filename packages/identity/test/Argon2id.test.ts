// The two argon2id engines (hash-wasm's WebAssembly on Node, @noble/hashes'
// JavaScript on Workers) give the same encoded hashes: one made by either
// verifies with the other, a wrong password is refused by both; the RFC 9106
// test vector pins both to the standard. Few fast-check runs: argon2 is slow.
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import { argon2id } from "hash-wasm"
import { Password } from "../src"
import * as Argon2id from "../src/internal/Argon2id"

const engines = { wasm: Argon2id.wasm, javascript: Argon2id.javascript } as const
const salt = () => crypto.getRandomValues(new Uint8Array(16))
const passwords = fc.string({ unit: "grapheme", minLength: 12, maxLength: 40 })

describe("argon2id engines", () => {
  it("both compute the reference hash of argon2's own test vectors", async () => {
    // From the reference implementation (phc-winner-argon2, `argon2 somesalt -id -t 2 -m 16 -p 1` with "password").
    const expected = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
    const cost = { memorySize: 65_536, iterations: 2, parallelism: 1, hashLength: 32 }
    const reference = new TextEncoder().encode("somesalt")
    for (const engine of Object.values(engines))
      expect(await Argon2id.hashWith(engine, "password", reference, cost)).toBe(expected)
  })

  for (const [maker, made] of Object.entries(engines))
    for (const [checker, checks] of Object.entries(engines))
      if (maker !== checker)
        it(`a hash made by ${maker} verifies with ${checker}; a wrong password is refused`, async () => {
          await fc.assert(
            fc.asyncProperty(passwords, passwords, async (password, other) => {
              fc.pre(password !== other)
              const encoded = await Argon2id.hashWith(made, password, salt(), Password.parameters)
              expect(encoded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
              expect(await Argon2id.verifyWith(checks, password, encoded)).toBe(true)
              expect(await Argon2id.verifyWith(checks, other, encoded)).toBe(false)
            }),
            { numRuns: 3 },
          )
        })

  it("hashes stored before, encoded by hash-wasm itself, verify with both engines", async () => {
    await fc.assert(
      fc.asyncProperty(passwords, async (password) => {
        const stored = await argon2id({ password, salt: salt(), ...Password.parameters, outputType: "encoded" })
        expect(
          Argon2id.encode(
            Argon2id.decode(stored)?.salt ?? new Uint8Array(),
            Password.parameters,
            Argon2id.decode(stored)?.hash ?? new Uint8Array(),
          ),
        ).toBe(stored)
        for (const engine of Object.values(engines)) {
          expect(await Argon2id.verifyWith(engine, password, stored)).toBe(true)
          expect(await Argon2id.verifyWith(engine, `${password}!`, stored)).toBe(false)
        }
      }),
      { numRuns: 2 },
    )
  })

  it("a malformed hash matches nothing", async () => {
    for (const encoded of [
      "",
      "$argon2i$v=19$m=8,t=1,p=1$c29tZXNhbHQ$AAAAAAAA",
      "$argon2id$v=16$m=8,t=1,p=1$c29tZXNhbHQ$AAAAAAAA",
      "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHQ$!!!!!!!!",
    ])
      for (const engine of Object.values(engines))
        expect(await Argon2id.verifyWith(engine, "password", encoded)).toBe(false)
  })

  it.effect("Password.hash and Password.verify agree through whichever engine runs here", () =>
    Effect.gen(function* () {
      const encoded = yield* Password.hash("seven green shelters in gjilan")
      expect(yield* Password.verify("seven green shelters in gjilan", encoded)).toBe(true)
      expect(yield* Password.verify("seven green shelters in prizren", encoded)).toBe(false)
      expect(
        yield* Effect.promise(() =>
          Argon2id.verifyWith(Argon2id.javascript, "seven green shelters in gjilan", encoded),
        ),
      ).toBe(true)
    }),
  )
})
