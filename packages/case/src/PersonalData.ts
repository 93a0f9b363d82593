/**
 * The one way a person's identifying details (`Person.PersonalDetails`: names,
 * personal number, birth date, address, phone, safe-contact instructions) are
 * written and read:
 *
 * - each field is sealed on its own under the case's data key
 *   (`@bashke/security`'s `CaseKeys`, ADR 0012), with the
 *   additional data `person:<personId>:<field>` (kebab-case field,
 *   `person:01J…:family-name`), so a value copied to another person or field
 *   does not open;
 * - the personal number is also kept as a blind index (`BlindIndex`,
 *   `personal-number`), to find earlier cases of the same person without
 *   decrypting anything;
 * - every write and every read appends an `AuditLog` entry — who, for which
 *   institution, mechanism, case and person, what, and why — in the caller's
 *   transaction, so the data and its audit entry commit together. A read
 *   appends once its fields are open, so a value that does not open (a
 *   defect) records nothing, and no transaction waits on the decryption.
 *
 * A read without a purpose is refused before anything happens
 * (`InvalidInput`, `audit.purpose.required`) and writes nothing, not even an
 * audit entry: it read nothing. A break-glass read is audited flagged, with its
 * written reason (sealed by the audit log).
 *
 * Nothing here checks who may read: the `CaseService` asks `AccessPolicy`
 * first. This module only guarantees that what is read or written is sealed
 * and audited.
 */

import type { Errors, Id, Principal } from "@bashke/kernel"
import { Span } from "@bashke/kernel"
import { AuditEntry, AuditLog, BlindIndex, CaseKeys, type Purpose, type Vault } from "@bashke/security"
import { Context, Effect, Either, Layer } from "effect"
import * as Person from "./Person"

/**
 * A person's details as stored: one sealed value per field present.
 */
export type SealedFields = Partial<Record<Person.PersonalField, Vault.Sealed>>

/**
 * What the repository stores for a person's details.
 */
export interface SealedDetails {
  readonly fields: SealedFields
  /** The blind index of the personal number, when one is known. */
  readonly personalNumberIndex?: BlindIndex.Digest | undefined
}

/**
 * Who acts on whose details, and why. `purpose` is optional so that a missing
 * one is refused here (`audit.purpose.required`) rather than by a type checker
 * far away; `breakGlassReason` marks an emergency read.
 */
export interface Access {
  readonly principal: Principal.Principal
  readonly mechanismId: Id.MechanismId
  readonly caseId: Id.CaseId
  readonly personId: Id.PersonId
  readonly purpose?: Purpose.Purpose | undefined
  readonly breakGlassReason?: string | undefined
}

const kebab = (field: Person.PersonalField): string => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/**
 * The additional authenticated data a field is sealed with:
 * `aad(personId, "familyName")` is `person:<personId>:family-name`.
 */
export const aad = (personId: Id.PersonId, field: Person.PersonalField): string => `person:${personId}:${kebab(field)}`

