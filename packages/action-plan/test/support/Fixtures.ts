// Ids, principals and a plan shared by the tests: the Kosovo local-plan
// pillars, a 2024–2026 plan with four activities and three indicators.
import type { Id, Principal } from "@bashke/kernel"
import type * as ActionPlan from "../../src/ActionPlan"

export const ids = {
  plan: "01JQ0000000000000000000001" as Id.ActionPlanId,
  mechanism: "01JM0000000000000000000001" as Id.MechanismId,
  otherMechanism: "01JM0000000000000000000002" as Id.MechanismId,
  municipality: "01JB000000000000000000000A" as Id.InstitutionId,
  police: "01JB000000000000000000000B" as Id.InstitutionId,
  socialWork: "01JB000000000000000000000C" as Id.InstitutionId,
  employment: "01JB000000000000000000000D" as Id.InstitutionId,
  campaign: "01JT0000000000000000000001" as Id.ActivityId,
  training: "01JT0000000000000000000002" as Id.ActivityId,
  protocol: "01JT0000000000000000000003" as Id.ActivityId,
  jobs: "01JT0000000000000000000004" as Id.ActivityId,
  awareness: "01JV0000000000000000000001" as Id.IndicatorId,
  repeat: "01JV0000000000000000000002" as Id.IndicatorId,
  reviewed: "01JV0000000000000000000003" as Id.IndicatorId,
  meeting: "01JG0000000000000000000001" as Id.MeetingId,
  item: "01JN0000000000000000000001" as Id.ActionItemId,
}

export const coordinator: Principal.Principal = {
  id: "01JP0000000000000000000001" as Id.PrincipalId,
  kind: "user",
  institution: ids.municipality,
  roles: ["coordinator"],
  mechanisms: [ids.mechanism],
}

export const memberOfAnother: Principal.Principal = {
  id: "01JP0000000000000000000002" as Id.PrincipalId,
  kind: "user",
  institution: ids.police,
  roles: ["coordinator"],
  mechanisms: [ids.otherMechanism],
}

export const objectives: ReadonlyArray<ActionPlan.Objective> = [
  { code: "1", title: "Raise awareness of domestic violence", pillar: "awareness-prevention" },
  { code: "2", title: "Protect victims through coordinated response", pillar: "protection-coordination" },
  { code: "3", title: "Economic empowerment of survivors", pillar: "empowerment-reintegration" },
]

export const activity = (
  id: Id.ActivityId,
  quarters: readonly [string, ...Array<string>],
  status: ActionPlan.ActivityStatus,
  weight = 1,
): ActionPlan.Activity => ({
  id,
  objective: "1",
  title: `Activity ${id.slice(-1)}`,
  responsible: ids.municipality,
  partners: [ids.police],
  quarters,
  weight,
  status,
})

export const plan: ActionPlan.ActionPlan = {
  id: ids.plan,
  mechanismId: ids.mechanism,
  framework: "kosovo-local-plan",
  title: "Local action plan against domestic violence 2024–2026",
  period: { start: "2024-01-01", end: "2026-12-31" },
  status: "in-implementation",
  objectives,
  activities: [
    {
      ...activity(ids.campaign, ["2024-Q4"], "completed", 2),
      budget: { amount: 1500, currency: "EUR", source: "Municipal budget" },
    },
    { ...activity(ids.training, ["2025-Q1", "2025-Q2"], "in-progress"), objective: "2" },
    { ...activity(ids.protocol, ["2025-Q1"], "completed"), objective: "2" },
    { ...activity(ids.jobs, ["2026-Q2"], "planned", 3), objective: "3", responsible: ids.employment },
  ],
  indicators: [
    {
      id: ids.awareness,
      objective: "1",
      title: "Residents who know where to report violence",
      unit: "percent",
      baseline: { value: 40, date: "2024-02-15", source: "Baseline survey 2024" },
      target: 70,
      source: { _tag: "typed" },
      measurements: [{ value: 52, unit: "percent", date: "2025-02-15", source: "Mid-term survey" }],
    },
    {
      id: ids.repeat,
      objective: "2",
      title: "Repeat reports within 12 months",
      unit: "count",
      baseline: { value: 40, date: "2024-01-31", source: "Police register 2023" },
      target: 20,
      source: { _tag: "typed" },
      measurements: [{ value: 30, unit: "count", date: "2025-01-31", source: "Police register 2024" }],
    },
    {
      id: ids.reviewed,
      objective: "2",
      title: "High-risk cases reviewed within 30 days",
      unit: "percent",
      baseline: { value: 50, date: "2024-01-31", source: "Baseline survey 2024" },
      target: 90,
      source: { _tag: "computed", query: "high-risk-cases-reviewed-within-30-days" },
      measurements: [],
    },
  ],
  version: 1,
  createdAt: new Date("2024-01-10T09:00:00.000Z"),
  updatedAt: new Date("2024-01-10T09:00:00.000Z"),
}
