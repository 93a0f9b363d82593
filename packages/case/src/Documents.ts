/**
 * The use cases of documents: upload one, list a case's documents, open one
 * for download, and withdraw one (ADR 0020).
 *
 * - Uploading is the policy's `case.write` and its personal write on the
 *   case (for the person the document is about, if any: the survivor's
 *   consent; the alleged perpetrator's details for her protection), on an
 *   open case. The content streams in: it is cut into 64 KiB chunks, each
 *   encrypted under the document's own data key and put in the
 *   `DocumentStore` as it comes, so a large file is never whole in memory.
 *   Its type is told from its first bytes (`DocumentType.sniff`), before
 *   anything is stored; its size is counted as it comes. A refusal, a broken
 *   upload or an interruption removes what was stored; an upload whose
 *   process dies is registered (`PendingUploads`) and swept once abandoned
 *   (`AbandonedUploads`, ADR 0024). The record (name and
 *   data key sealed), its audit entry and the outbox event
 *   `case.document.uploaded` (ids only) commit together, with the request's
 *   idempotency key when one is given (the chunks of a retried request are
 *   removed and the first answer given).
 * - Reading (the list, a download) is the policy's personal read for a stated
 *   purpose (`audit.purpose.required` without one): summary-only members are
 *   refused. A document about a person the reader may not read is left out
 *   of the list and is `NotFound` to open. Every document listed and every
 *   download is one audit entry.
 * - Withdrawing is `case.write` by the uploader's institution
 *   (`case.document.withdraw.institution-only`), on an open case: the record
 *   stays (who withdrew it, when) and its content is destroyed.
 */
import { Cursor, Errors, Id, Instant, Pagination, Span } from "@bashke/kernel"
import { Idempotency, Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog, Purpose } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Clock, Duration, Effect, Option, Schema, Stream } from "effect"
import * as AbandonedUploads from "./AbandonedUploads"
import { aggregateType } from "./CaseEvents"
import * as Document from "./Document"
import { DocumentRepository, type Stored } from "./DocumentRepository"
import { abandonedAfterOf, DocumentSettings } from "./DocumentSettings"
import { DocumentStore } from "./DocumentStore"
import * as DocumentType from "./DocumentType"
import * as CaseAuthority from "./internal/CaseAuthority"
import * as ChunkCipher from "./internal/ChunkCipher"
import { decode } from "./internal/Input"
import * as PageCursor from "./internal/PageCursor"
import { subjectOfRole, writtenFor } from "./internal/PersonalPurpose"
import { PendingUploads } from "./PendingUploads"

/**
 * Input of {@link upload}: the case, what the document is and what it is
 * attached to (at most one of `personId`, `orderId`, `consentId`; none: the
 * case), its file name, and what the sender declared of its content (its
 * `Content-Type` and `Content-Length`, each checked before a byte is read).
 */
export const UploadDocument = Schema.Struct({
  caseId: Id.CaseId,
  kind: Document.Kind,
  personId: Schema.optional(Id.PersonId),
  orderId: Schema.optional(Id.ProtectionOrderId),
  consentId: Schema.optional(Id.ConsentId),
  name: Document.Name,
  declaredType: Schema.optional(Schema.String),
  declaredLength: Schema.optional(Schema.NonNegativeInt),
})

export type UploadDocument = typeof UploadDocument.Encoded

/**
 * Input of {@link list}: the case, why it is read, and the page.
 */
export const ListDocuments = Schema.Struct({
  caseId: Id.CaseId,
  purpose: Schema.optional(Purpose.Purpose),
  limit: Schema.optionalWith(Pagination.Limit, { default: () => Pagination.defaultLimit }),
  after: Schema.optional(Cursor.Cursor),
})

export type ListDocuments = typeof ListDocuments.Encoded

/**
 * Input of {@link open}: the document and why it is read.
 */
export const OpenDocument = Schema.Struct({
  caseId: Id.CaseId,
  documentId: Document.DocumentId,
  purpose: Schema.optional(Purpose.Purpose),
})

export type OpenDocument = typeof OpenDocument.Encoded

/**
 * Input of {@link withdraw}.
 */
export const WithdrawDocument = Schema.Struct({ caseId: Id.CaseId, documentId: Document.DocumentId })

export type WithdrawDocument = typeof WithdrawDocument.Encoded

/**
 * An opened document: its record and its content, a chunk at a time (in
 * order, `0` to `chunkCount - 1`), each decrypted as it is asked for. A chunk
 * that does not open as that chunk of that document (tampered with,
 * reordered, or the last one missing) is a defect: the download breaks off.
 */
