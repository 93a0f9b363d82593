// CSV (RFC 4180) and XLSX of tables: labels from the catalogue in the four
// locales, the marker for hidden counts, numbers as numbers.
import { JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { strFromU8, unzipSync } from "fflate"
import * as Csv from "../src/Csv"
import * as Report from "../src/Report"
import * as ReportGrid from "../src/ReportGrid"
import * as Xlsx from "../src/Xlsx"

const byForm = Report.countTable({
  name: "cases-by-form",
  source: "cases",
  rowDimension: "form",
  columnDimension: "victim-sex",
  table: {
    rows: ["physical", "sexual"],
    columns: ["female", "male"],
    counts: [
      [40, 25],
      [3, 30],
    ],
  },
  threshold: 10,
})

const orders = Report.countTable({
  name: "protection-orders",
  source: "protection-orders",
  rowDimension: "order-kind",
  columnDimension: "order-event",
  table: { rows: ["protection-order"], columns: ["requested", "issued"], counts: [[12, 11]] },
  threshold: 10,
})

const responseTimes: Report.MeasureTable = {
  _tag: "MeasureTable",
  name: "referral-response-times",
  rowDimension: "service-type",
  rows: ["shelter", "legal-aid"],
  measures: ["acknowledge-median-hours", "decide-median-hours"],
  figures: [
    [{ _tag: "Number", value: 5.55, unit: "hours" }, { _tag: "Missing" }],
    [{ _tag: "Suppressed" }, { _tag: "Suppressed" }],
  ],
}

describe("ReportGrid.render", () => {
  it("labels rows, columns and totals in each locale; hidden counts are the marker", () => {
    expect(ReportGrid.render(byForm, { locale: "en", threshold: 10 })).toEqual({
      title: "Cases by form of violence and victim's sex",
      header: ["Form of violence", "Female", "Male", "Total"],
      rows: [
        ["Physical", "x", "x", 65],
        ["Sexual", "x", "x", 33],
        ["Total", 43, 55, 98],
      ],
      note: "x: a count under 10, or one that would reveal such a count, hidden to protect the persons concerned.",
    })
    expect(ReportGrid.render(byForm, { locale: "sq" }).header).toEqual([
      "Forma e dhunës",
      "Femër",
      "Mashkull",
      "Gjithsej",
    ])
    expect(ReportGrid.render(byForm, { locale: "sr-Latn" }).header).toEqual([
      "Oblik nasilja",
      "Ženski",
      "Muški",
      "Ukupno",
    ])
    expect(ReportGrid.render(byForm, { locale: "sr-Cyrl" }).header).toEqual([
      "Облик насиља",
      "Женски",
      "Мушки",
      "Укупно",
    ])
  })

  it("labels order kinds from the profile and municipalities from the kernel", () => {
    expect(ReportGrid.render(orders, { locale: "sq", profile: JurisdictionProfile.kosovo }).rows[0]?.[0]).toBe(
      "Urdhri për mbrojtje",
    )
    const byMunicipality = Report.countTable({
      name: "cases-by-municipality",
      source: "cases",
      rowDimension: "municipality",
      columnDimension: "victim-sex",
      table: { rows: ["GJI", "MIV"], columns: ["female"], counts: [[12], [11]] },
      threshold: undefined,
    })
    expect(ReportGrid.render(byMunicipality, { locale: "sr-Latn" }).rows.map((row) => row[0])).toEqual([
      "Gnjilane",
      "Severna Mitrovica",
      "Ukupno",
    ])
    expect(ReportGrid.render(byMunicipality, { locale: "sr-Cyrl" }).rows[0]?.[0]).toBe("Гњилане")
  })

  it("rounds hours to one decimal, leaves nothing to measure empty", () => {
    expect(ReportGrid.render(responseTimes, { locale: "en" }).rows).toEqual([
      ["Shelter", 5.6, ""],
      ["Legal aid", "x", "x"],
    ])
  })
})

describe("Csv", () => {
  it("writes RFC 4180: CRLF after every record, quotes where needed, quotes doubled", () => {
    expect(Csv.record(["a", 'say "hi"', "x,y", "line\nbreak", 3, 2.5])).toBe(
      'a,"say ""hi""","x,y","line\nbreak",3,2.5\r\n',
    )
    expect(Csv.table(byForm, { locale: "en" })).toBe(
      "Form of violence,Female,Male,Total\r\nPhysical,x,x,65\r\nSexual,x,x,33\r\nTotal,43,55,98\r\n",
    )
  })

  it("never lets a spreadsheet read a field as a formula", () => {
    expect(Csv.field("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)")
    expect(Csv.field("+1")).toBe("'+1")
    expect(Csv.field(-3)).toBe("-3")
  })

  it("writes a byte order mark on request, and the labels of the locale", () => {
    const csv = Csv.table(byForm, { locale: "sr-Cyrl", bom: true })
    expect(csv.startsWith("\uFEFFОблик насиља,Женски,Мушки,Укупно\r\n")).toBe(true)
  })
})

describe("Xlsx", () => {
  const parts = (bytes: Uint8Array) =>
    Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]))

  it("names columns A…Z, AA…", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(Xlsx.columnName)).toEqual([
      "A",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ])
  })

  it("is a zip of the parts of a workbook, one sheet per table", () => {
    const files = parts(
      Xlsx.fromGrids([
        ReportGrid.render(byForm, { locale: "en", threshold: 10 }),
        ReportGrid.render(responseTimes, { locale: "en" }),
      ]),
    )
    expect(Object.keys(files).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ])
    expect(files["xl/workbook.xml"]).toContain(
      '<sheet name="1 Cases by form of violence and" sheetId="1" r:id="rId1"/>',
    )
    const sheet = files["xl/worksheets/sheet1.xml"]!
    // title and header bold, counts as numbers, the marker as text
    expect(sheet).toContain(
      '<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Cases by form of violence and victim&apos;s sex</t></is></c>'.replace(
        "&apos;",
        "'",
      ),
    )
    expect(sheet).toContain('<c r="D4"><v>65</v></c>')
    expect(sheet).toContain('<c r="B4" t="inlineStr"><is><t xml:space="preserve">x</t></is></c>')
    expect(sheet).toContain("x: a count under 10")
    // one decimal shown for hours
    expect(files["xl/worksheets/sheet2.xml"]).toContain('<c r="B4" s="2"><v>5.6</v></c>')
  })

  it("escapes XML and gives the same bytes for the same table", () => {
    const grid = { title: "A & B <c>", header: ['"q"'], rows: [["\u0001ok"]] }
    const files = parts(Xlsx.fromGrids([grid]))
    expect(files["xl/worksheets/sheet1.xml"]).toContain("A &amp; B &lt;c&gt;")
    expect(files["xl/worksheets/sheet1.xml"]).toContain("&quot;q&quot;")
    expect(files["xl/worksheets/sheet1.xml"]).toContain(">ok<")
    expect(Xlsx.fromGrids([grid])).toEqual(Xlsx.fromGrids([grid]))
  })
})
