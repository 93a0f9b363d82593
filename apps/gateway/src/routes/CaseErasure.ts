/**
 * `POST /v1/cases/:caseId/erasure`: the administrator erases a closed case's
 * personal data with a legal reason (If-Match: the case). Crypto-shredding
 * (ADR 0012): the case's data key is destroyed, its pseudonymous rows and
 * the audit trail stay. The case package decides who may and when
 * (`CaseErasure`); the retention job erases the same way on its own.
 */
import { CaseErasure, CaseworkService } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"

const erase = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/erasure",
  operationId: "eraseCase",
  tag: "cases",
  summary:
    "Erase a closed case's personal data by destroying its data key, with a legal reason (administrator; audited; If-Match: the case)",
  pathSchema: Schema.Struct({ caseId: Id.CaseId }),
  bodySchema: CaseErasure.EraseCase.pipe(Schema.omit("caseId", "expectedVersion")),
  success: { status: 200, schema: CaseErasure.Erased },
  ifMatch: true,
  etag: (erased) => erased.version,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.erasure.erase({ ...body, caseId: path.caseId, expectedVersion: expectedVersion ?? 0 }),
    ),
})

/** The erasure route. */
export const routes: ReadonlyArray<Route.AnyRoute> = [erase]