export interface Content {
  readonly document: Document.Document
  readonly chunkCount: number
  readonly chunk: (index: number) => Effect.Effect<Uint8Array, never, DocumentStore>
}

/**
 * What the use cases need.
 */
export type Requirements =
  | CaseAuthority.Requirements
  | DocumentRepository
  | DocumentStore
  | PendingUploads
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

type Refusal = Errors.Forbidden | Errors.InvalidInput | Errors.NotFound

const entry = (
  authorized: CaseAuthority.Authorized,
  action: "read" | "write",
  purpose: Purpose.Purpose,
  personId: Id.PersonId | undefined,
): AuditEntry.Draft => ({
  ...AuditEntry.actor(authorized.principal),
  mechanismId: authorized.aCase.mechanismId,
  caseId: authorized.aCase.id,
  ...(personId === undefined ? {} : { personId }),
  action,
  purpose,
})

/** A change to a document, audited under the purpose a personal write of its person states. */
const writeEntry = (authorized: CaseAuthority.Authorized, personId: Id.PersonId | undefined) =>
  entry(authorized, "write", personalRequest(authorized.aCase, personId).purpose, personId)

const invalid = (field: string, rule: string) => new Errors.InvalidInput({ field, rule })

/** What the document is attached to: at most one of the three ids. */
const attachmentOf = (input: typeof UploadDocument.Type) => {
  const given = [input.personId, input.orderId, input.consentId].filter((id) => id !== undefined).length
  if (given > 1) return Effect.fail(invalid("attachedTo", "case.document.attachment.ambiguous"))
  const attachedTo: Document.AttachedTo =
    input.personId !== undefined
      ? { _tag: "person", personId: input.personId }
      : input.orderId !== undefined
        ? { _tag: "order", orderId: input.orderId }
        : input.consentId !== undefined
          ? { _tag: "consent", consentId: input.consentId }
          : { _tag: "case" }
  return Effect.succeed(attachedTo)
}

/** Whether the case has what the document is attached to; the field that names it otherwise. */
const unknownAttachment = (
  aCase: CaseAuthority.Authorized["aCase"],
  attachedTo: Document.AttachedTo,
): string | undefined => {
  switch (attachedTo._tag) {
    case "case":
      return undefined
    case "person":
      return aCase.persons.some((person) => person.id === attachedTo.personId) ? undefined : "personId"
    case "order":
      return aCase.orders.some((order) => order.id === attachedTo.orderId) ? undefined : "orderId"
    case "consent":
      return aCase.consents.some((consent) => consent.id === attachedTo.consentId) ? undefined : "consentId"
  }
}

/** The subject and the purpose of the personal data a document is about, for the policy. */
const personalRequest = (aCase: CaseAuthority.Authorized["aCase"], personId: Id.PersonId | undefined) => {
  const person = personId === undefined ? undefined : aCase.persons.find((each) => each.id === personId)
  const subject = person === undefined ? undefined : subjectOfRole(person.role)
  return { personId, purpose: subject === undefined ? ("case-management" as const) : writtenFor(subject) }
}

/**
 * Streams `content` into the store as encrypted chunks: the type told from
 * the first chunk before anything is put, the size counted as it comes. A
 * full chunk is held until the next byte arrives, so the last one is known
 * (and sealed as the last). While it streams, the upload's registration is
 * touched every `heartbeat` (ADR 0024), so the sweep never takes a live
 * upload for a dead one. Returns the size, the chunks' count and the type.
 */
