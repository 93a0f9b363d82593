/**
 * An administrator revises a registered institution: its name, sector and
 * municipality, all given again (what is left out of an optional field is
 * cleared). The change needs the version read (`expectedVersion`, from
 * `If-Match`); the revision, its audit entry and its outbox event are written
 * in one transaction, and a refusal writes nothing.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`
 * (`mechanism.institution.administrator-required`), `NotFound` or `Conflict`
 * (`version.stale`).
 */
import { type Errors, Id, Instant, Municipality, Sector, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import { Effect, Schema } from "effect"
import * as Institutions from "./Institutions"
import { decode } from "./internal/Input"
import type { Requirements } from "./RegisterInstitution"

/**
 * The command.
 */
export const ReviseInstitution = Schema.Struct({
  institutionId: Id.InstitutionId,
  expectedVersion: Schema.Int.pipe(Schema.positive()),
  name: Institutions.NameInput,
  sector: Sector.Sector,
  municipality: Schema.optional(Municipality.MunicipalityCode),
})

export type ReviseInstitution = typeof ReviseInstitution.Encoded

/**
 * Revises the institution and answers it with its new version.
 */
export const revise = (
  input: ReviseInstitution,
): Effect.Effect<
  Institutions.RegisteredInstitution,
  Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict,
  Requirements
> =>
  Effect.gen(function* () {
    const command = yield* decode(ReviseInstitution)(input)
    const principal = yield* Institutions.requireAdministrator("mechanism.institution.revise")
    const current = yield* Institutions.find(command.institutionId)
    const { municipality: _municipality, ...kept } = current
    const revised: Institutions.RegisteredInstitution = {
      ...kept,
      name: Institutions.fullName(command.name),
      sector: command.sector,
      ...(command.municipality === undefined ? {} : { municipality: command.municipality }),
      updatedAt: yield* Instant.now,
    }
    const store = yield* Institutions.InstitutionStore
    const audit = yield* AuditLog.AuditLog
    return yield* Transaction.run(
      Effect.gen(function* () {
        const stored = yield* store.update(revised, command.expectedVersion)
        yield* audit
          .append({ ...AuditEntry.actor(principal), action: "write", purpose: "mechanism-administration" })
          .pipe(Effect.orDie)
        yield* Outbox.append({
          topic: Institutions.topics.revised,
          aggregateType: Institutions.aggregateType,
          aggregateId: stored.id,
          payload: { institutionId: stored.id, sector: stored.sector, version: stored.version },
        })
        return stored
      }),
    )
  }).pipe(Span.untraced("ReviseInstitution.revise"))
