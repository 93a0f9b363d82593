/**
 * The coordinator (or an administrator) countersigns a member institution's
 * signature of a memorandum version: from the countersigning day the
 * institution counts as a signatory, and its people see the mechanism's case
 * data. Until then a recorded signature opens nothing, so no member makes its
 * own institution a signatory.
 *
 * One transaction: the mechanism's version moves by one (optimistic
 * concurrency: pass `expectedVersion` from an `If-Match`), the countersignature
 * row, and the `mechanism.memorandum.countersigned` outbox event. A refused
 * command writes nothing.
 */
import { CivilDate, type Errors, Id, Instant, JurisdictionProfile, Principal } from "@bashke/kernel"
import type { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import { useCase } from "./internal/Input"
import { emit, findMechanism } from "./internal/Steps"
import * as MechanismEvents from "./MechanismEvents"
import * as MechanismPolicy from "./MechanismPolicy"
import { MechanismRepository } from "./MechanismRepository"
import * as Memorandum from "./Memorandum"

/**
 * Input of the countersignature: whose signature of which version, and the
 * day (today by default).
 */
export const CountersignMemorandum = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: Schema.Int.pipe(Schema.positive()),
  institutionId: Id.InstitutionId,
  countersignedOn: Schema.optional(CivilDate.CivilDate),
  expectedVersion: Schema.optional(Schema.Int.pipe(Schema.positive())),
})

export type CountersignMemorandum = typeof CountersignMemorandum.Encoded

/**
 * What the use case needs.
 */
export type Requirements = MechanismRepository | SqlClient.SqlClient | Id.IdGenerator | Principal.CurrentPrincipal

const pipeline = useCase({
  span: "MechanismService.countersignMemorandum",
  command: CountersignMemorandum,
  load: (input) =>
    Effect.gen(function* () {
      // Who may countersign is decided before anything is read.
      const principal = yield* MechanismPolicy.requireCountersigner(
        yield* Principal.CurrentPrincipal,
        input.mechanismId,
      )
      const today = yield* JurisdictionProfile.today
      const recordedAt = yield* Instant.now
      const mechanism = yield* findMechanism(input.mechanismId)
      const countersignature: Memorandum.Countersignature = {
        countersignedOn: input.countersignedOn ?? today,
        countersignedBy: principal.id,
      }
      return {
        today,
        recordedAt,
        countersignature,
        mechanism,
        memoranda: yield* (yield* MechanismRepository).memoranda(mechanism.id),
      }
    }),
  decide: ({ today, countersignature, memoranda }, input) =>
    Memorandum.checkCountersignature({
      memoranda,
      memorandumId: input.memorandumId,
      version: input.version,
      institutionId: input.institutionId,
      countersignature,
      today,
    }),
  write: ({ version, signature }, { recordedAt, countersignature, mechanism }, input) =>
    Effect.gen(function* () {
      const repository = yield* MechanismRepository
      yield* repository.updateMechanism(mechanism, input.expectedVersion ?? mechanism.version)
      yield* repository.insertCountersignature(
        version.memorandumId,
        version.version,
        input.institutionId,
        countersignature,
        recordedAt,
      )
      yield* emit(MechanismEvents.topics.memorandumCountersigned, mechanism.id, {
        mechanismId: mechanism.id,
        memorandumId: version.memorandumId,
        version: version.version,
        institutionId: input.institutionId,
        countersignedOn: countersignature.countersignedOn,
        countersignedBy: countersignature.countersignedBy,
      })
      return {
        ...version,
        signatures: version.signatures.map((each) =>
          each.institutionId === signature.institutionId ? signature : each,
        ),
      }
    }),
})

/**
 * Countersigns, and answers with the version as it now stands.
 *
 * Fails with `Forbidden` (`mechanism.memorandum.countersigner-required`),
 * `NotFound` (mechanism, version or signature), `InvalidInput`
 * (`mechanism.memorandum.countersigned-in-future`,
 * `mechanism.memorandum.countersigned-before-signed`) or `Conflict`
 * (`mechanism.memorandum.already-countersigned`, `version.stale`).
 */
export const countersign: (
  raw: CountersignMemorandum,
) => Effect.Effect<
  Memorandum.MemorandumVersion,
  Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden,
  Requirements
> = pipeline
