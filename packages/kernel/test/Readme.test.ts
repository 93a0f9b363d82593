// Runs the README's example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "vitest"
import { main } from "./readme-example"

it("the README example makes ids, localizes, formats messages and reads the profile", () => {
  const before = Date.now()
  const result = main()
  expect(result).toMatchObject({
    inOrder: true,
    ferizaj: "Урошевац",
    locale: "sr-Latn",
    items: "21 stavka",
    socialWork: "Социјални рад",
    orderDecision: { value: 24, unit: "hours", confirmed: false },
    meetings: "4 herë në vit",
  })
  expect(Date.parse(result.createdAt)).toBeGreaterThanOrEqual(before - 1)
  expect(result.unconfirmed).toContain("protectionOrders.kinds.emergency-protection-order.decisionWithin")
})
