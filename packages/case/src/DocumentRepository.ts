/**
 * The port through which documents' records are kept: what is known of each
 * document besides its content (`DocumentStore` keeps that). Names and data
 * keys cross this port in the clear; the adapter seals them. Methods fail
 * only with the kernel's domain errors; database failures are defects at the
 * adapter's edge. Every method joins the caller's transaction.
 *
 * The subject-access export lists a person's documents through
 * {@link Service.ofPerson}; the case's list pages through {@link Service.ofCase}.
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect, type Option } from "effect"
import type { Document, DocumentId } from "./Document"

/**
 * A document's record with what opens its content: the chunks' count and the
 * document's data key (base64url text, as `internal/ChunkCipher` makes it),
 * and the person it is about.
 */
export interface Stored {
  readonly document: Document
  readonly chunkCount: number
  readonly dataKey: string
  /** The person the document is about (`Document.personOf`), if any. */
  readonly personId?: Id.PersonId | undefined
}

export interface Service {
  /** Records an uploaded document, its content already in the store. */
  readonly insert: (stored: Stored) => Effect.Effect<void>
  /** A document of the case, withdrawn or not. */
  readonly find: (caseId: Id.CaseId, id: DocumentId) => Effect.Effect<Option.Option<Stored>>
  /**
   * The documents of the case not withdrawn, oldest first (by id), after the
   * document `after`, at most `limit`.
   */
  readonly ofCase: (
    caseId: Id.CaseId,
    page: { readonly limit: number; readonly after?: DocumentId | undefined },
  ) => Effect.Effect<ReadonlyArray<Document>>
  /**
   * Every document about a person, withdrawn ones included, oldest first:
   * attached to the person, or to a consent she gave.
   */
  readonly ofPerson: (personId: Id.PersonId) => Effect.Effect<ReadonlyArray<Document>>
  /** Marks the document withdrawn by `by` at `at`; `false` when it already was (or does not exist). */
  readonly withdraw: (id: DocumentId, by: Id.PrincipalId, at: Date) => Effect.Effect<boolean>
}

export class DocumentRepository extends Context.Tag("@bashke/case/DocumentRepository")<DocumentRepository, Service>() {}
