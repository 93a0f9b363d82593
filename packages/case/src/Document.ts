/**
 * A document of a case: a file a case worker attaches to the case, to a
 * person of it, to a protection order or to a consent — the signed consent
 * form, an order's copy, a medical report. Its content and its name may tell
 * who the people are and what happened to them: both are encrypted before
 * they are stored (ADR 0020), and every upload and download is audited
 * (`Documents`).
 *
 * A document is never changed once uploaded; it may be withdrawn (its content
 * destroyed, its record kept for the audit).
 */
import { Id } from "@bashke/kernel"
import { Schema } from "effect"
import { MediaType } from "./DocumentType"
import { Instant } from "./internal/Instant"

/**
 * The id of a document.
 */
export const DocumentId: Id.IdSchema<"DocumentId"> = Id.make("DocumentId")

export type DocumentId = typeof DocumentId.Type

/**
 * What a document is.
 */
export const Kind = Schema.Literal(
  "consent-form",
  "order-copy",
  "medical-report",
  "police-report",
  "court-decision",
  "social-report",
  "other",
).annotations({
  identifier: "DocumentKind",
  message: () => ({ message: "case.document.kind.unknown", override: true }),
})

export type Kind = typeof Kind.Type

/**
 * What a document is attached to: the case as a whole, or one of its persons,
 * protection orders or consents.
 */
export const AttachedTo = Schema.Union(
  Schema.TaggedStruct("case", {}),
  Schema.TaggedStruct("person", { personId: Id.PersonId }),
  Schema.TaggedStruct("order", { orderId: Id.ProtectionOrderId }),
  Schema.TaggedStruct("consent", { consentId: Id.ConsentId }),
).annotations({ identifier: "DocumentAttachedTo" })

export type AttachedTo = typeof AttachedTo.Type

/**
 * The longest file name kept, in characters.
 */
export const maxNameLength = 200

/**
 * Whether a character may not be in a file name: a control character (C0 or
 * DEL), or a path separator.
 */
export const isUnsafeCharacter = (character: string): boolean => {
  const code = character.codePointAt(0) ?? 0
  return code < 0x20 || code === 0x7f || character === "/" || character === "\\"
}

/**
 * A document's file name as its uploader gave it: not blank, at most
 * {@link maxNameLength} characters, no control characters and no path (a
 * name is shown and offered back on download, never used as a path).
 */
export const Name = Schema.String.pipe(
  Schema.filter((name) => name.trim().length > 0, { message: () => "case.document.name.required" }),
  Schema.filter((name) => name.length <= maxNameLength, { message: () => "case.document.name.too-long" }),
  Schema.filter((name) => !Array.from(name).some(isUnsafeCharacter), { message: () => "case.document.name.invalid" }),
).annotations({ identifier: "DocumentName" })

/**
 * What is known of a document besides its content. `name` is sealed at rest;
 * `size` is the content's length in bytes; `mediaType` is what its bytes
 * showed. `institution` is the uploader's; `withdrawnAt` is set once its
 * content is destroyed.
 */
export const Document = Schema.Struct({
  id: DocumentId,
  caseId: Id.CaseId,
  attachedTo: AttachedTo,
  kind: Kind,
  name: Name,
  mediaType: MediaType,
  size: Schema.Int.pipe(Schema.positive()),
  institution: Id.InstitutionId,
  uploadedBy: Id.PrincipalId,
  uploadedAt: Instant,
  withdrawnAt: Schema.optional(Instant),
  withdrawnBy: Schema.optional(Id.PrincipalId),
}).annotations({ identifier: "Document" })

export type Document = typeof Document.Type

/**
 * A document without its name: the answer to an upload. An answer is kept for
 * retries of the same request (the idempotency store, in the clear), so it
 * must not carry the name.
 */
export const Receipt = Document.pipe(Schema.omit("name")).annotations({ identifier: "DocumentReceipt" })

export type Receipt = typeof Receipt.Type

/**
 * The person a document is about, for the access policy: the person it is
 * attached to, the giver of the consent it is attached to, or nobody (the
 * case, an order: the case's personal data as a whole).
 */
export const personOf = (
  attachedTo: AttachedTo,
  consents: ReadonlyArray<{ readonly id: Id.ConsentId; readonly givenBy: Id.PersonId }>,
): Id.PersonId | undefined => {
  switch (attachedTo._tag) {
    case "person":
      return attachedTo.personId
    case "consent":
      return consents.find((consent) => consent.id === attachedTo.consentId)?.givenBy
    default:
      return undefined
  }
}
