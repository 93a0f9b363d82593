// The worked example (test/support/Seed.ts: two mechanisms' 2025) through the
// SQL adapter and the use cases, on SQLite and PostgreSQL: every table of the
// yearly report written out by hand, with nothing hidden (Gjilan's own
// figures, internally, and the country's at threshold 1), then suppressed, then
// with the consent rule.
import type { Id } from "@bashke/kernel"
import { JurisdictionProfile, Principal } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect } from "effect"
import * as CrossTable from "../src/CrossTable"
import * as PlanImplementation from "../src/PlanImplementation"
import * as ReportingService from "../src/ReportingService"
import * as Suppression from "../src/Suppression"
import { counts, databases, services } from "./support/Databases"
import { gjilanCoordinator, national } from "./support/Principals"
import { mechanisms, workedExample } from "./support/Seed"
import { find, nonZero, rowsOf } from "./support/Tables"

const gjilan = mechanisms.gjilan as Id.MechanismId

const plans = PlanImplementation.layerTest([
  { mechanismId: gjilan, level: { due: 4, completed: 3, dueWeight: 5, completedWeight: 4, level: 0.8 } },
])

const withProfile = (changes: {
  readonly threshold?: number
  readonly consentRequired?: boolean
}): JurisdictionProfile.JurisdictionProfile => {
  const kosovo = JurisdictionProfile.kosovo
  return {
    ...kosovo,
    statistics: {
      smallCellThreshold: { ...kosovo.statistics.smallCellThreshold, value: changes.threshold ?? 10 },
      consentRequired: { ...kosovo.statistics.consentRequired, value: changes.consentRequired ?? false },
    },
  }
}

const as =
  (principal: Principal.Principal, profile: JurisdictionProfile.JurisdictionProfile = JurisdictionProfile.kosovo) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    effect.pipe(
      Effect.provideService(Principal.CurrentPrincipal, principal),
      Effect.provideService(JurisdictionProfile.CurrentJurisdiction, profile),
    )

// Every code of a dimension is listed; the rows with only zeros are left out here.
const expected2025 = {
  "cases-by-form": [
    ["physical", 3, 1, 0, 4],
    ["sexual", 1, 0, 0, 1],
    ["psychological", 2, 0, 0, 2],
    ["economic", 1, 0, 0, 1],
    ["not-recorded", 1, 0, 0, 1],
    ["total", 8, 1, 0, 9],
  ],
  "victims-by-age": [
    ["15-17", 0, 1, 0, 1],
    ["25-34", 2, 0, 0, 2],
    ["35-44", 1, 0, 0, 1],
    ["65-plus", 1, 0, 0, 1],
    ["not-recorded", 1, 0, 0, 1],
    ["total", 5, 1, 0, 6],
  ],
  "cases-by-municipality": [
    ["GJI", 3, 1, 0, 4],
    ["PRI", 2, 0, 0, 2],
    ["total", 5, 1, 0, 6],
  ],
  "cases-by-children": [
    ["witnessed", 2, 0, 0, 2],
    ["present", 0, 1, 0, 1],
    ["none", 2, 0, 0, 2],
    ["not-known", 1, 0, 0, 1],
    ["total", 5, 1, 0, 6],
  ],
  "perpetrators-by-age": [
    ["18-24", 0, 1, 0, 1],
    ["25-34", 0, 1, 0, 1],
    ["35-44", 0, 1, 0, 1],
    ["45-54", 1, 0, 0, 1],
    ["55-64", 0, 1, 0, 1],
    ["total", 1, 4, 0, 5],
  ],
  "perpetrators-by-relationship": [
    ["married", 2, 0, 0, 2],
    ["extramarital-union", 1, 0, 0, 1],
    ["relative-blood", 1, 0, 0, 1],
    ["in-law", 0, 1, 0, 1],
    ["total", 4, 1, 0, 5],
  ],
  "protection-orders": [
    // requested, issued, rejected, extended, expired, breach-recorded
    ["protection-order", 2, 1, 1, 0, 0, 1, 5],
    ["emergency-protection-order", 0, 1, 0, 0, 0, 0, 1],
    ["temporary-emergency-protection-order", 0, 1, 0, 0, 0, 0, 1],
    ["total", 2, 3, 1, 0, 0, 1, 7],
  ],
  "referrals-by-service": [
    // sent, acknowledged, accepted, declined, in-service, completed, cancelled, revoked
    ["shelter", 0, 0, 1, 1, 0, 0, 0, 0, 2],
    ["legal-aid", 1, 0, 1, 0, 0, 0, 0, 0, 2],
    ["total", 1, 0, 2, 1, 0, 0, 0, 0, 4],
  ],
  "incidents-by-place": [
    // female, male, (third sex code): c1, c2 and c4 at home; c4 in public; c3 (a boy) at school; c6 not recorded
    ["home", 3, 0, 0, 3],
    ["public-space", 1, 0, 0, 1],
    ["school", 0, 1, 0, 1],
    ["not-recorded", 1, 0, 0, 1],
    ["total", 5, 1, 0, 6],
  ],
  "referral-response-times": [
    // hours to acknowledge (median, p90), to decide (median, p90)
    ["shelter", 3, 4, 8, 10],
    ["legal-aid", 24, 24, 24, 24],
  ],
  meetings: [
    // regular held, ad hoc held, required, shortfall
    [mechanisms.gjilan, 3, 1, 4, 1],
    [mechanisms.prishtina, 4, 0, 4, 0],
  ],
  "plan-implementation": [[mechanisms.gjilan, 4, 3, 80]],
} as const

