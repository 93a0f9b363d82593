// The package's lists paged in SQL by keyset (`MechanismLists`, `Institutions.page`),
// on SQLite and PostgreSQL: the order, the cursor's boundary (a page starts
// strictly after the row the cursor names), the filters, the empty page, a
// cursor of another list refused, and — property-tested — every page walked
// in turn gives the whole list, filtered and sorted as the in-memory rule does.
// On SQLite, each walk's plan reads an index from the cursor with no sort.
import { type CivilDate, Cursor, Errors, Id, type Municipality, type Principal, type Sector } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, FastCheck as fc, Layer } from "effect"
import {
  Institutions,
  type Mechanism,
  MechanismLists,
  MechanismRepository,
  Membership,
  type Memorandum,
  SqlInstitutionStore,
} from "../src"
import { administrator, databases, services } from "./support/Databases"

const idOf = (n: number) => Id.ulidAt(1_750_000_000_000 + n, new Uint8Array(10).fill(n % 256))
const mechanismIdOf = (n: number) => idOf(n) as Id.MechanismId
const municipalities = ["DEC", "DRA", "FER", "FKO", "GJA", "GJI", "DRE"] as const
const statuses = ["forming", "active", "suspended"] as const

const mechanismOf = (n: number): Mechanism.Mechanism => ({
  id: mechanismIdOf(n),
  municipality: municipalities[n] as Municipality.MunicipalityCode,
  name: { sq: "M", "sr-Latn": "M", "sr-Cyrl": "М", en: "M" },
  status: statuses[n % 3] as Mechanism.Mechanism["status"],
  minimumMeetingsPerYear: 6,
  quorum: "all",
  version: 1,
  createdAt: new Date(1_750_000_000_000 + n * 1000),
})

// The mechanisms are inserted out of id order, so an order by insertion would show.
const mechanismNumbers = [4, 1, 6, 0, 3, 5, 2]

const reader = (mechanisms: ReadonlyArray<Id.MechanismId>): Principal.Principal => ({
  id: idOf(900) as Id.PrincipalId,
  kind: "user",
  institution: idOf(901) as Id.InstitutionId,
  sector: "police",
  roles: ["member-representative"],
  mechanisms,
})

/** Every page of a list, `limit` at a time, by the `next` cursor; every page but the last is full. */
const walk = <A, E, R>(
  read: (query: MechanismLists.PageQuery) => Effect.Effect<{ items: ReadonlyArray<A>; next: string | null }, E, R>,
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

const plan = (query: string) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql.unsafe<{ detail: string }>(`EXPLAIN QUERY PLAN ${query}`).pipe(Effect.orDie)
    return rows.map((row) => row.detail).join(" | ")
  })

