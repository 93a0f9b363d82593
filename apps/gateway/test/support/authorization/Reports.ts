// The report routes: aggregates only, never names. A mechanism's figures, small
// cells hidden, are for its coordinator and the national coordinator; with
// nothing hidden (`internal`), for its coordinator alone, since they do not
// leave the mechanism; every mechanism's at once, for the national coordinator.
// The reporting package decides (`ReportAccess`); case workers, signatories
// included, read their cases, not the mechanism's statistics.
import { day, type Request, type Scenario, statuses, type World } from "./Matrix"

const year = async (world: World) => (await day(world)).slice(0, 4)

/** `path` with the query a scenario asks with. */
const query =
  (path: string, parameters: (world: World) => Promise<Record<string, string>>) =>
  async (world: World): Promise<Request> => ({
    method: "GET",
    path: `${path}?${new URLSearchParams(await parameters(world))}`,
  })

const ofMechanism = statuses(403, { coordinator: 200, nationalCoordinator: 200 })
const internal = statuses(403, { coordinator: 200 })
const national = statuses(403, { nationalCoordinator: 200 })

export const reportScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "getYearlyReport",
    label: "a mechanism's yearly figures, small cells hidden: its coordinator and the national coordinator",
    request: query("/v1/reports/yearly", async (w) => ({ year: await year(w), mechanismId: w.mechanismId })),
    expect: ofMechanism,
  },
  {
    operationId: "getYearlyReport",
    label: "a mechanism's yearly figures with nothing hidden: its coordinator only",
    request: query("/v1/reports/yearly", async (w) => ({
      year: await year(w),
      mechanismId: w.mechanismId,
      disclosure: "internal",
    })),
    expect: internal,
  },
  {
    operationId: "getYearlyReport",
    label: "every mechanism's yearly figures: the national coordinator",
    request: query("/v1/reports/yearly", async (w) => ({ year: await year(w) })),
    expect: national,
  },
  {
    operationId: "getReport",
    label: "a mechanism's figures for a period: its coordinator and the national coordinator",
    request: query("/v1/reports", async (w) => ({
      from: await day(w, -90),
      to: await day(w),
      mechanismId: w.mechanismId,
    })),
    expect: ofMechanism,
  },
  {
    operationId: "getReportTable",
    label: "one cross-table of a mechanism's cases: its coordinator and the national coordinator",
    request: query("/v1/reports/table", async (w) => ({
      source: "cases",
      rows: "form",
      columns: "victim-sex",
      from: await day(w, -90),
      to: await day(w),
      mechanismId: w.mechanismId,
    })),
    expect: ofMechanism,
  },
  {
    operationId: "getYearlyReportCsv",
    label: "a mechanism's yearly table as CSV: its coordinator and the national coordinator",
    request: query("/v1/reports/yearly.csv", async (w) => ({
      year: await year(w),
      mechanismId: w.mechanismId,
      table: "cases-by-form",
    })),
    expect: ofMechanism,
  },
  {
    operationId: "getReportCsv",
    label: "a mechanism's table for a period as CSV: its coordinator and the national coordinator",
    request: query("/v1/reports/period.csv", async (w) => ({
      from: await day(w, -90),
      to: await day(w),
      mechanismId: w.mechanismId,
      table: "incidents-by-place",
    })),
    expect: ofMechanism,
  },
  {
    operationId: "getReportXlsx",
    label: "every mechanism's tables for a period as XLSX: the national coordinator",
    request: query("/v1/reports/period.xlsx", async (w) => ({ from: await day(w, -90), to: await day(w) })),
    expect: national,
  },
  {
    operationId: "getYearlyReportXlsx",
    label: "every mechanism's yearly tables as XLSX: the national coordinator",
    request: query("/v1/reports/yearly.xlsx", async (w) => ({ year: await year(w) })),
    expect: national,
  },
]
