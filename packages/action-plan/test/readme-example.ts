// Keep in step with the example in README.md (only the import paths differ).
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Catalogue, Id, Principal } from "@bashke/kernel"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { Effect, Layer } from "effect"
import {
  ActionPlanService,
  ActivityActionItems,
  actionPlanMessages,
  actionPlanMigrations,
  IndicatorSources,
  SqlActionPlanRepository,
} from "../src/index"

const mechanismId = Id.MechanismId.make("01JM0000000000000000000001")
const municipality = Id.InstitutionId.make("01JB000000000000000000000A")
const police = Id.InstitutionId.make("01JB000000000000000000000B")

const coordinator: Principal.Principal = {
  id: Id.PrincipalId.make("01JP0000000000000000000001"),
  kind: "user",
  institution: municipality,
  roles: ["coordinator"],
  mechanisms: [mechanismId],
}

// The ports, as the application wires them to case, referral and meeting data.
const sources = IndicatorSources.layerTest({
  "high-risk-cases-reviewed-within-30-days": { numerator: 18, denominator: 24 },
})
const actionItems = ActivityActionItems.layerTest([])

const program = Effect.gen(function* () {
  yield* Migrations.run([persistenceMigrations, actionPlanMigrations])

  // A draft on the Kosovo local-plan pillars (the jurisdiction's default framework).
  const draft = yield* ActionPlanService.create({
    mechanismId,
    title: "Local action plan against domestic violence 2024–2026",
    period: { start: "2024-01-01", end: "2026-12-31" },
    objectives: [
      { code: "1", title: "Raise awareness", pillar: "awareness-prevention" },
      { code: "2", title: "Coordinated protection", pillar: "protection-coordination" },
    ],
    activities: [
      {
        objective: "1",
        title: "Campaign in schools",
        responsible: municipality,
        partners: [police],
        quarters: ["2024-Q4"],
        budget: { amount: 1500, currency: "EUR", source: "Municipal budget" },
        weight: 2,
      },
      { objective: "2", title: "Joint training", responsible: police, quarters: ["2025-Q2"] },
    ],
    indicators: [
      {
        objective: "1",
        title: "Residents who know where to report",
        unit: "percent",
        baseline: { value: 40, date: "2024-02-15", source: "Baseline survey 2024" },
        target: 70,
      },
      {
        objective: "2",
        title: "High-risk cases reviewed within 30 days",
        unit: "percent",
        baseline: { value: 50, date: "2024-01-31", source: "Baseline survey 2024" },
        target: 90,
        source: { _tag: "computed", query: "high-risk-cases-reviewed-within-30-days" },
      },
    ],
  })

  // Adopted, then progress is recorded: the campaign is done, a survey measured.
  const adopted = yield* ActionPlanService.changeStatus({ planId: draft.id, command: "adopt", expectedVersion: 1 })
  const done = yield* ActionPlanService.setActivityStatus({
    planId: draft.id,
    activityId: draft.activities[0]!.id,
    status: "completed",
    expectedVersion: adopted.version,
  })
  yield* ActionPlanService.recordMeasurement({
    planId: draft.id,
    indicatorId: draft.indicators[0]!.id,
    measurement: { value: 52, unit: "percent", date: "2025-02-15", source: "Mid-term survey" },
    expectedVersion: done.version,
  })

  // The monitoring report: the implementation level is computed, never typed in.
  const report = yield* ActionPlanService.report({
    planId: draft.id,
    period: { start: "2024-01-01", end: "2025-12-31" },
    asOf: "2025-07-15",
  })
  const summary = Catalogue.format(actionPlanMessages, "sq", "action-plan.report.implementation", {
    level: report.implementation.level ?? 0,
    completed: report.implementation.completed,
    due: report.implementation.due,
  })
  return { summary, report }
})

export const main = async () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-action-plan-"))
  const infrastructure = Layer.mergeAll(Database.layer(`sqlite:${join(directory, "bashke.db")}`), Id.layer)
  const services = Layer.mergeAll(SqlActionPlanRepository.layer, sources, actionItems)
  try {
    return await Effect.runPromise(
      program.pipe(
        Effect.provideService(Principal.CurrentPrincipal, coordinator),
        Effect.provide(services.pipe(Layer.provideMerge(infrastructure))),
        Effect.orDie,
      ),
    )
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(({ summary, report }) => {
    console.log(summary)
    console.log("overdue:", report.overdue.length)
    for (const line of report.indicators) console.log(line.unit, line.latest, "→", line.progress)
  })
}
