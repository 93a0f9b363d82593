// The risk instruments: the published method, holding no case data, so every
// authenticated caller reads them (the stranger and the non-signatory too).
import { type Scenario, statuses } from "./Matrix"

export const riskInstrumentScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listRiskInstruments",
    label: "the risk instruments an assessment may use: every authenticated caller",
    request: async () => ({ method: "GET", path: "/v1/risk-instruments" }),
    expect: statuses(200),
  },
]
