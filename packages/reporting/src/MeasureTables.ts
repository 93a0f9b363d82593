/**
 * The measure tables of a report, as pure functions of what the queries
 * answer:
 *
 * - **referral response times** per service type: the median and 90th
 *   percentile of the hours to acknowledge and to decide, with the referral
 *   package's own definitions (`ResponseTimes.figures`: median of an even
 *   count is the mean of the middle two, the 90th percentile by nearest rank),
 *   over times to the minute. A figure over fewer referrals than the
 *   threshold is hidden: a median of two times is two people's times.
 * - **meetings held vs required** per mechanism: regular and ad hoc meetings
 *   held (started in the period and taken place), the regular meetings the
 *   profile requires (its yearly minimum, pro rata for a period that is not a
 *   year: 4 a year is 1 a quarter) and the shortfall.
 * - **plan implementation** per mechanism: activities due and completed and
 *   the implementation level in percent (`Missing` without a plan or with
 *   nothing due).
 *
 * Meetings and plans count institutions' work, not persons: they are never
 * suppressed.
 */
import type { Id, JurisdictionProfile } from "@bashke/kernel"
import { ResponseTimes } from "@bashke/referral"
import * as Dimension from "./Dimension"
import type { PlanLevel } from "./PlanImplementation"
import type { Figure, MeasureTable } from "./Report"
import * as ReportPeriod from "./ReportPeriod"
import type { MeetingGroup, ResponseGroup } from "./Statistics"

const missing: Figure = { _tag: "Missing" }
const hidden: Figure = { _tag: "Suppressed" }
const hours = (value: number): Figure => ({ _tag: "Number", value, unit: "hours" })
const count = (value: number): Figure => ({ _tag: "Count", value })

// A figure over `n` values: hidden over fewer than the threshold, missing over none.
const guarded = (n: number, threshold: number | undefined, value: number | undefined): Figure =>
  n === 0 || value === undefined ? missing : threshold !== undefined && n < threshold ? hidden : hours(value)

/**
 * Response times per service type (every type listed, then any other met).
 */
export const responseTimes = (
  groups: ReadonlyArray<ResponseGroup>,
  threshold: number | undefined,
  profile: JurisdictionProfile.JurisdictionProfile,
): MeasureTable => {
  const rows = Dimension.listed(
    "service-type",
    groups.map((group) => group.serviceType),
    profile,
  )
  const times = (type: string, pick: (group: ResponseGroup) => number | undefined) =>
    groups
      .filter((group) => group.serviceType === type)
      .flatMap((group) => {
        const minutes = pick(group)
        return minutes === undefined ? [] : Array.from({ length: group.count }, () => minutes / 60)
      })
  return {
    _tag: "MeasureTable",
    name: "referral-response-times",
    rowDimension: "service-type",
    rows,
    measures: ["acknowledge-median-hours", "acknowledge-p90-hours", "decide-median-hours", "decide-p90-hours"],
    figures: rows.map((type) => {
      const acknowledge = ResponseTimes.figures(times(type, (group) => group.acknowledgeMinutes))
      const decide = ResponseTimes.figures(times(type, (group) => group.decideMinutes))
      return [
        guarded(acknowledge.count, threshold, acknowledge.median),
        guarded(acknowledge.count, threshold, acknowledge.p90),
        guarded(decide.count, threshold, decide.median),
        guarded(decide.count, threshold, decide.p90),
      ]
    }),
  }
}

/**
 * The regular meetings the profile requires in a period: its yearly minimum,
 * pro rata (a calendar year requires the minimum itself).
 */
export const requiredMeetings = (
  profile: JurisdictionProfile.JurisdictionProfile,
  period: ReportPeriod.ReportPeriod,
): number => Math.round((profile.meetings.minimumPerYear.value * ReportPeriod.days(period)) / 365.25)

/**
 * Meetings held vs required, per mechanism.
 */
export const meetings = (
  mechanisms: ReadonlyArray<Id.MechanismId>,
  groups: ReadonlyArray<MeetingGroup>,
  required: number,
): MeasureTable => {
  const held = (mechanismId: string, kind: string) =>
    groups
      .filter((group) => group.mechanismId === mechanismId && group.kind === kind)
      .reduce((sum, group) => sum + group.held, 0)
  return {
    _tag: "MeasureTable",
    name: "meetings",
    rowDimension: "mechanism",
    rows: mechanisms,
    measures: ["regular-held", "ad-hoc-held", "required", "shortfall"],
    figures: mechanisms.map((mechanismId) => {
      const regular = held(mechanismId, "regular")
      return [
        count(regular),
        count(held(mechanismId, "ad-hoc")),
        count(required),
        count(Math.max(0, required - regular)),
      ]
    }),
  }
}

/**
 * Plan implementation, per mechanism.
 */
export const planImplementation = (
  mechanisms: ReadonlyArray<Id.MechanismId>,
  levels: ReadonlyArray<PlanLevel>,
): MeasureTable => ({
  _tag: "MeasureTable",
  name: "plan-implementation",
  rowDimension: "mechanism",
  rows: mechanisms,
  measures: ["activities-due", "activities-completed", "implementation-level"],
  figures: mechanisms.map((mechanismId) => {
    const found = levels.find((level) => level.mechanismId === mechanismId)?.level
    if (found === undefined) return [missing, missing, missing]
    return [
      count(found.due),
      count(found.completed),
      found.level === null ? missing : { _tag: "Number", value: found.level * 100, unit: "percent" },
    ]
  }),
})