const storeContent = <E>(
  content: Stream.Stream<Uint8Array, E>,
  target: {
    readonly id: Document.DocumentId
    readonly key: CryptoKey
    readonly maxBytes: number
    readonly mediaTypes: ReadonlyArray<DocumentType.MediaType>
    readonly declared: string | undefined
    readonly heartbeat: Duration.Duration
  },
) =>
  Effect.gen(function* () {
    const store = yield* DocumentStore
    const pending = yield* PendingUploads
    const heartbeat = Duration.toMillis(target.heartbeat)
    let touched = yield* Clock.currentTimeMillis
    // Two buffers, taking turns: the one filling, and the full one held until
    // the next byte shows it is not the last. A chunk is sealed (into a new
    // buffer) before its buffer fills again, so no chunk is allocated per chunk.
    let buffer = new Uint8Array(ChunkCipher.chunkSize)
    let spare = new Uint8Array(ChunkCipher.chunkSize)
    let filled = 0
    let held: Uint8Array<ArrayBuffer> | undefined
    let index = 0
    let size = 0
    let mediaType: DocumentType.MediaType | undefined

    const put = (chunk: Uint8Array, final: boolean) =>
      Effect.gen(function* () {
        if (index === 0) {
          const shown = DocumentType.sniff(chunk.subarray(0, DocumentType.sniffLength))
          if (shown === undefined || (target.declared !== undefined && target.declared !== shown))
            return yield* invalid("content", "case.document.type.mismatch")
          if (!target.mediaTypes.includes(shown)) return yield* invalid("content", "case.document.type.not-allowed")
          mediaType = shown
        }
        const sealed = yield* Effect.promise(() => ChunkCipher.seal(target.key, target.id, index, final, chunk))
        yield* store.put(target.id, index, sealed)
        index += 1
      })

    yield* Stream.runForEach(content, (piece) =>
      Effect.gen(function* () {
        size += piece.length
        if (size > target.maxBytes) return yield* invalid("content", "case.document.too-large")
        const now = yield* Clock.currentTimeMillis
        if (now - touched >= heartbeat) {
          touched = now
          yield* pending.touch(target.id, new Date(now))
        }
        let offset = 0
        while (offset < piece.length) {
          const taken = Math.min(ChunkCipher.chunkSize - filled, piece.length - offset)
          buffer.set(piece.subarray(offset, offset + taken), filled)
          filled += taken
          offset += taken
          if (filled === ChunkCipher.chunkSize) {
            if (held !== undefined) yield* put(held, false)
            held = buffer
            buffer = spare
            spare = held
            filled = 0
          }
        }
      }),
    )
    if (size === 0) return yield* invalid("content", "case.document.empty")
    if (filled > 0) {
      if (held !== undefined) yield* put(held, false)
      yield* put(buffer.subarray(0, filled), true)
    } else if (held !== undefined) {
      yield* put(held, true)
    }
    // `put` of chunk 0 set it; a non-empty content always has a chunk 0.
    if (mediaType === undefined) return yield* Effect.dieMessage("a stored document without a type")
    return { size, chunkCount: index, mediaType }
  })

/**
 * A team member uploads a document, its content streamed in. Fails with
 * `NotFound` (the case), `Forbidden` (off the team; summary access; no
 * consent for the personal write), or `InvalidInput` naming the field: the
 * kind, the name, what it is attached to, `Content-Type` (a declared type
 * not accepted), `Content-Length` (declared too large), `content` (bytes not
 * of the declared or an accepted type, too many, none, or broken off), a
 * closed case. Nothing stays stored after a failure. With `idempotency`, the
 * same request retried answers the first upload's receipt (`replayed`).
 */
export const upload = <E>(
  raw: UploadDocument,
  content: Stream.Stream<Uint8Array, E>,
  idempotency?: Idempotency.IdempotencyKey,
): Effect.Effect<
  Idempotency.Outcome<Document.Receipt>,
  Refusal | Errors.Conflict | E,
  Requirements | DocumentSettings
