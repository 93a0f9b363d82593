// Safe contact: recorded by the case team members the victim consented to
// (a personal write: social work and the shelter), read as a personal read for
// a stated purpose by the same. The read follows the recording, so there is
// something to read.
import { etagOf, type Scenario, statuses, type World } from "./Matrix"

const high = (w: World) => {
  const found = w.seeded.cases
  if (found === undefined) throw new Error("the demo seeds cases")
  return { casePath: `/v1/cases/${found.highRisk.caseId}`, victim: found.highRisk.victim }
}
const path = (w: World) => `${high(w).casePath}/persons/${high(w).victim}/safe-contact`

export const safeContactScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "recordSafeContact",
    label: "how to reach her safely: team members she consented to (a personal write)",
    request: async (w) => ({
      method: "POST",
      path: path(w),
      body: {
        safeToCall: true,
        safeTimes: [{ from: "09:00", to: "11:00" }],
        codeWord: "green door",
        channels: ["phone-call"],
      },
      ifMatch: await etagOf(w, high(w).casePath),
    }),
    expect: statuses(403, { caseManager: 201, shelterWorker: 201 }),
  },
  {
    operationId: "readSafeContact",
    label: "reading it: a personal read for a purpose, by those she consented to",
    request: async (w) => ({ method: "POST", path: `${path(w)}/read`, body: { purpose: "case-management" } }),
    expect: statuses(403, { caseManager: 200, shelterWorker: 200 }),
  },
]
