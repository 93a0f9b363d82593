// Runs the README's "Storing cases" example (imports pointed at the sources) so it cannot rot.
import { expect, it } from "@effect/vitest"
import { main } from "./readme-example"

it("the README example opens a case, reads with a purpose, withdraws consent and shows who saw the file", async () => {
  expect(await main()).toEqual({
    reference: expect.stringMatching(/^GJI-\d{4}-0001$/),
    lead: "social work",
    details: { familyName: "Krasniqi", phone: "+383 44 123 456" },
    noPurpose: "audit.purpose.required",
    denied: "policy.consent.withdrawn",
    deniedInAlbanian: "Personi e ka tërhequr pëlqimin për këtë.",
    whoSaw: ["write by police for case-management", "read by social work for case-management"],
    summary: {
      reference: expect.stringMatching(/^GJI-\d{4}-0001$/),
      riskLevel: "standard",
      sectors: ["police", "social-work"],
    },
  })
})
