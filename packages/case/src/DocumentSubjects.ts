/**
 * The subject-access export's `SubjectDocuments` answered from the documents'
 * records (`DocumentRepository.about`): what each document about her is, its
 * type, size, who stored it and when — never its name (it may name others)
 * nor its bytes. Bind {@link layer} in place of `SubjectDocuments.layerNone`.
 *
 * @since 0.1.0
 */
import { Effect, Layer } from "effect"
import type * as Document from "./Document"
import { DocumentRepository } from "./DocumentRepository"
import { SubjectDocuments } from "./SubjectDocuments"

const attachedOf = (attachedTo: Document.AttachedTo): string =>
  attachedTo._tag === "order" ? "protection-order" : attachedTo._tag

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<SubjectDocuments, never, DocumentRepository> = Layer.effect(
  SubjectDocuments,
  Effect.map(DocumentRepository, (documents) => ({
    about: (caseId, personId) =>
      Effect.map(documents.about(caseId, personId), (found) =>
        found.map((document) => ({
          id: document.id,
          caseId: document.caseId,
          attachedTo: attachedOf(document.attachedTo),
          mediaType: document.mediaType,
          size: document.size,
          storedBy: document.uploadedBy,
          storedAt: document.uploadedAt,
        })),
      ),
  })),
)
