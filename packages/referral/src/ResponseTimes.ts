/**
 * Response-time figures for reporting: per receiving institution and per
 * service, the median and the 90th percentile of the time to acknowledge and
 * the time to decide (accept or decline), in hours.
 *
 * The median of an even count is the mean of the two middle values; the 90th
 * percentile is by nearest rank (the smallest value with at least 90 % of the
 * values at or below it), so it is always a time that really happened. A
 * referral decided without an explicit acknowledgement counts its decision as
 * its acknowledgement.
 */
import type { Id } from "@bashke/kernel"
import { type Referral, reachedAt, sentAt } from "./Referral"

const hour = 3_600_000

/**
 * The median and the 90th percentile of some durations, in hours, and how many
 * there were. `undefined` figures when there were none.
 */
export interface Figures {
  readonly count: number
  readonly median: number | undefined
  readonly p90: number | undefined
}

/**
 * The figures of a list of durations in hours.
 */
export const figures = (hours: ReadonlyArray<number>): Figures => {
  const sorted = [...hours].sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return { count: 0, median: undefined, p90: undefined }
  const at = (i: number): number => sorted[i] ?? Number.NaN
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2
  return { count: n, median, p90: at(Math.ceil(0.9 * n) - 1) }
}

/**
 * The figures of one receiver.
 */
export interface ResponseTimes<K> {
  readonly key: K
  readonly acknowledge: Figures
  readonly decide: Figures
}

const hoursBetween = (from: Date, to: Date | undefined): ReadonlyArray<number> =>
  to === undefined ? [] : [(to.getTime() - from.getTime()) / hour]

const byKey = <K extends string>(
  referrals: ReadonlyArray<Referral>,
  keyOf: (referral: Referral) => K,
): ReadonlyArray<ResponseTimes<K>> => {
  const groups = new Map<K, Array<Referral>>()
  for (const referral of referrals) {
    const key = keyOf(referral)
    groups.set(key, [...(groups.get(key) ?? []), referral])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({
      key,
      acknowledge: figures(
        group.flatMap((r) => hoursBetween(sentAt(r), reachedAt(r, ["acknowledged", "accepted", "declined"]))),
      ),
      decide: figures(group.flatMap((r) => hoursBetween(sentAt(r), reachedAt(r, ["accepted", "declined"])))),
    }))
}

/**
 * Response times per receiving institution, ordered by id.
 */
export const perInstitution = (referrals: ReadonlyArray<Referral>): ReadonlyArray<ResponseTimes<Id.InstitutionId>> =>
  byKey(referrals, (referral) => referral.to)

/**
 * Response times per service, ordered by id.
 */
export const perService = (referrals: ReadonlyArray<Referral>): ReadonlyArray<ResponseTimes<Id.ServiceId>> =>
  byKey(referrals, (referral) => referral.service)
