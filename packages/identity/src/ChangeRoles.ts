/**
 * Changing a person's roles, as the current principal: allowed when the
 * actor may administer the person as they are (`Grants.mayAdminister`) *and*
 * as they would be — a coordinator gives only roles in their own mechanisms,
 * and cannot leave a person with none (an administrator can). A person out of
 * reach answers exactly as an unknown one (`NotFound`); grants that break a
 * rule (`Grants.check`) are `InvalidInput` naming `grants`. The change is audited
 * with who made it, and every session of the person ends with it
 * (`roles-changed`): the next request signs in again under the new roles.
 */
import { Errors, Principal } from "@bashke/kernel"
import { Effect, Either, Option } from "effect"
import * as Grants from "./Grants"
import { People } from "./People"
import type { PersonId } from "./Person"

/**
 * The person's grants once changed, and the version the next change names.
 */
export interface Changed {
  readonly grants: ReadonlyArray<Grants.Grant>
  readonly version: number
}

/**
 * Replaces the person's grants with `grants` when their stored version is
 * `expectedVersion` (else `Conflict`, `version.stale`).
 */
export const changeRoles = (
  id: PersonId,
  grants: ReadonlyArray<Grants.Grant>,
  expectedVersion: number,
): Effect.Effect<
  Changed,
  Errors.NotFound | Errors.Forbidden | Errors.InvalidInput | Errors.Conflict,
  People | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const actor = yield* Principal.CurrentPrincipal
    const people = yield* People
    const unknown = new Errors.NotFound({ entity: "person", id })
    const person = yield* people.find(id)
    if (Option.isNone(person) || !Grants.mayAdminister(actor, yield* people.grants(id)))
      return yield* Effect.fail(unknown)
    // What was sent breaks a rule of grants: said first, whoever may give them.
    const checked = Grants.check(person.value, grants)
    if (Either.isLeft(checked)) return yield* Effect.fail(checked.left)
    if (!Grants.mayAdminister(actor, grants))
      return yield* Effect.fail(
        new Errors.Forbidden({ action: "people.change-roles", rule: "identity.grants.beyond-reach" }),
      )
    const version = yield* people.setGrants(id, grants, actor.id, expectedVersion)
    if (Option.isNone(version)) return yield* Effect.fail(unknown)
    return { grants: yield* people.grants(id), version: version.value }
  })
