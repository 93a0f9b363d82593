// The SQL adapter on SQLite and PostgreSQL: a case with every part filled in
// (closure, review, persons with relationships and disabilities, incidents,
// assessments with judgement and fractional scores, orders with their history
// and their hearings (one rescheduled),
// measures, consents with expiry and withdrawal) reads back equal; versions
// guard updates; look-ups by blind index and by mechanism find what they should.
import { Id, type Municipality } from "@bashke/kernel"
import { OptimisticConcurrency } from "@bashke/persistence"
import { type BlindIndex, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Option } from "effect"
import type * as Case from "../../src/Case"
import * as CaseReference from "../../src/CaseReference"
import { type CaseAccess, CaseRepository } from "../../src/CaseRepository"
import type * as RiskAssessment from "../../src/RiskAssessment"
import type * as SafetyPlan from "../../src/SafetyPlan"
import { databases, institutions, mechanismId, services, ulid } from "./support/Databases"

const at = (iso: string) => new Date(iso)
const KAM = "KAM" as Municipality.MunicipalityCode
const GJI = "GJI" as Municipality.MunicipalityCode
/** A basic court: not a member of the mechanism, it holds the order's hearings. */
const court = ulid(90) as Id.InstitutionId
const reference = (sequence: number) =>
  CaseReference.format({ municipality: KAM, year: 2026, sequence }).pipe((e) => {
    if (e._tag === "Left") throw new Error("reference")
    return e.right
  })

// The fixed ids of the parts of the `sequence`th case (each test stores its own).
const partIds = (sequence: number) => {
  const part = (k: number) => ulid(100 + 20 * sequence + k)
  return {
    victim: part(1) as Id.PersonId,
    child: part(2) as Id.PersonId,
    perpetrator: part(3) as Id.PersonId,
    order: part(4) as Id.ProtectionOrderId,
    incidents: [part(5) as Id.IncidentId, part(6) as Id.IncidentId],
    assessment: part(7) as RiskAssessment.RiskAssessmentId,
    measure: part(8) as SafetyPlan.SafetyMeasureId,
    consent: part(9) as Id.ConsentId,
  }
}

