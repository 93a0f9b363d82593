/**
 * `GET /v1/risk-instruments`: the risk instruments the case service accepts —
 * each one's questions, weights and thresholds as the case package defines
 * them for the jurisdiction's profile — so a browser renders and scores an
 * assessment from the same definitions the API checks it against, rather than
 * building its own copy. Any signed-in caller reads them: they are the
 * published method, holding no case data.
 */
import { CaseService, RiskInstrument } from "@bashke/case"
import { Effect, Schema } from "effect"
import * as Route from "../Route"

/** The accepted instruments, in the order the case service lists them (the first is the default). */
export const RiskInstruments = Schema.Array(RiskInstrument.Instrument).annotations({
  identifier: "RiskInstruments",
  description: "The risk instruments an assessment may use, with their questions, weights and thresholds",
})

const list = Route.make({
  method: "get",
  path: "/v1/risk-instruments",
  operationId: "listRiskInstruments",
  tag: "cases",
  summary: "The risk instruments an assessment may use, as the jurisdiction's profile sets them",
  success: { status: 200, schema: RiskInstruments },
  handle: () => Effect.flatMap(CaseService.CaseService, (cases) => cases.acceptedInstruments),
})

/** The risk instrument routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [list]
