/**
 * What a table counts: its unit, and the dimensions it can be broken down by.
 *
 * - `cases`: cases, which are victims (a case has exactly one victim);
 * - `perpetrators`: alleged perpetrators;
 * - `protection-orders`: dated events of protection orders (requested,
 *   issued, rejected, extended, expired, breach recorded);
 * - `referrals`: referrals to a service;
 * - `incidents`: recorded incidents of violence (a case may have several),
 *   by the place and municipality they happened in, for the cases opened in
 *   the period.
 *
 * Each unit concerns persons, so each table of a source is suppressed before
 * it leaves a mechanism.
 */
import { Schema } from "effect"
import type { Dimension } from "./Dimension"

export const Source = Schema.Literal(
  "cases",
  "perpetrators",
  "protection-orders",
  "referrals",
  "incidents",
).annotations({
  identifier: "ReportingSource",
  message: () => ({ message: "reporting.source.unknown", override: true }),
})

export type Source = typeof Source.Type

/**
 * Every source, in the order above.
 */
export const all: ReadonlyArray<Source> = Source.literals

/**
 * The dimensions of each source, in the order a table picker offers them.
 */
export const dimensions: { readonly [S in Source]: ReadonlyArray<Dimension> } = {
  cases: ["year", "mechanism", "municipality", "victim-sex", "victim-age-band", "form", "children"],
  perpetrators: [
    "year",
    "mechanism",
    "municipality",
    "perpetrator-sex",
    "perpetrator-age-band",
    "relationship",
    "relationship-time",
    "victim-sex",
  ],
  "protection-orders": ["mechanism", "municipality", "order-kind", "order-event", "petitioner"],
  referrals: ["mechanism", "municipality", "service-type", "referral-status", "urgency"],
  incidents: ["year", "mechanism", "municipality", "place", "victim-sex", "children"],
}

/**
 * Whether a source can be broken down by a dimension.
 */
export const has = (source: Source, dimension: Dimension): boolean => dimensions[source].includes(dimension)

/**
 * The catalogue key of a source's unit (`reporting.source.cases`).
 */
export const labelKey = (source: Source): `reporting.source.${Source}` => `reporting.source.${source}`
