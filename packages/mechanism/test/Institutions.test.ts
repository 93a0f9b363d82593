// The institution registry on SQLite and PostgreSQL: an administrator
// registers and revises institutions (each change audited and announced),
// everyone else is refused; bad input names the field; a refusal writes
// nothing; names are looked up by id. And the name rule, property-tested.
import { Errors, Id, LocalizedText, Principal, Transliteration } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, it, layer } from "@effect/vitest"
import { Arbitrary, Effect, FastCheck as fc, Layer, Schema } from "effect"
import { Institutions, RegisterInstitution, ReviseInstitution, SqlInstitutionStore } from "../src"
import { administrator, coordinatorPrincipal, databases, services } from "./support/Databases"

const asAdministrator = Effect.provideService(Principal.CurrentPrincipal, administrator)
const police = "01J9Z3K8V0M6YQ2R7T5W4X1BK7" as Id.InstitutionId

const name = {
  sq: "Stacioni Rajonal i Policisë – Gjilan",
  "sr-Latn": "Regionalna policijska stanica – Gnjilane",
  en: "Regional Police Station – Gjilan",
}

const counts = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const out: Record<"mechanism_institutions" | "audit_log" | "bashke_outbox", number> = {
    mechanism_institutions: 0,
    audit_log: 0,
    bashke_outbox: 0,
  }
  for (const table of ["mechanism_institutions", "audit_log", "bashke_outbox"] as const) {
    const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
    out[table] = Number(rows[0]?.n)
  }
  return out
}).pipe(Effect.orDie)

