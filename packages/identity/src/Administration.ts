/**
 * Administering people, as the current principal: the permission decision
 * (`Grants.mayAdminister`) and the change in one use case. A person outside
 * the actor's reach answers exactly as an unknown one (`NotFound`), so the
 * refusal says nothing about who exists.
 */
import { Errors, Principal } from "@bashke/kernel"
import { Effect, Option } from "effect"
import * as Grants from "./Grants"
import { People } from "./People"
import type { PersonId } from "./Person"

/**
 * Deactivates a person: every session, token and JWT naming them stops at the
 * next request. Idempotent: an already deactivated person stays so.
 */
export const deactivate = (
  id: PersonId,
): Effect.Effect<{ readonly deactivated: true }, Errors.NotFound, People | Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const actor = yield* Principal.CurrentPrincipal
    const people = yield* People
    const person = yield* people.find(id)
    if (Option.isNone(person) || !Grants.mayAdminister(actor, yield* people.grants(id)))
      return yield* Effect.fail(new Errors.NotFound({ entity: "person", id }))
    yield* people.deactivate(id, actor.id)
    return { deactivated: true } as const
  })
