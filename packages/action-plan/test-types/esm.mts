// Compiled against the built package (dist) by `check:package`: every namespace
// member that is both a value and a type must be usable as both, from ESM and CJS.
import {
  ActionPlan,
  type ActionPlanCommands,
  type ActionPlanEvents,
  ActionPlanLifecycle,
  ActivityActionItems,
  actionPlanMessages,
  actionPlanMigrations,
  Framework,
  ImplementationLevel,
  IndicatorProgress,
  type IndicatorSources,
  type MonitoringReport,
  Period,
  Quarter,
} from "@bashke/action-plan"
import { Either, Schema } from "effect"

export const status: ActionPlan.Status = Schema.decodeSync(ActionPlan.Status)("draft")
export const unit: ActionPlan.Unit = Schema.decodeSync(ActionPlan.Unit)("percent")
export const quarter: Quarter.Quarter = Schema.decodeSync(Quarter.Quarter)("2026-Q1")
export const period: Period.Period = Schema.decodeSync(Period.Period)({ start: "2026-01-01", end: "2026-12-31" })
export const framework: Framework.Framework = Framework.of("inspire")
export const code: Framework.FrameworkCode = Framework.defaultFrameworkFor({ id: "xk" })
export const level: ImplementationLevel.Level = ImplementationLevel.compute([], period)
export const progress: IndicatorProgress.Progress = IndicatorProgress.compute({
  baseline: { value: 40, date: "2024-01-01", source: "Baseline survey" },
  target: 70,
  measurements: [],
})
export const next: boolean = Either.isRight(ActionPlanLifecycle.next("draft", "adopt"))
export const query: IndicatorSources.QueryName = "meetings-held-vs-required"
export const ratio: IndicatorSources.Ratio = { numerator: 1, denominator: 2 }
export const items = ActivityActionItems.layerTest([])
export const input: typeof ActionPlanCommands.ChangeStatus.Encoded = {
  planId: "01JQ0000000000000000000001",
  command: "adopt",
  expectedVersion: 1,
}
export const topic: ActionPlanEvents.Topic = "action-plan.plan.created"
export type Report = MonitoringReport.Report
export const messages = actionPlanMessages
export const migrations: string = actionPlanMigrations.package
