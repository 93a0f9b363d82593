/**
 * `GET /v1/cases/:caseId/action-items`: the meeting action items linked to a
 * case, each with the history of its due date (previous date, new date, who,
 * for which institution, when and why), a page at a time in the order they
 * were recorded — what the case's timeline shows beside its own events.
 *
 * Who reads is decided by the packages that own the rules
 * (`CaseActionItems.list`, through `MeetingService`): the case's (its full-access team, as for the case
 * itself; to a caller outside its mechanism the case does not exist) and the
 * meeting package's (a member of the mechanism who sees case data). The
 * descriptions and reasons are sealed free text: the read is audited.
 */

import { Id } from "@bashke/kernel"
import { CaseActionItems, MeetingService } from "@bashke/meeting"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as InstitutionNames from "./InstitutionNames"
import * as Keyset from "./Keyset"

const CasePath = Schema.Struct({ caseId: Id.CaseId })

const list = Route.make({
  method: "get",
  path: "/v1/cases/:caseId/action-items",
  operationId: "listCaseActionItems",
  tag: "meetings",
  summary:
    "A case's action items with their due date extensions, in the order they were recorded (full-access case team; audited)",
  pathSchema: CasePath,
  querySchema: Keyset.query({}),
  success: {
    status: 200,
    schema: InstitutionNames.namedPage(CaseActionItems.CaseActionItem, "CaseActionItemPage"),
  },
  handle: ({ path, query }) =>
    Effect.flatMap(
      Effect.flatMap(MeetingService.MeetingService, (service) =>
        service.actionItems.ofCase({
          caseId: path.caseId,
          limit: query.limit,
          ...(query.after === undefined ? {} : { after: query.after }),
        }),
      ),
      InstitutionNames.attachPage,
    ),
})

/** The route of a case's action items. */
export const routes: ReadonlyArray<Route.AnyRoute> = [list]
