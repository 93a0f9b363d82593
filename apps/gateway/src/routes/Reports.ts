/**
 * `/v1/reports`: a mechanism's figures and the national aggregates, for a
 * year or any period, as JSON, CSV or XLSX. Who may ask is the reporting package's rule (`ReportAccess`):
 * national figures for the national coordinator, a mechanism's for its
 * coordinator (unsuppressed only when asked for internal use); anything
 * published is suppressed (small cells and what would give them away). The query carries periods and
 * codes only.
 */
import { Locale } from "@bashke/kernel"
import { Csv, ReportingService, ReportSchema, Xlsx } from "@bashke/reporting"
import { Effect, Schema } from "effect"
import * as Route from "../Route"

const tag = "reports"

const Year = Schema.NumberFromString.pipe(Schema.int())

const YearlyQuery = Schema.Struct({
  year: Year,
  mechanismId: Schema.optional(Schema.String),
  disclosure: Schema.optional(Schema.Literal("published", "internal")),
})

const PeriodQuery = Schema.Struct({
  from: Schema.String,
  to: Schema.String,
  mechanismId: Schema.optional(Schema.String),
  disclosure: Schema.optional(Schema.Literal("published", "internal")),
})

const TableQuery = Schema.Struct({
  source: Schema.String,
  rows: Schema.String,
  columns: Schema.String,
  from: Schema.String,
  to: Schema.String,
  mechanismId: Schema.optional(Schema.String),
  disclosure: Schema.optional(Schema.Literal("published", "internal")),
})

const ExportQuery = Schema.Struct({ ...YearlyQuery.fields, locale: Schema.optional(Locale.Locale) })

const TableName = Schema.Literal(
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
).annotations({ identifier: "ReportStandardTableName" })

const CsvQuery = Schema.Struct({ ...ExportQuery.fields, table: TableName })

const scopeOf = (query: { readonly mechanismId?: string | undefined; readonly disclosure?: string | undefined }) => ({
  ...(query.mechanismId === undefined ? {} : { mechanismId: query.mechanismId }),
  ...(query.disclosure === undefined ? {} : { disclosure: query.disclosure }),
})

const yearly = Route.make({
  method: "get",
  path: "/v1/reports/yearly",
  operationId: "getYearlyReport",
  tag,
  summary: "The yearly tables of a mechanism, or national",
  querySchema: YearlyQuery,
  success: { status: 200, schema: ReportSchema.Report },
  handle: ({ query }) => ReportingService.yearly({ year: query.year, ...scopeOf(query) }),
})

const period = Route.make({
  method: "get",
  path: "/v1/reports",
  operationId: "getReport",
  tag,
  summary: "The standard tables for a period",
  querySchema: PeriodQuery,
  success: { status: 200, schema: ReportSchema.Report },
  handle: ({ query }) => ReportingService.report({ period: { start: query.from, end: query.to }, ...scopeOf(query) }),
})

const table = Route.make({
  method: "get",
  path: "/v1/reports/table",
  operationId: "getReportTable",
  tag,
  summary: "One cross-table of a source by two of its dimensions",
  querySchema: TableQuery,
  success: { status: 200, schema: ReportSchema.CountTable },
  handle: ({ query }) =>
    ReportingService.table({
      source: query.source,
      rows: query.rows,
      columns: query.columns,
      period: { start: query.from, end: query.to },
      ...scopeOf(query),
    }),
})

const csv = Route.make({
  method: "get",
  path: "/v1/reports/yearly.csv",
  operationId: "getYearlyReportCsv",
  tag,
  summary: "One of the yearly tables as CSV (RFC 4180), labels in the chosen locale",
  querySchema: CsvQuery,
  success: { status: 200, schema: Schema.String, contentType: "text/csv; charset=utf-8" },
  handle: ({ query }) =>
    Effect.map(ReportingService.yearly({ year: query.year, ...scopeOf(query) }), (report) => {
      const found = report.tables.find((candidate) => candidate.name === query.table)
      // Every standard table is in every yearly report.
      return found === undefined
        ? ""
        : Csv.table(found, { locale: query.locale ?? "sq", bom: true, threshold: report.threshold })
    }),
})

const xlsx = Route.make({
  method: "get",
  path: "/v1/reports/yearly.xlsx",
  operationId: "getYearlyReportXlsx",
  tag,
  summary: "The yearly tables as an XLSX workbook, labels in the chosen locale",
  querySchema: ExportQuery,
  success: { status: 200, schema: Schema.Uint8ArrayFromSelf, contentType: Xlsx.mediaType },
  handle: ({ query }) =>
    Effect.map(ReportingService.yearly({ year: query.year, ...scopeOf(query) }), (report) =>
      Xlsx.report(report, { locale: query.locale ?? "sq" }),
    ),
})

const PeriodExportQuery = Schema.Struct({ ...PeriodQuery.fields, locale: Schema.optional(Locale.Locale) })

const PeriodCsvQuery = Schema.Struct({ ...PeriodExportQuery.fields, table: TableName })

const periodOf = (query: { readonly from: string; readonly to: string }) => ({
  period: { start: query.from, end: query.to },
})

const periodCsv = Route.make({
  method: "get",
  path: "/v1/reports/period.csv",
  operationId: "getReportCsv",
  tag,
  summary:
    "One of the standard tables for a period (`from` and `to` included) as CSV (RFC 4180), labels in the chosen locale",
  querySchema: PeriodCsvQuery,
  success: { status: 200, schema: Schema.String, contentType: "text/csv; charset=utf-8" },
  handle: ({ query }) =>
    Effect.map(ReportingService.report({ ...periodOf(query), ...scopeOf(query) }), (report) => {
      const found = report.tables.find((candidate) => candidate.name === query.table)
      // Every standard table is in every report.
      return found === undefined
        ? ""
        : Csv.table(found, { locale: query.locale ?? "sq", bom: true, threshold: report.threshold })
    }),
})

const periodXlsx = Route.make({
  method: "get",
  path: "/v1/reports/period.xlsx",
  operationId: "getReportXlsx",
  tag,
  summary:
    "The standard tables for a period (`from` and `to` included) as an XLSX workbook, labels in the chosen locale",
  querySchema: PeriodExportQuery,
  success: { status: 200, schema: Schema.Uint8ArrayFromSelf, contentType: Xlsx.mediaType },
  handle: ({ query }) =>
    Effect.map(ReportingService.report({ ...periodOf(query), ...scopeOf(query) }), (report) =>
      Xlsx.report(report, { locale: query.locale ?? "sq" }),
    ),
})

/** The report routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [yearly, period, table, csv, xlsx, periodCsv, periodXlsx]
