// Runs the README's example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "vitest"
import { main } from "./readme-example"

it("the README example seals, indexes, decides, audits and verifies", async () => {
  const result = await main()
  expect(result.familyName).toBe("Krasniqi")
  expect(result.sameIndex).toBe(true)
  expect(result.decision).toEqual({ _tag: "Allow", reason: "policy.allow.consent", breakGlass: false })
  expect(result.verdict).toMatchObject({ ok: true, entries: 1 })
  expect(result.whoSawIt.map((entry) => [entry.action, entry.purpose])).toEqual([["read", "case-management"]])
})