const fullCase = (id: Id.CaseId, sequence: number): Case.Case => {
  const { victim, child, perpetrator, order, incidents, assessment, measure, consent } = partIds(sequence)
  return {
    id,
    mechanismId,
    reference: reference(sequence),
    status: "closed",
    closure: { closedAt: at("2026-05-20T10:00:00.000Z"), reason: "risk-reduced" },
    team: {
      lead: institutions.socialWork,
      members: [
        { institution: institutions.socialWork, sector: "social-work", access: "full" },
        { institution: institutions.police, sector: "police", access: "full" },
        { institution: institutions.health, sector: "health", access: "summary" },
      ],
    },
    persons: [
      {
        id: victim,
        role: "victim",
        sex: "female",
        birthYear: 1990,
        community: "roma",
        disabilities: ["physical", "sensory"],
      },
      { id: child, role: "child", sex: "not-recorded", ageBand: "5-9", disabilities: [] },
      {
        id: perpetrator,
        role: "alleged-perpetrator",
        sex: "male",
        disabilities: [],
        relationship: { kind: "family-law-dispute-party", time: "former" },
      },
    ],
    incidents: [
      {
        id: incidents[0] as Id.IncidentId,
        occurredOn: "2026-02-14",
        municipality: KAM,
        place: "home",
        forms: ["psychological", "economic"],
        children: "witnessed",
        perpetrators: [perpetrator],
        source: "health",
        sourceInstitution: institutions.health,
        sourceReference: "QKMF-2026/77",
        recordedAt: at("2026-02-15T08:00:00.000Z"),
      },
      {
        id: incidents[1] as Id.IncidentId,
        occurredOn: "2026-03-01",
        municipality: GJI,
        forms: ["physical"],
        children: "not-known",
        perpetrators: [],
        source: "self-referral",
        recordedAt: at("2026-03-01T08:00:00.000Z"),
      },
    ],
    assessments: [
      {
        id: assessment,
        instrument: { id: "xk-police-early", version: 2 },
        answers: { injury: "yes", "threats-to-kill": "not-known" },
        score: 2.5,
        computedLevel: "standard",
        judgement: { level: "high", reason: "child-at-risk" },
        level: "high",
        assessedAt: at("2026-02-15T09:00:00.000Z"),
        assessedBy: institutions.police,
        reassessOn: "2026-04-12",
      },
    ],
    orders: [
      {
        id: order,
        kind: "emergency-protection-order",
        petitioner: "social-work",
        status: "extended",
        requestedAt: at("2026-02-15T10:00:00.000Z"),
        decidedAt: at("2026-02-16T09:00:00.000Z"),
        issuedAt: at("2026-02-16T09:00:00.000Z"),
        expiresAt: at("2026-04-01T09:00:00.000Z"),
        extensions: [{ at: at("2026-02-28T12:00:00.000Z"), until: at("2026-04-01T09:00:00.000Z") }],
        breaches: [{ at: at("2026-02-20T21:30:00.000Z") }],
        hearings: [
          { at: at("2026-02-25T08:30:00.000Z"), scheduledAt: at("2026-02-16T09:00:00.000Z") },
          {
            at: at("2026-03-04T09:00:00.000Z"),
            scheduledAt: at("2026-02-24T13:00:00.000Z"),
            court: court,
          },
        ],
      },
    ],
    safetyPlan: {
      measures: [
        {
          id: measure,
          kind: "safe-accommodation",
          owner: institutions.socialWork,
          reviewOn: "2026-03-15",
          status: "done",
        },
      ],
    },
    consents: [
      {
        id: consent,
        givenBy: victim,
        institutions: [institutions.police],
        sectors: ["health", "social-work"],
        purposes: ["case-management", "statistics"],
        from: at("2026-02-15T09:30:00.000Z"),
        until: at("2027-02-15T09:30:00.000Z"),
        withdrawnAt: at("2026-05-01T00:00:00.000Z"),
        recording: {
          method: "verbal-witnessed",
          takenBy: institutions.police,
          recordedBy: ulid(40) as Id.PrincipalId,
          recordedFor: institutions.police,
          witnessedBy: ulid(41) as Id.PrincipalId,
        },
        needsConfirmation: true,
        confirmation: {
          confirmedBy: ulid(42) as Id.PrincipalId,
          confirmedFor: institutions.socialWork,
          confirmedAt: at("2026-02-15T10:00:00.000Z"),
        },
      },
    ],
    openedAt: at("2026-02-15T07:45:00.000Z"),
    lastReviewedAt: at("2026-03-10T11:00:00.000Z"),
    version: OptimisticConcurrency.initialVersion,
  }
}

