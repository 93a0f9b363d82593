// The service directory paged in SQL by keyset (`DirectoryPages` over the
// repository's `organizationPage`, `locationPage`, `servicePage`), on SQLite
// and PostgreSQL: property — every page walked in turn, with any filters, is
// the directory's list filtered and sorted as the in-memory rule does; and the
// cursor's boundary, empty pages, a language matched as a whole tag, a foreign
// cursor refused. On SQLite, each filtered walk reads migration 6's index.
import { Cursor, Errors, Id, type Municipality } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import type * as Directory from "../../src/Directory"
import * as DirectoryPages from "../../src/DirectoryPages"
import { ReferralRepository } from "../../src/ReferralRepository"
import type * as ServiceType from "../../src/ServiceType"
import { databases, services } from "./Databases"

const idOf = (n: number) => Id.ulidAt(1_770_000_000_000 + n, new Uint8Array(10).fill(n % 256))
const institutionOf = (n: number) => idOf(500 + n) as Id.InstitutionId
const municipalities = ["DEC", "DRA", "FER"] as unknown as ReadonlyArray<Municipality.MunicipalityCode>
const types: ReadonlyArray<ServiceType.ServiceType> = ["shelter", "legal-aid", "medical-care"]
const languages = ["sq", "sr-Latn", "sr", "tr"] as const

/** Every page by the `next` cursor, `limit` at a time; every page but the last is full. */
const walk = <A, E, R>(
  read: (query: DirectoryPages.PageQuery) => Effect.Effect<{ items: ReadonlyArray<A>; next: string | null }, E, R>,
  limit: number,
) =>
  Effect.gen(function* () {
    const seen: Array<A> = []
    let after: string | undefined
    for (let pages = 0; pages < 500; pages++) {
      const page = yield* read({ limit, after })
      seen.push(...page.items)
      if (page.next === null) return seen
      expect(page.items).toHaveLength(limit)
      after = page.next
    }
    throw new Error("the cursor never ended")
  })

const byId = (a: { readonly id: string }, b: { readonly id: string }) => Cursor.compare([a.id], [b.id])

const organizations = [3, 0, 2, 1].map(
  (n): Directory.Organization => ({ institution: institutionOf(n), name: `Provider ${n}`, sector: "shelter" }),
)

const entry = fc.record({
  institution: fc.integer({ min: 0, max: 3 }),
  municipality: fc.constantFrom(...municipalities),
  type: fc.constantFrom(...types),
  languages: fc.uniqueArray(fc.constantFrom(...languages), { minLength: 1, maxLength: 3 }),
  active: fc.boolean(),
})

