/**
 * The auditor's routes: who read or changed a case's, or a person's, data,
 * when and why (the purpose, and whether glass was broken), oldest first, a
 * page at a time. Only the `auditor` role (the security package's
 * `AuditTrail`, by the access policy's `audit.read`); each page read is itself
 * audited. The answer carries ids, codes and times, never a name or a written
 * reason.
 */
import { Id } from "@bashke/kernel"
import { AuditTrail } from "@bashke/security"
import { Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "audit"

const TrailPage = Keyset.pageSchema(AuditTrail.TrailEntry, "AuditTrailPage")
const PageQuery = Keyset.query({})

const forCase = Route.make({
  method: "get",
  path: "/v1/audit/cases/:caseId/entries",
  operationId: "listCaseAuditTrail",
  tag,
  summary: "Who read or changed this case's data, when and why, oldest first (the auditor; audited)",
  pathSchema: Schema.Struct({ caseId: Id.CaseId }),
  querySchema: PageQuery,
  success: { status: 200, schema: TrailPage },
  handle: ({ path, query }) => AuditTrail.page({ caseId: path.caseId }, query),
})

const forPerson = Route.make({
  method: "get",
  path: "/v1/audit/persons/:personId/entries",
  operationId: "listPersonAuditTrail",
  tag,
  summary: "Who read or changed this person's data, when and why, oldest first (the auditor; audited)",
  pathSchema: Schema.Struct({ personId: Id.PersonId }),
  querySchema: PageQuery,
  success: { status: 200, schema: TrailPage },
  handle: ({ path, query }) => AuditTrail.page({ personId: path.personId }, query),
})

/** The auditor's routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [forCase, forPerson]
