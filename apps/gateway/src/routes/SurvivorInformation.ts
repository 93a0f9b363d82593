/**
 * `/v1/cases/:caseId/survivor-informed`: the log of what the survivor was
 * told — when, by whom, in which language, on which topics and what. The case
 * team records; its full-access members read, every entry shown audited
 * (`SurvivorInformation`). Recording answers with a receipt without what was
 * said (answers are kept for retries in the clear).
 */
import { CaseworkService, SurvivorInformation, SurvivorInformed } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "cases"

const CasePath = Schema.Struct({ caseId: Id.CaseId })

const record = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/survivor-informed",
  operationId: "recordSurvivorInformed",
  tag,
  summary: "Record what the survivor (or a child) was told: topics, what was said, language, when",
  pathSchema: CasePath,
  bodySchema: SurvivorInformation.RecordInformed.pipe(Schema.omit("caseId")),
  success: { status: 201, schema: SurvivorInformed.Receipt },
  handle: ({ path, body }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.told.record({ ...body, caseId: path.caseId }),
    ),
})

const list = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/survivor-informed",
  operationId: "listSurvivorInformed",
  tag,
  summary: "What the survivor was told, oldest first (full-access members; every entry shown is audited)",
  pathSchema: CasePath,
  querySchema: Keyset.query({}),
  success: { status: 200, schema: Keyset.pageSchema(SurvivorInformed.SurvivorInformed, "SurvivorInformedPage") },
  handle: ({ path, query }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.told.list({
        caseId: path.caseId,
        limit: query.limit,
        ...(query.after === undefined ? {} : { after: query.after }),
      }),
    ),
})

/** The routes of the log of what the survivor was told. */
export const routes: ReadonlyArray<Route.AnyRoute> = [record, list]
