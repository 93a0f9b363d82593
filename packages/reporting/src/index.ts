/**
 * A cross-tabulation of counts and its totals, before anything is hidden.
 *
 * @since 0.1.0
 */
export * as CrossTable from "./CrossTable"

/**
 * CSV (RFC 4180) of a table or a report.
 *
 * @since 0.1.0
 */
export * as Csv from "./Csv"

/**
 * Counts by several dimensions at once, and the two-way tables drawn from them.
 *
 * @since 0.1.0
 */
export * as Cube from "./Cube"

/**
 * The dimensions a table is broken down by, their codes and their order.
 *
 * @since 0.1.0
 */
export * as Dimension from "./Dimension"

/**
 * Referral response times, meetings held vs required, plan implementation.
 *
 * @since 0.1.0
 */
export * as MeasureTables from "./MeasureTables"

/**
 * The port to each mechanism's action-plan implementation level.
 *
 * @since 0.1.0
 */
export * as PlanImplementation from "./PlanImplementation"

/**
 * What a report publishes: count tables, measure tables, the report.
 *
 * @since 0.1.0
 */
export * as Report from "./Report"

/**
 * Who may see which figures.
 *
 * @since 0.1.0
 */
export * as ReportAccess from "./ReportAccess"

/**
 * A table as rows of labels and values in a locale.
 *
 * @since 0.1.0
 */
export * as ReportGrid from "./ReportGrid"

/**
 * The package's part of the message catalogue.
 *
 * @since 0.1.0
 */
export * as ReportingMessages from "./ReportingMessages"

/**
 * @since 0.1.0
 */
export { reportingMessages } from "./ReportingMessages"

/**
 * The use cases: a table, a report for a period, the yearly report.
 *
 * @since 0.1.0
 */
export * as ReportingService from "./ReportingService"

/**
 * The labels of a report's codes, dimensions, measures and titles.
 *
 * @since 0.1.0
 */
export * as ReportLabels from "./ReportLabels"

/**
 * A report's period of calendar days.
 *
 * @since 0.1.0
 */
export * as ReportPeriod from "./ReportPeriod"

/**
 * The requests, as schemas that decode untrusted input.
 *
 * @since 0.1.0
 */
export * as ReportRequest from "./ReportRequest"

/**
 * What a table counts, and its dimensions.
 *
 * @since 0.1.0
 */
export * as Source from "./Source"

/**
 * The SQL adapter of the statistics port, over the published views.
 *
 * @since 0.1.0
 */
export * as SqlStatistics from "./SqlStatistics"

/**
 * The tables of a standard (yearly) report.
 *
 * @since 0.1.0
 */
export * as StandardTables from "./StandardTables"

/**
 * The port to the domain packages' statistics views.
 *
 * @since 0.1.0
 */
export * as Statistics from "./Statistics"

/**
 * Small-cell suppression, primary and secondary.
 *
 * @since 0.1.0
 */
export * as Suppression from "./Suppression"

/**
 * XLSX of a table or a report.
 *
 * @since 0.1.0
 */
export * as Xlsx from "./Xlsx"