export interface Service {
  /**
   * Seals the details and indexes the personal number, and records the write in
   * the audit log (in the caller's transaction). The purpose defaults to
   * `case-management`: writing is always the case team's work on the case.
   */
  readonly write: (access: Access, details: Person.PersonalDetails) => Effect.Effect<SealedDetails, Errors.InvalidInput>
  /**
   * Opens the requested fields (all by default), then records the read in the
   * audit log. Without a purpose: `InvalidInput` (`audit.purpose.required`),
   * nothing opened, nothing written; with a break-glass reason, the entry is
   * flagged. `recorded` runs the append: the caller may wrap it in a
   * transaction with its own writes (a break-glass review and its alert), and
   * must run it; by default it runs alone.
   */
  readonly read: (
    access: Access,
    sealed: SealedFields,
    fields?: ReadonlyArray<Person.PersonalField>,
    recorded?: (append: Effect.Effect<void, Errors.InvalidInput>) => Effect.Effect<void, Errors.InvalidInput>,
  ) => Effect.Effect<Person.PersonalDetails, Errors.InvalidInput>
  /** The blind index of a personal number, however it was typed. */
  readonly indexOf: (personalNumber: string) => Effect.Effect<BlindIndex.Digest, Errors.InvalidInput>
  /**
   * The blind indexes of many personal numbers, in their order (a bulk
   * import's page). One that normalizes to nothing refuses them all:
   * `InvalidInput` whose field is its position in the list.
   */
  readonly indexesOf: (
    personalNumbers: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyArray<BlindIndex.Digest>, Errors.InvalidInput>
}

export class PersonalData extends Context.Tag("@bashke/case/PersonalData")<PersonalData, Service>() {}

const draft = (access: Access, action: AuditEntry.Action): AuditEntry.Draft => ({
  ...AuditEntry.actor(access.principal),
  mechanismId: access.mechanismId,
  caseId: access.caseId,
  personId: access.personId,
  action,
  ...(access.purpose === undefined ? {} : { purpose: access.purpose }),
  ...(access.breakGlassReason === undefined ? {} : { reason: access.breakGlassReason, breakGlass: true }),
})

/**
 * The service over the case keys, the blind index and the audit log.
 */
export const make: Effect.Effect<Service, never, CaseKeys.CaseKeys | BlindIndex.BlindIndex | AuditLog.AuditLog> =
  Effect.gen(function* () {
    const caseKeys = yield* CaseKeys.CaseKeys
    const index = yield* BlindIndex.BlindIndex
    const audit = yield* AuditLog.AuditLog

    const indexOf: Service["indexOf"] = (personalNumber) => index.compute("personal-number", personalNumber)
    const indexesOf: Service["indexesOf"] = (personalNumbers) => index.computeAll("personal-number", personalNumbers)

    const write: Service["write"] = (access, details) =>
      Effect.gen(function* () {
        // The index first: a personal number that normalizes to nothing is refused
        // before anything is sealed or audited.
        const personalNumberIndex =
          details.personalNumber === undefined ? undefined : yield* indexOf(details.personalNumber)
        const fields: SealedFields = {}
        const keys = yield* caseKeys.forCase(access.caseId)
        for (const field of Person.personalFields) {
          const value = details[field]
          if (value !== undefined) fields[field] = yield* keys.seal(value, aad(access.personId, field))
        }
        yield* audit.append(draft({ ...access, purpose: access.purpose ?? "case-management" }, "write"))
        return { fields, personalNumberIndex }
      }).pipe(Span.untraced("PersonalData.write"))

    const read: Service["read"] = (access, sealed, fields = Person.personalFields, recorded = (append) => append) =>
      Effect.gen(function* () {
        const entry = draft(access, access.breakGlassReason === undefined ? "read" : "break-glass-read")
        // A draft the audit log would refuse (no purpose, a break-glass read
        // without a reason) is refused before anything is opened or written.
        const refused = AuditEntry.check(entry)
        if (Either.isLeft(refused)) return yield* Effect.fail(refused.left)
        // Opened first and recorded after, so the append holds the connection
        // (on SQLite: every other request) for its own statements only, not
        // while WebCrypto works. One field after another: opening them at once
        // (a fiber each) cost more CPU under load than it saved in waiting.
        const details: { -readonly [F in Person.PersonalField]?: string } = {}
        const keys = yield* caseKeys.forCase(access.caseId)
        for (const field of fields) {
          const value = sealed[field]
          // A value that does not open was tampered with or its key is gone: a
          // defect for the operators, never a message with any part of the value.
          if (value !== undefined) details[field] = yield* Effect.orDie(keys.open(value, aad(access.personId, field)))
        }
        yield* recorded(Effect.asVoid(audit.append(entry)))
        return details as Person.PersonalDetails
      }).pipe(Span.untraced("PersonalData.read"))

    return { write, read, indexOf, indexesOf }
  })

export const layer: Layer.Layer<PersonalData, never, CaseKeys.CaseKeys | BlindIndex.BlindIndex | AuditLog.AuditLog> =
  Layer.effect(PersonalData, make)