> =>
  Effect.gen(function* () {
    const input = yield* decode(UploadDocument)(raw)
    const attachedTo = yield* attachmentOf(input)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.write")
    yield* CaseAuthority.whileOpen(authorized.aCase)
    const missing = unknownAttachment(authorized.aCase, attachedTo)
    if (missing !== undefined) return yield* invalid(missing, "case.document.attachment.unknown")
    const personId = Document.personOf(attachedTo, authorized.aCase.consents)
    yield* CaseAuthority.also(authorized, "case.personal.write", personalRequest(authorized.aCase, personId))
    const institution = authorized.principal.institution
    // `case.write` needs an institution on the team; the policy has checked it.
    if (institution === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")

    const settings = yield* DocumentSettings
    const declared = input.declaredType === undefined ? undefined : DocumentType.essence(input.declaredType)
    if (declared !== undefined && !settings.mediaTypes.some((type) => type === declared))
      return yield* invalid("Content-Type", "case.document.type.not-allowed")
    if (input.declaredLength === 0) return yield* invalid("Content-Length", "case.document.empty")
    if (input.declaredLength !== undefined && input.declaredLength > settings.maxBytes)
      return yield* invalid("Content-Length", "case.document.too-large")

    const id = yield* Document.DocumentId.generate
    const dataKey = ChunkCipher.generateKey()
    const key = yield* Effect.promise(() => ChunkCipher.importKey(dataKey))
    const store = yield* DocumentStore
    const pending = yield* PendingUploads
    // Registered before a chunk is put: a process killed from here on leaves chunks the sweep finds.
    yield* pending.begin(id, yield* Instant.now)
    // Whatever stops the upload (a refusal, a broken stream, an interruption) leaves nothing stored.
    const discard = Effect.zipRight(store.remove(id), pending.end(id))
    const stored = yield* storeContent(content, {
      id,
      key,
      maxBytes: settings.maxBytes,
      mediaTypes: settings.mediaTypes,
      declared: declared as DocumentType.MediaType | undefined,
      heartbeat: AbandonedUploads.heartbeat(abandonedAfterOf(settings)),
    }).pipe(Effect.onError(() => discard))

    const document: Document.Document = {
      id,
      caseId: input.caseId,
      attachedTo,
      kind: input.kind,
      name: input.name,
      mediaType: stored.mediaType,
      size: stored.size,
      institution,
      uploadedBy: authorized.principal.id,
      uploadedAt: authorized.at,
    }
    const commit = Effect.gen(function* () {
      const documents = yield* DocumentRepository
      const audit = yield* AuditLog.AuditLog
      yield* documents.insert({ document, chunkCount: stored.chunkCount, dataKey, personId })
      yield* pending.end(id)
      yield* audit.append(writeEntry(authorized, personId)).pipe(Effect.orDie)
      yield* Outbox.append({
        topic: "case.document.uploaded",
        aggregateType,
        aggregateId: input.caseId,
        payload: {
          caseId: input.caseId,
          mechanismId: authorized.aCase.mechanismId,
          documentId: id,
          kind: document.kind,
          attachedTo: attachedTo._tag,
          institutionId: institution,
          uploadedBy: document.uploadedBy,
        },
      })
      const { name: _, ...receipt } = document
      return receipt as Document.Receipt
    })
    const outcome = yield* (
      idempotency === undefined
        ? Effect.map(Transaction.run(commit), (value) => ({ value, replayed: false }))
        : Idempotency.runWithOutcome(idempotency, commit, Document.Receipt)
    ).pipe(
      // The key reused for another request, or the commit failing: the content stays nobody's.
      Effect.onError(() => discard),
    )
    // A retry of an upload already recorded: its own chunks are not needed.
    if (outcome.replayed) yield* discard
    return outcome
  }).pipe(Span.untraced("Documents.upload"))

/** The purpose stated for a read, or `audit.purpose.required`. */
const statedPurpose = (purpose: Purpose.Purpose | undefined) =>
  purpose === undefined ? Effect.fail(invalid("purpose", "audit.purpose.required")) : Effect.succeed(purpose)

/** Whether the reader may read the personal data of the person a document is about. */
const mayRead = (authorized: CaseAuthority.Authorized, purpose: Purpose.Purpose, personId: Id.PersonId | undefined) =>
  personId === undefined
    ? Effect.succeed(true)
    : CaseAuthority.also(authorized, "case.personal.read", { purpose, personId }).pipe(
        Effect.as(true),
        Effect.orElseSucceed(() => false),
      )

const personOfDocument = (authorized: CaseAuthority.Authorized, document: Document.Document) =>
  Document.personOf(document.attachedTo, authorized.aCase.consents)

/**
 * The case's documents the reader may read, oldest first, a page at a time
 * (metadata and names, never content); each listed is audited. Fails with
 * `NotFound`, `Forbidden` (the personal read), or `InvalidInput` (no
 * purpose; a malformed cursor or limit).
 */
export const list = (raw: ListDocuments): Effect.Effect<Pagination.Page<Document.Document>, Refusal, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(ListDocuments)(raw)
    const purpose = yield* statedPurpose(input.purpose)
    const after = yield* PageCursor.afterId(Document.DocumentId, input.after)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.personal.read", { purpose })
    const documents = yield* DocumentRepository
    // Whether a document may be read is decided per row (the person it is about and the reader's access to
    // her): the walk reads keyset steps and keeps the readable until a page is full, so a page is never
    // short while readable documents remain (ADR 0034).
    const page = yield* Pagination.visible({
      step: (from, limit) =>
        documents.ofCase(input.caseId, {
          limit,
          after: from === undefined ? undefined : (from[0] as Document.DocumentId),
        }),
      visible: (document) => mayRead(authorized, purpose, personOfDocument(authorized, document)),
      keyOf: (document) => [document.id],
      limit: input.limit,
      after: after === undefined ? undefined : [after],
    })
    const items = page.items
    if (items.length > 0) {
      const audit = yield* AuditLog.AuditLog
      yield* Transaction.run(
        Effect.forEach(
          items,
          (document) =>
            audit.append(entry(authorized, "read", purpose, personOfDocument(authorized, document))).pipe(Effect.orDie),
          { discard: true },
        ),
      )
    }
    return { items, next: page.next }
  }).pipe(Span.untraced("Documents.list"))

