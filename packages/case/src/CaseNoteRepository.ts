/**
 * The port through which case notes are stored: every version of every note,
 * none ever changed once written. Methods fail only with the kernel's domain
 * errors; database failures are defects at the adapter's edge. Every method
 * joins the caller's transaction. Text and reasons cross this port in the
 * clear; the adapter seals them.
 */
import type { Errors, Id } from "@bashke/kernel"
import { Context, type Effect } from "effect"
import type { CaseNote, CaseNoteId, Scope } from "./CaseNote"

export interface Service {
  /**
   * Stores a version of a note. `Conflict` (`version.stale`, with the version
   * expected before it) when that version of the note is already written: a
   * concurrent correction came first.
   */
  readonly insert: (note: CaseNote) => Effect.Effect<void, Errors.Conflict>
  /** Every version of a note of the case, oldest first; empty when there is none. */
  readonly versions: (caseId: Id.CaseId, id: CaseNoteId) => Effect.Effect<ReadonlyArray<CaseNote>>
  /**
   * The latest version of each note of the case in `scope`, by note id (oldest
   * note first), after the note `after`, at most `limit`.
   */
  readonly latest: (
    caseId: Id.CaseId,
    scope: Scope,
    page: { readonly limit: number; readonly after?: CaseNoteId | undefined },
  ) => Effect.Effect<ReadonlyArray<CaseNote>>
}

export class CaseNoteRepository extends Context.Tag("@bashke/case/CaseNoteRepository")<CaseNoteRepository, Service>() {}
