// Case transfers: only the sending mechanism's coordinator proposes (to the
// demo's only mechanism, the same one: the coordinator's proposal is refused
// as such, everyone else's by who they are; outsiders do not learn the case
// exists); only the receiving coordinator decides (an unknown transfer is a
// 404 to all); a mechanism's waiting transfers are its coordinator's. Once a
// transfer to Ferizaj's mechanism is accepted, the case is out of reach of
// every caller of the demo's mechanism, as of any outsider. The whole flow
// between two mechanisms is in `casework/CaseTransfers.test.ts`.
import { CaseService } from "@bashke/case"
import { Principal } from "@bashke/kernel"
import { Effect } from "effect"
import { institutions, principal } from "../../../src/demo/World"
import { ferizajCoordinator, seedFerizaj } from "../SecondMechanism"
import { etagOf, reusable, type Scenario, setUp, statuses, type World } from "./Matrix"

const high = (w: World) => {
  const found = w.seeded.cases
  if (found === undefined) throw new Error("the demo seeds cases")
  return `/v1/cases/${found.highRisk.caseId}`
}
const unknownTransfer = "01KDVDP3CG38D1M6GT38D1M6GT"

// A case of the demo's mechanism, with her consent, moved to Ferizaj's: opened
// and consented by the police, proposed by the demo's coordinator, accepted by
// Ferizaj's. Made once per world.
const movedCase = reusable(
  async (w: World) => {
    const ferizaj = await w.gateway.runtime.runPromise(seedFerizaj)
    const police = Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", w.mechanismId))
    const caseId = await w.gateway.runtime.runPromise(
      Effect.gen(function* () {
        const cases = yield* CaseService.CaseService
        const opened = yield* police(
          cases.openCase({
            mechanismId: w.mechanismId,
            municipality: "GJI",
            persons: [{ role: "victim", sex: "female", birthYear: 1994 }],
          }),
        )
        const victim = opened.persons[0]?.id
        if (victim === undefined) throw new Error("the case has its victim")
        yield* police(
          cases.giveConsent({
            caseId: opened.id,
            givenBy: victim,
            institutions: [institutions.socialWork.id],
            purposes: ["case-management"],
            method: "signed-form",
            expectedVersion: opened.version,
          }),
        )
        return opened.id
      }),
    )
    const path = `/v1/cases/${caseId}`
    const proposed = await setUp(w, "coordinator", "POST", `${path}/transfers`, {
      body: { toMechanismId: ferizaj },
      ifMatch: await etagOf(w, path, "policeOfficer"),
    })
    // Until the acceptance the sending team reads it (a refusal here throws).
    await setUp(w, "policeOfficer", "GET", path)
    const accepted = await w.gateway.request("POST", `/v1/case-transfers/${proposed.body.id}/acceptance`, {
      token: await w.gateway.tokenFor(ferizajCoordinator(ferizaj)),
      body: { lead: institutions.socialWork.id },
    })
    if (accepted.status !== 200) throw new Error(`setting up: the acceptance answered ${accepted.status}`)
    return path
  },
  async () => true,
)

export const caseTransferScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "proposeCaseTransfer",
    label: "propose a transfer: the coordinator only (here to the same mechanism: refused as such)",
    request: async (w) => ({
      method: "POST",
      path: `${high(w)}/transfers`,
      body: { toMechanismId: w.mechanismId },
      ifMatch: await etagOf(w, high(w)),
    }),
    expect: statuses(403, {
      coordinator: 422,
      nationalCoordinator: 404,
      administrator: 404,
      auditor: 404,
      stranger: 404,
    }),
  },
  {
    operationId: "acceptCaseTransfer",
    label: "accept a transfer: an unknown one is not found by anyone",
    request: async () => ({
      method: "POST",
      path: `/v1/case-transfers/${unknownTransfer}/acceptance`,
      body: { lead: unknownTransfer },
    }),
    expect: statuses(404),
  },
  {
    operationId: "declineCaseTransfer",
    label: "decline a transfer: an unknown one is not found by anyone",
    request: async () => ({ method: "POST", path: `/v1/case-transfers/${unknownTransfer}/decline` }),
    expect: statuses(404),
  },
  {
    operationId: "getCase",
    label: "a case moved to another mechanism: from the acceptance on, nobody of the sending mechanism reads it",
    request: async (w) => ({ method: "GET", path: await movedCase(w) }),
    expect: statuses(404),
  },
  {
    operationId: "listCaseTransfers",
    label: "the transfers waiting to or from the mechanism: its coordinator",
    request: async (w) => ({ method: "GET", path: `/v1/mechanisms/${w.mechanismId}/case-transfers` }),
    expect: statuses(403, { coordinator: 200 }),
  },
  {
    operationId: "listTransferDestinations",
    label: "the mechanisms a case can move to, by name: coordinators",
    request: async () => ({ method: "GET", path: "/v1/case-transfer-destinations" }),
    expect: statuses(403, { coordinator: 200 }),
  },
]
