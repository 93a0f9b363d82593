// Runs the README's example (import pointed at the sources) so it cannot rot.
import { expect, it } from "vitest"
import { main } from "./readme-example"

it("the README example computes deadlines across DST, refuses a reasonless decline and exports to FHIR", () => {
  expect(main()).toEqual({
    acknowledgeBy: "29/03/2026, 05:30:00",
    decideBy: "01/04/2026, 01:30:00",
    overdue: ["acknowledge"],
    declineWithoutReason: "referral.decline.reason-required",
    taskStatus: "accepted",
    hoursToDecide: 2,
  })
})
