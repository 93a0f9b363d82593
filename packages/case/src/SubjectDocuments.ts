/**
 * The port through which a subject-access export lists the documents held
 * about a person: their records (kind, name, type, size, who uploaded them
 * and when, whether withdrawn), never their content. {@link layer} answers
 * from the `DocumentRepository` (documents attached to her, or to a consent
 * she gave); {@link layerNone} answers none, for a host that keeps no
 * documents.
 */
import type { Id } from "@bashke/kernel"
import { Context, Effect, Layer } from "effect"
import type * as Document from "./Document"
import { DocumentRepository } from "./DocumentRepository"

export interface Service {
  /** The documents of the case about the person, withdrawn ones included, oldest first. */
  readonly about: (caseId: Id.CaseId, personId: Id.PersonId) => Effect.Effect<ReadonlyArray<Document.Document>>
}

export class SubjectDocuments extends Context.Tag("@bashke/case/SubjectDocuments")<SubjectDocuments, Service>() {}

/**
 * Her documents from the documents' records.
 */
export const layer: Layer.Layer<SubjectDocuments, never, DocumentRepository> = Layer.effect(
  SubjectDocuments,
  Effect.map(DocumentRepository, (documents) => ({
    about: (caseId, personId) =>
      Effect.map(documents.ofPerson(personId), (found) => found.filter((document) => document.caseId === caseId)),
  })),
)

/**
 * No documents kept: every person has none.
 */
export const layerNone: Layer.Layer<SubjectDocuments> = Layer.succeed(SubjectDocuments, {
  about: () => Effect.succeed([]),
})
