/**
 * The subject-access export: everything held about one person, for the data
 * protection officer answering her request. Only the auditor role asks (the
 * access policy's `subject-access.export`: the auditor is the installation's
 * data-protection role), with a written reason — the request and its legal
 * basis (`subject-access.reason.required`, field `reason`) — that is kept,
 * sealed, in the audit log.
 *
 * The export covers every case the person is recorded in: the one named, and
 * every other whose person has the same personal number (its blind index).
 * Her identifying details are opened through `PersonalData`, the case's
 * notes at every visibility (`CaseNote.dataProtectionScope`), and the audit
 * log's entries about her or her cases are gathered before the export's own.
 * The export is itself audited: one `export` entry (purpose `audit`) per case
 * and person, in one transaction, after everything was opened; an unknown
 * person is `subject-access.person.unknown` (field `personId`) and writes
 * nothing.
 */
import { Errors, Id, Instant, Principal, Span } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import { AccessPolicy, AuditEntry, AuditLog, AuditTrail } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Option, Schema } from "effect"
import type * as Case from "./Case"
import * as CaseNote from "./CaseNote"
import { CaseNoteRepository } from "./CaseNoteRepository"
import { CaseRepository } from "./CaseRepository"
import type * as Correction from "./Correction"
import { CorrectionRepository } from "./CorrectionRepository"
import * as CaseAuthority from "./internal/CaseAuthority"
import { decode } from "./internal/Input"
import * as PersonalData from "./PersonalData"
import { SafeContactRepository } from "./SafeContactRepository"
import * as SubjectAccessExport from "./SubjectAccessExport"
import { SubjectDocuments } from "./SubjectDocuments"
import type * as SurvivorInformed from "./SurvivorInformed"
import { SurvivorInformedRepository } from "./SurvivorInformedRepository"

/**
 * The longest reason kept (the audit log's limit for a written reason).
 */
export const maxReasonLength = AuditEntry.maxReasonLength

/**
 * Input of {@link exportFor}: the person, and why (the request and its legal
 * basis, as the officer writes it).
 */
export const ExportRequest = Schema.Struct({
  personId: Id.PersonId,
  reason: Schema.optional(Schema.String),
})

export type ExportRequest = typeof ExportRequest.Encoded

/**
 * What the export needs.
 */
export type Requirements =
  | CaseRepository
  | CaseNoteRepository
  | CorrectionRepository
  | SafeContactRepository
  | SurvivorInformedRepository
  | SubjectDocuments
  | PersonalData.PersonalData
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Principal.CurrentPrincipal

const pageSize = 200

// Every page of a list keyed by id, one page after another.
const allPages = <I, A extends { readonly id: I }>(
  page: (after: I | undefined) => Effect.Effect<ReadonlyArray<A>>,
): Effect.Effect<ReadonlyArray<A>> =>
  Effect.gen(function* () {
    const all: Array<A> = []
    let after: I | undefined
    for (;;) {
      const items = yield* page(after)
      all.push(...items)
      const last = items.at(-1)
      if (items.length < pageSize || last === undefined) return all
      after = last.id
    }
  })

/**
 * The reason rule: present, not blank, not longer than the audit log keeps.
 */
export const checkReason = (reason: string | undefined): Option.Option<Errors.InvalidInput> => {
  const trimmed = reason?.trim() ?? ""
  if (trimmed.length === 0)
    return Option.some(new Errors.InvalidInput({ field: "reason", rule: "subject-access.reason.required" }))
  if (trimmed.length > maxReasonLength)
    return Option.some(new Errors.InvalidInput({ field: "reason", rule: "subject-access.reason.too-long" }))
  return Option.none()
}

/**
 * Everything held about the person, for the auditor; audited as an export.
 * Fails with `Forbidden` (not the auditor: `policy.audit.auditor-only`) or
 * `InvalidInput` (`subject-access.reason.required` / `.too-long`, field
 * `reason`; `subject-access.person.unknown`, field `personId`).
 */
