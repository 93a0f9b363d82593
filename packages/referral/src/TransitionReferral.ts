/**
 * A party moves a referral through its lifecycle (`ReferralLifecycle`): the
 * receiving institution acknowledges, accepts, declines, starts and completes;
 * the sending institution cancels and revokes. The version read guards the
 * step (`If-Match`); the referral's new status and history and the step's
 * outbox event are written in one transaction; a refusal writes nothing.
 *
 * Fails with `InvalidInput` naming the field, `NotFound`, `Conflict`
 * (`version.stale`), `Forbidden` (`referral.actor.no-institution`,
 * `referral.actor.not-sender`, `referral.actor.not-receiver`) or
 * `InvalidTransition`.
 */
import { Errors, type Id, Instant, type Principal } from "@bashke/kernel"
import { OptimisticConcurrency, UseCase } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect, Either } from "effect"
import { actorOf } from "./internal/Actor"
import { emit } from "./internal/Events"
import { decode } from "./internal/Input"
import type * as Referral from "./Referral"
import { transitionTopics } from "./ReferralEvents"
import * as ReferralLifecycle from "./ReferralLifecycle"
import { ReferralRepository } from "./ReferralRepository"

/**
 * What a step needs.
 */
export type Requirements = ReferralRepository | SqlClient.SqlClient | Id.IdGenerator | Principal.CurrentPrincipal

const senderCommands: ReadonlyArray<ReferralLifecycle.CommandTag> = ["Cancel", "Revoke"]

// The sending institution cancels and revokes; the receiving one takes every other step.
const requireParty = (
  referral: Referral.Referral,
  command: ReferralLifecycle.CommandTag,
  actor: Referral.Actor,
): Either.Either<void, Errors.Forbidden> => {
  const party = senderCommands.includes(command) ? referral.from : referral.to
  return actor.institution === party
    ? Either.void
    : Either.left(
        new Errors.Forbidden({
          action: `referral.${command}`,
          rule: party === referral.from ? "referral.actor.not-sender" : "referral.actor.not-receiver",
        }),
      )
}

const pipeline = UseCase.make({
  span: "ReferralService.transition",
  decode: (input: { readonly id: Id.ReferralId; readonly command: unknown; readonly expectedVersion: number }) =>
    Effect.map(decode(ReferralLifecycle.Command)(input.command), (command) => ({ ...input, command })),
  load: ({ id, command }) =>
    Effect.gen(function* () {
      const actor = yield* actorOf(`referral.${command._tag}`)
      const at = yield* Instant.now
      return { actor, at, referral: yield* (yield* ReferralRepository).find(id) }
    }),
  decide: ({ actor, at, referral }, { id, command, expectedVersion }) =>
    Effect.gen(function* () {
      yield* OptimisticConcurrency.requireVersion("Referral", id, expectedVersion, referral.version)
      yield* requireParty(referral, command._tag, actor)
      return yield* ReferralLifecycle.transition(referral, command, actor, at)
    }),
  write: (next, { at }, { id, command, expectedVersion }) =>
    Effect.gen(function* () {
      yield* (yield* ReferralRepository).update(next, expectedVersion)
      const step = next.history[next.history.length - 1]
      yield* emit(transitionTopics[command._tag], "Referral", id, {
        referral: id,
        mechanism: next.mechanism,
        status: next.status,
        at: at.toISOString(),
        ...(step?.code === undefined ? {} : { code: step.code }),
      })
      return next
    }),
})

/**
 * Takes the step and answers the referral with its new version.
 */
export const transition = (
  id: Id.ReferralId,
  command: ReferralLifecycle.CommandInput,
  expectedVersion: number,
): Effect.Effect<
  Referral.Referral,
  Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden | Errors.InvalidTransition,
  Requirements
> => pipeline({ id, command, expectedVersion })
