/**
 * The mechanism's cadence and quorum change (a cadence below the
 * jurisdiction profile's minimum is refused). The mechanism's new version and
 * the outbox event are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field, `NotFound` or `Conflict`
 * (`version.stale`).
 */
import { Errors, Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect, Either, Schema } from "effect"
import { useCase } from "./internal/Input"
import { emit, findMechanism, type Requirements } from "./internal/Steps"
import * as Mechanism from "./Mechanism"
import * as MechanismEvents from "./MechanismEvents"
import { MechanismRepository } from "./MechanismRepository"

/**
 * Input of `configure`: the fields to change.
 */
export const ConfigureMechanism = Schema.Struct({
  mechanismId: Id.MechanismId,
  minimumMeetingsPerYear: Schema.optional(Mechanism.MeetingsPerYear),
  quorum: Schema.optional(JurisdictionProfile.Quorum),
  expectedVersion: Schema.optional(Schema.Int.pipe(Schema.positive())),
})

export type ConfigureMechanism = typeof ConfigureMechanism.Encoded

/**
 * Configures the mechanism and answers it with its new version.
 */
export const configure: (
  input: ConfigureMechanism,
) => Effect.Effect<Mechanism.Mechanism, Errors.InvalidInput | Errors.NotFound | Errors.Conflict, Requirements> =
  useCase({
    span: "MechanismService.configure",
    command: ConfigureMechanism,
    load: (input) =>
      Effect.all({ profile: JurisdictionProfile.CurrentJurisdiction, mechanism: findMechanism(input.mechanismId) }),
    decide: ({ profile }, input) =>
      input.minimumMeetingsPerYear !== undefined && input.minimumMeetingsPerYear < profile.meetings.minimumPerYear.value
        ? Either.left(
            new Errors.InvalidInput({ field: "minimumMeetingsPerYear", rule: "mechanism.cadence.below-minimum" }),
          )
        : Either.void,
    write: (_, { mechanism }, input) =>
      Effect.gen(function* () {
        const updated = yield* (yield* MechanismRepository).updateMechanism(
          {
            ...mechanism,
            minimumMeetingsPerYear: input.minimumMeetingsPerYear ?? mechanism.minimumMeetingsPerYear,
            quorum: input.quorum ?? mechanism.quorum,
          },
          input.expectedVersion ?? mechanism.version,
        )
        yield* emit(MechanismEvents.topics.configured, mechanism.id, { mechanismId: mechanism.id })
        return updated
      }),
  })