export const exportFor = (
  raw: ExportRequest,
): Effect.Effect<SubjectAccessExport.SubjectAccessExport, Errors.Forbidden | Errors.InvalidInput, Requirements> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    // Who asks first: a refused caller learns nothing, not even whether the input was good.
    yield* AccessPolicy.enforce(principal, "subject-access.export", { _tag: "National" }, at)
    const input = yield* decode(ExportRequest)(raw)
    const refused = checkReason(input.reason)
    if (Option.isSome(refused)) return yield* Effect.fail(refused.value)
    const reason = (input.reason ?? "").trim()
    const cases = yield* CaseRepository
    const personal = yield* PersonalData.PersonalData
    const unknown = new Errors.InvalidInput({ field: "personId", rule: "subject-access.person.unknown" })
    const named = yield* cases.caseOfPerson(input.personId)
    if (Option.isNone(named)) return yield* Effect.fail(unknown)

    // Her details in the case named, then the other cases her personal number is in.
    const load = (caseId: Id.CaseId) => Effect.orDie(CaseAuthority.load(caseId))
    const first = yield* load(named.value)
    // Opened for the export: the export's own entry (below) records it, not a read's.
    const open = (aCase: Case.Case, personId: Id.PersonId) =>
      Effect.gen(function* () {
        // Erased (ADR 0012): nothing of hers opens any more; the export says when it was erased.
        if (aCase.erasedAt !== undefined) return {}
        const sealed = yield* Effect.orDie(cases.sealedDetails(aCase.id, personId))
        return yield* personal.read(
          { principal, mechanismId: aCase.mechanismId, caseId: aCase.id, personId, purpose: "audit" },
          sealed,
          undefined,
          () => Effect.void,
        )
      })
    const details = yield* open(first, input.personId)
    const matches =
      details.personalNumber === undefined
        ? []
        : yield* Effect.flatMap(personal.indexOf(details.personalNumber), cases.personsByIndex)
    const others = matches.filter((match) => match.personId !== input.personId)

    const recordOf = (aCase: Case.Case, personId: Id.PersonId, opened: typeof details) =>
      Effect.gen(function* () {
        const person = aCase.persons.find((each) => each.id === personId)
        if (person === undefined) return yield* Effect.dieMessage("a person's case without the person")
        if (aCase.erasedAt !== undefined)
          return {
            caseId: aCase.id,
            reference: aCase.reference,
            mechanismId: aCase.mechanismId,
            status: aCase.status,
            openedAt: aCase.openedAt,
            ...(aCase.closure === undefined ? {} : { closedAt: aCase.closure.closedAt }),
            erasedAt: aCase.erasedAt,
            person,
            details: opened,
            consents: aCase.consents,
            corrections: [],
            notes: [],
            told: [],
            documents: [],
          } satisfies SubjectAccessExport.CaseRecord
        const notes = yield* CaseNoteRepository
        const corrections = yield* CorrectionRepository
        const told = yield* SurvivorInformedRepository
        const contact = yield* Effect.flatMap(SafeContactRepository, (contacts) => contacts.latest(aCase.id, personId))
        const record: SubjectAccessExport.CaseRecord = {
          caseId: aCase.id,
          reference: aCase.reference,
          mechanismId: aCase.mechanismId,
          status: aCase.status,
          openedAt: aCase.openedAt,
          ...(aCase.closure === undefined ? {} : { closedAt: aCase.closure.closedAt }),
          person,
          details: opened,
          consents: aCase.consents,
          ...(Option.isSome(contact) ? { safeContact: contact.value } : {}),
          corrections: (yield* allPages((after: Correction.CorrectionId | undefined) =>
            corrections.list(aCase.id, { limit: pageSize, after }),
          )).filter((correction) => correction.kind === "person" && correction.recordId === personId),
          notes: yield* allPages((after: CaseNote.CaseNoteId | undefined) =>
            notes.latest(aCase.id, CaseNote.dataProtectionScope, { limit: pageSize, after }),
          ),
          told: (yield* allPages((after: SurvivorInformed.SurvivorInformedId | undefined) =>
            told.list(aCase.id, { limit: pageSize, after }),
          )).filter((entry) => entry.personId === personId),
          documents: yield* Effect.flatMap(SubjectDocuments, (documents) => documents.about(aCase.id, personId)),
        }
        return record
      })

    const records = [yield* recordOf(first, input.personId, details)]
    for (const match of others) {
      const aCase = yield* load(match.caseId)
      records.push(yield* recordOf(aCase, match.personId, yield* open(aCase, match.personId)))
    }

    // Who accessed her data, gathered before the export's own entries.
    const audit = yield* AuditLog.AuditLog
    const personIds = records.map((record) => record.person.id)
    const caseIds = records.map((record) => record.caseId)
    const entries = new Map<number, AuditTrail.TrailEntry>()
    for (const record of records) {
      for (const entry of [...(yield* audit.forPerson(record.person.id)), ...(yield* audit.forCase(record.caseId))]) {
        const trail = AuditTrail.toTrail(entry)
        if (SubjectAccessExport.concerns(trail, personIds, caseIds)) entries.set(trail.seq, trail)
      }
    }
    const accesses = [...entries.values()].sort((a, b) => a.seq - b.seq)

    yield* Transaction.run(
      Effect.forEach(
        records,
        (record) =>
          audit
            .append({
              ...AuditEntry.actor(principal),
              mechanismId: record.mechanismId,
              caseId: record.caseId,
              personId: record.person.id,
              action: "export",
              purpose: "audit",
              reason,
            })
            .pipe(Effect.orDie),
        { discard: true },
      ),
    )
    return { personId: input.personId, exportedAt: at, exportedBy: principal.id, cases: records, accesses }
  }).pipe(Span.untraced("SubjectAccess.exportFor"))
