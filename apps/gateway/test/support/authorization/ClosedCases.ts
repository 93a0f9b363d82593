// The register of closed cases: the mechanism's coordinator and the people of
// its signatory institutions, as for the list of open cases (the school did
// not sign the memorandum; national and audit roles see aggregates and the
// audit log only), and the administrator, who finds there the case to erase.
import { get, type Scenario, statuses } from "./Matrix"

export const closedCaseScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listClosedCases",
    label: "the register of closed cases: its coordinator, signatory members and the administrator",
    request: get((w) => `/v1/mechanisms/${w.mechanismId}/closed-cases?reason=risk-reduced`),
    expect: statuses(403, {
      coordinator: 200,
      policeOfficer: 200,
      caseManager: 200,
      nurse: 200,
      shelterWorker: 200,
      advocate: 200,
      lawyer: 200,
      administrator: 200,
    }),
  },
]
