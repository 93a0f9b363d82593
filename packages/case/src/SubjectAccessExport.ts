/**
 * What a subject-access export holds: everything the platform keeps about one
 * person, for the data protection officer answering her request (Kosovo's
 * data protection law follows the GDPR's article 15) — in every case she is
 * recorded in (the same personal number, found by its blind index), her
 * identifying details, the case's consents, her safe contact, the
 * corrections of her record, the case's notes, what she was told, the
 * documents' metadata, and who accessed her data and when, from the audit
 * log. `SubjectAccessPdf` renders the same export as a readable document.
 */
import { Id } from "@bashke/kernel"
import { AuditTrail } from "@bashke/security"
import { Schema } from "effect"
import * as CaseLifecycle from "./CaseLifecycle"
import * as CaseNote from "./CaseNote"
import { CaseReference } from "./CaseReference"
import * as Consent from "./Consent"
import * as Correction from "./Correction"
import * as Document from "./Document"
import { Instant } from "./internal/Instant"
import * as Person from "./Person"
import * as SafeContact from "./SafeContact"
import * as SurvivorInformed from "./SurvivorInformed"

/**
 * What is held about her in one case: the case (reference, status, when it
 * was opened and closed), her part in it and her identifying details, and the
 * records that concern her.
 */
export const CaseRecord = Schema.Struct({
  caseId: Id.CaseId,
  reference: CaseReference,
  mechanismId: Id.MechanismId,
  status: CaseLifecycle.Status,
  openedAt: Instant,
  closedAt: Schema.optional(Instant),
  /** When the case's personal data was erased (ADR 0012): its details and words are then empty. */
  erasedAt: Schema.optional(Instant),
  person: Person.Person,
  details: Person.PersonalDetails,
  consents: Schema.Array(Consent.Consent),
  safeContact: Schema.optional(SafeContact.SafeContact),
  corrections: Schema.Array(Correction.Correction),
  notes: Schema.Array(CaseNote.CaseNote),
  told: Schema.Array(SurvivorInformed.SurvivorInformed),
  documents: Schema.Array(Document.Document),
}).annotations({ identifier: "SubjectAccessCaseRecord" })

export type CaseRecord = typeof CaseRecord.Type

/**
 * The export: about whom, when and by whom it was made, what is held in each
 * case, and every audited access to her data or her case (entries about the
 * other persons of a case are theirs, not hers), oldest first.
 */
export const SubjectAccessExport = Schema.Struct({
  personId: Id.PersonId,
  exportedAt: Instant,
  exportedBy: Id.PrincipalId,
  cases: Schema.Array(CaseRecord),
  accesses: Schema.Array(AuditTrail.TrailEntry),
}).annotations({ identifier: "SubjectAccessExport" })

export type SubjectAccessExport = typeof SubjectAccessExport.Type

/**
 * Whether an audit entry is about her: about her as a person, or about one of
 * her cases as a whole (a note, a review), never about another person of it.
 */
export const concerns = (
  entry: Pick<AuditTrail.TrailEntry, "caseId" | "personId">,
  personIds: ReadonlyArray<Id.PersonId>,
  caseIds: ReadonlyArray<Id.CaseId>,
): boolean =>
  entry.personId === undefined
    ? entry.caseId !== undefined && caseIds.includes(entry.caseId)
    : personIds.includes(entry.personId)
