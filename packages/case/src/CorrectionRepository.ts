/**
 * The port through which corrections are stored: one row per correction,
 * never changed once written. The reason and the previous values cross this
 * port in the clear, with the previous identifying details still sealed as
 * the person's row held them; the adapter seals the rest. Database failures
 * are defects at the adapter's edge; every method joins the caller's
 * transaction.
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect } from "effect"
import type { Correction, CorrectionId } from "./Correction"
import type { SealedFields } from "./PersonalData"

export interface Service {
  /**
   * Stores a correction with the previous sealed values of the identifying
   * fields it replaced (empty when it replaced none).
   */
  readonly insert: (correction: Correction, previousDetails: SealedFields) => Effect.Effect<void>
  /** The case's corrections by id (oldest first), after `after`, at most `limit`. */
  readonly list: (
    caseId: Id.CaseId,
    page: { readonly limit: number; readonly after?: CorrectionId | undefined },
  ) => Effect.Effect<ReadonlyArray<Correction>>
}

export class CorrectionRepository extends Context.Tag("@bashke/case/CorrectionRepository")<
  CorrectionRepository,
  Service
>() {}
