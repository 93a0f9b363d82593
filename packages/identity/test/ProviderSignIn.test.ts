// Signing in through an identity provider, over SQLite and PostgreSQL: a
// pending flow is taken once, only by the browser that started it and only
// within its lifetime (TestClock); a subject finds its person, the first time
// links a person whose address the provider verified (same institution only)
// or adds one; an unverified address never links; grants follow the claims;
// a deactivated person is refused; nothing is kept of the subject in clear.
import { Errors, type Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Duration, Effect, Option, TestClock } from "effect"
import { People, type ProviderClaims, ProviderFlows, ProviderSignIn, ProviderSubjects, Sessions } from "../src"
import { databases, services } from "./support/Databases"

const police = "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId
const gjilan = "01J9Z3K8V0M6YQ2R7T5W4X1BM1" as Id.MechanismId
const actor = "01J9Z3K8V0M6YQ2R7T5W4X1BP9" as Id.PrincipalId
const issuer = "https://id.police.example"
const mapping: ProviderClaims.Mapping = {
  institution: { id: police, sector: "police" },
  roles: {
    claim: "groups",
    values: {
      investigators: [{ role: "case-worker", mechanism: gjilan }],
      leads: [
        { role: "case-worker", mechanism: gjilan },
        { role: "coordinator", mechanism: gjilan },
      ],
    },
  },
}
let count = 0
const claimsOf = (overrides: Record<string, unknown> = {}) => {
  count += 1
  return {
    sub: `subject-${count}-${Math.random()}`,
    name: `Besnik Gashi ${count}`,
    email: `besnik.gashi.${count}.${Math.random().toString(36).slice(2)}@police.example`,
    email_verified: true,
    groups: ["investigators"],
    ...overrides,
  }
}
const failure = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.flip(effect)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: sign-in through an identity provider`, () => {
    layer(services(db))((it) => {
      it.effect("a flow is taken once, by its browser, within ten minutes", () =>
        Effect.gen(function* () {
          const flows = yield* ProviderFlows.ProviderFlows
          const pending = yield* flows.start
          expect(pending.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
          const other = yield* flows.start
          const unknown = new Errors.Unauthenticated({ rule: "identity.provider.flow-unknown" })
          expect(yield* failure(flows.take(pending.state, other.browser))).toEqual(unknown)
          expect(yield* failure(flows.take(pending.state, undefined))).toEqual(unknown)
          expect(yield* failure(flows.take("x".repeat(43), pending.browser))).toEqual(unknown)
          expect(yield* flows.take(pending.state, pending.browser)).toEqual({
            nonce: pending.nonce,
            verifier: pending.verifier,
          })
          expect(yield* failure(flows.take(pending.state, pending.browser))).toEqual(unknown)
          yield* TestClock.adjust(Duration.minutes(10))
          expect(yield* failure(flows.take(other.state, other.browser))).toEqual(
            new Errors.Unauthenticated({ rule: "identity.provider.flow-expired" }),
          )
          const sql = yield* SqlClient.SqlClient
          const stored = JSON.stringify(yield* sql`SELECT * FROM identity_provider_flows`)
          expect(stored).not.toContain(pending.state)
          expect(stored).not.toContain(pending.browser)
        }),
      )

      it.effect("the first sign-in adds the person; the next finds them by subject, grants following the claims", () =>
        Effect.gen(function* () {
          const claims = claimsOf({ locale: "sr-Latn" })
          const first = yield* ProviderSignIn.withProvider(mapping, { issuer, claims })
          expect(first.principal).toMatchObject({
            kind: "user",
            institution: police,
            sector: "police",
            roles: ["case-worker"],
            mechanisms: [gjilan],
          })
          const people = yield* People.People
          expect(yield* people.find(first.principal.id)).toEqual(
            Option.some({
              id: first.principal.id,
              displayName: claims.name,
              email: claims.email,
              language: "sr-Latn",
              institution: police,
              sector: "police",
              active: true,
            }),
          )
          const sessions = yield* Sessions.Sessions
          const second = yield* ProviderSignIn.withProvider(mapping, {
            issuer,
            claims: { ...claims, name: "Renamed", groups: ["leads"] },
            previous: Option.some(first.secret),
          })
          expect(second.principal.id).toBe(first.principal.id)
          expect(second.principal.roles).toEqual(["case-worker", "coordinator"])
          expect(yield* sessions.resolve(first.secret)).toEqual(Option.none())
          // Another issuer's same subject is someone else: unverified, their address is taken.
          const elsewhere = yield* failure(
            ProviderSignIn.withProvider(mapping, {
              issuer: "https://id.other.example",
              claims: { ...claims, email_verified: false },
            }),
          )
          expect(elsewhere).toEqual(
            new Errors.Conflict({ entity: "person", id: "-", rule: "identity.person.email-taken" }),
          )
          const sql = yield* SqlClient.SqlClient
          expect(JSON.stringify(yield* sql`SELECT * FROM identity_provider_subjects`)).not.toContain(claims.sub)
        }),
      )

      it.effect("links by a verified address of the same institution only; an unverified one never links", () =>
        Effect.gen(function* () {
          const people = yield* People.People
          const claims = claimsOf()
          const existing = yield* people.add(
            { displayName: "Besnik", email: claims.email, language: "sq", institution: police, sector: "police" },
            [{ role: "case-worker", mechanism: gjilan }],
            actor,
          )
          const unverified = yield* failure(
            ProviderSignIn.withProvider(mapping, { issuer, claims: { ...claims, email_verified: false } }),
          )
          expect(unverified).toEqual(
            new Errors.Conflict({ entity: "person", id: "-", rule: "identity.person.email-taken" }),
          )
          const subjects = yield* ProviderSubjects.ProviderSubjects
          expect(yield* subjects.find(issuer, claims.sub)).toEqual(Option.none())
          const otherInstitution = {
            ...mapping,
            institution: { id: "01J9Z3K8V0M6YQ2R7T5W4X1BK7" as Id.InstitutionId },
          }
          expect(yield* failure(ProviderSignIn.withProvider(otherInstitution, { issuer, claims }))).toEqual(
            new Errors.Forbidden({ action: "sign-in", rule: "identity.provider.link-refused" }),
          )
          const linked = yield* ProviderSignIn.withProvider(mapping, { issuer, claims })
          expect(linked.principal.id).toBe(existing.id)
          // The same address under a second subject of the same provider is not linked again.
          expect(
            yield* failure(ProviderSignIn.withProvider(mapping, { issuer, claims: { ...claims, sub: "another" } })),
          ).toEqual(new Errors.Forbidden({ action: "sign-in", rule: "identity.provider.link-refused" }))
        }),
      )

      it.effect("a deactivated person is refused, and no session starts", () =>
        Effect.gen(function* () {
          const claims = claimsOf()
          const first = yield* ProviderSignIn.withProvider(mapping, { issuer, claims })
          yield* (yield* People.People).deactivate(first.principal.id, actor)
          const sql = yield* SqlClient.SqlClient
          const before = yield* sql`SELECT id FROM identity_sessions WHERE person_id = ${first.principal.id}`
          expect(yield* failure(ProviderSignIn.withProvider(mapping, { issuer, claims }))).toEqual(
            new Errors.Forbidden({ action: "sign-in", rule: "identity.person.deactivated" }),
          )
          expect(yield* sql`SELECT id FROM identity_sessions WHERE person_id = ${first.principal.id}`).toEqual(before)
        }),
      )
    })
  })
}
