/**
 * Signing out everywhere: every session of the caller ends
 * (`signed-out-elsewhere`), this request's too — for a person who lost a
 * device or left a browser signed in. API tokens are not sessions: they are
 * revoked apart.
 */
import { Principal } from "@bashke/kernel"
import { Effect } from "effect"
import type { PersonId } from "./Person"
import { Sessions } from "./Sessions"

/**
 * Ends every open session of the caller; how many there were.
 */
export const signOutEverywhere: Effect.Effect<
  { readonly ended: number },
  never,
  Sessions | Principal.CurrentPrincipal
> = Effect.gen(function* () {
  const principal = yield* Principal.CurrentPrincipal
  const ended = yield* (yield* Sessions).endAll(principal.id as PersonId, "signed-out-elsewhere")
  return { ended }
})
