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

// The subject-access export (issue 18): everything held about the victim, for
// the data protection officer. The auditor only; the case team that holds her
// data, the coordinator and the administrator included, 403.
const exportBody = (w: World) => ({
  personId: highRisk(w).victim,
  reason: "Her written request of 1 December, GDPR-style article 15",
})

export const subjectAccessScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "exportSubjectAccess",
    label: "the subject-access export as JSON: the auditor only",
    request: async (w) => ({ method: "POST", path: "/v1/subject-access/exports", body: exportBody(w) }),
    expect: statuses(403, { auditor: 200 }),
  },
  {
    operationId: "exportSubjectAccessPdf",
    label: "the subject-access export as a PDF: the auditor only",
    request: async (w) => ({
      method: "POST",
      path: "/v1/subject-access/exports.pdf",
      body: { ...exportBody(w), language: "en" },
    }),
    expect: statuses(403, { auditor: 200 }),
  },
]
