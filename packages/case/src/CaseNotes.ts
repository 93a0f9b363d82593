/**
 * The use cases of case notes: write one, list the notes a reader may see,
 * read a note's history, and correct a note.
 *
 * - Writing and correcting are the access policy's `case.write` on the case
 *   (any team member), on an open case only (`case.closed.read-only`); a
 *   correction needs a reason (`case.correction.reason.required`, naming the
 *   field `reason`), is made by a person of the note's institution
 *   (`case.note.correct.institution-only`) and names the version it corrects
 *   (a stale one is a 412).
 * - Reading is `case.summary.read` (the case team), then the note's
 *   visibility (`CaseNote.visibleTo`): a note a reader may not see is not
 *   listed, and its history is `NotFound`, so its existence is not told.
 *
 * Every note shown is a read of sealed free text that may name people: one
 * audit entry per version shown (purpose `case-management`), in one
 * transaction. Every write commits with its audit entry and its outbox event
 * (`case.note.written`, `case.note.corrected`: ids and the visibility only).
 */
import { Cursor, Errors, Id, Pagination, type Principal, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import { aggregateType } from "./CaseEvents"
import * as CaseNote from "./CaseNote"
import { CaseNoteRepository } from "./CaseNoteRepository"
import * as CaseAuthority from "./internal/CaseAuthority"
import { decode } from "./internal/Input"
import * as PageCursor from "./internal/PageCursor"

/**
 * Input of {@link write}.
 */
export const WriteNote = Schema.Struct({
  caseId: Id.CaseId,
  text: CaseNote.Text,
  visibility: CaseNote.Visibility,
})

export type WriteNote = typeof WriteNote.Encoded

/**
 * Input of {@link list}: the case and the page (`after`: the `next` cursor of
 * the previous page).
 */
export const ListNotes = Schema.Struct({
  caseId: Id.CaseId,
  limit: Schema.optionalWith(Pagination.Limit, { default: () => Pagination.defaultLimit }),
  after: Schema.optional(Cursor.Cursor),
})

export type ListNotes = typeof ListNotes.Encoded

/**
 * Input of {@link history}.
 */
export const NoteHistory = Schema.Struct({ caseId: Id.CaseId, noteId: CaseNote.CaseNoteId })

export type NoteHistory = typeof NoteHistory.Encoded

/**
 * Input of {@link correct}: the note, the version corrected (an `If-Match`),
 * the new text, the visibility (unchanged when absent) and the reason.
 */
export const CorrectNote = Schema.Struct({
  caseId: Id.CaseId,
  noteId: CaseNote.CaseNoteId,
  expectedVersion: Schema.Int,
  text: CaseNote.Text,
  visibility: Schema.optional(CaseNote.Visibility),
  reason: CaseNote.CorrectionReason,
})

export type CorrectNote = typeof CorrectNote.Encoded

/**
 * What the use cases need.
 */
export type Requirements =
  | CaseAuthority.Requirements
  | CaseNoteRepository
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

type Refusal = Errors.Forbidden | Errors.InvalidInput | Errors.NotFound

const entry = (
  principal: Principal.Principal,
  authorized: CaseAuthority.Authorized,
  action: "read" | "write",
): AuditEntry.Draft => ({
  ...AuditEntry.actor(principal),
  mechanismId: authorized.aCase.mechanismId,
  caseId: authorized.aCase.id,
  action,
  purpose: "case-management",
})

/** Appends one read entry per version shown, in one transaction. */
const auditReads = (authorized: CaseAuthority.Authorized, count: number) =>
  count === 0
    ? Effect.void
    : Effect.flatMap(AuditLog.AuditLog, (audit) =>
        Transaction.run(
          Effect.forEach(
            Array.from({ length: count }),
            () => audit.append(entry(authorized.principal, authorized, "read")).pipe(Effect.orDie),
            { discard: true },
          ),
        ),
      )

/** The reader's place on the team; the policy has already required one. */
const readerOf = (authorized: CaseAuthority.Authorized): CaseNote.Reader | undefined =>
  authorized.member === undefined
    ? undefined
    : { institution: authorized.member.institution, access: authorized.member.access }

const noSuchNote = (id: string) => new Errors.NotFound({ entity: "CaseNote", id })

/** Writes a version with its audit entry and its outbox event, in one transaction. */
const commit = (authorized: CaseAuthority.Authorized, note: CaseNote.CaseNote) =>
  Effect.gen(function* () {
    const notes = yield* CaseNoteRepository
    const audit = yield* AuditLog.AuditLog
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* notes.insert(note)
        yield* audit.append(entry(authorized.principal, authorized, "write")).pipe(Effect.orDie)
        yield* Outbox.append({
          topic: note.version === 1 ? "case.note.written" : "case.note.corrected",
          aggregateType,
          aggregateId: note.caseId,
          payload: {
            caseId: note.caseId,
            mechanismId: authorized.aCase.mechanismId,
            noteId: note.id,
            version: note.version,
            visibility: note.visibility,
            institutionId: note.institution,
            writtenBy: note.writtenBy,
          },
        })
      }),
    )
    return note
  })

