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
import { CivilDate, Errors, Id, Instant, JurisdictionProfile, Principal, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect, Option, Schema } from "effect"
import { decode } from "./internal/Input"
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

/**
 * Countersigns, and answers with the version as it now stands.
 *
 * Fails with `Forbidden` (`mechanism.memorandum.countersigner-required`),
 * `NotFound` (mechanism, version or signature), `InvalidInput`
 * (`mechanism.memorandum.countersigned-in-future`,
 * `mechanism.memorandum.countersigned-before-signed`) or `Conflict`
 * (`mechanism.memorandum.already-countersigned`, `version.stale`).
 */
export const countersign = (
  raw: CountersignMemorandum,
): Effect.Effect<
  Memorandum.MemorandumVersion,
  Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden,
  Requirements
> =>
  Effect.gen(function* () {
    const input = yield* decode(CountersignMemorandum)(raw)
    const principal = yield* Principal.CurrentPrincipal
    yield* MechanismPolicy.requireCountersigner(principal, input.mechanismId)
    const repository = yield* MechanismRepository
    const today = yield* JurisdictionProfile.today
    const recordedAt = yield* Instant.now
    const countersignature: Memorandum.Countersignature = {
      countersignedOn: input.countersignedOn ?? today,
      countersignedBy: principal.id,
    }
    return yield* Transaction.run(
      Effect.gen(function* () {
        const mechanism = yield* Effect.flatMap(
          repository.findMechanism(input.mechanismId),
          Option.match({
            onNone: () => Effect.fail(new Errors.NotFound({ entity: "Mechanism", id: input.mechanismId })),
            onSome: Effect.succeed,
          }),
        )
        const memoranda = yield* repository.memoranda(mechanism.id)
        const { version, signature } = yield* Memorandum.checkCountersignature({
          memoranda,
          memorandumId: input.memorandumId,
          version: input.version,
          institutionId: input.institutionId,
          countersignature,
          today,
        })
        yield* repository.updateMechanism(mechanism, input.expectedVersion ?? mechanism.version)
        yield* repository.insertCountersignature(
          version.memorandumId,
          version.version,
          input.institutionId,
          countersignature,
          recordedAt,
        )
        yield* Outbox.append({
          topic: MechanismEvents.topics.memorandumCountersigned,
          aggregateType: MechanismEvents.aggregateType,
          aggregateId: mechanism.id,
          payload: {
            mechanismId: mechanism.id,
            memorandumId: version.memorandumId,
            version: version.version,
            institutionId: input.institutionId,
            countersignedOn: countersignature.countersignedOn,
            countersignedBy: countersignature.countersignedBy,
          },
        })
        return {
          ...version,
          signatures: version.signatures.map((each) =>
            each.institutionId === signature.institutionId ? signature : each,
          ),
        }
      }),
    )
  }).pipe(Span.untraced("MechanismService.countersignMemorandum"))
