// The statistics facts kept by triggers (case migrations 17 and 25, referral
// migration 5; ADR 0019, ADR 0029) against a straightforward computation: on
// random cases, perpetrators, incidents, consents and referrals, written and
// then changed (updates and deletions of every part), on SQLite and
// PostgreSQL, the counts the adapter reads from the published views equal the
// counts computed here from the base tables, row by row, with the views'
// definitions (the victim is the case's first victim by id, the consent one
// not withdrawn naming statistics, the age band the recorded band or the age
// in the year the case was opened, the first answer and decision the first
// such step).

import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, FastCheck as fc } from "effect"
import type { Dimension } from "../src/Dimension"
import * as PlanImplementation from "../src/PlanImplementation"
import { type Filter, type Group, Statistics } from "../src/Statistics"
import { databases, services } from "./support/Databases"
import { insertCase, insertReferral, insertService, mechanisms } from "./support/Seed"

const t = (iso: string) => Date.parse(iso)
const instant = fc
  .integer({ min: t("2024-12-25T00:00:00Z") / 60_000, max: t("2026-01-05T00:00:00Z") / 60_000 })
  .map((minute) => new Date(minute * 60_000).toISOString())
const sex = fc.constantFrom("female", "male", "not-recorded")
const ageBand = fc.constantFrom("0-4", "25-34", "65-plus")
const birthYear = fc.integer({ min: 1930, max: 2025 })

const arbitraryCase = fc.record({
  mechanism: fc.constantFrom(mechanisms.gjilan, mechanisms.prishtina),
  municipality: fc.constantFrom("GJI", "PRI"),
  openedAt: instant,
  victim: fc.record({ sex, birthYear, ageBand }, { requiredKeys: ["sex"] }),
  perpetrators: fc.array(
    fc.record(
      {
        sex,
        birthYear,
        ageBand,
        relationship: fc.constantFrom("married", "in-law"),
        time: fc.constantFrom("current" as const, "former" as const),
      },
      { requiredKeys: ["sex", "relationship", "time"] },
    ),
    { maxLength: 2 },
  ),
  incidents: fc.array(
    fc.record(
      {
        forms: fc.subarray(["physical", "sexual", "psychological"], { minLength: 1 }),
        children: fc.constantFrom("none", "present", "witnessed", "not-known"),
        place: fc.constantFrom("home", "school"),
      },
      { requiredKeys: ["forms", "children"] },
    ),
    { maxLength: 2 },
  ),
  consent: fc.option(
    fc.record(
      {
        purposes: fc.constantFrom(["case-management"], ["case-management", "statistics"], ["statistics"]),
        withdrawnAt: fc.constant("2025-06-01T00:00:00.000Z"),
      },
      { requiredKeys: ["purposes"] },
    ),
    { nil: undefined },
  ),
  referral: fc.option(
    fc.record({
      service: fc.constantFrom("s-shelter", "s-legal"),
      answerAfterMinutes: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
      answer: fc.constantFrom("acknowledged", "accepted", "declined"),
    }),
    { nil: undefined },
  ),
  // A later write of one part of the case, each kind of refresh the triggers do.
  change: fc.constantFrom(
    "none",
    "victim-sex",
    "victim-deleted",
    "perpetrator-deleted",
    "perpetrator-born",
    "incident-deleted",
    "incident-moved",
    "consent-withdrawn",
    "case-reopened",
    "step-deleted",
    "step-added",
  ),
})

type Arbitrary = typeof arbitraryCase extends fc.Arbitrary<infer A> ? A : never

