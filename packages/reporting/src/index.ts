/**
 * A cross-tabulation of counts and its totals, before anything is hidden.
 */
export * as CrossTable from "./CrossTable"

/**
 * CSV (RFC 4180) of a table or a report.
 */
export * as Csv from "./Csv"

/**
 * Counts by several dimensions at once, and the two-way tables drawn from them.
 */
export * as Cube from "./Cube"

/**
 * The dimensions a table is broken down by, their codes and their order.
 */
export * as Dimension from "./Dimension"

/**
 * The counting rules of the action plan's computed indicators over case,
 * referral and meeting data (high-risk cases reviewed in time, referrals
 * acknowledged in time, meetings held vs required).
 */
export * as IndicatorQueries from "./IndicatorQueries"

/**
 * Referral response times, meetings held vs required, plan implementation.
 */
export * as MeasureTables from "./MeasureTables"

/**
 * The port to each mechanism's action-plan implementation level.
 */
export * as PlanImplementation from "./PlanImplementation"

/**
 * What a report publishes: count tables, measure tables, the report.
 */
export * as Report from "./Report"
/**
 * Who may see which figures.
 */
export * as ReportAccess from "./ReportAccess"
/**
 * A table as rows of labels and values in a locale.
 */
export * as ReportGrid from "./ReportGrid"
/**
 * The package's part of the message catalogue.
 */
export * as ReportingMessages from "./ReportingMessages"
export { reportingMessages } from "./ReportingMessages"
/**
 * The use cases: a table, a report for a period, the yearly report.
 */
export * as ReportingService from "./ReportingService"
/**
 * The labels of a report's codes, dimensions, measures and titles.
 */
export * as ReportLabels from "./ReportLabels"
/**
 * A report's period of calendar days.
 */
export * as ReportPeriod from "./ReportPeriod"
/**
 * The requests, as schemas that decode untrusted input.
 */
export * as ReportRequest from "./ReportRequest"
/**
 * A report as JSON: the schemas of its types, for describing the answers.
 */
export * as ReportSchema from "./ReportSchema"

/**
 * What a table counts, and its dimensions.
 */
export * as Source from "./Source"

/**
 * The SQL adapter of the statistics port, over the published views.
 */
export * as SqlStatistics from "./SqlStatistics"

/**
 * The tables of a standard (yearly) report.
 */
export * as StandardTables from "./StandardTables"

/**
 * The port to the domain packages' statistics views.
 */
export * as Statistics from "./Statistics"

/**
 * Small-cell suppression, primary and secondary.
 */
export * as Suppression from "./Suppression"

/**
 * XLSX of a table or a report.
 */
export * as Xlsx from "./Xlsx"
