// Runs the README's example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "@effect/vitest"
import { main } from "./readme-example"

it("the README example pulls, keeps the later decision, and takes a signed webhook", async () => {
  const result = await main()
  expect(result.pulled).toMatchObject({ _tag: "Pulled", inserted: 2, duplicates: 0 })
  expect(result.outcomes).toEqual(["CHG-2026-000124: applied", "CHG-2026-000123: stale", "CHG-2026-000125: applied"])
  expect(result.webhook).toBe(202)
  expect(result.order).toBe("breached")
})
