/**
 * The port through which case transfers are stored. Database failures are
 * defects at the adapter's edge; every method joins the caller's transaction.
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect, type Option } from "effect"
import type { CaseTransfer, CaseTransferId } from "./CaseTransfer"

export interface Service {
  readonly insert: (transfer: CaseTransfer) => Effect.Effect<void>
  /** Writes a decided transfer (only a `proposed` one changes). */
  readonly decide: (transfer: CaseTransfer) => Effect.Effect<void>
  readonly find: (id: CaseTransferId) => Effect.Effect<Option.Option<CaseTransfer>>
  /** The case's transfer waiting for a decision, if any. */
  readonly pendingOf: (caseId: Id.CaseId) => Effect.Effect<Option.Option<CaseTransfer>>
  /** The transfers waiting to or from a mechanism, oldest first. */
  readonly pendingFor: (mechanismId: Id.MechanismId) => Effect.Effect<ReadonlyArray<CaseTransfer>>
}

export class CaseTransferRepository extends Context.Tag("@bashke/case/CaseTransferRepository")<
  CaseTransferRepository,
  Service
>() {}
