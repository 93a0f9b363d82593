// Runs the README's example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "@effect/vitest"
import { main } from "./readme-example"

it("the README example drafts, adopts, measures and reports a plan", async () => {
  const { summary, report } = await main()
  expect(summary).toBe("Niveli i zbatimit: 67% (1 nga 2 aktivitete)")
  expect(report.overdue).toHaveLength(1)
  expect(report.indicators.map((line) => [line.latest, line.progress])).toEqual([
    [52, 0.4],
    [75, 0.625],
  ])
})
