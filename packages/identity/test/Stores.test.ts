// The people, sessions and one-time links over SQLite and PostgreSQL: names
// and emails sealed at rest and found by the email's blind index; sessions
// that end by the profile's idle and absolute timeouts (Effect's TestClock,
// never a sleep) and on sign-out; links that sign in once and expire.
import { Errors, type Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Duration, Effect, Exit, Option, TestClock } from "effect"
import { People, Sessions, SignIn, SignInLinks } from "../src"
import { databases, services } from "./support/Databases"

const institution = "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId
const mechanism = "01J9Z3K8V0M6YQ2R7T5W4X1BM1" as Id.MechanismId
const actor = "01J9Z3K8V0M6YQ2R7T5W4X1BP9" as Id.PrincipalId
let count = 0

const addCaseWorker = Effect.gen(function* () {
  const people = yield* People.People
  count += 1
  return yield* people.add(
    {
      displayName: `Drita Berisha ${count}`,
      email: `drita.berisha.${count}@gjilan.example`,
      language: "sq",
      institution,
      sector: "social-work",
    },
    [{ role: "case-worker", mechanism }],
    actor,
  )
})

const signedIn = Effect.gen(function* () {
  const person = yield* addCaseWorker
  const link = yield* (yield* SignInLinks.SignInLinks).issue(person.id, "sign-in")
  return { person, ...(yield* SignIn.withLink(link)) }
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: identity stores`, () => {
    layer(services(db))((it) => {
      it.effect("seals the name and the email, finds a person by any spelling of their email, refuses a second", () =>
        Effect.gen(function* () {
          const people = yield* People.People
          const person = yield* addCaseWorker
          const found = yield* people.findByEmail(`  ${person.email.toUpperCase()} `)
          expect(Option.map(found, (p) => p.id)).toEqual(Option.some(person.id))
          expect(yield* people.find(person.id)).toEqual(Option.some(person))
          expect(yield* people.findByEmail("nobody@gjilan.example")).toEqual(Option.none())
          const sql = yield* SqlClient.SqlClient
          const rows = yield* sql<Record<string, unknown>>`SELECT * FROM identity_people WHERE id = ${person.id}`
          const stored = JSON.stringify(rows)
          expect(stored).not.toContain("Drita")
          expect(stored).not.toContain("gjilan.example")
          const again = yield* Effect.flip(
            people.add({ ...person, displayName: "Someone Else" }, [{ role: "case-worker", mechanism }], actor),
          )
          expect(again).toEqual(new Errors.Conflict({ entity: "person", id: "-", rule: "identity.person.email-taken" }))
          expect(JSON.stringify(again)).not.toContain("gjilan")
          expect(yield* people.principal(person.id)).toEqual(
            Option.some({
              id: person.id,
              kind: "user",
              institution,
              sector: "social-work",
              roles: ["case-worker"],
              mechanisms: [mechanism],
            }),
          )
        }),
      )

      it.effect("a link signs in once; the session resolves to the person's principal until sign-out", () =>
        Effect.gen(function* () {
          const links = yield* SignInLinks.SignInLinks
          const sessions = yield* Sessions.Sessions
          const person = yield* addCaseWorker
          const link = yield* links.issue(person.id, "sign-in")
          const first = yield* SignIn.withLink(link)
          expect(first.principal.id).toBe(person.id)
          expect(first.secret).not.toContain(link)
          const resolved = yield* sessions.resolve(first.secret)
          expect(Option.map(resolved, (r) => r.principal)).toEqual(Option.some(first.principal))
          const reused = yield* Effect.flip(SignIn.withLink(link))
          expect(reused).toEqual(new Errors.Unauthenticated({ rule: "identity.link.invalid" }))
          expect(yield* Effect.flip(SignIn.withLink("bsl_forged"))).toEqual(reused)
          // A second sign-in from the same browser ends the session it held.
          const next = yield* links.issue(person.id, "sign-in")
          const second = yield* SignIn.withLink(next, Option.some(first.secret))
          expect(yield* sessions.resolve(first.secret)).toEqual(Option.none())
          expect(yield* sessions.end(second.secret, "signed-out")).toBe(true)
          expect(yield* sessions.resolve(second.secret)).toEqual(Option.none())
          expect(yield* sessions.end(second.secret, "signed-out")).toBe(false)
        }),
      )

      it.effect("deactivation ends every session at once and refuses the person's links; audited", () =>
        Effect.gen(function* () {
          const people = yield* People.People
          const sessions = yield* Sessions.Sessions
          const { person, secret } = yield* signedIn
          const link = yield* (yield* SignInLinks.SignInLinks).issue(person.id, "sign-in")
          expect(yield* people.isDeactivated(person.id)).toBe(false)
          expect(yield* people.deactivate(person.id, actor)).toBe(true)
          expect(yield* people.deactivate(person.id, actor)).toBe(false)
          expect(yield* people.isDeactivated(person.id)).toBe(true)
          expect(yield* people.isDeactivated(actor)).toBe(false)
          expect(yield* sessions.resolve(secret)).toEqual(Option.none())
          expect(yield* people.principal(person.id)).toEqual(Option.none())
          expect(yield* Effect.flip(SignIn.withLink(link))).toEqual(
            new Errors.Unauthenticated({ rule: "identity.link.invalid" }),
          )
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const ended = yield* sql<{ end_reason: string }>`SELECT end_reason FROM identity_sessions
            WHERE person_id = ${person.id}`
          expect(ended.map((row) => row.end_reason)).toEqual(["deactivated"])
        }),
      )

      it.effect("a link expires after its lifetime", () =>
        Effect.gen(function* () {
          const links = yield* SignInLinks.SignInLinks
          const person = yield* addCaseWorker
          const link = yield* links.issue(person.id, "sign-in")
          yield* TestClock.adjust(Duration.minutes(15))
          expect(yield* Effect.flip(SignIn.withLink(link))).toEqual(
            new Errors.Unauthenticated({ rule: "identity.link.expired" }),
          )
          const invitation = yield* links.issue(person.id, "invitation")
          // An invitation does not sign in through the sign-in door.
          expect(Exit.isFailure(yield* Effect.exit(SignIn.withLink(invitation)))).toBe(true)
        }),
      )

      it.effect("a session ends after 30 idle minutes, and is kept alive by requests", () =>
        Effect.gen(function* () {
          const sessions = yield* Sessions.Sessions
          const { secret } = yield* signedIn
          yield* TestClock.adjust(Duration.minutes(29))
          expect(Option.isSome(yield* sessions.resolve(secret))).toBe(true)
          yield* TestClock.adjust(Duration.minutes(29))
          expect(Option.isSome(yield* sessions.resolve(secret))).toBe(true)
          yield* TestClock.adjust(Duration.minutes(30))
          expect(yield* sessions.resolve(secret)).toEqual(Option.none())
          // Ended stays ended, even if the clock were to come back.
          yield* TestClock.adjust(Duration.minutes(-31))
          expect(yield* sessions.resolve(secret)).toEqual(Option.none())
        }),
      )

      it.effect("a busy session still ends 12 hours after sign-in", () =>
        Effect.gen(function* () {
          const sessions = yield* Sessions.Sessions
          const { secret } = yield* signedIn
          for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
            yield* TestClock.adjust(Duration.minutes(20))
            expect(Option.isSome(yield* sessions.resolve(secret))).toBe(true)
          }
          yield* TestClock.adjust(Duration.minutes(20))
          expect(yield* sessions.resolve(secret)).toEqual(Option.none())
        }),
      )
    })
  })
}
