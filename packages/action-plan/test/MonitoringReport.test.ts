import { describe, expect, it } from "@effect/vitest"
import type { LinkedActionItem } from "../src/ActivityActionItems"
import * as MonitoringReport from "../src/MonitoringReport"
import { ids, plan } from "./support/Fixtures"

const linked: LinkedActionItem = {
  actionItemId: ids.item,
  meetingId: ids.meeting,
  activityId: ids.training,
  dueDate: "2025-05-15",
  status: "open",
}

describe("MonitoringReport.compute: a worked example (2025, as of 2025-07-15)", () => {
  const report = MonitoringReport.compute({
    plan,
    period: { start: "2025-01-01", end: "2025-12-31" },
    asOf: "2025-07-15",
    computed: new Map([[ids.reviewed, { numerator: 18, denominator: 24 }]]),
    actionItems: [linked],
  })

  it("computes the implementation level from the activities due in 2025", () => {
    expect(report.implementation).toEqual({ due: 2, completed: 1, dueWeight: 2, completedWeight: 1, level: 0.5 })
  })

  it("lists the training (due 2025-06-30, in progress) as overdue", () => {
    expect(report.overdue).toEqual([ids.training])
  })

  it("links the meeting action items to their activity", () => {
    const training = report.activities.find((a) => a.activityId === ids.training)
    expect(training).toMatchObject({ dueOn: "2025-06-30", dueInPeriod: true, overdue: true, actionItems: [linked] })
    expect(report.activities.find((a) => a.activityId === ids.jobs)?.actionItems).toEqual([])
  })

  it("measures the computed indicator for the period: 18 of 24 = 75 %, from 50 % toward 90 % → 0.625", () => {
    const reviewed = report.indicators.find((i) => i.indicatorId === ids.reviewed)
    expect(reviewed).toMatchObject({ computed: true, latest: 75, progress: 0.625, achieved: false })
    expect(report.indicators.find((i) => i.indicatorId === ids.repeat)).toMatchObject({
      computed: false,
      progress: 0.5,
    })
  })

  it("leaves a computed indicator without a value when its query counts nothing", () => {
    const empty = MonitoringReport.compute({
      plan,
      period: { start: "2025-01-01", end: "2025-12-31" },
      asOf: "2025-07-15",
      computed: new Map([[ids.reviewed, { numerator: 0, denominator: 0 }]]),
      actionItems: [],
    })
    expect(empty.indicators.find((i) => i.indicatorId === ids.reviewed)).toMatchObject({ latest: null, progress: null })
  })
})