const write = (cases: ReadonlyArray<Arbitrary>, run: number) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    for (const table of ["referral_steps", "referrals", "consents", "incidents", "persons", "cases"])
      yield* sql`DELETE FROM ${sql(table)}`
    for (const [n, c] of cases.entries()) {
      const id = `r${run}c${n}`
      yield* insertCase({
        id,
        mechanismId: c.mechanism,
        municipality: c.municipality,
        year: Number(c.openedAt.slice(0, 4)),
        openedAt: c.openedAt,
        victim: c.victim,
        perpetrators: c.perpetrators,
        incidents: c.incidents,
        ...(c.consent === undefined ? {} : { consent: c.consent }),
      })
      if (c.referral !== undefined) {
        const sent = Date.parse(c.openedAt)
        const minutes = c.referral.answerAfterMinutes
        yield* insertReferral({
          id: `${id}-f`,
          caseId: id,
          mechanismId: c.mechanism,
          serviceId: c.referral.service,
          status: minutes === undefined ? "sent" : c.referral.answer,
          steps: [
            { status: "sent", at: c.openedAt },
            ...(minutes === undefined
              ? []
              : [{ status: c.referral.answer, at: new Date(sent + minutes * 60_000).toISOString() }]),
          ],
        })
      }
      const change = c.change
      if (change === "victim-sex") yield* sql`UPDATE persons SET sex = 'male' WHERE id = ${`${id}-v`}`
      if (change === "victim-deleted") {
        // The consent names its giver, the victim: it goes first.
        yield* sql`DELETE FROM consents WHERE case_id = ${id}`
        yield* sql`DELETE FROM persons WHERE id = ${`${id}-v`}`
      }
      if (change === "perpetrator-deleted") yield* sql`DELETE FROM persons WHERE id = ${`${id}-p0`}`
      if (change === "perpetrator-born") yield* sql`UPDATE persons SET birth_year = 1990 WHERE id = ${`${id}-p0`}`
      if (change === "incident-deleted") yield* sql`DELETE FROM incidents WHERE id = ${`${id}-i0`}`
      if (change === "incident-moved")
        yield* sql`UPDATE incidents SET place = 'school', municipality = 'PRI' WHERE id = ${`${id}-i0`}`
      if (change === "consent-withdrawn")
        yield* sql`UPDATE consents SET withdrawn_at = ${"2025-07-01T00:00:00.000Z"} WHERE case_id = ${id}`
      if (change === "case-reopened")
        yield* sql`UPDATE cases SET opened_at = ${"2025-03-03T03:03:00.000Z"}, year = 2025 WHERE id = ${id}`
      if (change === "step-deleted") yield* sql`DELETE FROM referral_steps WHERE referral_id = ${`${id}-f`} AND seq = 2`
      if (change === "step-added" && c.referral !== undefined)
        yield* sql`INSERT INTO referral_steps ${sql.insert({
          referral_id: `${id}-f`,
          seq: 3,
          status: "declined",
          at: new Date(Date.parse(c.openedAt) + 90 * 60_000).toISOString(),
          principal_id: "01JP0000000000000000000001",
          institution_id: "01JB0000000000000000000002",
        })}`
    }
  }).pipe(Effect.orDie)

const bandOf = (band: unknown, born: unknown, year: number): string => {
  if (band !== null && band !== undefined) return String(band)
  if (born === null || born === undefined) return "not-recorded"
  const age = year - Number(born)
  const bounds: ReadonlyArray<[number, string]> = [
    [5, "0-4"],
    [10, "5-9"],
    [15, "10-14"],
    [18, "15-17"],
    [25, "18-24"],
    [35, "25-34"],
    [45, "35-44"],
    [55, "45-54"],
    [65, "55-64"],
  ]
  return bounds.find(([under]) => age < under)?.[1] ?? "65-plus"
}

const tally = (keys: ReadonlyArray<ReadonlyArray<string>>): ReadonlyArray<Group> => {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(JSON.stringify(key), (counts.get(JSON.stringify(key)) ?? 0) + 1)
  return [...counts].map(([key, count]) => ({ values: JSON.parse(key) as Array<string>, count }))
}

const sorted = (groups: ReadonlyArray<Group>) =>
  [...groups].sort((a, b) => (a.values.join() < b.values.join() ? -1 : 1))