const noSuchDocument = (id: string) => new Errors.NotFound({ entity: "Document", id })

/**
 * Opens a document for download, for a stated purpose; audited before a byte
 * is read. Fails with `NotFound` (the case; the document, withdrawn, or about
 * a person the reader may not read), `Forbidden` (the personal read) or
 * `InvalidInput` (no purpose).
 */
export const open = (raw: OpenDocument): Effect.Effect<Content, Refusal, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(OpenDocument)(raw)
    const purpose = yield* statedPurpose(input.purpose)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.personal.read", { purpose })
    const found = yield* Effect.flatMap(DocumentRepository, (documents) =>
      documents.find(input.caseId, input.documentId),
    )
    if (Option.isNone(found) || found.value.document.withdrawnAt !== undefined)
      return yield* noSuchDocument(input.documentId)
    const stored: Stored = found.value
    const personId = personOfDocument(authorized, stored.document)
    if (!(yield* mayRead(authorized, purpose, personId))) return yield* noSuchDocument(input.documentId)
    const audit = yield* AuditLog.AuditLog
    yield* Transaction.run(audit.append(entry(authorized, "read", purpose, personId)).pipe(Effect.orDie))
    const key = yield* Effect.promise(() => ChunkCipher.importKey(stored.dataKey))
    const id = stored.document.id
    const last = stored.chunkCount - 1
    const chunk = (index: number) =>
      Effect.flatMap(DocumentStore, (store) => store.get(id, index)).pipe(
        Effect.flatMap(
          Option.match({
            onNone: () => Effect.dieMessage(`document chunk ${index} is missing`),
            onSome: (sealed) =>
              Effect.tryPromise(() => ChunkCipher.open(key, id, index, index === last, sealed)).pipe(
                Effect.orDieWith(() => new Error(`document chunk ${index} does not open`)),
              ),
          }),
        ),
        Span.untraced("Documents.chunk"),
      )
    return { document: stored.document, chunkCount: stored.chunkCount, chunk }
  }).pipe(Span.untraced("Documents.open"))

/**
 * The uploader's institution withdraws a document: its record stays, marked
 * withdrawn (who, when), and its content is destroyed. Fails with `NotFound`
 * (the case or the document, or already withdrawn), `Forbidden`
 * (`case.document.withdraw.institution-only`, or the policy's) or
 * `InvalidInput` (a closed case).
 */
export const withdraw = (raw: WithdrawDocument): Effect.Effect<Document.Receipt, Refusal, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(WithdrawDocument)(raw)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.write")
    yield* CaseAuthority.whileOpen(authorized.aCase)
    const documents = yield* DocumentRepository
    const found = yield* documents.find(input.caseId, input.documentId)
    if (Option.isNone(found) || found.value.document.withdrawnAt !== undefined)
      return yield* noSuchDocument(input.documentId)
    const document = found.value.document
    if (authorized.principal.institution !== document.institution)
      return yield* new Errors.Forbidden({ action: "case.write", rule: "case.document.withdraw.institution-only" })
    const personId = found.value.personId
    const audit = yield* AuditLog.AuditLog
    const withdrawn = yield* Transaction.run(
      Effect.gen(function* () {
        const changed = yield* documents.withdraw(document.id, authorized.principal.id, authorized.at)
        if (!changed) return false
        yield* audit.append(writeEntry(authorized, personId)).pipe(Effect.orDie)
        yield* Outbox.append({
          topic: "case.document.withdrawn",
          aggregateType,
          aggregateId: input.caseId,
          payload: {
            caseId: input.caseId,
            mechanismId: authorized.aCase.mechanismId,
            documentId: document.id,
            withdrawnBy: authorized.principal.id,
          },
        })
        return true
      }),
    )
    // A concurrent withdrawal came first.
    if (!withdrawn) return yield* noSuchDocument(input.documentId)
    yield* Effect.flatMap(DocumentStore, (store) => store.remove(document.id))
    const { name: _, ...receipt } = document
    return { ...receipt, withdrawnAt: authorized.at, withdrawnBy: authorized.principal.id } as Document.Receipt
  }).pipe(Span.untraced("Documents.withdraw"))