/** On SQLite: the walk reads `index` from the cursor, and sorts nothing. */
const walksIndex = (query: string, index: string) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    yield* sql.onDialectOrElse({
      pg: () => Effect.void,
      orElse: () =>
        Effect.map(plan(query), (detail) => {
          expect(detail).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`))
          expect(detail).not.toMatch(/TEMP B-TREE/)
        }),
    })
  })

const byKey = (a: Cursor.Key, b: Cursor.Key) => Cursor.compare(a, b)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the mechanism lists paged in SQL`, () => {
    // Each test on a database of its own: the mechanisms' municipalities are unique.
    const fresh = () => layer(Layer.provideMerge(SqlInstitutionStore.layer, services(db)))
    fresh()((it) => {
      it.effect("mechanisms: by id, of a status, a municipality, the reader's own; the cursor's boundary", () =>
        Effect.gen(function* () {
          const repository = yield* MechanismRepository.MechanismRepository
          for (const n of mechanismNumbers) yield* repository.insertMechanism(mechanismOf(n))
          const all = mechanismNumbers.map(mechanismOf).sort((a, b) => byKey([a.id], [b.id]))
          for (const limit of [1, 2, 3, 7, 50])
            expect(yield* walk((query) => MechanismLists.mechanisms(administrator, {}, query), limit)).toEqual(all)
          // A page starts strictly after the cursor's id.
          const first = yield* MechanismLists.mechanisms(administrator, {}, { limit: 2 })
          expect(first.items).toEqual(all.slice(0, 2))
          const second = yield* MechanismLists.mechanisms(administrator, {}, { limit: 2, after: first.next ?? "" })
          expect(second.items).toEqual(all.slice(2, 4))
          // Filters.
          const active = yield* walk(
            (query) => MechanismLists.mechanisms(administrator, { status: "active" }, query),
            1,
          )
          expect(active).toEqual(all.filter((m) => m.status === "active"))
          const inFer = yield* MechanismLists.mechanisms(administrator, { municipality: "FER" as never }, { limit: 5 })
          expect(inFer).toEqual({ items: all.filter((m) => m.municipality === "FER"), next: null })
          // A member sees only the mechanisms its token names, paged the same way.
          const own = [mechanismIdOf(5), mechanismIdOf(0), mechanismIdOf(3)]
          const mine = yield* walk((query) => MechanismLists.mechanisms(reader(own), {}, query), 1)
          expect(mine).toEqual(all.filter((m) => own.includes(m.id)))
          // Empty pages: none named, after the last, a status no one has.
          expect(yield* MechanismLists.mechanisms(reader([]), {}, { limit: 5 })).toEqual({ items: [], next: null })
          const last = Cursor.encode([all[all.length - 1]?.id ?? ""])
          expect(yield* MechanismLists.mechanisms(administrator, {}, { limit: 5, after: last })).toEqual({
            items: [],
            next: null,
          })
          // A cursor of another list (a membership's) is malformed.
          const wrong = Cursor.encode(["2026-01-01", idOf(1)])
          expect(yield* Effect.flip(MechanismLists.mechanisms(administrator, {}, { limit: 5, after: wrong }))).toEqual(
            new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" }),
          )
          yield* walksIndex(
            `SELECT id FROM mechanisms WHERE status = 'active' AND id > '${all[0]?.id}' ORDER BY id LIMIT 3`,
            "mechanisms_status_page",
          )
        }),
      )
    })
    fresh()((it) => {
      it.effect("property: a mechanism's memberships walked page by page are the list, filtered and sorted", () =>
        Effect.gen(function* () {
          const repository = yield* MechanismRepository.MechanismRepository
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const mechanism = mechanismOf(0)
          const other = mechanismOf(1)
          yield* repository.insertMechanism(mechanism)
          yield* repository.insertMechanism(other)
          const context = yield* Effect.context<MechanismRepository.MechanismRepository>()
          const dayOf = (n: number) =>
            new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10) as CivilDate.CivilDate
          const row = fc.record({
            joined: fc.integer({ min: 0, max: 6 }), // few days, so many memberships share one
            length: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
            sector: fc.constantFrom<Sector.Sector>("police", "health"),
            elsewhere: fc.boolean(),
          })
          const property = fc.asyncProperty(
            // Long lists and each filter absent half the time, so most walks cross several pages.
            fc.array(row, { minLength: 4, maxLength: 14, size: "max" }),
            fc.integer({ min: 1, max: 4 }),
            fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined, freq: 2 }),
            fc.option(fc.constantFrom<Sector.Sector>("police", "health"), { nil: undefined, freq: 2 }),
            (rows, limit, on, sector) =>
              Effect.runPromise(
                Effect.gen(function* () {
                  yield* sql`DELETE FROM mechanism_memberships`.pipe(Effect.orDie)
                  const stored = rows.map(
                    (r, i): Membership.Membership => ({
                      id: idOf(100 + ((i * 7) % 17)) as Id.MembershipId, // distinct, not in insertion order
                      mechanismId: r.elsewhere ? other.id : mechanism.id,
                      institutionId: idOf(200 + i) as Id.InstitutionId,
                      sector: r.sector,
                      joinedOn: dayOf(r.joined),
                      ...(r.length === undefined ? {} : { leftOn: dayOf(r.joined + r.length) }),
                    }),
                  )
                  for (const membership of stored)
                    yield* repository.insertMembership(membership, { "representative-name": "sealed" })
                  const day = on === undefined ? undefined : dayOf(on)
                  const expected = stored
                    .filter(
                      (m) =>
                        m.mechanismId === mechanism.id &&
                        (day === undefined || Membership.isCurrent(m, day)) &&
                        (sector === undefined || m.sector === sector),
                    )
                    .sort((a, b) => byKey(MechanismLists.membershipKey(a), MechanismLists.membershipKey(b)))
                  const walked = yield* walk(
                    (query) => MechanismLists.memberships(mechanism.id, { on: day, sector }, query),
                    limit,
                  )
                  expect(walked).toEqual(expected)
                }).pipe(Effect.provide(context)),
              ),
          )
          yield* Effect.promise(() => fc.assert(property, { numRuns: 25 }))
          // An unknown mechanism is NotFound, as its whole list was.
          const unknown = mechanismIdOf(99)
          expect(yield* Effect.flip(MechanismLists.memberships(unknown, {}, { limit: 5 }))).toEqual(
            new Errors.NotFound({ entity: "Mechanism", id: unknown }),
          )
          yield* walksIndex(
            `SELECT id FROM mechanism_memberships WHERE mechanism_id = '${mechanism.id}'
              AND (joined_on, id) > ('2026-01-02', '${idOf(1)}') ORDER BY joined_on, id LIMIT 3`,
            "mechanism_memberships_page",
          )
          yield* walksIndex(
            `SELECT id FROM mechanism_memberships WHERE mechanism_id = '${mechanism.id}' AND sector = 'police'
              AND (joined_on, id) > ('2026-01-02', '${idOf(1)}') ORDER BY joined_on, id LIMIT 3`,
            "mechanism_memberships_sector_page",
          )
        }),
      )
    })
    fresh()((it) => {
      it.effect("memorandum versions: by number with their signatures, a page at a time", () =>
        Effect.gen(function* () {
          const repository = yield* MechanismRepository.MechanismRepository
          const mechanism = mechanismOf(2)
          yield* repository.insertMechanism(mechanism)
          const memberships = [0, 1, 2].map(
            (i): Membership.Membership => ({
              id: idOf(300 + i) as Id.MembershipId,
              mechanismId: mechanism.id,
              institutionId: idOf(310 + i) as Id.InstitutionId,
              sector: "police",
              joinedOn: "2026-01-01" as CivilDate.CivilDate,
            }),
          )
          for (const membership of memberships)
            yield* repository.insertMembership(membership, { "representative-name": "sealed" })
          const memorandumId = idOf(320) as Id.MemorandumId
          for (let version = 1; version <= 5; version++) {
            yield* repository.insertMemorandumVersion({
              memorandumId,
              mechanismId: mechanism.id,
              version,
              effectiveFrom: `2026-02-0${version}` as CivilDate.CivilDate,
              documentHash: "c".repeat(64),
              expectedSectors: ["police"],
              publishedAt: new Date(Date.UTC(2026, 0, 20 + version)),
              signatures: [],
            } as Memorandum.MemorandumVersion)
            // Version v is signed by the first v % 3 members.
            for (const membership of memberships.slice(0, version % 3))
              yield* repository.insertSignature(
                memorandumId,
                version,
                {
                  membershipId: membership.id,
                  institutionId: membership.institutionId,
                  signedOn: "2026-03-01" as CivilDate.CivilDate,
                },
                "sealed-signer",
              )
          }
          const all = yield* repository.memoranda(mechanism.id)
          expect(all.map((v) => v.version)).toEqual([1, 2, 3, 4, 5])
          expect(all.map((v) => v.signatures.length)).toEqual([1, 2, 0, 1, 2])
          for (const limit of [1, 2, 3, 5, 9])
            expect(yield* walk((query) => MechanismLists.memoranda(mechanism.id, query), limit)).toEqual(all)
          const page = yield* MechanismLists.memoranda(mechanism.id, { limit: 2, after: Cursor.encode([3]) })
          expect(page.items).toEqual(all.slice(3, 5))
          expect(page.next).toBeNull()
          // A mechanism without versions has an empty page; a cursor of ids is malformed.
          const bare = mechanismOf(3)
          yield* repository.insertMechanism(bare)
          expect(yield* MechanismLists.memoranda(bare.id, { limit: 5 })).toEqual({ items: [], next: null })
          expect(
            yield* Effect.flip(MechanismLists.memoranda(mechanism.id, { limit: 5, after: Cursor.encode([idOf(1)]) })),
          ).toBeInstanceOf(Errors.InvalidInput)
        }),
      )
    })
    fresh()((it) => {
      it.effect("the institution registry: by id, of a sector or a municipality, the cursor's boundary", () =>
        Effect.gen(function* () {
          const store = yield* Institutions.InstitutionStore
          const sectors = ["police", "health", "social-work"] as const
          const registered = [5, 2, 8, 0, 7, 1, 4, 6, 3].map(
            (n): Institutions.RegisteredInstitution => ({
              id: idOf(400 + n) as Id.InstitutionId,
              name: { sq: `I${n}`, "sr-Latn": `I${n}`, "sr-Cyrl": `I${n}`, en: `I${n}` },
              sector: sectors[n % 3] as Sector.Sector,
              ...(n % 4 === 0 ? {} : { municipality: municipalities[n % 2] as Municipality.MunicipalityCode }),
              version: 1,
              createdAt: new Date(Date.UTC(2026, 0, 1)),
              updatedAt: new Date(Date.UTC(2026, 0, 1)),
            }),
          )
          for (const institution of registered) yield* store.insert(institution)
          const all = [...registered].sort((a, b) => byKey([a.id], [b.id]))
          for (const limit of [1, 2, 4, 9, 50])
            expect(yield* walk((query) => Institutions.page({}, query), limit)).toEqual(all)
          const health = yield* walk((query) => Institutions.page({ sector: "health" }, query), 1)
          expect(health).toEqual(all.filter((i) => i.sector === "health"))
          const inDra = yield* walk((query) => Institutions.page({ municipality: "DRA" as never }, query), 2)
          expect(inDra).toEqual(all.filter((i) => i.municipality === "DRA"))
          const both = yield* Institutions.page({ sector: "police", municipality: "DEC" as never }, { limit: 50 })
          expect(both.items).toEqual(all.filter((i) => i.sector === "police" && i.municipality === "DEC"))
          const after = Cursor.encode([all[3]?.id ?? ""])
          expect((yield* Institutions.page({}, { limit: 2, after })).items).toEqual(all.slice(4, 6))
          expect(yield* Institutions.page({ sector: "court" }, { limit: 5 })).toEqual({ items: [], next: null })
          yield* walksIndex(
            `SELECT id FROM mechanism_institutions WHERE sector = 'health' AND id > '${all[0]?.id}' ORDER BY id LIMIT 3`,
            "mechanism_institutions_sector_page",
          )
          yield* walksIndex(
            `SELECT id FROM mechanism_institutions WHERE municipality = 'DRA' AND id > '${all[0]?.id}'
              ORDER BY id LIMIT 3`,
            "mechanism_institutions_municipality_page",
          )
        }),
      )
    })
  })
}
