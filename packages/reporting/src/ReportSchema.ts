/**
 * A report as JSON: the schemas of `Report`'s types, for whoever describes or
 * checks the answers (the gateway's OpenAPI document and the clients generated
 * from it). The types stay in `Report`; the assertions at the end keep the two
 * the same, so a field added there fails to compile here until it is described.
 */
import { CivilDate, Id } from "@bashke/kernel"
import { Schema } from "effect"
import { Dimension } from "./Dimension"
import type * as Types from "./Report"
import { Source } from "./Source"

/** A published count, or the marker of a hidden one. */
export const Cell = Schema.Union(
  Schema.TaggedStruct("Count", { value: Schema.Number }),
  Schema.TaggedStruct("Suppressed", {}),
).annotations({ identifier: "ReportCell", description: "A published count, or `Suppressed` for a hidden one" })

/** The names of a report's tables; `custom` for one asked for by its dimensions. */
export const TableName = Schema.Literal(
  "custom",
  "cases-by-form",
  "victims-by-age",
  "cases-by-municipality",
  "cases-by-children",
  "perpetrators-by-age",
  "perpetrators-by-relationship",
  "protection-orders",
  "referrals-by-service",
  "incidents-by-place",
  "referral-response-times",
  "meetings",
  "plan-implementation",
).annotations({ identifier: "ReportTableName" })

/** A cross-tabulation as published, its totals last. */
export const CountTable = Schema.TaggedStruct("CountTable", {
  name: TableName,
  source: Source,
  rowDimension: Dimension,
  columnDimension: Dimension,
  rows: Schema.Array(Schema.String),
  columns: Schema.Array(Schema.String),
  cells: Schema.Array(Schema.Array(Cell)).annotations({
    description: "(rows + 1) × (columns + 1): the last column the row totals, the last row the column totals",
  }),
}).annotations({ identifier: "ReportCountTable", description: "A cross-table with its totals, small cells hidden" })

/** A figure of a measure table. */
export const Figure = Schema.Union(
  Schema.TaggedStruct("Count", { value: Schema.Number }),
  Schema.TaggedStruct("Number", { value: Schema.Number, unit: Schema.Literal("hours", "percent") }),
  Schema.TaggedStruct("Missing", {}),
  Schema.TaggedStruct("Suppressed", {}),
).annotations({
  identifier: "ReportFigure",
  description: "A count, a number with its unit, `Missing` (nothing to measure) or `Suppressed`",
})

/** The measures of the measure tables. */
export const Measure = Schema.Literal(
  "acknowledge-median-hours",
  "acknowledge-p90-hours",
  "decide-median-hours",
  "decide-p90-hours",
  "regular-held",
  "ad-hoc-held",
  "required",
  "shortfall",
  "activities-due",
  "activities-completed",
  "implementation-level",
).annotations({ identifier: "ReportMeasure" })

/** Figures per row: per service type, or per mechanism. */
export const MeasureTable = Schema.TaggedStruct("MeasureTable", {
  name: TableName,
  rowDimension: Schema.Literal("service-type", "mechanism"),
  rows: Schema.Array(Schema.String),
  measures: Schema.Array(Measure),
  figures: Schema.Array(Schema.Array(Figure)).annotations({ description: "figures[row][measure]" }),
}).annotations({ identifier: "ReportMeasureTable", description: "Figures per service type or per mechanism" })

/** A table of a report. */
export const Table = Schema.Union(CountTable, MeasureTable).annotations({ identifier: "ReportTable" })

/** Whom a report covers. */
export const Scope = Schema.Union(
  Schema.TaggedStruct("National", {}),
  Schema.TaggedStruct("Mechanism", { mechanismId: Id.MechanismId }),
).annotations({ identifier: "ReportScope" })

/** A report: scope, period, disclosure, threshold, consent rule and tables. */
export const Report = Schema.Struct({
  scope: Scope,
  period: Schema.Struct({ start: CivilDate.CivilDate, end: CivilDate.CivilDate }),
  disclosure: Schema.Literal("published", "internal"),
  threshold: Schema.Number,
  consentRequired: Schema.Boolean,
  tables: Schema.Array(Table),
}).annotations({
  identifier: "Report",
  description: "A report: its scope and period, whether small cells are hidden, the threshold and its tables",
})

// Each schema describes exactly its type in `Report`, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const same = <A, B>(proof: Same<A, B>): Same<A, B> => proof
same<typeof Cell.Type, Types.Cell>(true)
same<typeof TableName.Type, Types.TableName>(true)
same<typeof CountTable.Type, Types.CountTable>(true)
same<typeof Figure.Type, Types.Figure>(true)
same<typeof Measure.Type, Types.Measure>(true)
same<typeof MeasureTable.Type, Types.MeasureTable>(true)
same<typeof Scope.Type, Types.Scope>(true)
same<typeof Report.Type, Types.Report>(true)
