// Compiled against the built package (dist) by `check:package`: every namespace
// member that is both a value and a type must be usable as both, from ESM and CJS.
import {
  type CrossTable,
  Csv,
  type Cube,
  Dimension,
  MeasureTables,
  PlanImplementation,
  Report,
  ReportAccess,
  ReportGrid,
  ReportingMessages,
  type ReportingService,
  ReportLabels,
  ReportPeriod,
  ReportRequest,
  reportingMessages,
  Source,
  type SqlStatistics,
  StandardTables,
  Statistics,
  Suppression,
  Xlsx,
} from "@bashke/reporting"
import { Schema } from "effect"

export const source: Source.Source = Schema.decodeSync(Source.Source)("cases")
export const dimension: Dimension.Dimension = Schema.decodeSync(Dimension.Dimension)("victim-sex")
export const period: ReportPeriod.ReportPeriod = ReportPeriod.ofYear(2025)
export const request: ReportRequest.TableRequest = Schema.decodeSync(ReportRequest.TableRequest)({
  source: "cases",
  rows: "form",
  columns: "victim-sex",
  period: { start: "2025-01-01", end: "2025-12-31" },
})
export const table: CrossTable.CrossTable = { rows: ["a"], columns: ["b"], counts: [[3]] }
export const hidden: Suppression.Suppression = Suppression.suppress(table, 10)
export const cube: Cube.Cube = { dimensions: ["form"], groups: [] }
export const published: Report.CountTable = Report.countTable({
  name: "custom",
  source: "cases",
  rowDimension: "form",
  columnDimension: "victim-sex",
  table,
  threshold: 10,
})
export const grid: ReportGrid.Grid = ReportGrid.render(published, { locale: "en" })
export const csv: string = Csv.fromGrid(grid)
export const xlsx: Uint8Array = Xlsx.fromGrids([grid])
export const meetings: Report.MeasureTable = MeasureTables.meetings([], [], 4)
export const plans = PlanImplementation.layerTest([])
export const statistics = Statistics.layerTest({})
export const specs: ReadonlyArray<StandardTables.Spec> = StandardTables.counts
export const label: string = ReportLabels.total("sq")
export const action: string = ReportAccess.action
export const messages = reportingMessages
export const part = ReportingMessages.reportingMessages
export type Service = typeof ReportingService.yearly
export type Adapter = typeof SqlStatistics.layer
