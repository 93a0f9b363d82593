/**
 * The mechanism is activated, suspended or resumed (`MechanismLifecycle`: it
 * activates only with a current coordinator and a signed memorandum). The
 * mechanism's new status and version and the outbox event are written in one
 * transaction.
 *
 * Fails with `InvalidInput` naming the field, `NotFound`, `Conflict`
 * (`version.stale`) or `InvalidTransition`.
 */
import { type Errors, Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import { useCase } from "./internal/Input"
import { emit, findMechanism, type Requirements } from "./internal/Steps"
import type * as Mechanism from "./Mechanism"
import type * as MechanismEvents from "./MechanismEvents"
import * as MechanismLifecycle from "./MechanismLifecycle"
import { MechanismRepository } from "./MechanismRepository"
import * as Mechanisms from "./Mechanisms"
import * as Membership from "./Membership"

/**
 * Input of `activate`, `suspend` and `resume`.
 */
export const ChangeStatus = Schema.Struct({
  mechanismId: Id.MechanismId,
  expectedVersion: Schema.optional(Schema.Int.pipe(Schema.positive())),
})

export type ChangeStatus = typeof ChangeStatus.Encoded

/**
 * The use case of one lifecycle command, announced on `topic`.
 */
export const changeStatus = (
  command: MechanismLifecycle.Command,
  topic: MechanismEvents.Topic,
): ((
  input: ChangeStatus,
) => Effect.Effect<
  Mechanism.Mechanism,
  Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition,
  Requirements
>) =>
  useCase({
    span: `MechanismService.${command}`,
    command: ChangeStatus,
    load: (input) =>
      Effect.gen(function* () {
        const repository = yield* MechanismRepository
        const mechanism = yield* findMechanism(input.mechanismId)
        return {
          today: yield* JurisdictionProfile.today,
          mechanism,
          memberships: yield* repository.memberships(mechanism.id),
          memoranda: yield* repository.memoranda(mechanism.id),
        }
      }),
    decide: ({ today, mechanism, memberships, memoranda }) => {
      const coordinator = memberships.find((m) => m.id === mechanism.coordinator)
      return MechanismLifecycle.transition(mechanism.id, mechanism.status, command, {
        hasCoordinator: coordinator !== undefined && Membership.isCurrent(coordinator, today),
        memorandumSigned: Mechanisms.memberSignatories(memoranda, memberships, today).length > 0,
      })
    },
    write: (status, { mechanism }, input) =>
      Effect.gen(function* () {
        const updated = yield* (yield* MechanismRepository).updateMechanism(
          { ...mechanism, status },
          input.expectedVersion ?? mechanism.version,
        )
        yield* emit(topic, mechanism.id, { mechanismId: mechanism.id })
        return updated
      }),
  })
