// Case transfers: only the sending mechanism's coordinator proposes (to the
// demo's only mechanism, the same one: the coordinator's proposal is refused
// as such, everyone else's by who they are; outsiders do not learn the case
// exists); only the receiving coordinator decides (an unknown transfer is a
// 404 to all); a mechanism's waiting transfers are its coordinator's. The
// whole flow between two mechanisms is in `casework/CaseTransfers.test.ts`.
import { etagOf, type Scenario, statuses, type World } from "./Matrix"

const high = (w: World) => {
  const found = w.seeded.cases
  if (found === undefined) throw new Error("the demo seeds cases")
  return `/v1/cases/${found.highRisk.caseId}`
}
const unknownTransfer = "01KDVDP3CG38D1M6GT38D1M6GT"

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
