/**
 * A case note: what a case worker wrote down about the case, in words. Notes
 * may name people and describe what happened, so their text is sealed at rest
 * and every read is audited (`CaseNotes`).
 *
 * Each note has a visibility its author chooses:
 *
 * - `team`: every institution on the case team, summary access included;
 * - `full-access`: the team's institutions with full access only;
 * - `institution`: the author's institution only.
 *
 * A note is never edited in place. A correction is a new version of the note,
 * with the reason for it; every earlier version stays, for the audit and for
 * the note's history (ADR 0017). The note belongs to its author's institution:
 * only a person of that institution corrects it, and the visibility of every
 * version is decided by the institution the note was first written for.
 */
import { Errors, Id } from "@bashke/kernel"
import type { AccessPolicy } from "@bashke/security"
import { Either, Schema } from "effect"
import { Instant } from "./internal/Instant"

/**
 * The id of a note (every version of it shares it).
 */
export const CaseNoteId: Id.IdSchema<"CaseNoteId"> = Id.make("CaseNoteId")

export type CaseNoteId = typeof CaseNoteId.Type

/**
 * Who on the case team sees a note.
 */
export const Visibility = Schema.Literal("team", "full-access", "institution").annotations({
  identifier: "CaseNoteVisibility",
  message: () => ({ message: "case.note.visibility.unknown", override: true }),
})

export type Visibility = typeof Visibility.Type

/**
 * The longest note, in characters: a page of text, enough for a home visit's
 * account; longer material belongs in a document.
 */
export const maxTextLength = 20_000

/**
 * A note's text: not blank, at most {@link maxTextLength} characters.
 */
export const Text = Schema.String.pipe(
  Schema.filter((text) => text.trim().length > 0, { message: () => "case.note.text.required" }),
  Schema.filter((text) => text.length <= maxTextLength, { message: () => "case.note.text.too-long" }),
).annotations({ identifier: "CaseNoteText" })

/**
 * Why a note was corrected: a sentence, not blank, at most 2,000 characters.
 */
export const CorrectionReason = Schema.String.pipe(
  Schema.filter((text) => text.trim().length > 0, { message: () => "case.correction.reason.required" }),
  Schema.filter((text) => text.length <= 2_000, { message: () => "case.correction.reason.too-long" }),
).annotations({ identifier: "CorrectionReason" })

/**
 * One version of a note: version 1 is what was first written, each later one a
 * correction with its `reason`. `institution` is the note's institution (the
 * first author's), the same on every version; `writtenBy` who wrote this
 * version.
 */
export const CaseNote = Schema.Struct({
  id: CaseNoteId,
  caseId: Id.CaseId,
  version: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
  visibility: Visibility,
  text: Text,
  institution: Id.InstitutionId,
  writtenBy: Id.PrincipalId,
  writtenAt: Instant,
  reason: Schema.optional(CorrectionReason),
}).annotations({ identifier: "CaseNote" })

export type CaseNote = typeof CaseNote.Type

/**
 * A version of a note without its text and reason: the answer to writing or
 * correcting one. An answer is kept for retries of the same request (the
 * idempotency store, in the clear), so it must not carry what the note says;
 * the writer has the text already.
 */
export const Receipt = CaseNote.pipe(Schema.omit("text", "reason")).annotations({ identifier: "CaseNoteReceipt" })

export type Receipt = typeof Receipt.Type

/**
 * Who reads: the reader's institution and its access on the case team, or
 * nothing when the institution is not on the team.
 */
export interface Reader {
  readonly institution: Id.InstitutionId
  readonly access: AccessPolicy.Access
}

/**
 * Whether `reader` sees a note of this visibility written for `institution`.
 * Someone off the team sees none.
 */
export const visibleTo = (note: Pick<CaseNote, "visibility" | "institution">, reader: Reader | undefined): boolean => {
  if (reader === undefined) return false
  switch (note.visibility) {
    case "team":
      return true
    case "full-access":
      return reader.access === "full"
    case "institution":
      return reader.institution === note.institution
  }
}

/**
 * The same rule as {@link visibleTo}, in the form a query filters by: a note
 * is visible when its visibility is one of `visibilities`, or it is an
 * `institution` note of `ownInstitution`.
 */
export const scopeOf = (reader: Reader): Scope => ({
  visibilities: reader.access === "full" ? ["team", "full-access"] : ["team"],
  ownInstitution: reader.institution,
})

/**
 * What a reader sees, as {@link scopeOf} gives it.
 */
export interface Scope {
  readonly visibilities: ReadonlyArray<Visibility>
  /** Absent for a reader of no institution (the data protection officer). */
  readonly ownInstitution: Id.InstitutionId | undefined
}

/**
 * What the data protection officer sees when answering a subject-access
 * request: every note, whatever its visibility. The officer answers for the
 * controller and decides what of a note restricted to its institution may be
 * handed over (the export names each note's visibility and institution);
 * leaving those notes out would hide from the officer what is held.
 */
export const dataProtectionScope: Scope = {
  visibilities: ["team", "full-access", "institution"],
  ownInstitution: undefined,
}

/**
 * Whether a note falls in `scope`: {@link visibleTo} through {@link scopeOf}.
 */
export const inScope = (note: Pick<CaseNote, "visibility" | "institution">, scope: Scope): boolean =>
  scope.visibilities.includes(note.visibility) ||
  (note.visibility === "institution" && scope.ownInstitution !== undefined && note.institution === scope.ownInstitution)

/**
 * The first version of a note.
 */
export const write = (input: {
  readonly id: CaseNoteId
  readonly caseId: Id.CaseId
  readonly text: string
  readonly visibility: Visibility
  readonly institution: Id.InstitutionId
  readonly writtenBy: Id.PrincipalId
  readonly writtenAt: Date
}): CaseNote => ({ ...input, version: 1 })

/**
 * The correction of `current` (the note's latest version) into a new version:
 * the new text, the visibility (the same unless changed) and the reason. Only
 * a person of the note's institution corrects it (`Forbidden`,
 * `case.note.correct.institution-only`); a correction of a version that is not
 * the latest is a stale one (`Conflict`, `version.stale`, 412).
 */
export const correct = (
  current: CaseNote,
  expectedVersion: number,
  correction: {
    readonly text: string
    readonly visibility?: Visibility | undefined
    readonly reason: string
    readonly by: Id.PrincipalId
    readonly institution: Id.InstitutionId | undefined
    readonly at: Date
  },
): Either.Either<CaseNote, Errors.Forbidden | Errors.Conflict> => {
  if (correction.institution !== current.institution)
    return Either.left(new Errors.Forbidden({ action: "case.write", rule: "case.note.correct.institution-only" }))
  if (expectedVersion !== current.version)
    return Either.left(
      new Errors.Conflict({
        entity: "CaseNote",
        id: current.id,
        rule: "version.stale",
        expectedVersion,
        actualVersion: current.version,
      }),
    )
  return Either.right({
    id: current.id,
    caseId: current.caseId,
    version: current.version + 1,
    visibility: correction.visibility ?? current.visibility,
    text: correction.text,
    institution: current.institution,
    writtenBy: correction.by,
    writtenAt: correction.at,
    reason: correction.reason,
  })
}