for (const db of databases) {
  describe.skipIf(db.skip !== undefined)(`${db.name}: the worked example`, () => {
    layer(services(db, plans))((it) => {
      it.effect("seeds 2025 and 2026 in the real tables", () => workedExample)

      it.effect(
        "the country's 2025, nothing small enough to hide at threshold 1: every table as computed by hand",
        () =>
          Effect.gen(function* () {
            const report = yield* as(national, withProfile({ threshold: 1 }))(ReportingService.yearly({ year: 2025 }))
            expect(report.scope).toEqual({ _tag: "National" })
            expect(report.period).toEqual({ start: "2025-01-01", end: "2025-12-31" })
            for (const [name, rows] of Object.entries(expected2025))
              expect(nonZero(find(report, name as keyof typeof expected2025)), name).toEqual(rows)
            // Every code is listed, zeros included: three sexes, eleven age bands.
            expect(rowsOf(find(report, "victims-by-age"))).toHaveLength(12)
          }),
      )

      it.effect("Gjilan's coordinator sees Gjilan's 2025 unsuppressed, inside the mechanism", () =>
        Effect.gen(function* () {
          const report = yield* as(gjilanCoordinator)(
            ReportingService.yearly({ year: 2025, mechanismId: gjilan, disclosure: "internal" }),
          )
          expect(report.disclosure).toBe("internal")
          expect(nonZero(find(report, "cases-by-municipality"))).toEqual([
            ["GJI", 3, 1, 0, 4],
            ["total", 3, 1, 0, 4],
          ])
          expect(nonZero(find(report, "meetings"))).toEqual([[mechanisms.gjilan, 3, 1, 4, 1]])
        }),
      )

      it.effect("published, every count under 10 is hidden, and no hidden count can be derived", () =>
        Effect.gen(function* () {
          const report = yield* as(national)(ReportingService.yearly({ year: 2025 }))
          expect(report.threshold).toBe(10)
          for (const table of report.tables) {
            if (table._tag !== "CountTable") continue
            for (const row of table.cells)
              for (const cell of row) if (cell._tag === "Count") expect(cell.value === 0 || cell.value >= 10).toBe(true)
          }
          // Fewer than 10 answers behind each figure: every response time hidden.
          expect(nonZero(find(report, "referral-response-times"))).toEqual([
            ["shelter", "x", "x", "x", "x"],
            ["legal-aid", "x", "x", "x", "x"],
          ])
          // Meetings and plans count institutions' work: never hidden.
          expect(nonZero(find(report, "meetings"))).toEqual(expected2025.meetings)
        }),
      )

      it.effect("published at threshold 3: the hidden cells match the pure suppression of the same counts", () =>
        Effect.gen(function* () {
          const internal = yield* as(national, withProfile({ threshold: 1 }))(ReportingService.yearly({ year: 2025 }))
          const published = yield* as(national, withProfile({ threshold: 3 }))(ReportingService.yearly({ year: 2025 }))
          // GJI: 3 women, 1 man; PRI: 2 women. The 1, the 2s and the man's total
          // are small; the cheapest cycles add the women's 3 and 5 and GJI's 4.
          expect(rowsOf(find(published, "cases-by-municipality"))).toEqual([
            ["GJI", "x", "x", 0, "x"],
            ["PRI", "x", 0, 0, "x"],
            ["total", "x", "x", 0, 6],
          ])
          for (const table of internal.tables) {
            if (table._tag !== "CountTable") continue
            const counts = table.cells
              .slice(0, -1)
              .map((row) => row.slice(0, -1).map((cell) => (cell._tag === "Count" ? cell.value : Number.NaN)))
            const { hidden } = Suppression.suppress({ rows: table.rows, columns: table.columns, counts }, 3)
            const same = find(published, table.name)
            if (same._tag !== "CountTable") throw new Error("a count table")
            expect(
              same.cells.map((row) => row.map((cell) => cell._tag === "Suppressed")),
              table.name,
            ).toEqual(hidden)
            expect(CrossTable.extended({ rows: table.rows, columns: table.columns, counts })).toEqual(
              table.cells.map((row) => row.map((cell) => (cell._tag === "Count" ? cell.value : Number.NaN))),
            )
          }
        }),
      )

      it.effect("where the profile asks for consent, only cases whose consent covers statistics count", () =>
        Effect.gen(function* () {
          const report = yield* as(
            national,
            withProfile({ threshold: 1, consentRequired: true }),
          )(ReportingService.yearly({ year: 2025 }))
          expect(report.consentRequired).toBe(true)
          // c1 and c4 consented; c2's consent leaves statistics out, c3 withdrew, c5 and c6 gave none.
          expect(nonZero(find(report, "cases-by-municipality"))).toEqual([
            ["GJI", 1, 0, 0, 1],
            ["PRI", 1, 0, 0, 1],
            ["total", 2, 0, 0, 2],
          ])
          expect(nonZero(find(report, "protection-orders"))).toEqual([
            ["protection-order", 1, 1, 0, 0, 0, 1, 3],
            ["emergency-protection-order", 0, 1, 0, 0, 0, 0, 1],
            ["total", 1, 2, 0, 0, 0, 1, 4],
          ])
          expect(nonZero(find(report, "referrals-by-service"))).toEqual([
            ["shelter", 0, 0, 1, 0, 0, 0, 0, 0, 1],
            ["legal-aid", 1, 0, 0, 0, 0, 0, 0, 0, 1],
            ["total", 1, 0, 1, 0, 0, 0, 0, 0, 2],
          ])
          expect(nonZero(find(report, "perpetrators-by-relationship"))).toEqual([
            ["married", 1, 0, 0, 1],
            ["extramarital-union", 1, 0, 0, 1],
            ["total", 2, 0, 0, 2],
          ])
        }),
      )

      it.effect("a custom table: 2026 so far, by year opened in the jurisdiction's time zone", () =>
        Effect.gen(function* () {
          const table = yield* as(
            national,
            withProfile({ threshold: 1 }),
          )(
            ReportingService.table({
              source: "cases",
              rows: "year",
              columns: "children",
              period: { start: "2024-01-01", end: "2026-12-31" },
            }),
          )
          expect(rowsOf(table)).toEqual([
            ["2025", 2, 1, 2, 1, 6],
            ["2026", 1, 0, 0, 0, 1],
            ["total", 3, 1, 2, 1, 7],
          ])
        }),
      )

      it.effect("reads only: a report writes nothing", () =>
        Effect.gen(function* () {
          const before = yield* counts
          yield* as(national)(ReportingService.yearly({ year: 2025 }))
          expect(yield* counts).toEqual(before)
        }),
      )
    })
  })
}