const filter = fc.record(
  {
    type: fc.constantFrom(...types),
    municipality: fc.constantFrom(...municipalities),
    language: fc.constantFrom(...languages),
    institution: fc.integer({ min: 0, max: 3 }).map(institutionOf),
    active: fc.boolean(),
  },
  { requiredKeys: [] },
)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the service directory paged in SQL`, () => {
    // Each test on a database of its own, with the providers registered.
    const fresh = () => layer(services(db))
    const registerProviders = Effect.flatMap(ReferralRepository, (repository) =>
      Effect.forEach(organizations, repository.insertOrganization, { discard: true }),
    )
    fresh()((it) => {
      it.effect("property: locations and services walked page by page are the directory's, filtered, by id", () =>
        Effect.gen(function* () {
          const repository = yield* ReferralRepository
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          yield* registerProviders
          const context = yield* Effect.context<ReferralRepository>()
          const property = fc.asyncProperty(
            fc.array(entry, { minLength: 3, maxLength: 14, size: "max" }),
            fc.integer({ min: 1, max: 4 }),
            filter,
            (entries, limit, wanted) =>
              Effect.runPromise(
                Effect.gen(function* () {
                  yield* sql`DELETE FROM referral_services`.pipe(Effect.orDie)
                  yield* sql`DELETE FROM referral_locations`.pipe(Effect.orDie)
                  // Ids a permutation of the insertion order, so an order by insertion would show.
                  const locations = entries.map(
                    (e, i): Directory.Location => ({
                      id: idOf((i * 7) % 17) as Directory.LocationId,
                      institution: institutionOf(e.institution),
                      name: `Office ${i}`,
                      municipality: e.municipality,
                    }),
                  )
                  const services = entries.map(
                    (e, i): Directory.Service => ({
                      id: idOf(100 + ((i * 5) % 17)) as Id.ServiceId,
                      institution: institutionOf(e.institution),
                      name: `Service ${i}`,
                      type: e.type,
                      municipality: e.municipality,
                      languages: e.languages as unknown as Directory.Service["languages"],
                      locations: [],
                      active: e.active,
                    }),
                  )
                  for (const location of locations) yield* repository.insertLocation(location)
                  for (const service of services) yield* repository.insertService(service)
                  const locationFilter = { municipality: wanted.municipality, institution: wanted.institution }
                  expect(yield* walk((query) => DirectoryPages.locations(locationFilter, query), limit)).toEqual(
                    locations
                      .filter(
                        (l) =>
                          (wanted.municipality === undefined || l.municipality === wanted.municipality) &&
                          (wanted.institution === undefined || l.institution === wanted.institution),
                      )
                      .sort(byId),
                  )
                  expect(yield* walk((query) => DirectoryPages.services(wanted, query), limit)).toEqual(
                    services
                      .filter(
                        (s) =>
                          (wanted.type === undefined || s.type === wanted.type) &&
                          (wanted.municipality === undefined || s.municipality === wanted.municipality) &&
                          (wanted.language === undefined || s.languages.includes(wanted.language)) &&
                          (wanted.institution === undefined || s.institution === wanted.institution) &&
                          (wanted.active === undefined || s.active === wanted.active),
                      )
                      .sort(byId),
                  )
                }).pipe(Effect.provide(context)),
              ),
          )
          yield* Effect.promise(() => fc.assert(property, { numRuns: 25 }))
        }),
      )
    })
    fresh()((it) => {
      it.effect("providers by institution id; the cursor's boundary, empty pages, whole language tags", () =>
        Effect.gen(function* () {
          const repository = yield* ReferralRepository
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          yield* registerProviders
          const all = [...organizations].sort((a, b) => Cursor.compare([a.institution], [b.institution]))
          for (const limit of [1, 2, 3, 4, 10]) expect(yield* walk(DirectoryPages.organizations, limit)).toEqual(all)
          const after = Cursor.encode([all[1]?.institution ?? ""])
          expect(yield* DirectoryPages.organizations({ limit: 5, after })).toEqual({ items: all.slice(2), next: null })
          // `sr` is not `sr-Latn`: a language matches a whole tag.
          const service: Directory.Service = {
            id: idOf(300) as Id.ServiceId,
            institution: institutionOf(0),
            name: "Counselling",
            type: "legal-aid",
            municipality: "DEC" as Municipality.MunicipalityCode,
            languages: ["sr-Latn"],
            locations: [],
            active: true,
          }
          yield* repository.insertService(service)
          expect((yield* DirectoryPages.services({ language: "sr-Latn" }, { limit: 5 })).items).toEqual([service])
          expect(yield* DirectoryPages.services({ language: "sr" }, { limit: 5 })).toEqual({ items: [], next: null })
          expect(yield* DirectoryPages.services({ type: "shelter" }, { limit: 5 })).toEqual({ items: [], next: null })
          const last = Cursor.encode([service.id])
          expect(yield* DirectoryPages.services({}, { limit: 5, after: last })).toEqual({ items: [], next: null })
          const foreign = Cursor.encode([3])
          expect(yield* Effect.flip(DirectoryPages.locations({}, { limit: 5, after: foreign }))).toEqual(
            new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" }),
          )
          yield* sql.onDialectOrElse({
            pg: () => Effect.void,
            orElse: () =>
              Effect.gen(function* () {
                const walks = (query: string, index: string) =>
                  Effect.map(sql.unsafe<{ detail: string }>(`EXPLAIN QUERY PLAN ${query}`), (rows) => {
                    const detail = rows.map((row) => row.detail).join(" | ")
                    expect(detail).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`))
                    expect(detail).not.toMatch(/TEMP B-TREE/)
                  })
                const from = idOf(1)
                yield* walks(
                  `SELECT * FROM referral_locations WHERE municipality = 'DEC' AND id > '${from}' ORDER BY id LIMIT 3`,
                  "referral_locations_municipality_page",
                )
                yield* walks(
                  `SELECT * FROM referral_locations WHERE institution_id = '${institutionOf(0)}' AND id > '${from}'
                    ORDER BY id LIMIT 3`,
                  "referral_locations_institution_page",
                )
                yield* walks(
                  `SELECT * FROM referral_services WHERE type = 'shelter' AND id > '${from}' ORDER BY id LIMIT 3`,
                  "referral_services_type_page",
                )
                yield* walks(
                  `SELECT * FROM referral_services WHERE institution_id = '${institutionOf(0)}' AND id > '${from}'
                    ORDER BY id LIMIT 3`,
                  "referral_services_institution_page",
                )
              }).pipe(Effect.orDie),
          })
        }),
      )
    })
  })
}
