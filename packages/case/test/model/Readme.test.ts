// Runs the README's example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "vitest"
import { main } from "./readme-example"

it("the README example assesses risk, issues an order and summarises a case", () => {
  expect(main()).toEqual({
    reference: "GJI-2026-0042",
    level: "high",
    reassessOn: "2026-04-27",
    reminders: ["extension-reminder 2026-03-15T16:00:00.000Z", "expiry 2026-03-17T16:00:00.000Z"],
    conference: ["professional-judgement"],
    closeWithoutReason: "case.close.high-risk-reason-required",
    summary: { reference: "GJI-2026-0042", riskLevel: "high", sectors: ["police", "social-work"] },
  })
})
