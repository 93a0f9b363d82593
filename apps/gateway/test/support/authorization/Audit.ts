// The auditor's routes (issue 13, finding 4): who read or changed a case's or
// a person's data. The auditor only; everyone else, the case team included, 403.
import { get, type Scenario, statuses, type World } from "./Matrix"

const highRisk = (world: World) => {
  const found = world.seeded.cases?.highRisk
  if (found === undefined) throw new Error("the demo seeds the high-risk case")
  return found
}

export const auditScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listCaseAuditTrail",
    label: "a case's audit trail: the auditor only",
    request: get((w) => `/v1/audit/cases/${highRisk(w).caseId}/entries`),
    expect: statuses(403, { auditor: 200 }),
  },
  {
    operationId: "listPersonAuditTrail",
    label: "a person's audit trail: the auditor only",
    request: get((w) => `/v1/audit/persons/${highRisk(w).victim}/entries`),
    expect: statuses(403, { auditor: 200 }),
  },
]
