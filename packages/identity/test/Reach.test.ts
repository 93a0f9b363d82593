// Reaching people without opening them, over SQLite and PostgreSQL: the
// active people holding a grant in a mechanism (each as they act now, with
// every grant and their language), the installation's administrators, and an
// email opened only through an audited read — never a deactivated person's.
import { Id, type Locale, Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Option } from "effect"
import { type Grants, People } from "../src"
import { databases, services } from "./support/Databases"

const health = "01J9Z3K8V0M6YQ2R7T5W4X1CH1" as Id.InstitutionId
const municipality = "01J9Z3K8V0M6YQ2R7T5W4X1CH2" as Id.InstitutionId
const actor = "01J9Z3K8V0M6YQ2R7T5W4X1CP9" as Id.PrincipalId
let count = 0

const add = (
  language: Locale.Locale,
  grants: ReadonlyArray<Grants.Grant>,
  institution: Id.InstitutionId | undefined = health,
) =>
  Effect.gen(function* () {
    count += 1
    return yield* (yield* People.People).add(
      {
        displayName: `Vesna Ilić ${count}`,
        email: `vesna.ilic.${count}@health.example`,
        language,
        ...(institution === undefined ? {} : { institution, sector: "health" as const }),
      },
      grants,
      actor,
    )
  })

const mechanismIds = Effect.map(Id.next, (id) => id as Id.MechanismId)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: reaching people`, () => {
    layer(services(db))((it) => {
      it.effect("the active people of a mechanism, each once with all their grants and language; nobody else", () =>
        Effect.gen(function* () {
          const people = yield* People.People
          const gjilan = yield* mechanismIds
          const kamenica = yield* mechanismIds
          const coordinator = yield* add("en", [{ role: "coordinator", mechanism: gjilan }], municipality)
          const nurse = yield* add("sr-Cyrl", [
            { role: "case-worker", mechanism: gjilan },
            { role: "case-worker", mechanism: kamenica },
          ])
          const elsewhere = yield* add("sq", [{ role: "case-worker", mechanism: kamenica }])
          const gone = yield* add("sq", [{ role: "case-worker", mechanism: gjilan }])
          yield* add("sq", [{ role: "auditor", mechanism: null }], undefined)
          expect(yield* people.deactivate(gone.id, actor)).toBe(true)

          const reached = yield* people.activeIn(gjilan)
          expect(reached).toEqual(
            [
              {
                principal: {
                  id: coordinator.id,
                  kind: "user",
                  institution: municipality,
                  sector: "health",
                  roles: ["coordinator"],
                  mechanisms: [gjilan],
                },
                language: "en",
              },
              {
                principal: {
                  id: nurse.id,
                  kind: "user",
                  institution: health,
                  sector: "health",
                  roles: ["case-worker"],
                  mechanisms: [gjilan, kamenica].sort(),
                },
                language: "sr-Cyrl",
              },
            ].sort((a, b) => a.principal.id.localeCompare(b.principal.id)),
          )
          // Each reached principal is what the person acts as now, whatever the credential.
          for (const each of reached)
            expect(Option.some(each.principal)).toEqual(yield* people.principal(each.principal.id))
          expect((yield* people.activeIn(kamenica)).map((each) => each.principal.id).sort()).toEqual(
            [nurse.id, elsewhere.id].sort(),
          )
          expect(yield* people.activeIn(yield* mechanismIds)).toEqual([])
        }),
      )

      it.effect("the administrators: active ones only, with their installation grants", () =>
        Effect.gen(function* () {
          const people = yield* People.People
          const before = new Set((yield* people.activeAdministrators).map((each) => each.principal.id))
          const admin = yield* add("sr-Latn", [{ role: "administrator", mechanism: null }], undefined)
          const both = yield* add(
            "sq",
            [
              { role: "administrator", mechanism: null },
              { role: "auditor", mechanism: null },
            ],
            undefined,
          )
          const gone = yield* add("en", [{ role: "administrator", mechanism: null }], undefined)
          yield* add("en", [{ role: "national-coordinator", mechanism: null }], undefined)
          yield* people.deactivate(gone.id, actor)
          const added = (yield* people.activeAdministrators).filter((each) => !before.has(each.principal.id))
          expect(added.map((each) => [each.principal.id, each.principal.roles, each.language])).toEqual(
            [
              [admin.id, ["administrator"], "sr-Latn"],
              [both.id, ["administrator", "auditor"], "sq"],
            ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
          )
          for (const each of added) expect(Principal.hasRole(each.principal, "administrator")).toBe(true)
        }),
      )

      it.effect("an email opens only through an audited read, never a deactivated person's", () =>
        Effect.gen(function* () {
          const people = yield* People.People
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const gjilan = yield* mechanismIds
          const nurse = yield* add("sr-Latn", [{ role: "case-worker", mechanism: gjilan }])
          const gone = yield* add("sq", [{ role: "case-worker", mechanism: gjilan }])
          yield* people.deactivate(gone.id, actor)
          const entries = sql<{ principal_id: string; action: string; purpose: string; institution_id: string | null }>`
            SELECT principal_id, action, purpose, institution_id FROM audit_log ORDER BY seq`
          const before = (yield* entries).length
          const reader = { actor: Principal.platformId, purpose: "mechanism-administration" } as const
          expect(yield* people.openEmail(nurse.id, reader)).toEqual(Option.some(nurse.email))
          const after = yield* entries
          expect(after.slice(before)).toEqual([
            {
              principal_id: Principal.platformId,
              action: "read",
              purpose: "mechanism-administration",
              institution_id: health,
            },
          ])
          // Unknown or deactivated: nothing opened, nothing audited.
          expect(yield* people.openEmail(gone.id, reader)).toEqual(Option.none())
          expect(yield* people.openEmail(actor, reader)).toEqual(Option.none())
          expect(yield* entries).toHaveLength(after.length)
        }),
      )
    })
  })
}
