/**
 * Case transfers between mechanisms when a survivor moves: the sending
 * coordinator proposes (`POST /v1/cases/:caseId/transfers`, If-Match: the
 * case), the receiving coordinator sees it waiting
 * (`GET /v1/mechanisms/:mechanismId/case-transfers`) and accepts — naming the
 * receiving lead and team — or declines. The case package decides who may
 * (`CaseTransfers`).
 */
import { CaseTransfer, CaseTransfers, CaseworkService } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"

const tag = "cases"

const CasePath = Schema.Struct({ caseId: Id.CaseId })
const TransferPath = Schema.Struct({ transferId: CaseTransfer.CaseTransferId })
const MechanismPath = Schema.Struct({ mechanismId: Id.MechanismId })

const propose = Route.make({
  method: "post",
  path: "/v1/cases/:caseId/transfers",
  operationId: "proposeCaseTransfer",
  tag,
  summary:
    "Propose moving the case to another mechanism (the sending coordinator; consent checked; If-Match: the case)",
  pathSchema: CasePath,
  bodySchema: CaseTransfers.ProposeTransfer.pipe(Schema.omit("caseId", "expectedVersion")),
  success: { status: 201, schema: CaseTransfer.CaseTransfer },
  ifMatch: true,
  etag: (_, input) => (input.expectedVersion ?? 0) + 1,
  handle: ({ path, body, expectedVersion }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.transfers.propose({ ...body, caseId: path.caseId, expectedVersion: expectedVersion ?? 0 }),
    ),
})

const accept = Route.make({
  method: "post",
  path: "/v1/case-transfers/:transferId/acceptance",
  operationId: "acceptCaseTransfer",
  tag,
  summary: "Accept a transfer into your mechanism with its lead and team: the case moves with all its history",
  pathSchema: TransferPath,
  bodySchema: CaseTransfers.AcceptTransfer.pipe(Schema.omit("transferId")),
  success: { status: 200, schema: CaseTransfer.CaseTransfer },
  handle: ({ path, body }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.transfers.accept({ ...body, transferId: path.transferId }),
    ),
})

const decline = Route.make({
  method: "post",
  path: "/v1/case-transfers/:transferId/decline",
  operationId: "declineCaseTransfer",
  tag,
  summary: "Decline a transfer into your mechanism: the case stays where it is",
  pathSchema: TransferPath,
  success: { status: 200, schema: CaseTransfer.CaseTransfer },
  handle: ({ path }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) =>
      casework.transfers.decline({ transferId: path.transferId }),
    ),
})

const pending = Route.make({
  method: "get",
  path: "/v1/mechanisms/:mechanismId/case-transfers",
  operationId: "listCaseTransfers",
  tag,
  summary: "The transfers waiting to or from the mechanism (its coordinator)",
  pathSchema: MechanismPath,
  success: { status: 200, schema: Schema.Array(CaseTransfer.CaseTransfer) },
  handle: ({ path }) =>
    Effect.flatMap(CaseworkService.CaseworkService, (casework) => casework.transfers.pending(path.mechanismId)),
})

/** The case-transfer routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [propose, accept, decline, pending]
