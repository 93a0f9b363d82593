/**
 * The dimensions a table is broken down by — the Istanbul Convention's art. 11
 * categories (sex, age, relationship, form of violence, place), children's
 * exposure, protection orders' kinds and events, referrals' services — with
 * the codes each takes, in the order tables list them, and their labels.
 *
 * A dimension's codes are those of the package that records them (the case
 * package's sexes, age bands, forms, relationships; the referral package's
 * service types and statuses; the jurisdiction profile's order kinds), plus
 * `not-recorded` where a value may be missing. Codes met in the data but not
 * known here (a code of an older profile) are listed after the known ones, so
 * that totals always add up.
 *
 * `form` is the one multi-valued dimension: a case with physical and
 * psychological violence counts under both, so a table by form counts
 * mentions, and its totals are the sums of its cells like every table's.
 */
import { Incident, Person, ProtectionOrder, Relationship } from "@bashke/case"
import { type JurisdictionProfile, Municipality } from "@bashke/kernel"
import { Referral, ServiceType } from "@bashke/referral"
import { Schema } from "effect"

export const Dimension = Schema.Literal(
  "year",
  "mechanism",
  "municipality",
  "victim-sex",
  "victim-age-band",
  "form",
  "place",
  "children",
  "perpetrator-sex",
  "perpetrator-age-band",
  "relationship",
  "relationship-time",
  "order-kind",
  "order-event",
  "petitioner",
  "service-type",
  "referral-status",
  "urgency",
).annotations({
  identifier: "ReportingDimension",
  message: () => ({ message: "reporting.dimension.unknown", override: true }),
})

export type Dimension = typeof Dimension.Type

/**
 * Every dimension.
 */
export const all: ReadonlyArray<Dimension> = Dimension.literals

/**
 * The code of a missing value.
 */
export const notRecorded = "not-recorded"

/**
 * The events of a protection order a table counts. `requested` and `issued`
 * are the order's dates; the others its recorded events.
 */
export const orderEvents = ["requested", "issued", "rejected", "extended", "expired", "breach-recorded"] as const

export type OrderEvent = (typeof orderEvents)[number]

const ageBands: ReadonlyArray<string> = [...Person.AgeBand.literals, notRecorded]

/**
 * The codes a dimension always lists, in order (zero rows included), or
 * `undefined` for a dimension that lists only the codes met in the data
 * (years; mechanisms, by id; municipalities, of which a mechanism's table
 * would otherwise list 37 empty ones).
 */
export const codes = (
  dimension: Dimension,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<string> | undefined => {
  switch (dimension) {
    case "year":
    case "mechanism":
    case "municipality":
      return undefined
    case "victim-sex":
    case "perpetrator-sex":
      return Person.Sex.literals
    case "victim-age-band":
    case "perpetrator-age-band":
      return ageBands
    case "form":
      return [...Incident.ViolenceForm.literals, notRecorded]
    case "place":
      return [...Incident.Place.literals, notRecorded]
    case "children":
      return ["witnessed", "present", "none", "not-known"]
    case "relationship":
      return [...Relationship.kinds, notRecorded]
    case "relationship-time":
      return [...Relationship.RelationshipTime.literals, notRecorded]
    case "order-kind":
      return Object.keys(profile.protectionOrders.kinds)
    case "order-event":
      return orderEvents
    case "petitioner":
      return ProtectionOrder.Petitioner.literals
    case "service-type":
      return ServiceType.all
    case "referral-status":
      return Referral.Status.literals
    case "urgency":
      return Referral.Urgency.literals
  }
}

/**
 * The order in which codes met in the data but not always listed are sorted:
 * municipalities in the kernel's order, years and anything else by code.
 */
export const compareCodes =
  (dimension: Dimension) =>
  (a: string, b: string): number => {
    if (dimension === "municipality") {
      const rank = (code: string) => {
        const index = (Municipality.codes as ReadonlyArray<string>).indexOf(code)
        return index < 0 ? Number.MAX_SAFE_INTEGER : index
      }
      const byRank = rank(a) - rank(b)
      if (byRank !== 0) return byRank
    }
    return a < b ? -1 : a > b ? 1 : 0
  }

/**
 * The codes one stored value stands for: the forms of a case are stored as
 * one code (`physical,psychological`, or '' for a case without a recorded
 * incident); every other dimension's value is one code.
 */
export const split = (dimension: Dimension, stored: string): ReadonlyArray<string> =>
  dimension === "form" ? (stored === "" ? [notRecorded] : stored.split(",")) : [stored]

/**
 * The codes of a table's rows or columns: the dimension's codes, then those
 * met in `seen` that it does not list, in {@link compareCodes} order.
 */
export const listed = (
  dimension: Dimension,
  seen: Iterable<string>,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<string> => {
  const known = codes(dimension, profile) ?? []
  const extra = [...new Set(seen)].filter((code) => !known.includes(code)).sort(compareCodes(dimension))
  return [...known, ...extra]
}

/**
 * The catalogue key of a dimension's label (`reporting.dimension.victim-sex`).
 */
export const labelKey = (dimension: Dimension): `reporting.dimension.${Dimension}` => `reporting.dimension.${dimension}`
