// Issue 20, item 7: the schemas the gateway describes report answers with
// accept every report `Report` builds, and give it back unchanged — checked on
// random count tables (suppressed or not) and on a measure table, inside a
// report of each scope.
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc, Schema } from "effect"
import * as Report from "../src/Report"
import * as ReportSchema from "../src/ReportSchema"

const counts = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).chain(([rows, columns]) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: columns, maxLength: columns }), {
    minLength: rows,
    maxLength: rows,
  }),
)

const countTableOf = (grid: ReadonlyArray<ReadonlyArray<number>>, threshold: number | undefined): Report.CountTable =>
  Report.countTable({
    name: "custom",
    source: "incidents",
    rowDimension: "place",
    columnDimension: "children",
    table: {
      rows: grid.map((_, r) => `row-${r}`),
      columns: (grid[0] ?? []).map((_, c) => `column-${c}`),
      counts: grid,
    },
    threshold,
  })

const measureTable: Report.MeasureTable = {
  _tag: "MeasureTable",
  name: "referral-response-times",
  rowDimension: "service-type",
  rows: ["shelter", "legal-aid"],
  measures: ["acknowledge-median-hours", "regular-held"],
  figures: [
    [
      { _tag: "Number", value: 12.5, unit: "hours" },
      { _tag: "Count", value: 4 },
    ],
    [{ _tag: "Missing" }, { _tag: "Suppressed" }],
  ],
}

const reportOf = (tables: ReadonlyArray<Report.Table>, scope: Report.Scope): Report.Report => ({
  scope,
  period: { start: "2026-01-01", end: "2026-12-31" } as Report.Report["period"],
  disclosure: "published",
  threshold: 5,
  consentRequired: true,
  tables,
})

const roundTrip = <A, I>(schema: Schema.Schema<A, I>, value: A): A =>
  Schema.decodeUnknownSync(schema)(JSON.parse(JSON.stringify(Schema.encodeSync(schema)(value))))

describe("ReportSchema", () => {
  it("accepts every count table and gives it back unchanged through JSON", () => {
    fc.assert(
      fc.property(counts, fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }), (grid, threshold) => {
        const table = countTableOf(grid, threshold)
        expect(roundTrip(ReportSchema.CountTable, table)).toEqual(table)
      }),
    )
  })

  it("accepts reports of both scopes with count and measure tables", () => {
    const tables = [
      countTableOf(
        [
          [3, 12],
          [0, 7],
        ],
        5,
      ),
      measureTable,
    ]
    const national = reportOf(tables, { _tag: "National" })
    const mechanism = reportOf(tables, {
      _tag: "Mechanism",
      mechanismId: "01JF6Z9Y8X7W6V5T4S3R2Q1P0N" as Extract<Report.Scope, { _tag: "Mechanism" }>["mechanismId"],
    })
    expect(roundTrip(ReportSchema.Report, national)).toEqual(national)
    expect(roundTrip(ReportSchema.Report, mechanism)).toEqual(mechanism)
    // The small cell (3) went through the round trip hidden.
    const cells = (national.tables[0] as Report.CountTable).cells.flat()
    expect(cells.some((cell) => cell._tag === "Suppressed")).toBe(true)
  })

  it("refuses what is not a report: a cell that is neither a count nor suppressed", () => {
    const bad = { ...countTableOf([[8]], undefined), cells: [[{ _tag: "Hidden" }]] }
    expect(() => Schema.decodeUnknownSync(ReportSchema.CountTable)(bad)).toThrow()
  })
})
