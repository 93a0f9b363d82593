// The passkeys' store over SQLite and PostgreSQL: a challenge redeems once,
// only for the ceremony and person it was issued to, and not after its five
// minutes (Effect's TestClock, never a sleep); a counter advances only
// upwards, so a replayed or cloned assertion's counter is refused; a
// credential id is registered once.
import type { Id } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Duration, Effect, Option, TestClock } from "effect"
import { Passkey, Passkeys, People } from "../src"
import { databases, services } from "./support/Databases"

const institution = "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId
const mechanism = "01J9Z3K8V0M6YQ2R7T5W4X1BM1" as Id.MechanismId
const actor = "01J9Z3K8V0M6YQ2R7T5W4X1BP9" as Id.PrincipalId
let count = 0

const addPerson = Effect.gen(function* () {
  count += 1
  return yield* (yield* People.People).add(
    {
      displayName: `Arta Shala ${count}`,
      email: `arta.shala.${count}@gjilan.example`,
      language: "sq",
      institution,
      sector: "police",
    },
    [{ role: "case-worker", mechanism }],
    actor,
  )
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: passkeys store`, () => {
    layer(services(db))((it) => {
      it.effect("a challenge redeems once, for its ceremony and person, before it expires", () =>
        Effect.gen(function* () {
          const passkeys = yield* Passkeys.Passkeys
          const person = yield* addPerson
          const other = yield* addPerson
          const mine = Option.some(person.id)
          yield* passkeys.issueChallenge(`c-${count}-a`, "registration", mine)
          expect(yield* passkeys.redeemChallenge(`c-${count}-a`, "authentication", Option.none())).toBe(false)
          // The wrong ceremony does not use it up; another person does (the answer was shown to them).
          yield* passkeys.issueChallenge(`c-${count}-b`, "registration", mine)
          expect(yield* passkeys.redeemChallenge(`c-${count}-b`, "registration", Option.some(other.id))).toBe(false)
          expect(yield* passkeys.redeemChallenge(`c-${count}-b`, "registration", mine)).toBe(false)
          yield* passkeys.issueChallenge(`c-${count}-c`, "registration", mine)
          expect(yield* passkeys.redeemChallenge(`c-${count}-c`, "registration", mine)).toBe(true)
          expect(yield* passkeys.redeemChallenge(`c-${count}-c`, "registration", mine)).toBe(false)
          expect(yield* passkeys.redeemChallenge("never-issued", "registration", mine)).toBe(false)

          yield* passkeys.issueChallenge(`c-${count}-d`, "authentication", Option.none())
          yield* passkeys.issueChallenge(`c-${count}-e`, "authentication", Option.none())
          yield* TestClock.adjust(Duration.millis(Duration.toMillis(Passkey.challengeLifetime) - 1))
          expect(yield* passkeys.redeemChallenge(`c-${count}-d`, "authentication", Option.none())).toBe(true)
          yield* TestClock.adjust(Duration.millis(1))
          expect(yield* passkeys.redeemChallenge(`c-${count}-e`, "authentication", Option.none())).toBe(false)
        }),
      )

      it.effect("a counter only advances; a credential id registers once", () =>
        Effect.gen(function* () {
          const passkeys = yield* Passkeys.Passkeys
          const person = yield* addPerson
          const id = `credential-${count}`
          const passkey = {
            id,
            person: person.id,
            publicKey: "pQECAyYgASFYIA",
            counter: 0,
            transports: ["usb" as const],
          }
          expect(yield* passkeys.add(passkey)).toBe(true)
          expect(yield* passkeys.add({ ...passkey, person: (yield* addPerson).id })).toBe(false)
          expect(yield* passkeys.find(id)).toEqual(Option.some(passkey))
          expect(yield* passkeys.forPerson(person.id)).toEqual([passkey])
          expect(yield* passkeys.advance(id, 0)).toBe(true)
          expect(yield* passkeys.advance(id, 3)).toBe(true)
          expect(yield* passkeys.advance(id, 3)).toBe(false)
          expect(yield* passkeys.advance(id, 2)).toBe(false)
          expect(yield* passkeys.advance(id, 0)).toBe(false)
          expect(yield* passkeys.advance(id, 4)).toBe(true)
          expect(Option.map(yield* passkeys.find(id), (found) => found.counter)).toEqual(Option.some(4))
          expect(yield* passkeys.advance("unknown", 9)).toBe(false)
        }),
      )
    })
  })
}
