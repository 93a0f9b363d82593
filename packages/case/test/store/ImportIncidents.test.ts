// The set-based import on SQLite and PostgreSQL (issue 19, ADR 0028): a page
// of incidents recorded by `importIncidents` leaves exactly what recording
// them one by one with `recordIncident` leaves — the incidents, the cases'
// versions, the outbox events, the audit entries and the statistics facts —
// and `findManyPersons` answers and audits exactly as `findPersons` per
// number. A case the principal may not write refuses the whole import, with
// the refusal `recordIncident` gives for it, and nothing is written.
import { type Id, Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Exit } from "effect"
import type * as Case from "../../src/Case"
import type * as CaseCommands from "../../src/CaseCommands"
import { CaseRepository } from "../../src/CaseRepository"
import { CaseService } from "../../src/CaseService"
import {
  databases,
  institutions,
  mechanismId,
  outbox,
  principals,
  services,
  snapshot,
  start,
} from "./support/Databases"
import { seedCases } from "./support/Seed"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)
const { officer, caseManager } = principals

type Incoming = Omit<CaseCommands.RecordIncident, "expectedVersion">

/** The page: three incidents over two cases, the first naming the case's alleged perpetrator. */
const page = (first: Case.Case, second: Case.Case): ReadonlyArray<Incoming> => {
  const perpetrator = first.persons.find((person) => person.role === "alleged-perpetrator")
  if (perpetrator === undefined) throw new Error("no perpetrator")
  const reported = { source: "police-report", sourceInstitution: institutions.police } as const
  return [
    {
      caseId: first.id,
      occurredOn: "2026-02-01",
      municipality: "GJI",
      forms: ["physical"],
      children: "witnessed",
      perpetrators: [perpetrator.id],
      sourceReference: "GJI/2026/1",
      ...reported,
    },
    {
      caseId: second.id,
      occurredOn: "2026-02-10",
      municipality: "GJI",
      forms: ["psychological"],
      children: "none",
      ...reported,
    },
    {
      caseId: first.id,
      occurredOn: "2026-02-20",
      municipality: "KAM",
      place: "home",
      forms: ["economic", "sexual"],
      children: "present",
      ...reported,
    },
  ]
}

const open = (persons: (typeof seedCases)[number]) =>
  Effect.flatMap(CaseService, (cases) => as(officer)(cases.openCase({ mechanismId, municipality: "GJI", persons })))

/** What a case holds after the import, its own ids left out: comparable between two cases. */
const afterImport = (caseId: Id.CaseId) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const found = yield* (yield* CaseRepository).find(caseId)
    if (found._tag === "None") throw new Error("case missing")
    // The version is the one difference: an import claims each case once, not once per incident.
    const { id: _, reference: __, version, ...aCase } = found.value
    // The case's own person ids, by position: the same between two cases of the same seed.
    const position = (id: string) => aCase.persons.findIndex((person) => person.id === id)
    const incidents = aCase.incidents.map(({ id: _, perpetrators, ...incident }) => ({
      ...incident,
      perpetrators: perpetrators.map(position),
    }))
    const events = (yield* outbox)
      .filter((event) => event.payload.caseId === caseId && event.topic === "case.incident.recorded")
      .map(({ topic, payload: { caseId: _, incidentId: __, ...payload } }) => ({ topic, payload }))
    const facts = yield* sql`SELECT mechanism_id, municipality, opened_year, victim_sex, victim_age_band, forms,
      children_exposure, statistics_consent FROM case_statistics_facts WHERE case_id = ${caseId}`
    const incidentFacts = yield* sql`SELECT mechanism_id, municipality, opened_year, place, children_exposure,
      victim_sex, statistics_consent FROM incident_statistics_facts WHERE case_id = ${caseId}
      ORDER BY municipality, place, children_exposure`
    const perpetratorFacts = yield* sql`SELECT perpetrator_sex, perpetrator_age_band, relationship, victim_sex
      FROM perpetrator_statistics_facts WHERE case_id = ${caseId}`
    return {
      version,
      same: {
        ...aCase,
        persons: aCase.persons.map((p) => p.role),
        incidents,
        events,
        facts,
        incidentFacts,
        perpetratorFacts,
      },
    }
  })

const auditCount = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  Effect.map(sql`SELECT count(*) AS n FROM audit_log`, (rows) => Number(rows[0]?.n)),
).pipe(Effect.orDie)

