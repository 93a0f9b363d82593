/**
 * The port where documents' contents are kept: encrypted chunks, addressed by
 * the document and the chunk's index. The store sees only ciphertext (each
 * chunk is AES-256-GCM under the document's own data key, sealed by the vault
 * in the document's record, ADR 0020); it never sees a name or a key, so an
 * operator may put contents where the database is not — an S3-compatible
 * object store — without trusting that store with personal data.
 *
 * The default adapter is the database (`SqlDocumentStore`: one row per chunk,
 * BLOB on SQLite, bytea on PostgreSQL). Another adapter provides this tag and
 * keeps its contract:
 *
 * - `put` stores chunk `index` of a document; a chunk is at most 64 KiB and 16
 *   bytes, and the chunks of one upload are put in order, one at a time, so
 *   an adapter may stream them into a multipart upload as well as store each
 *   as an object (`documents/<documentId>/<index>`);
 * - `get` returns exactly the bytes put, or `None`;
 * - `remove` forgets every chunk of a document (a failed upload's, a withdrawn
 *   document's), and does nothing when there is none.
 *
 * Chunks are put before the document's record commits: a process killed in
 * the middle of an upload leaves chunks no record names, which the record's
 * absence makes unreadable and `AbandonedUploads.sweep` removes through
 * `remove` (ADR 0024). Failures are defects: an upload or download that
 * cannot reach its store fails as a whole.
 */
import { Context, type Effect, type Option } from "effect"
import type { DocumentId } from "./Document"

export interface Service {
  /** Stores chunk `index` (from 0) of a document's encrypted content. */
  readonly put: (documentId: DocumentId, index: number, sealed: Uint8Array) => Effect.Effect<void>
  /** Chunk `index` of a document's encrypted content, as it was put. */
  readonly get: (documentId: DocumentId, index: number) => Effect.Effect<Option.Option<Uint8Array>>
  /** Forgets every chunk of a document. */
  readonly remove: (documentId: DocumentId) => Effect.Effect<void>
}

export class DocumentStore extends Context.Tag("@bashke/case/DocumentStore")<DocumentStore, Service>() {}
