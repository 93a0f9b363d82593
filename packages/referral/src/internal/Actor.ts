// Who acts on a referral: a principal of an institution. A principal without
// one (an administrator of the installation) sends, answers and cancels
// nothing, since every step is recorded in an institution's name.
import { Errors, Principal } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Referral from "../Referral"

/** @internal */
export const actorOf = (action: string): Effect.Effect<Referral.Actor, Errors.Forbidden, Principal.CurrentPrincipal> =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    principal.institution === undefined
      ? Effect.fail(new Errors.Forbidden({ action, rule: "referral.actor.no-institution" }))
      : Effect.succeed({ principal: principal.id, institution: principal.institution }),
  )
