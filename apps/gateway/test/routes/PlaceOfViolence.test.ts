// The place-of-violence table (issue 16) through the API, on SQLite and
// PostgreSQL: recorded with each incident, tabulated by the reporting package
// in JSON, CSV and XLSX (read back with exceljs, a real XLSX reader); the
// national coordinator gets every mechanism's, small cells hidden, never a
// name; the mechanism's coordinator its own, unsuppressed inside it.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import ExcelJS from "exceljs"
import { seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

type Cell = { readonly _tag: "Count"; readonly value: number } | { readonly _tag: "Suppressed" }
interface Table {
  readonly name: string
  readonly source: string
  readonly rowDimension: string
  readonly columnDimension: string
  readonly rows: ReadonlyArray<string>
  readonly columns: ReadonlyArray<string>
  readonly cells: ReadonlyArray<ReadonlyArray<Cell>>
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the place-of-violence table`, () => {
    let gateway: Gateway
    let mechanismId: string
    const tokens = new Map<PersonName, string>()
    const year = String(new Date().getUTCFullYear())

    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      for (const name of ["coordinator", "nationalCoordinator", "caseManager"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, mechanismId as never)))
    })
    afterAll(() => gateway.close())

    const get = (path: string, who: PersonName) => gateway.request("GET", path, { token: tokens.get(who) as string })
    const placeTable = (report: { tables: ReadonlyArray<Table> }) =>
      report.tables.find((table) => table.name === "incidents-by-place") as Table

    it("tabulates the demo's incidents by place and the victim's sex, for its coordinator inside the mechanism", async () => {
      const response = await get(
        `/v1/reports/yearly?year=${year}&mechanismId=${mechanismId}&disclosure=internal`,
        "coordinator",
      )
      expect(response.status).toBe(200)
      const table = placeTable(await response.json())
      expect(table).toMatchObject({ source: "incidents", rowDimension: "place", columnDimension: "victim-sex" })
      expect(table.rows).toEqual(["home", "public-space", "workplace", "school", "online", "other", "not-recorded"])
      const counts = table.cells.map((row) => row.map((cell) => (cell._tag === "Count" ? cell.value : "x")))
      const female = table.columns.indexOf("female")
      const male = table.columns.indexOf("male")
      // The high-risk case's incident happened at home; the other two were recorded without a place.
      expect(counts[table.rows.indexOf("home")]?.[female]).toBe(1)
      expect(counts[table.rows.indexOf("not-recorded")]?.[female]).toBe(1)
      expect(counts[table.rows.indexOf("not-recorded")]?.[male]).toBe(1)
      expect(counts.at(-1)?.at(-1)).toBe(3)
    })

    it("gives the national coordinator every mechanism's table, small cells hidden, in JSON, CSV and XLSX, never a name", async () => {
      const json = await get(`/v1/reports/yearly?year=${year}`, "nationalCoordinator")
      expect(json.status).toBe(200)
      const text = await json.text()
      const table = placeTable(JSON.parse(text))
      // Three incidents: every non-zero count is under 10, hidden.
      expect(table.cells.flat().some((cell) => cell._tag === "Suppressed")).toBe(true)
      for (const cell of table.cells.flat()) if (cell._tag === "Count") expect(cell.value).toBe(0)
      expect(leaked(text)).toEqual([])

      const csv = await get(
        `/v1/reports/yearly.csv?year=${year}&table=incidents-by-place&locale=en`,
        "nationalCoordinator",
      )
      expect(csv.status).toBe(200)
      const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n")
      expect(lines[0]?.startsWith("Place of violence,Female,Male,")).toBe(true)
      expect(lines.some((line) => line.startsWith("Home,x,"))).toBe(true)
      expect(leaked(lines.join("\n"))).toEqual([])

      const xlsx = await get(`/v1/reports/yearly.xlsx?year=${year}&locale=sq`, "nationalCoordinator")
      expect(xlsx.status).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await xlsx.arrayBuffer())
      const sheet = workbook.worksheets.find((each) =>
        each.getSheetValues().flat().map(String).includes("Vendi i dhunës"),
      )
      expect(sheet).toBeDefined()
      const values = (sheet?.getSheetValues() ?? []).flat().map(String)
      expect(values).toContain("Në shtëpi")
      expect(values).toContain("x")
      expect(leaked(values.join("\n"))).toEqual([])
    })

    it("writes any period's tables as XLSX and CSV: the whole year's as the yearly's, an empty quarter's all zero", async () => {
      const yearly = await get(`/v1/reports/yearly.xlsx?year=${year}&locale=en`, "nationalCoordinator")
      const whole = await get(
        `/v1/reports/period.xlsx?from=${year}-01-01&to=${year}-12-31&locale=en`,
        "nationalCoordinator",
      )
      expect(whole.status).toBe(200)
      expect(whole.headers.get("content-type")).toContain("spreadsheetml")
      const read = async (response: Response) => {
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load(await response.arrayBuffer())
        return workbook.worksheets.map((sheet) => sheet.getSheetValues().flat().map(String))
      }
      expect(await read(whole)).toEqual(await read(yearly))
      // Before the demo's cases: nothing to count, nothing hidden.
      const before = await get(
        `/v1/reports/period.csv?from=${Number(year) - 5}-01-01&to=${Number(year) - 5}-03-31&table=incidents-by-place&locale=en&mechanismId=${mechanismId}`,
        "coordinator",
      )
      expect(before.status).toBe(200)
      const lines = (await before.text()).replace(/^\uFEFF/, "").split("\r\n")
      expect(lines.find((line) => line.startsWith("Home,"))).toMatch(/^Home(,0)+$/)
      const refused = await get(`/v1/reports/period.xlsx?from=${year}-01-01&to=${year}-12-31`, "coordinator")
      expect(refused.status).toBe(403)
    })

    it("offers the place as a dimension of incidents for a cross-table, and refuses it for a source without it", async () => {
      const from = `${year}-01-01`
      const to = `${year}-12-31`
      const ok = await get(
        `/v1/reports/table?source=incidents&rows=place&columns=children&from=${from}&to=${to}&mechanismId=${mechanismId}&disclosure=internal`,
        "coordinator",
      )
      expect(ok.status).toBe(200)
      expect((await ok.json()).rows).toContain("home")
      const refused = await get(
        `/v1/reports/table?source=referrals&rows=place&columns=urgency&from=${from}&to=${to}&mechanismId=${mechanismId}`,
        "coordinator",
      )
      expect(refused.status).toBe(422)
      expect((await refused.json()).field).toBe("rows")
      const worker = await get(`/v1/reports/yearly?year=${year}&mechanismId=${mechanismId}`, "caseManager")
      expect(worker.status).toBe(403)
    })
  })
}
