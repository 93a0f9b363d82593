/**
 * The port through which uploads in progress are known (ADR 0024). A
 * document's chunks are put before its record commits (ADR 0020), so a
 * process killed mid-upload would leave chunks that no record names, forever.
 * Each upload is therefore registered when it starts (`begin`), touched while
 * its content streams in (`touch`), and forgotten (`end`) in the transaction
 * that commits its record, or once its chunks are removed. An upload whose
 * last touch is older than any live upload goes without one is abandoned: its
 * process died. `AbandonedUploads.sweep` removes its chunks. Every method
 * joins the caller's transaction; failures are defects.
 */
import { Context, type Effect } from "effect"
import type { DocumentId } from "./Document"

export interface Service {
  /** Registers the upload of a document, at `at`. */
  readonly begin: (documentId: DocumentId, at: Date) => Effect.Effect<void>
  /** Marks the upload alive at `at`. */
  readonly touch: (documentId: DocumentId, at: Date) => Effect.Effect<void>
  /** Forgets the upload (committed, or its chunks removed). */
  readonly end: (documentId: DocumentId) => Effect.Effect<void>
  /** Uploads last touched before `before`, oldest first, at most `limit`. */
  readonly untouchedSince: (before: Date, limit: number) => Effect.Effect<ReadonlyArray<DocumentId>>
}

export class PendingUploads extends Context.Tag("@bashke/case/PendingUploads")<PendingUploads, Service>() {}
