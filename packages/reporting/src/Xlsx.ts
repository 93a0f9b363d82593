/**
 * XLSX (Office Open XML SpreadsheetML) of a table or a report: one sheet per
 * table, its title in bold, the header in bold, then the rows; counts as
 * numbers, hours and percentages as numbers shown with one decimal, a hidden
 * count as the marker (text), and the marker's meaning under the table.
 *
 * The workbook is written by hand — five small XML parts and one per sheet,
 * strings inline (no shared-strings table) — and zipped with `fflate`
 * (`zipSync`): a dependency-free 8 kB library that runs on Node and on
 * Cloudflare Workers alike. The archive's timestamps are fixed, so the same
 * report gives the same bytes.
 */
import { zipSync } from "fflate"
import type { Report, Table } from "./Report"
import * as ReportGrid from "./ReportGrid"

/**
 * The media type of an XLSX file.
 */
export const mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

const encoder = new TextEncoder()

// XML 1.0 text: escaped, and without the control characters it cannot hold.
const xml = (text: string): string =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those characters
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")

/**
 * The column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA.
 */
export const columnName = (index: number): string => {
  let name = ""
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

// Styles: 0 plain, 1 bold, 2 a number with one decimal.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`

const cell = (ref: string, value: ReportGrid.Value, style: 0 | 1 | 2): string =>
  typeof value === "number"
    ? Number.isFinite(value)
      ? `<c r="${ref}"${style === 0 ? "" : ` s="${style}"`}><v>${value}</v></c>`
      : ""
    : value === ""
      ? ""
      : `<c r="${ref}" t="inlineStr"${style === 0 ? "" : ` s="${style}"`}><is><t xml:space="preserve">${xml(value)}</t></is></c>`

const row = (index: number, values: ReadonlyArray<ReportGrid.Value>, style: (value: ReportGrid.Value) => 0 | 1 | 2) =>
  `<row r="${index}">${values.map((value, c) => cell(`${columnName(c)}${index}`, value, style(value))).join("")}</row>`

const sheet = (grid: ReportGrid.Grid): string => {
  const lines: Array<string> = [
    row(1, [grid.title], () => 1),
    row(3, grid.header, () => 1),
    ...grid.rows.map((values, r) =>
      row(r + 4, values, (value) => (typeof value === "number" && !Number.isInteger(value) ? 2 : 0)),
    ),
  ]
  if (grid.note !== undefined) lines.push(row(grid.rows.length + 5, [grid.note], () => 0))
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lines.join("")}</sheetData></worksheet>`
}

// Sheet names: at most 31 characters, none of : \ / ? * [ ], unique (the number sees to that).
const sheetName = (index: number, title: string): string =>
  `${index + 1} ${title.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ")}`.slice(0, 31).trim()

/**
 * The workbook of some grids, one sheet each.
 */
export const fromGrids = (grids: ReadonlyArray<ReportGrid.Grid>): Uint8Array => {
  const sheets = grids.map((grid, i) => ({
    path: `xl/worksheets/sheet${i + 1}.xml`,
    name: sheetName(i, grid.title),
    grid,
  }))
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
    .map(
      (s) =>
        `<Override PartName="/${s.path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("")}</Types>`
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("")}</sheets></workbook>`
  const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join(
      "",
    )}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": encoder.encode(contentTypes),
    "_rels/.rels": encoder.encode(rootRels),
    "xl/workbook.xml": encoder.encode(workbook),
    "xl/_rels/workbook.xml.rels": encoder.encode(workbookRels),
    "xl/styles.xml": encoder.encode(styles),
  }
  for (const s of sheets) files[s.path] = encoder.encode(sheet(s.grid))
  return zipSync(files, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") })
}

/**
 * The workbook of one table.
 */
export const table = (value: Table, options: ReportGrid.Options): Uint8Array =>
  fromGrids([ReportGrid.render(value, options)])

/**
 * The workbook of a report, one sheet per table.
 */
export const report = (value: Report, options: ReportGrid.Options): Uint8Array =>
  fromGrids(
    value.tables.map((t) => ReportGrid.render(t, { ...options, threshold: options.threshold ?? value.threshold })),
  )
