/**
 * A member institution leaves the mechanism (from `leftOn`, the first day it
 * is no longer a member; today by default). The coordinator's membership
 * cannot end, nor one that ended already, nor before it began. The
 * mechanism's new version, the membership's end and the outbox event are
 * written in one transaction.
 *
 * Fails with `InvalidInput` (`mechanism.membership.left-before-joined`, …),
 * `NotFound` or `Conflict` (`mechanism.membership.already-left`,
 * `mechanism.coordinator.cannot-leave`, `version.stale`).
 */
import { CivilDate, Errors, Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect, Either, Schema } from "effect"
import { useCase } from "./internal/Input"
import { emit, findMechanism, findMembership, type Requirements } from "./internal/Steps"
import * as MechanismEvents from "./MechanismEvents"
import { MechanismRepository } from "./MechanismRepository"
import type * as Membership from "./Membership"

/**
 * Input of `removeMember`. `leftOn` (the first day it is no longer a member)
 * defaults to today.
 */
export const RemoveMember = Schema.Struct({
  mechanismId: Id.MechanismId,
  membershipId: Id.MembershipId,
  leftOn: Schema.optional(CivilDate.CivilDate),
  expectedVersion: Schema.optional(Schema.Int.pipe(Schema.positive())),
})

export type RemoveMember = typeof RemoveMember.Encoded

/**
 * Ends the membership and answers it.
 */
export const remove: (
  input: RemoveMember,
) => Effect.Effect<Membership.Membership, Errors.InvalidInput | Errors.NotFound | Errors.Conflict, Requirements> =
  useCase({
    span: "MechanismService.removeMember",
    command: RemoveMember,
    load: (input) =>
      Effect.gen(function* () {
        const leftOn = input.leftOn ?? (yield* JurisdictionProfile.today)
        const mechanism = yield* findMechanism(input.mechanismId)
        return { leftOn, mechanism, membership: yield* findMembership(mechanism.id, input.membershipId) }
      }),
    decide: ({ leftOn, mechanism, membership }): Either.Either<void, Errors.Conflict | Errors.InvalidInput> =>
      membership.leftOn !== undefined
        ? Either.left(
            new Errors.Conflict({ entity: "Membership", id: membership.id, rule: "mechanism.membership.already-left" }),
          )
        : leftOn < membership.joinedOn
          ? Either.left(new Errors.InvalidInput({ field: "leftOn", rule: "mechanism.membership.left-before-joined" }))
          : mechanism.coordinator === membership.id
            ? Either.left(
                new Errors.Conflict({
                  entity: "Mechanism",
                  id: mechanism.id,
                  rule: "mechanism.coordinator.cannot-leave",
                }),
              )
            : Either.void,
    write: (_, { leftOn, mechanism, membership }, input) =>
      Effect.gen(function* () {
        const repository = yield* MechanismRepository
        yield* repository.updateMechanism(mechanism, input.expectedVersion ?? mechanism.version)
        yield* repository.endMembership(membership.id, leftOn)
        yield* emit(MechanismEvents.topics.membershipRemoved, mechanism.id, {
          mechanismId: mechanism.id,
          membershipId: membership.id,
          institutionId: membership.institutionId,
        })
        return { ...membership, leftOn }
      }),
  })
