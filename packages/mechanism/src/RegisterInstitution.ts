/**
 * An administrator registers an institution: its name in the four languages,
 * its sector and its municipality (none for a national institution), under
 * the id the platform already knows it by or a fresh one. The registration,
 * its audit entry (purpose `mechanism-administration`) and its outbox event
 * are written in one transaction; a refusal writes nothing.
 *
 * Fails with `InvalidInput` naming the field (`mechanism.institution.name-invalid`, …),
 * `Forbidden` (`mechanism.institution.administrator-required`) or `Conflict`
 * (`mechanism.institution.already-registered`).
 */
import { type Errors, Id, Instant, Municipality, type Principal, Sector, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import * as Institutions from "./Institutions"
import { decode } from "./internal/Input"

/**
 * The command.
 */
export const RegisterInstitution = Schema.Struct({
  id: Schema.optional(Id.InstitutionId),
  name: Institutions.NameInput,
  sector: Sector.Sector,
  municipality: Schema.optional(Municipality.MunicipalityCode),
})

export type RegisterInstitution = typeof RegisterInstitution.Encoded

/**
 * What registering needs.
 */
export type Requirements =
  | Institutions.InstitutionStore
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Principal.CurrentPrincipal

/**
 * Registers the institution and answers it (version 1).
 */
export const register = (
  input: RegisterInstitution,
): Effect.Effect<
  Institutions.RegisteredInstitution,
  Errors.InvalidInput | Errors.Forbidden | Errors.Conflict,
  Requirements
> =>
  Effect.gen(function* () {
    const command = yield* decode(RegisterInstitution)(input)
    const principal = yield* Institutions.requireAdministrator("mechanism.institution.register")
    const at = yield* Instant.now
    const institution: Institutions.RegisteredInstitution = {
      id: command.id ?? (yield* Id.InstitutionId.generate),
      name: Institutions.fullName(command.name),
      sector: command.sector,
      ...(command.municipality === undefined ? {} : { municipality: command.municipality }),
      version: 1,
      createdAt: at,
      updatedAt: at,
    }
    const store = yield* Institutions.InstitutionStore
    const audit = yield* AuditLog.AuditLog
    yield* Transaction.run(
      Effect.gen(function* () {
        yield* store.insert(institution)
        yield* audit
          .append({ ...AuditEntry.actor(principal), action: "write", purpose: "mechanism-administration" })
          .pipe(Effect.orDie)
        yield* Outbox.append({
          topic: Institutions.topics.registered,
          aggregateType: Institutions.aggregateType,
          aggregateId: institution.id,
          payload: { institutionId: institution.id, sector: institution.sector, version: institution.version },
        })
      }),
    )
    return institution
  }).pipe(Span.untraced("RegisterInstitution.register"))