describe("Institutions.fullName", () => {
  it("property: keeps the given texts trimmed and derives Serbian Cyrillic from Serbian Latin unless given", () => {
    fc.assert(
      fc.property(Arbitrary.make(Institutions.NameInput), (input) => {
        const full = Institutions.fullName(input)
        expect(full.sq).toBe(input.sq.trim())
        expect(full.en).toBe(input.en.trim())
        expect(full["sr-Cyrl"]).toBe(input["sr-Cyrl"]?.trim() ?? Transliteration.toCyrillic(input["sr-Latn"].trim()))
        // Every locale reads the name without a fallback.
        for (const locale of ["sq", "sr-Latn", "sr-Cyrl", "en"] as const)
          expect(LocalizedText.localize(full, locale)).toBe(full[locale])
      }),
    )
  })
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: institution registry`, () => {
    layer(Layer.provideMerge(SqlInstitutionStore.layer, services(db)))((it) => {
      it.effect("an administrator registers an institution under a known id, audited and announced", () =>
        Effect.gen(function* () {
          const before = yield* counts
          const registered = yield* RegisterInstitution.register({
            id: police,
            name,
            sector: "police",
            municipality: "GJI",
          }).pipe(asAdministrator)
          expect(registered).toMatchObject({ id: police, sector: "police", municipality: "GJI", version: 1 })
          expect(registered.name["sr-Cyrl"]).toBe("Регионална полицијска станица – Гњилане")
          expect(yield* Institutions.find(police)).toEqual(registered)
          expect(yield* counts).toEqual({
            mechanism_institutions: before.mechanism_institutions + 1,
            audit_log: before.audit_log + 1,
            bashke_outbox: before.bashke_outbox + 1,
          })
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const entries = yield* sql<{ principal_id: string; action: string; purpose: string }>`SELECT principal_id,
            action, purpose FROM audit_log ORDER BY seq DESC LIMIT 1`.pipe(Effect.orDie)
          expect(entries[0]).toEqual({
            principal_id: administrator.id,
            action: "write",
            purpose: "mechanism-administration",
          })

          const national = yield* RegisterInstitution.register({
            name: {
              sq: "Agjencia për Barazi Gjinore",
              "sr-Latn": "Agencija za rodnu ravnopravnost",
              en: "Agency for Gender Equality",
            },
            sector: "municipality",
          }).pipe(asAdministrator)
          expect(national.municipality).toBeUndefined()
          expect(Schema.is(Id.InstitutionId)(national.id)).toBe(true)
          const names = yield* Institutions.names([
            police,
            national.id,
            police,
            "01J9Z3K8V0M6YQ2R7T5W4X1BZZ" as Id.InstitutionId,
          ])
          expect([...names.keys()].sort()).toEqual([police, national.id].sort())
          expect(names.get(police)?.en).toBe(name.en)
        }),
      )

      it.effect("refuses a second registration of an id, an unknown sector and a blank name; nothing written", () =>
        Effect.gen(function* () {
          const before = yield* counts
          const twice = yield* Effect.flip(
            RegisterInstitution.register({ id: police, name, sector: "police" }).pipe(asAdministrator),
          )
          expect(twice).toEqual(
            new Errors.Conflict({
              entity: "Institution",
              id: police,
              rule: "mechanism.institution.already-registered",
            }),
          )
          const blank = yield* Effect.flip(
            RegisterInstitution.register({ name: { ...name, en: "  " }, sector: "police" }).pipe(asAdministrator),
          )
          expect(blank).toEqual(
            new Errors.InvalidInput({ field: "name.en", rule: "mechanism.institution.name-invalid" }),
          )
          const sector = yield* Effect.flip(
            RegisterInstitution.register({ name, sector: "bakery" as never }).pipe(asAdministrator),
          )
          expect(sector).toBeInstanceOf(Errors.InvalidInput)
          expect((sector as Errors.InvalidInput).field).toBe("sector")
          expect(yield* counts).toEqual(before)
        }),
      )

      it.effect("only an administrator registers or revises", () =>
        Effect.gen(function* () {
          const before = yield* counts
          const coordinator = coordinatorPrincipal("01J9Z3K8V0M6YQ2R7T5W4X1B0M")
          const refused = yield* Effect.flip(
            RegisterInstitution.register({ name, sector: "police" }).pipe(
              Effect.provideService(Principal.CurrentPrincipal, coordinator),
            ),
          )
          expect(refused).toEqual(
            new Errors.Forbidden({
              action: "mechanism.institution.register",
              rule: "mechanism.institution.administrator-required",
            }),
          )
          const revise = yield* Effect.flip(
            ReviseInstitution.revise({ institutionId: police, expectedVersion: 1, name, sector: "police" }).pipe(
              Effect.provideService(Principal.CurrentPrincipal, coordinator),
            ),
          )
          expect(revise).toBeInstanceOf(Errors.Forbidden)
          expect(yield* counts).toEqual(before)
        }),
      )

      it.effect("revises with the version read, clears a municipality left out, refuses a stale version", () =>
        Effect.gen(function* () {
          const revised = yield* ReviseInstitution.revise({
            institutionId: police,
            expectedVersion: 1,
            name: { ...name, "sr-Cyrl": "Регионална станица полиције – Гњилане" },
            sector: "police",
          }).pipe(asAdministrator)
          expect(revised.version).toBe(2)
          expect(revised.municipality).toBeUndefined()
          expect(revised.name["sr-Cyrl"]).toBe("Регионална станица полиције – Гњилане")
          expect(yield* Institutions.find(police)).toEqual(revised)
          const before = yield* counts
          const stale = yield* Effect.flip(
            ReviseInstitution.revise({ institutionId: police, expectedVersion: 1, name, sector: "police" }).pipe(
              asAdministrator,
            ),
          )
          expect(stale).toMatchObject({ _tag: "Conflict", rule: "version.stale", expectedVersion: 1, actualVersion: 2 })
          const unknown = yield* Effect.flip(
            ReviseInstitution.revise({
              institutionId: "01J9Z3K8V0M6YQ2R7T5W4X1BZZ",
              expectedVersion: 1,
              name,
              sector: "police",
            }).pipe(asAdministrator),
          )
          expect(unknown).toBeInstanceOf(Errors.NotFound)
          expect(yield* counts).toEqual(before)
          expect(yield* Institutions.find(police)).toEqual(revised)
        }),
      )
    })
  })
}

describe("Institutions.requireAdministrator", () => {
  it.effect("lets an administrator through and names the rule otherwise", () =>
    Effect.gen(function* () {
      expect(yield* Institutions.requireAdministrator("x").pipe(asAdministrator)).toEqual(administrator)
    }),
  )
})
