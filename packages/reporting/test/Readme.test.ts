// Runs the README's example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "@effect/vitest"
import { unzipSync } from "fflate"
import { main } from "./readme-example"

it("the README example counts cases opened through CaseService and hides the small cells", async () => {
  const { csv, xlsx } = await main()
  expect(csv).toBe(
    [
      "Forma e dhunës,Femër,Mashkull,E pa regjistruar,Gjithsej",
      "Fizike,x,x,0,14",
      "Seksuale,0,0,0,0",
      "Psikologjike,12,0,0,12",
      "Ekonomike,0,0,0,0",
      "E pa regjistruar,0,0,0,0",
      "Gjithsej,x,x,0,26",
      "",
    ].join("\r\n"),
  )
  expect(Object.keys(unzipSync(xlsx))).toContain("xl/worksheets/sheet11.xml")
})
