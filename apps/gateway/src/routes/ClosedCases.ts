/**
 * `/v1/mechanisms/:mechanismId/closed-cases`: the mechanism's register of
 * closed cases, pseudonymised, searched by the reference's beginning, the
 * closure reason and the risk level, for its coordinator and the signatories'
 * people (`ClosedCaseSearch`). A case found here is reopened through its
 * lifecycle (`POST /v1/cases/:caseId/transitions`, `reopen` with a reason).
 */
import { ClosedCase, ClosedCaseSearch } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const search = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/closed-cases",
  operationId: "listClosedCases",
  tag: "cases",
  summary: "The mechanism's closed cases, pseudonymised, by reference prefix, closure reason and risk level",
  pathSchema: Schema.Struct({ mechanismId: Id.MechanismId }),
  querySchema: Keyset.query(ClosedCase.Filter.fields),
  success: { status: 200, schema: Keyset.pageSchema(ClosedCase.ClosedCase, "ClosedCasePage") },
  handle: ({ path, query }) =>
    ClosedCaseSearch.search({
      mechanismId: path.mechanismId,
      limit: query.limit,
      ...(query.reference === undefined ? {} : { reference: query.reference }),
      ...(query.reason === undefined ? {} : { reason: query.reason }),
      ...(query.riskLevel === undefined ? {} : { riskLevel: query.riskLevel }),
      ...(query.after === undefined ? {} : { after: query.after }),
    }),
})

/** The register of closed cases. */
export const routes: ReadonlyArray<Route.AnyRoute> = [search]