/** The counts computed from the base tables, with the views' definitions. */
const straightforward = (filter: Filter) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const cases = yield* sql<Record<string, unknown>>`SELECT id, mechanism_id, opened_at, year FROM cases`
    const persons = yield* sql<Record<string, unknown>>`SELECT * FROM persons ORDER BY id`
    const consents = yield* sql<Record<string, unknown>>`SELECT case_id, purposes, withdrawn_at FROM consents`
    const incidents = yield* sql<Record<string, unknown>>`SELECT case_id, municipality, place, children FROM incidents`
    const referrals = yield* sql<Record<string, unknown>>`SELECT r.id, r.case_id, r.sent_at, s.type
      FROM referrals r JOIN referral_services s ON s.id = r.service_id`
    const steps = yield* sql<Record<string, unknown>>`SELECT referral_id, status, at FROM referral_steps`
    const byId = new Map(cases.map((c) => [String(c.id), c]))
    const victimSex = (caseId: unknown) =>
      String(persons.find((p) => p.case_id === caseId && p.role === "victim")?.sex ?? "not-recorded")
    const consented = (caseId: unknown) =>
      consents.some(
        (k) => k.case_id === caseId && k.withdrawn_at === null && String(k.purposes).includes('"statistics"'),
      )
    const counted = (caseId: unknown) => {
      const c = byId.get(String(caseId))
      if (c === undefined) return undefined
      const at = new Date(c.opened_at as string).getTime()
      const inPeriod = at >= filter.from.getTime() && at < filter.until.getTime()
      return inPeriod && (!filter.consentRequired || consented(caseId)) ? c : undefined
    }
    const perpetrators = persons.flatMap((p) => {
      const c = p.role === "alleged-perpetrator" ? counted(p.case_id) : undefined
      return c === undefined
        ? []
        : [
            [
              bandOf(p.age_band, p.birth_year, Number(c.year)),
              String(p.sex),
              String(p.relationship_kind ?? "not-recorded"),
              victimSex(p.case_id),
            ],
          ]
    })
    const incidentKeys = incidents.flatMap((i) => {
      const c = counted(i.case_id)
      return c === undefined
        ? []
        : [[String(i.place ?? "not-recorded"), victimSex(i.case_id), String(i.children), String(i.municipality)]]
    })
    const first = (referralId: unknown, statuses: ReadonlyArray<string>) => {
      const times = steps
        .filter((s) => s.referral_id === referralId && statuses.includes(String(s.status)))
        .map((s) => new Date(s.at as string).getTime())
      return times.length === 0 ? undefined : Math.min(...times)
    }
    const responseTimes = referrals.flatMap((r) => {
      const sent = new Date(r.sent_at as string).getTime()
      const inPeriod = sent >= filter.from.getTime() && sent < filter.until.getTime()
      if (!inPeriod || (filter.consentRequired && !consented(r.case_id))) return []
      const minutes = (at: number | undefined) => (at === undefined ? "none" : String(Math.round((at - sent) / 60_000)))
      return [
        [
          String(r.type),
          minutes(first(r.id, ["acknowledged", "accepted", "declined"])),
          minutes(first(r.id, ["accepted", "declined"])),
        ],
      ]
    })
    return { perpetrators: tally(perpetrators), incidents: tally(incidentKeys), responseTimes: tally(responseTimes) }
  }).pipe(Effect.orDie)

const perpetratorDimensions: ReadonlyArray<Dimension> = [
  "perpetrator-age-band",
  "perpetrator-sex",
  "relationship",
  "victim-sex",
]
const incidentDimensions: ReadonlyArray<Dimension> = ["place", "victim-sex", "children", "municipality"]

for (const db of databases) {
  describe.skipIf(db.skip !== undefined)(`${db.name}: statistics facts kept by triggers`, () => {
    layer(services(db, PlanImplementation.layerTest([])))((it) => {
      it.effect(
        "equal a straightforward count over the base tables, after random writes, updates and deletions",
        () =>
          Effect.gen(function* () {
            yield* insertService("s-shelter", "shelter", "GJI")
            yield* insertService("s-legal", "legal-aid", "PRI")
            const statistics = yield* Statistics
            const samples = fc.sample(
              fc.record({
                cases: fc.array(arbitraryCase, { minLength: 1, maxLength: 8 }),
                consentRequired: fc.constantFrom(false, false, true),
              }),
              { numRuns: 40, seed: 19 },
            )
            for (const [run, sample] of samples.entries()) {
              yield* write(sample.cases, run)
              // 2025 in Kosovo (from 23:00 UTC the day before).
              const filter: Filter = {
                from: new Date("2024-12-31T23:00:00.000Z"),
                until: new Date("2025-12-31T23:00:00.000Z"),
                consentRequired: sample.consentRequired,
              }
              const expected = yield* straightforward(filter)
              const perpetrators = yield* statistics.groups("perpetrators", perpetratorDimensions, filter)
              expect(sorted(perpetrators), `run ${run}: perpetrators`).toEqual(sorted(expected.perpetrators))
              const incidents = yield* statistics.groups("incidents", incidentDimensions, filter)
              expect(sorted(incidents), `run ${run}: incidents`).toEqual(sorted(expected.incidents))
              const times = yield* statistics.responseTimes(filter)
              const answered = (minutes: number | undefined) => (minutes === undefined ? "none" : String(minutes))
              const flattened = times.map((group) => ({
                values: [group.serviceType, answered(group.acknowledgeMinutes), answered(group.decideMinutes)],
                count: group.count,
              }))
              expect(sorted(flattened), `run ${run}: response times`).toEqual(sorted(expected.responseTimes))
            }
          }),
        120_000,
      )
    })
  })
}
