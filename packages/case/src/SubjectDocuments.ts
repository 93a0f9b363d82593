/**
 * The port through which a subject-access export lists the documents held
 * about a person: their metadata only (what kind, what type, how large, who
 * stored it and when), never their bytes. The documents of a case are kept
 * by their own store; until one is bound, {@link layerNone} answers that there
 * are none, so an export is complete for everything else.
 *
 * @since 0.1.0
 */
import { Id } from "@bashke/kernel"
import { Context, Effect, Layer, Schema } from "effect"
import { Instant } from "./internal/Instant"

/**
 * What an export says about one document.
 *
 * @since 0.1.0
 */
export const DocumentEntry = Schema.Struct({
  id: Schema.String,
  caseId: Id.CaseId,
  /** What it is attached to (`case`, `person`, `protection-order`, `consent`). */
  attachedTo: Schema.String,
  mediaType: Schema.String,
  size: Schema.Int.pipe(Schema.nonNegative()),
  storedBy: Id.PrincipalId,
  storedAt: Instant,
}).annotations({ identifier: "SubjectAccessDocument" })

/**
 * @since 0.1.0
 */
export type DocumentEntry = typeof DocumentEntry.Type

/**
 * @since 0.1.0
 */
export interface Service {
  /** The documents of the case about the person, or about the case as a whole, oldest first. */
  readonly about: (caseId: Id.CaseId, personId: Id.PersonId) => Effect.Effect<ReadonlyArray<DocumentEntry>>
}

/**
 * @since 0.1.0
 */
export class SubjectDocuments extends Context.Tag("@bashke/case/SubjectDocuments")<SubjectDocuments, Service>() {}

/**
 * No document store bound: every person has no documents.
 *
 * @since 0.1.0
 */
export const layerNone: Layer.Layer<SubjectDocuments> = Layer.succeed(SubjectDocuments, {
  about: () => Effect.succeed([]),
})
