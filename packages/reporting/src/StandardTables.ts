/**
 * The tables of a standard report (the yearly report of a mechanism or of the
 * country), after the Istanbul Convention's art. 11 categories and the
 * issue's list: cases by form of violence, victims by age, cases by
 * municipality and by children's presence (each by the victim's sex),
 * perpetrators by age and by relationship to the victim, protection orders
 * by kind and event, referrals by service and status, incidents by the
 * place of violence (by the victim's sex). Response times,
 * meetings and plan implementation are measure tables beside them.
 */
import type { Dimension } from "./Dimension"
import type { TableName } from "./Report"
import type { Source } from "./Source"

/**
 * One count table of the report.
 */
export interface Spec {
  readonly name: TableName
  readonly source: Source
  readonly rows: Dimension
  readonly columns: Dimension
}

/**
 * The count tables, in the order a report lists them.
 */
export const counts: ReadonlyArray<Spec> = [
  { name: "cases-by-form", source: "cases", rows: "form", columns: "victim-sex" },
  { name: "victims-by-age", source: "cases", rows: "victim-age-band", columns: "victim-sex" },
  { name: "cases-by-municipality", source: "cases", rows: "municipality", columns: "victim-sex" },
  { name: "cases-by-children", source: "cases", rows: "children", columns: "victim-sex" },
  { name: "perpetrators-by-age", source: "perpetrators", rows: "perpetrator-age-band", columns: "perpetrator-sex" },
  { name: "perpetrators-by-relationship", source: "perpetrators", rows: "relationship", columns: "victim-sex" },
  { name: "protection-orders", source: "protection-orders", rows: "order-kind", columns: "order-event" },
  { name: "referrals-by-service", source: "referrals", rows: "service-type", columns: "referral-status" },
  { name: "incidents-by-place", source: "incidents", rows: "place", columns: "victim-sex" },
]

/**
 * The dimensions a source is counted by to draw all its tables with one query.
 */
export const dimensionsOf = (source: Source, specs: ReadonlyArray<Spec> = counts): ReadonlyArray<Dimension> => [
  ...new Set(specs.filter((spec) => spec.source === source).flatMap((spec) => [spec.rows, spec.columns])),
]
