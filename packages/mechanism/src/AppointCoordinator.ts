/**
 * A current member is appointed the mechanism's coordinator. The mechanism's
 * new version and the outbox event are written in one transaction.
 *
 * Fails with `InvalidInput` (`mechanism.coordinator.not-member`), `NotFound`
 * (mechanism or membership) or `Conflict` (`version.stale`).
 */
import { Errors, Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect, Either, Schema } from "effect"
import { useCase } from "./internal/Input"
import { emit, findMechanism, findMembership, type Requirements } from "./internal/Steps"
import type * as Mechanism from "./Mechanism"
import * as MechanismEvents from "./MechanismEvents"
import { MechanismRepository } from "./MechanismRepository"
import * as Membership from "./Membership"

/**
 * Input of `appointCoordinator`.
 */
export const AppointCoordinator = Schema.Struct({
  mechanismId: Id.MechanismId,
  membershipId: Id.MembershipId,
  expectedVersion: Schema.optional(Schema.Int.pipe(Schema.positive())),
})

export type AppointCoordinator = typeof AppointCoordinator.Encoded

/**
 * Appoints the coordinator and answers the mechanism with its new version.
 */
export const appoint: (
  input: AppointCoordinator,
) => Effect.Effect<Mechanism.Mechanism, Errors.InvalidInput | Errors.NotFound | Errors.Conflict, Requirements> =
  useCase({
    span: "MechanismService.appointCoordinator",
    command: AppointCoordinator,
    load: (input) =>
      Effect.all({
        today: JurisdictionProfile.today,
        mechanism: findMechanism(input.mechanismId),
        membership: findMembership(input.mechanismId, input.membershipId),
      }),
    decide: ({ today, membership }) =>
      Membership.isCurrent(membership, today)
        ? Either.void
        : Either.left(new Errors.InvalidInput({ field: "membershipId", rule: "mechanism.coordinator.not-member" })),
    write: (_, { mechanism, membership }, input) =>
      Effect.gen(function* () {
        const updated = yield* (yield* MechanismRepository).updateMechanism(
          { ...mechanism, coordinator: membership.id },
          input.expectedVersion ?? mechanism.version,
        )
        yield* emit(MechanismEvents.topics.coordinatorAppointed, mechanism.id, {
          mechanismId: mechanism.id,
          membershipId: membership.id,
        })
        return updated
      }),
  })
