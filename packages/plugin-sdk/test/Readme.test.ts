// Runs the README's example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "@effect/vitest"
import { main } from "./readme-example"

it("the README example pulls, processes, answers a signed webhook and reports health", async () => {
  const result = await main()
  expect(result.pulled).toMatchObject({ _tag: "Pulled", inserted: 2, duplicates: 0 })
  expect(result.processed).toEqual({ succeeded: 2, retried: 0, dead: 0, refused: false })
  expect(result.recorded).toEqual(["reports:PK-2026-0001", "reports:PK-2026-0002"])
  expect(result.webhook).toBe(200)
  expect(result.health).toEqual({ "plugin:reports": "ok" })
})
