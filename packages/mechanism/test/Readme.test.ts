// Runs the README's example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "vitest"
import { main } from "./readme-example"

it("the README example creates, staffs, signs, activates and checks a mechanism", async () => {
  expect(await main()).toEqual({
    status: "active",
    members: ["municipality", "police"],
    policeMaySeeCases: true,
    officeMaySeeCases: false,
    gaps: ["municipality", "social-work"],
  })
})
