/**
 * The caller's own sessions that hold now, the latest first, the one this
 * request came with marked — so a person sees where else they are signed in.
 * A caller who is no person (a connector's token) has none.
 */
import { Principal } from "@bashke/kernel"
import { Effect, Option } from "effect"
import type { PersonId } from "./Person"
import type { Session, SessionId } from "./Session"
import { Sessions } from "./Sessions"

/**
 * A session as its owner sees it.
 */
export interface Mine extends Session {
  /** Whether this request came with this session. */
  readonly current: boolean
}

/**
 * The caller's open sessions; `current` is the session of this request, if
 * it came with one.
 */
export const mySessions = (
  current: Option.Option<SessionId>,
): Effect.Effect<ReadonlyArray<Mine>, never, Sessions | Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const open = yield* (yield* Sessions).openOf(principal.id as PersonId)
    return open.map((session) => ({
      ...session,
      current: Option.isSome(current) && current.value === session.id,
    }))
  })
