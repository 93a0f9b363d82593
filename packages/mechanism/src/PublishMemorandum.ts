/**
 * A new version of the memorandum is published: it takes effect after the
 * latest (`Memorandum.checkNewVersion`) and starts unsigned. The mechanism's
 * new version, the memorandum version and the outbox event are written in one
 * transaction.
 *
 * Fails with `InvalidInput` naming the field, `NotFound` or `Conflict`
 * (`version.stale`, `Memorandum`'s rules).
 */
import { CivilDate, type Errors, Id, Instant } from "@bashke/kernel"
import { Effect, Option, Schema } from "effect"
import { useCase } from "./internal/Input"
import { emit, findMechanism, type Requirements } from "./internal/Steps"
import * as MechanismEvents from "./MechanismEvents"
import { MechanismRepository } from "./MechanismRepository"
import * as Memorandum from "./Memorandum"

/**
 * Input of `publishMemorandum`.
 */
export const PublishMemorandum = Schema.Struct({
  mechanismId: Id.MechanismId,
  effectiveFrom: CivilDate.CivilDate,
  documentHash: Memorandum.DocumentHash,
  expectedSectors: Memorandum.ExpectedSectors,
  expectedVersion: Schema.optional(Schema.Int.pipe(Schema.positive())),
})

export type PublishMemorandum = typeof PublishMemorandum.Encoded

/**
 * Publishes the version and answers it.
 */
export const publish: (
  input: PublishMemorandum,
) => Effect.Effect<
  Memorandum.MemorandumVersion,
  Errors.InvalidInput | Errors.NotFound | Errors.Conflict,
  Requirements
> = useCase({
  span: "MechanismService.publishMemorandum",
  command: PublishMemorandum,
  load: (input) =>
    Effect.gen(function* () {
      const mechanism = yield* findMechanism(input.mechanismId)
      return { mechanism, memoranda: yield* (yield* MechanismRepository).memoranda(mechanism.id) }
    }),
  decide: ({ memoranda }, input) => Memorandum.checkNewVersion(memoranda, input.effectiveFrom),
  write: (_, { mechanism, memoranda }, input) =>
    Effect.gen(function* () {
      const previous = Memorandum.latest(memoranda)
      const version: Memorandum.MemorandumVersion = {
        memorandumId: Option.isSome(previous)
          ? previous.value.memorandumId
          : Id.MemorandumId.make(yield* (yield* Id.IdGenerator).next),
        mechanismId: mechanism.id,
        version: Option.match(previous, { onNone: () => 1, onSome: (v) => v.version + 1 }),
        effectiveFrom: input.effectiveFrom,
        documentHash: input.documentHash,
        expectedSectors: input.expectedSectors,
        publishedAt: yield* Instant.now,
        signatures: [],
      }
      const repository = yield* MechanismRepository
      yield* repository.updateMechanism(mechanism, input.expectedVersion ?? mechanism.version)
      yield* repository.insertMemorandumVersion(version)
      yield* emit(MechanismEvents.topics.memorandumPublished, mechanism.id, {
        mechanismId: mechanism.id,
        memorandumId: version.memorandumId,
        version: version.version,
      })
      return version
    }),
})
