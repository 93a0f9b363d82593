// The log of what the survivor was told: the case team records (summary
// access included: anyone may have told her something); only full-access
// members read what was said.
import { get, type Scenario, statuses, type World } from "./Matrix"

const high = (w: World) => {
  const found = w.seeded.cases
  if (found === undefined) throw new Error("the demo seeds cases")
  return { path: `/v1/cases/${found.highRisk.caseId}/survivor-informed`, victim: found.highRisk.victim }
}

export const survivorInformationScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "recordSurvivorInformed",
    label: "the case team records what the survivor was told",
    request: async (w) => ({
      method: "POST",
      path: high(w).path,
      body: {
        personId: high(w).victim,
        topics: ["rights", "protection-order"],
        said: "Explained she can ask the court for a protection order, and that the police can help her apply.",
        language: "sq",
      },
    }),
    expect: statuses(403, { policeOfficer: 201, caseManager: 201, shelterWorker: 201, nurse: 201 }),
  },
  {
    operationId: "listSurvivorInformed",
    label: "full-access members read what the survivor was told",
    request: get((w) => high(w).path),
    expect: statuses(403, { policeOfficer: 200, caseManager: 200, shelterWorker: 200 }),
  },
]