/** Writes every part of `aCase` the way the service does, in one transaction. */
const store = (aCase: Case.Case, sequence: number, index?: BlindIndex.Digest) =>
  Effect.gen(function* () {
    const repository = yield* CaseRepository
    const sealedName = yield* (yield* Vault.Vault).seal("Zana", "test:stand-in")
    const sql = yield* SqlClient.SqlClient
    yield* sql.withTransaction(
      Effect.gen(function* () {
        yield* repository.insert(aCase, { municipality: KAM, year: 2026, sequence })
        for (const person of aCase.persons)
          yield* repository.insertPerson(
            aCase.id,
            person,
            person.role === "victim"
              ? { fields: { givenName: sealedName }, personalNumberIndex: index }
              : { fields: {} },
            aCase.openedAt,
          )
        for (const incident of aCase.incidents) yield* repository.insertIncident(aCase.id, incident)
        for (const assessment of aCase.assessments) yield* repository.insertAssessment(aCase.id, assessment)
        for (const o of aCase.orders) {
          const recordedAt = aCase.openedAt
          yield* repository.insertOrder(
            aCase.id,
            { ...o, status: "requested", extensions: [], breaches: [], hearings: [] },
            { event: "requested", at: o.requestedAt ?? recordedAt, recordedAt },
          )
          yield* repository.updateOrder(aCase.id, o, { event: "issued", at: o.issuedAt ?? recordedAt, recordedAt })
          for (const breach of o.breaches)
            yield* repository.updateOrder(aCase.id, o, {
              event: "breach-recorded",
              at: breach.at,
              reportedBy: breach.reportedBy,
              recordedAt,
            })
          for (const hearing of o.hearings)
            yield* repository.updateOrder(aCase.id, o, {
              event: "hearing-scheduled",
              at: hearing.scheduledAt,
              hearingAt: hearing.at,
              court: hearing.court,
              recordedAt,
            })
          for (const extension of o.extensions)
            yield* repository.updateOrder(aCase.id, o, {
              event: "extended",
              at: extension.at,
              until: extension.until,
              recordedAt,
            })
        }
        for (const measure of aCase.safetyPlan.measures) yield* repository.insertMeasure(aCase.id, measure)
        for (const consent of aCase.consents) yield* repository.insertConsent(aCase.id, consent)
      }),
    )
  }).pipe(Effect.orDie)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: SqlCaseRepository`, () => {
    layer(services(db))((it) => {
      it.effect("a case with every part reads back equal", () =>
        Effect.gen(function* () {
          const repository = yield* CaseRepository
          const id = (yield* Id.CaseId.generate) as Id.CaseId
          const aCase = fullCase(id, 1)
          yield* store(aCase, 1)
          expect(yield* repository.find(id)).toEqual(Option.some(aCase))
          expect(yield* repository.find(ulid(199) as Id.CaseId)).toEqual(Option.none())
          const history = yield* repository.orderEvents(partIds(1).order)
          expect(history.map((e) => e.event)).toEqual([
            "requested",
            "issued",
            "breach-recorded",
            "hearing-scheduled",
            "hearing-scheduled",
            "extended",
          ])
          expect(history[4]).toEqual({
            event: "hearing-scheduled",
            at: at("2026-02-24T13:00:00.000Z"),
            hearingAt: at("2026-03-04T09:00:00.000Z"),
            court: court,
            recordedAt: aCase.openedAt,
          })
          // Closed cases are listed only on request.
          expect((yield* repository.list(mechanismId)).map((c) => c.id)).not.toContain(id)
          expect((yield* repository.list(mechanismId, { includeClosed: true })).map((c) => c.id)).toContain(id)
          expect(yield* repository.municipalityOf(mechanismId)).toEqual(Option.some("KAM"))
        }),
      )

      it.effect("updates are guarded by the version and keep the derived risk level", () =>
        Effect.gen(function* () {
          const repository = yield* CaseRepository
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const id = (yield* Id.CaseId.generate) as Id.CaseId
          const aCase = fullCase(id, 2)
          yield* store(aCase, 2)
          const { closure: _closure, ...open } = aCase
          const reopened = yield* repository.update({ ...open, status: "active" }, 1)
          expect(reopened.version).toBe(2)
          const stale = yield* Effect.flip(repository.update({ ...open, status: "monitoring" }, 1))
          expect({ tag: stale._tag, rule: "rule" in stale ? stale.rule : undefined }).toEqual({
            tag: "Conflict",
            rule: "version.stale",
          })
          const row = yield* sql<{ status: string; risk_level: string; closed_at: unknown; version: unknown }>`SELECT
            status, risk_level, closed_at, version FROM cases WHERE id = ${id}`.pipe(Effect.orDie)
          expect(row.map((r) => [r.status, r.risk_level, r.closed_at, Number(r.version)])).toEqual([
            ["active", "high", null, 2],
          ])
          expect(Option.map(yield* repository.find(id), (c) => [c.status, c.closure, c.version])).toEqual(
            Option.some(["active", undefined, 2]),
          )
        }),
      )

      it.effect("a case read again unchanged is the case decoded before; any change to its rows is read anew", () =>
        Effect.gen(function* () {
          const repository = yield* CaseRepository
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          const id = (yield* Id.CaseId.generate) as Id.CaseId
          const other = (yield* Id.CaseId.generate) as Id.CaseId
          yield* store(fullCase(id, 5), 5)
          yield* store(fullCase(other, 6), 6)
          const first = Option.getOrThrow(yield* repository.find(id))
          // The same bytes read back: the same case, frozen so that nobody changes it for a later read.
          expect(Option.getOrThrow(yield* repository.find(id))).toBe(first)
          expect(Object.isFrozen(first) && Object.isFrozen(first.persons[0]) && Object.isFrozen(first.team)).toBe(true)
          expect(() => {
            ;(first.persons as Array<unknown>).push("changed")
          }).toThrow(TypeError)
          // Changes that leave the case's version as it was are read all the same:
          // a transfer to another mechanism, a part's row changed in place.
          const elsewhere = ulid(95) as Id.MechanismId
          yield* repository.moveToMechanism(id, elsewhere)
          const moved = Option.getOrThrow(yield* repository.find(id))
          expect([moved.mechanismId, moved.version]).toEqual([elsewhere, first.version])
          yield* sql`UPDATE safety_plan_measures SET status = 'cancelled' WHERE case_id = ${id}`.pipe(Effect.orDie)
          const changed = Option.getOrThrow(yield* repository.find(id))
          expect(changed.safetyPlan.measures.map((m) => m.status)).toEqual(["cancelled"])
          expect({ ...changed, safetyPlan: moved.safetyPlan }).toEqual(moved)
          // Several at once, one decoded before and one not: each as read.
          const both = yield* repository.findMany([other, id])
          expect(both.map((c) => c.id).sort()).toEqual([other, id].sort())
          expect(both.find((c) => c.id === id)).toBe(changed)
        }),
      )

      it.effect(
        "findManyAccess reads of each case what findMany reads of its identity, team, consents and persons",
        () =>
          Effect.gen(function* () {
            const repository = yield* CaseRepository
            const id = (yield* Id.CaseId.generate) as Id.CaseId
            const other = (yield* Id.CaseId.generate) as Id.CaseId
            yield* store(fullCase(id, 7), 7)
            yield* store(fullCase(other, 8), 8)
            const unknown = (yield* Id.CaseId.generate) as Id.CaseId
            const whole = yield* repository.findMany([id, other])
            const access = yield* repository.findManyAccess([other, unknown, id])
            const projected = (c: CaseAccess) => ({
              id: c.id,
              mechanismId: c.mechanismId,
              reference: c.reference,
              team: c.team,
              consents: c.consents,
              persons: c.persons,
              erasedAt: c.erasedAt,
            })
            expect(access.map(projected).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
              whole.map(projected).sort((a, b) => a.id.localeCompare(b.id)),
            )
            expect(access.every((c) => c.persons.length > 0 && c.consents.length > 0)).toBe(true)
            expect(yield* repository.findManyAccess([])).toEqual([])
          }),
      )

      it.effect(
        "findAccess reads what find reads of the access, kept while its rows are unchanged, anew after any change",
        () =>
          Effect.gen(function* () {
            const repository = yield* CaseRepository
            const sql = (yield* SqlClient.SqlClient).withoutTransforms()
            const id = (yield* Id.CaseId.generate) as Id.CaseId
            yield* store(fullCase(id, 9), 9)
            const access = Option.getOrThrow(yield* repository.findAccess(id))
            const whole = Option.getOrThrow(yield* repository.find(id))
            expect(access).toEqual({
              id: whole.id,
              mechanismId: whole.mechanismId,
              reference: whole.reference,
              team: whole.team,
              consents: whole.consents,
              persons: whole.persons,
            })
            // Unchanged rows: the access decoded before, frozen.
            expect(Option.getOrThrow(yield* repository.findAccess(id))).toBe(access)
            expect(Object.isFrozen(access.persons)).toBe(true)
            // A person's row changed in place, and the case erased: each read anew.
            yield* sql`UPDATE persons SET community = 'roma' WHERE case_id = ${id}`.pipe(Effect.orDie)
            const changed = Option.getOrThrow(yield* repository.findAccess(id))
            expect(changed).not.toBe(access)
            expect(changed.persons.every((person) => person.community === "roma")).toBe(true)
            const erasedAt = new Date("2026-11-30T08:00:00.000Z")
            yield* sql`UPDATE cases SET erased_at = ${erasedAt.toISOString()} WHERE id = ${id}`.pipe(Effect.orDie)
            expect(Option.getOrThrow(yield* repository.findAccess(id)).erasedAt).toEqual(erasedAt)
            expect(yield* repository.findAccess((yield* Id.CaseId.generate) as Id.CaseId)).toEqual(Option.none())
          }),
      )

      it.effect("a second case cannot take a reference or a place in the register", () =>
        Effect.gen(function* () {
          const repository = yield* CaseRepository
          const taken = yield* Effect.flip(
            repository.insert(fullCase((yield* Id.CaseId.generate) as Id.CaseId, 1), {
              municipality: KAM,
              year: 2026,
              sequence: 1,
            }),
          )
          expect({ tag: taken._tag, rule: taken.rule }).toEqual({ tag: "Conflict", rule: "case.reference.taken" })
        }),
      )

      it.effect("sealed details are found only in their case, persons by their blind index", () =>
        Effect.gen(function* () {
          const repository = yield* CaseRepository
          const id = (yield* Id.CaseId.generate) as Id.CaseId
          const digest = "ab".repeat(32) as BlindIndex.Digest
          yield* store({ ...fullCase(id, 3), persons: [], consents: [], incidents: [] }, 3)
          const other = (yield* Id.CaseId.generate) as Id.CaseId
          const otherVictim = (yield* Id.PersonId.generate) as Id.PersonId
          const base = fullCase(other, 4)
          yield* store(
            {
              ...base,
              persons: [{ id: otherVictim, role: "victim", sex: "female", disabilities: [] }],
              consents: [],
              incidents: [],
            },
            4,
            digest,
          )
          const sealed = yield* repository.sealedDetails(other, otherVictim)
          expect(Object.keys(sealed)).toEqual(["givenName"])
          expect(yield* (yield* Vault.Vault).open(sealed.givenName ?? "", "test:stand-in")).toBe("Zana")
          const elsewhere = yield* Effect.flip(repository.sealedDetails(id, otherVictim))
          expect({ tag: elsewhere._tag, entity: elsewhere.entity }).toEqual({ tag: "NotFound", entity: "Person" })
          expect(yield* repository.personsByIndex(digest)).toEqual([{ caseId: other, personId: otherVictim }])
        }),
      )

      it.effect(
        "pages a mechanism's open cases by id in SQL, by risk level, status and lead too, over the partial indexes",
        () =>
          Effect.gen(function* () {
            const repository = yield* CaseRepository
            const sql = (yield* SqlClient.SqlClient).withoutTransforms()
            const other = ulid(8) as Id.MechanismId
            // Seven cases in a mechanism of their own: the 2nd and 5th closed, the
            // 3rd and 6th never assessed and without orders (so `standard`), the
            // others `high`; the open ones `active` but the 4th and 7th
            // `monitoring`; led by social work but the 3rd and 4th by the police.
            const stored: Array<{
              id: Id.CaseId
              open: boolean
              risk: string
              status: string
              lead: Id.InstitutionId
            }> = []
            for (let n = 1; n <= 7; n++) {
              const id = (yield* Id.CaseId.generate) as Id.CaseId
              const base = fullCase(id, 20 + n)
              const { closure: _closure, ...open } = base
              const closed = n === 2 || n === 5
              const assessed = !(n === 3 || n === 6)
              const status = n === 4 || n === 7 ? ("monitoring" as const) : ("active" as const)
              const lead = n === 3 || n === 4 ? institutions.police : institutions.socialWork
              yield* store(
                {
                  ...(closed ? base : { ...open, status }),
                  mechanismId: other,
                  team: { ...base.team, lead },
                  ...(assessed ? {} : { assessments: [], orders: [] }),
                },
                20 + n,
              )
              stored.push({ id, open: !closed, risk: assessed ? "high" : "standard", status, lead })
            }
            const walk = (
              riskLevel?: "standard" | "high",
              filters: { status?: "active" | "monitoring"; leadInstitution?: Id.InstitutionId } = {},
            ) =>
              Effect.gen(function* () {
                const seen: Array<Id.CaseId> = []
                let after: Id.CaseId | undefined
                for (;;) {
                  const page = yield* repository.openPage(other, { after, limit: 2, riskLevel, ...filters })
                  seen.push(...page.map((aCase) => aCase.id))
                  if (page.length < 2) return seen
                  after = page[page.length - 1]?.id
                }
              })
            const expected = (risk?: string, filters: { status?: string; leadInstitution?: Id.InstitutionId } = {}) =>
              stored
                .filter(
                  (c) =>
                    c.open &&
                    (risk === undefined || c.risk === risk) &&
                    (filters.status === undefined || c.status === filters.status) &&
                    (filters.leadInstitution === undefined || c.lead === filters.leadInstitution),
                )
                .map((c) => c.id)
                .sort()
            expect(yield* walk()).toEqual(expected())
            expect(yield* walk("standard")).toEqual(expected("standard"))
            expect(yield* walk("high")).toEqual(expected("high"))
            // By status and by lead institution, alone and together with the risk level.
            const byStatus = { status: "monitoring" } as const
            const byLead = { leadInstitution: institutions.police }
            expect(yield* walk(undefined, byStatus)).toEqual(expected(undefined, byStatus))
            expect(expected(undefined, byStatus)).toHaveLength(2)
            expect(yield* walk(undefined, byLead)).toEqual(expected(undefined, byLead))
            expect(expected(undefined, byLead)).toHaveLength(2)
            expect(yield* walk("high", { ...byStatus, ...byLead })).toEqual(
              expected("high", { ...byStatus, ...byLead }),
            )
            expect(expected("high", { ...byStatus, ...byLead })).toHaveLength(1)
            expect(yield* walk(undefined, { status: "active", leadInstitution: institutions.health })).toEqual([])
            // Whole cases, as `find` reads them.
            const [first] = yield* repository.openPage(other, { limit: 1 })
            expect(Option.some(first)).toEqual(yield* repository.find(expected()[0] as Id.CaseId))
            // Other mechanisms' cases never appear; an empty page after the last.
            expect(yield* repository.openPage(other, { after: expected().at(-1), limit: 5 })).toEqual([])
            expect((yield* repository.openPage(mechanismId, { limit: 50 })).map((c) => c.mechanismId)).not.toContain(
              other,
            )
            // SQLite walks the partial index from the cursor (no sort, no scan of the table).
            yield* sql.onDialectOrElse({
              pg: () => Effect.void,
              orElse: () =>
                Effect.gen(function* () {
                  const plan = (rows: ReadonlyArray<{ detail: string }>) => rows.map((row) => row.detail).join(" | ")
                  const all = yield* sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM cases
                  WHERE mechanism_id = ${other} AND status <> 'closed' AND id > ${expected()[0]} ORDER BY id LIMIT 2`
                  expect(plan(all)).toMatch(/USING (COVERING )?INDEX cases_open_page/)
                  expect(plan(all)).not.toMatch(/TEMP B-TREE/)
                  const risky = yield* sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM cases
                  WHERE mechanism_id = ${other} AND status <> 'closed' AND COALESCE(risk_level, 'standard') = 'high'
                  AND id > ${expected()[0]} ORDER BY id LIMIT 2`
                  expect(plan(risky)).toMatch(/USING (COVERING )?INDEX cases_open_risk_page/)
                  expect(plan(risky)).not.toMatch(/TEMP B-TREE/)
                }),
            })
          }).pipe(Effect.orDie),
      )

      it.effect("every table a case is read from is indexed by case", () =>
        Effect.gen(function* () {
          const sql = (yield* SqlClient.SqlClient).withoutTransforms()
          // The columns of each index, in order, as the database lists them.
          const indexes = yield* sql.onDialectOrElse({
            pg: () => sql<{ table: string; columns: string }>`SELECT t.relname AS "table",
                string_agg(a.attname, ',' ORDER BY k.n) AS columns
              FROM pg_index i
              JOIN pg_class t ON t.oid = i.indrelid
              JOIN pg_namespace s ON s.oid = t.relnamespace AND s.nspname = current_schema()
              CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
              JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
              GROUP BY t.relname, i.indexrelid`,
            orElse: () => sql<{ table: string; columns: string }>`SELECT m.name AS "table",
                group_concat(c.name, ',') AS columns
              FROM sqlite_master m, pragma_index_list(m.name) l, pragma_index_info(l.name) c
              WHERE m.type = 'table' GROUP BY m.name, l.name`,
          })
          const leadingCaseId = (table: string) =>
            indexes.some((index) => index.table === table && index.columns.split(",")[0] === "case_id")
          for (const table of [
            "case_team_members",
            "persons",
            "incidents",
            "risk_assessments",
            "protection_orders",
            "protection_order_events",
            "protection_order_hearings",
            "safety_plan_measures",
            "consents",
            "case_transitions",
          ])
            expect({ table, indexed: leadingCaseId(table) }).toEqual({ table, indexed: true })
        }),
      )
    })
  })
}
