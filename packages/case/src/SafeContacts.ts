/**
 * The use cases of safe contact: record how the victim or a child may be
 * reached safely, and read it.
 *
 * - Recording is `case.write` and the policy's personal write for the case
 *   (the survivor's consent), on an open case, naming the case version it
 *   was decided on (a stale one is a 412); the instructions pass
 *   `SafeContact.validate` (naming the field).
 * - Reading is the policy's personal read for a stated purpose
 *   (`audit.purpose.required` without one): the instructions are
 *   identifying data like an address.
 *
 * Recording commits the case's new version, the safe contact's next version
 * (sealed whole), its audit entry and the outbox event
 * `case.safe-contact.recorded` (ids only) together; a read is audited with its
 * purpose once the instructions are open.
 */
import { Errors, Id, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog, Purpose } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Option, Schema } from "effect"
import { aggregateType } from "./CaseEvents"
import { CaseRepository } from "./CaseRepository"
import * as CaseAuthority from "./internal/CaseAuthority"
import { decode } from "./internal/Input"
import * as SafeContact from "./SafeContact"
import { SafeContactRepository } from "./SafeContactRepository"

/**
 * Input of {@link record}: the person, the case version and the instructions.
 */
export const RecordSafeContact = Schema.Struct({
  ...SafeContact.Instructions.fields,
  caseId: Id.CaseId,
  personId: Id.PersonId,
  expectedVersion: Schema.Int.pipe(Schema.positive()),
})

export type RecordSafeContact = typeof RecordSafeContact.Encoded

/**
 * Input of {@link read}: the person and why her safe contact is read.
 */
export const ReadSafeContact = Schema.Struct({
  caseId: Id.CaseId,
  personId: Id.PersonId,
  purpose: Schema.optional(Purpose.Purpose),
})

export type ReadSafeContact = typeof ReadSafeContact.Encoded

/**
 * What the use cases need.
 */
export type Requirements =
  | CaseAuthority.Requirements
  | SafeContactRepository
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

type Refusal = Errors.Forbidden | Errors.InvalidInput | Errors.NotFound

const entry = (
  authorized: CaseAuthority.Authorized,
  personId: Id.PersonId,
  action: "read" | "write",
  purpose: Purpose.Purpose,
): AuditEntry.Draft => ({
  ...AuditEntry.actor(authorized.principal),
  mechanismId: authorized.aCase.mechanismId,
  caseId: authorized.aCase.id,
  personId,
  action,
  purpose,
})

/**
 * A team member records how the victim or a child may be reached safely.
 * Fails with `NotFound`, `Forbidden` (off the team; no consent for a personal
 * write), `InvalidInput` (the field named; a closed case) or `Conflict`
 * (`version.stale`).
 */
export const record = (
  raw: RecordSafeContact,
): Effect.Effect<SafeContact.SafeContact, Refusal | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    const { caseId, personId, expectedVersion, ...instructions } = yield* decode(RecordSafeContact)(raw)
    const authorized = yield* CaseAuthority.authorize(caseId, "case.write")
    yield* CaseAuthority.whileOpen(authorized.aCase)
    yield* SafeContact.validate(instructions, personId, authorized.aCase.persons)
    yield* CaseAuthority.also(authorized, "case.personal.write", { purpose: "case-management", personId })
    const institution = authorized.principal.institution
    // `case.write` needs an institution on the team; the policy has checked it.
    if (institution === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
    const cases = yield* CaseRepository
    const contacts = yield* SafeContactRepository
    const audit = yield* AuditLog.AuditLog
    return yield* Transaction.run(
      Effect.gen(function* () {
        // The case is claimed first: concurrent recordings wait, so the next version is free.
        yield* cases.update(authorized.aCase, expectedVersion)
        const previous = yield* contacts.latest(caseId, personId)
        const contact: SafeContact.SafeContact = {
          ...instructions,
          caseId,
          personId,
          version: Option.match(previous, { onNone: () => 1, onSome: (latest) => latest.version + 1 }),
          writtenBy: authorized.principal.id,
          institution,
          writtenAt: authorized.at,
        }
        yield* contacts.insert(contact)
        yield* audit.append(entry(authorized, personId, "write", "case-management")).pipe(Effect.orDie)
        yield* Outbox.append({
          topic: "case.safe-contact.recorded",
          aggregateType,
          aggregateId: caseId,
          payload: {
            caseId,
            mechanismId: authorized.aCase.mechanismId,
            personId,
            version: contact.version,
            institutionId: institution,
          },
        })
        return contact
      }),
    )
  }).pipe(Span.untraced("SafeContacts.record"))

/**
 * Her safe contact, latest version, for a stated purpose; audited. Fails with
 * `NotFound` (the case, or no safe contact recorded), `Forbidden` (the
 * policy's personal read) or `InvalidInput` (`audit.purpose.required`, field
 * `purpose`).
 */
export const read = (raw: ReadSafeContact): Effect.Effect<SafeContact.SafeContact, Refusal, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(ReadSafeContact)(raw)
    if (input.purpose === undefined)
      return yield* new Errors.InvalidInput({ field: "purpose", rule: "audit.purpose.required" })
    const purpose = input.purpose
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.personal.read", {
      purpose,
      personId: input.personId,
    })
    const found = yield* Effect.flatMap(SafeContactRepository, (contacts) =>
      contacts.latest(input.caseId, input.personId),
    )
    if (Option.isNone(found)) return yield* new Errors.NotFound({ entity: "SafeContact", id: input.personId })
    const audit = yield* AuditLog.AuditLog
    yield* Transaction.run(audit.append(entry(authorized, input.personId, "read", purpose)).pipe(Effect.orDie))
    return found.value
  }).pipe(Span.untraced("SafeContacts.read"))
