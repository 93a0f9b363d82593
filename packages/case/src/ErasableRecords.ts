/**
 * The port through which erasure reaches a case's stored records (ADR 0012):
 * it moves every sealed value of the case still under a vault key under the
 * case's own data key (so destroying that key erases it too), forgets the
 * blind indexes of its persons, and finds the closed cases the retention job
 * looks at. A database failure is a defect. The SQL adapter is
 * `SqlErasableRecords`.
 */
import type { Id } from "@bashke/kernel"
import type { CaseKeys } from "@bashke/security"
import { Context, type Effect } from "effect"

/**
 * A closed case not yet erased, as the retention job weighs it.
 */
export interface Candidate {
  readonly caseId: Id.CaseId
  readonly closedAt: Date
}

export interface Service {
  /**
   * Re-wraps every sealed value of the case still under a vault key (sealed
   * before the case had its own key) under the case's data key, in the
   * caller's transaction; how many. Nothing is decrypted.
   */
  readonly adopt: (caseId: Id.CaseId, keys: CaseKeys.Keyring) => Effect.Effect<number>
  /**
   * Forgets the blind indexes of the case's persons: a digest of a personal
   * number still tells whether someone known was in the case.
   */
  readonly forgetIndexes: (caseId: Id.CaseId) => Effect.Effect<void>
  /** Closed, not erased cases closed at or before `closedNoLaterThan`, earliest first, at most `limit`. */
  readonly candidates: (closedNoLaterThan: Date, limit: number) => Effect.Effect<ReadonlyArray<Candidate>>
}

export class ErasableRecords extends Context.Tag("@bashke/case/ErasableRecords")<ErasableRecords, Service>() {}