/**
 * A team member writes a note. Fails with `NotFound` (the case), `Forbidden`
 * (not on the team), or `InvalidInput` (the text, the visibility, a closed
 * case).
 */
export const write = (raw: WriteNote): Effect.Effect<CaseNote.CaseNote, Refusal, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(WriteNote)(raw)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.write")
    yield* CaseAuthority.whileOpen(authorized.aCase)
    const institution = authorized.principal.institution
    // `case.write` needs an institution on the team; the policy has checked it.
    if (institution === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
    const note = CaseNote.write({
      id: yield* CaseNote.CaseNoteId.generate,
      caseId: input.caseId,
      text: input.text,
      visibility: input.visibility,
      institution,
      writtenBy: authorized.principal.id,
      writtenAt: authorized.at,
    })
    // A new id cannot collide: a conflict here is a defect.
    return yield* commit(authorized, note).pipe(Effect.catchTag("Conflict", Effect.die))
  }).pipe(Span.untraced("CaseNotes.write"))

/**
 * The latest version of each note of the case the reader may see, oldest note
 * first, a page at a time; each note shown is audited. Fails with `NotFound`,
 * `Forbidden` or `InvalidInput` (a malformed cursor or limit).
 */
export const list = (raw: ListNotes): Effect.Effect<Pagination.Page<CaseNote.CaseNote>, Refusal, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(ListNotes)(raw)
    const after = yield* PageCursor.afterId(CaseNote.CaseNoteId, input.after)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.summary.read")
    const reader = readerOf(authorized)
    if (reader === undefined) return { items: [], next: null }
    const notes = yield* CaseNoteRepository
    const rows = yield* notes.latest(input.caseId, CaseNote.scopeOf(reader), { limit: input.limit + 1, after })
    const page = Pagination.paginate(rows, input.limit, (note) => [note.id])
    yield* auditReads(authorized, page.items.length)
    return page
  }).pipe(Span.untraced("CaseNotes.list"))

/**
 * Every version of a note the reader may see, oldest first: the history of
 * its corrections, each with who wrote it, when and why. `NotFound` when the
 * note does not exist or its latest version is not visible to the reader.
 */
export const history = (raw: NoteHistory): Effect.Effect<ReadonlyArray<CaseNote.CaseNote>, Refusal, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(NoteHistory)(raw)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.summary.read")
    const reader = readerOf(authorized)
    const versions = yield* Effect.flatMap(CaseNoteRepository, (notes) => notes.versions(input.caseId, input.noteId))
    const latest = versions.at(-1)
    if (latest === undefined || !CaseNote.visibleTo(latest, reader)) return yield* noSuchNote(input.noteId)
    const shown = versions.filter((version) => CaseNote.visibleTo(version, reader))
    yield* auditReads(authorized, shown.length)
    return shown
  }).pipe(Span.untraced("CaseNotes.history"))

/**
 * A person of the note's institution corrects it: a new version, the old ones
 * kept. Fails with `NotFound` (the case, or a note the reader cannot see),
 * `Forbidden` (`case.note.correct.institution-only`, or the policy's),
 * `InvalidInput` (no reason: field `reason`; the text; a closed case) or
 * `Conflict` (`version.stale`: the note was corrected meanwhile).
 */
export const correct = (raw: CorrectNote): Effect.Effect<CaseNote.CaseNote, Refusal | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(CorrectNote)(raw)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.write")
    yield* CaseAuthority.whileOpen(authorized.aCase)
    const versions = yield* Effect.flatMap(CaseNoteRepository, (notes) => notes.versions(input.caseId, input.noteId))
    const latest = versions.at(-1)
    if (latest === undefined || !CaseNote.visibleTo(latest, readerOf(authorized)))
      return yield* noSuchNote(input.noteId)
    const corrected = yield* CaseNote.correct(latest, input.expectedVersion, {
      text: input.text,
      visibility: input.visibility,
      reason: input.reason,
      by: authorized.principal.id,
      institution: authorized.principal.institution,
      at: authorized.at,
    })
    return yield* commit(authorized, corrected)
  }).pipe(Span.untraced("CaseNotes.correct"))