/** The audit entries after `seq`, as comparable fields. */
const auditAfter = (seq: number) =>
  Effect.flatMap(
    SqlClient.SqlClient,
    (sql) =>
      sql<{
        principal_id: string
        case_id: string
        person_id: string
        action: string
        purpose: string
      }>`SELECT principal_id, case_id, person_id, action, purpose FROM audit_log WHERE seq > ${seq} ORDER BY seq`,
  ).pipe(
    Effect.map((rows) => rows.map((row) => ({ ...row }))),
    Effect.orDie,
  )

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: importing incidents`, () => {
    layer(services(db))((it) => {
      it.effect("records a page as recording each incident one by one does", () =>
        Effect.gen(function* () {
          yield* start
          const cases = yield* CaseService
          const [one, two] = [yield* open(seedCases[0] ?? []), yield* open(seedCases[1] ?? [])]
          const [three, four] = [yield* open(seedCases[0] ?? []), yield* open(seedCases[1] ?? [])]

          const auditBefore = yield* auditCount
          for (const incident of page(one, two)) yield* as(officer)(cases.recordIncident(incident))
          const auditOneByOne = (yield* auditCount) - auditBefore

          const recorded = yield* as(officer)(cases.importIncidents({ incidents: page(three, four) }))
          expect(recorded.map((incident) => incident.occurredOn)).toEqual(["2026-02-01", "2026-02-10", "2026-02-20"])
          expect((yield* auditCount) - auditBefore - auditOneByOne).toBe(auditOneByOne)

          const [byOne, byPage] = [yield* afterImport(one.id), yield* afterImport(three.id)]
          expect(byPage.same).toEqual(byOne.same)
          expect(byPage.same.incidents).toHaveLength(2)
          expect(byPage.same.events.map((event) => event.topic)).toEqual([
            "case.incident.recorded",
            "case.incident.recorded",
          ])
          expect(byPage.same.incidentFacts).toHaveLength(2)
          expect((yield* afterImport(four.id)).same).toEqual((yield* afterImport(two.id)).same)
          // One new version per case and import, whatever its count of incidents in the page.
          expect(byOne.version).toBe(one.version + 2)
          expect(byPage.version).toBe(three.version + 1)
        }),
      )

      it.effect("a case the principal may not write refuses the import whole, as recordIncident refuses it", () =>
        Effect.gen(function* () {
          yield* start
          const cases = yield* CaseService
          const writable = yield* open(seedCases[0] ?? [])
          // Opened by social work without the police on its team.
          const closedToPolice = yield* as(caseManager)(
            cases.openCase({ mechanismId, municipality: "GJI", persons: seedCases[1] ?? [] }),
          )
          const [good, , later] = page(writable, closedToPolice)
          const refused = page(writable, closedToPolice)[1] as Incoming
          const alone = yield* Effect.flip(as(officer)(cases.recordIncident(refused)))
          const before = yield* snapshot
          const exit = yield* Effect.exit(
            as(officer)(cases.importIncidents({ incidents: [good as Incoming, refused, later as Incoming] })),
          )
          expect(Exit.isFailure(exit)).toBe(true)
          const inPage = yield* Effect.flip(
            as(officer)(cases.importIncidents({ incidents: [good as Incoming, refused, later as Incoming] })),
          )
          expect({ _tag: inPage._tag, rule: "rule" in inPage ? inPage.rule : undefined }).toEqual({
            _tag: alone._tag,
            rule: "rule" in alone ? alone.rule : undefined,
          })
          expect(yield* snapshot).toEqual(before)
          // Without the refused one, the page records.
          expect(
            yield* as(officer)(cases.importIncidents({ incidents: [good as Incoming, later as Incoming] })),
          ).toHaveLength(2)
        }),
      )

      it.effect("finds many persons as finding each does, each hit audited once per number", () =>
        Effect.gen(function* () {
          yield* start
          const cases = yield* CaseService
          yield* open(seedCases[0] ?? [])
          yield* open(seedCases[1] ?? [])
          yield* open(seedCases[0] ?? [])
          const numbers = ["1234567890", "0000000000", "2233445566", "1122334455", "1234567890"]
          const seqBefore = yield* auditCount
          const sql = yield* SqlClient.SqlClient
          const head = Number(
            (yield* sql`SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_log`.pipe(Effect.orDie))[0]?.seq,
          )
          const each: Array<ReadonlyArray<CaseCommands.PersonFound>> = []
          for (const personalNumber of numbers)
            each.push(yield* as(officer)(cases.findPersons({ personalNumber, purpose: "case-management" })))
          const middle = Number(
            (yield* sql`SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_log`.pipe(Effect.orDie))[0]?.seq,
          )
          const many = yield* as(officer)(
            cases.findManyPersons({ personalNumbers: numbers, purpose: "case-management" }),
          )
          expect(many).toEqual(each)
          // Every case of the first seed opened in this file: found by the first number, not by the second.
          expect(each[1]).toEqual([])
          expect((each[0] ?? []).length).toBeGreaterThanOrEqual(2)
          const hits = each.reduce((sum, found) => sum + found.length, 0)
          const byOne = yield* auditAfter(head)
          const byMany = (yield* auditAfter(middle)).slice(0)
          expect(byOne.slice(0, byMany.length)).toEqual(byMany)
          expect(byMany).toHaveLength(hits)
          expect((yield* auditCount) - seqBefore).toBe(2 * hits)
          // A number that is none is named by its place in the list.
          expect(
            yield* Effect.flip(
              as(officer)(
                cases.findManyPersons({ personalNumbers: ["1234567890", " - "], purpose: "case-management" }),
              ),
            ),
          ).toMatchObject({ _tag: "InvalidInput", field: "personalNumbers.1", rule: "blind-index.empty" })
          // Without a purpose, refused before any look-up.
          expect((yield* Effect.flip(as(officer)(cases.findManyPersons({ personalNumbers: numbers })))).rule).toBe(
            "audit.purpose.required",
          )
        }),
      )
    })
  })
}
