/**
 * What a caller may ask for, as schemas that decode untrusted input:
 *
 * - {@link TableRequest}: one count table — a source, the dimension down its
 *   rows and the one across its columns (different, both of the source), a
 *   period, optionally one mechanism;
 * - {@link ReportRequest}: the standard tables for a period;
 * - {@link YearlyRequest}: the standard tables for a calendar year.
 *
 * `disclosure` is `published` unless said otherwise: small cells hidden.
 * `internal` (nothing hidden) is for a mechanism's own figures that stay in
 * the mechanism. A failure names the field and the rule
 * (`reporting.dimension.unknown`, `reporting.dimension.not-in-source`,
 * `reporting.dimension.same`, `reporting.period.ends-before-start`,
 * `reporting.year.out-of-range`, `reporting.source.unknown`).
 */
import { Id } from "@bashke/kernel"
import { Schema } from "effect"
import { Dimension } from "./Dimension"
import { ReportPeriod } from "./ReportPeriod"
import * as Source from "./Source"

export const Disclosure = Schema.Literal("published", "internal").annotations({
  identifier: "ReportDisclosure",
  message: () => ({ message: "reporting.disclosure.unknown", override: true }),
})

export type Disclosure = typeof Disclosure.Type

const scope = {
  /** One mechanism's figures; every mechanism's when absent. */
  mechanismId: Schema.optional(Id.MechanismId),
  disclosure: Schema.optionalWith(Disclosure, { default: () => "published" as const }),
}

export const TableRequest = Schema.Struct({
  source: Source.Source,
  rows: Dimension,
  columns: Dimension,
  period: ReportPeriod,
  ...scope,
}).pipe(
  Schema.filter((request) =>
    !Source.has(request.source, request.rows)
      ? { path: ["rows"], message: "reporting.dimension.not-in-source" }
      : !Source.has(request.source, request.columns)
        ? { path: ["columns"], message: "reporting.dimension.not-in-source" }
        : request.rows === request.columns
          ? { path: ["columns"], message: "reporting.dimension.same" }
          : true,
  ),
  Schema.annotations({ identifier: "TableRequest" }),
)

export type TableRequest = typeof TableRequest.Type

export const ReportRequest = Schema.Struct({ period: ReportPeriod, ...scope }).annotations({
  identifier: "ReportRequest",
})

export type ReportRequest = typeof ReportRequest.Type

export const YearlyRequest = Schema.Struct({
  year: Schema.Int.pipe(
    Schema.between(2000, 2999),
    Schema.annotations({ message: () => ({ message: "reporting.year.out-of-range", override: true }) }),
  ),
  ...scope,
}).annotations({ identifier: "YearlyRequest" })

export type YearlyRequest = typeof YearlyRequest.Type
