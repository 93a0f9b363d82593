/**
 * Signing in: a credential proved (for now, a one-time link) becomes a new
 * session. A session is always new at sign-in — never one the browser already
 * held — so a session id planted before sign-in is worth nothing after it.
 *
 * @since 0.1.0
 */
import type { Errors, Principal } from "@bashke/kernel"
import { Effect, Option } from "effect"
import { People } from "./People"
import type { Session } from "./Session"
import { Sessions } from "./Sessions"
import { SignInLinks } from "./SignInLinks"

/**
 * A new session, its secret (the cookie's value) and the principal it acts as.
 *
 * @since 0.1.0
 */
export interface SignedIn {
  readonly secret: string
  readonly session: Session
  readonly principal: Principal.Principal
  readonly maxAge: number
}

/**
 * Signs in with a one-time link's secret; ends `previous` (the session the
 * browser held, if any) so it cannot be used beside the new one.
 *
 * @since 0.1.0
 */
export const withLink = (
  secret: string,
  previous: Option.Option<string> = Option.none(),
): Effect.Effect<SignedIn, Errors.Unauthenticated, SignInLinks | Sessions | People> =>
  Effect.gen(function* () {
    const person = yield* (yield* SignInLinks).redeem(secret, "sign-in")
    const sessions = yield* Sessions
    if (Option.isSome(previous)) yield* sessions.end(previous.value, "rotated")
    const started = yield* sessions.start(person)
    // Redeem checked the person is active; read the principal as it is now.
    const principal = yield* (yield* People).principal(person).pipe(Effect.map(Option.getOrThrow), Effect.orDie)
    return { ...started, principal }
  })
