/**
 * A mechanism is created in a municipality, forming, with its cadence and
 * quorum (the jurisdiction profile's unless given; a cadence below the
 * profile's minimum is refused). The mechanism and its outbox event are
 * written in one transaction.
 *
 * Fails with `InvalidInput` naming the field (`mechanism.cadence.below-minimum`, …)
 * or `Conflict`.
 */
import { Errors, Id, Instant, JurisdictionProfile, Municipality } from "@bashke/kernel"
import { Effect, Either, Schema } from "effect"
import { useCase } from "./internal/Input"
import { emit, type Requirements } from "./internal/Steps"
import * as Mechanism from "./Mechanism"
import * as MechanismEvents from "./MechanismEvents"
import { MechanismRepository } from "./MechanismRepository"

/**
 * Input of `create`. Cadence and quorum default to the jurisdiction profile's.
 */
export const CreateMechanism = Schema.Struct({
  municipality: Municipality.MunicipalityCode,
  name: Mechanism.Name,
  minimumMeetingsPerYear: Schema.optional(Mechanism.MeetingsPerYear),
  quorum: Schema.optional(JurisdictionProfile.Quorum),
})

export type CreateMechanism = typeof CreateMechanism.Encoded

/**
 * Creates the mechanism and answers it (version 1).
 */
export const create: (
  input: CreateMechanism,
) => Effect.Effect<Mechanism.Mechanism, Errors.InvalidInput | Errors.Conflict, Requirements> = useCase({
  span: "MechanismService.create",
  command: CreateMechanism,
  load: () => JurisdictionProfile.CurrentJurisdiction,
  decide: (profile, input) => {
    const minimum = profile.meetings.minimumPerYear.value
    const minimumMeetingsPerYear = input.minimumMeetingsPerYear ?? minimum
    return minimumMeetingsPerYear < minimum
      ? Either.left(
          new Errors.InvalidInput({ field: "minimumMeetingsPerYear", rule: "mechanism.cadence.below-minimum" }),
        )
      : Either.right({ minimumMeetingsPerYear, quorum: input.quorum ?? profile.meetings.quorum.value })
  },
  write: (settings, _, input) =>
    Effect.gen(function* () {
      const mechanism: Mechanism.Mechanism = {
        id: Id.MechanismId.make(yield* (yield* Id.IdGenerator).next),
        municipality: input.municipality,
        name: input.name,
        status: "forming",
        ...settings,
        version: 1,
        createdAt: yield* Instant.now,
      }
      yield* (yield* MechanismRepository).insertMechanism(mechanism)
      yield* emit(MechanismEvents.topics.created, mechanism.id, { mechanismId: mechanism.id })
      return mechanism
    }),
})
