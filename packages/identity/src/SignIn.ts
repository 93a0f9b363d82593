/**
 * Signing in: a credential proved (a one-time link, or a password with a
 * second factor) becomes a new session. A session is always new at sign-in — never one the browser already
 * held — so a session id planted before sign-in is worth nothing after it.
 */
import { Errors, type Principal } from "@bashke/kernel"
import type { Throttle } from "@bashke/persistence"
import { BlindIndex } from "@bashke/security"
import { Effect, Option } from "effect"
import { Credentials } from "./Credentials"
import * as Grants from "./Grants"
import * as Password from "./Password"
import { People } from "./People"
import type { Session } from "./Session"
import { Sessions } from "./Sessions"
import { SignInLinks } from "./SignInLinks"
import * as SignInThrottle from "./SignInThrottle"

/**
 * A new session, its secret (the cookie's value) and the principal it acts as.
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

/**
 * What one failed password sign-in costs, per account and per client address
 * (`SignInThrottle.backoff`, which passkey sign-ins share).
 */
export const passwordBackoff: Throttle.Backoff = SignInThrottle.backoff

/**
 * What a password sign-in sends: the email, the password, and the second
 * factor's code (a TOTP code or a recovery code) when the person has one.
 */
export interface PasswordAttempt {
  readonly email: string
  readonly password: string
  readonly code?: string | undefined
  /** Where the request came from, for the per-address throttle. */
  readonly address: string
  /** The session the browser held, ended by the new one. */
  readonly previous?: Option.Option<string>
}

const failed = new Errors.Unauthenticated({ rule: "identity.sign-in.failed" })

/**
 * Signs in with a password and, for every role that needs one
 * (`Grants.needsSecondFactor`) or whoever enrolled one, a second factor.
 * An unknown email and a wrong password answer alike
 * (`identity.sign-in.failed`) and cost the same (one argon2id verification
 * each, against a decoy hash for nobody); both are counted by the throttles
 * of the account (keyed by the email's blind index, so unknown addresses
 * too) and of the address, which refuse further tries while their backoff
 * runs (`Throttled`: `identity.sign-in.throttled`, with the seconds to wait).
 */
export const withPassword = (
  attempt: PasswordAttempt,
): Effect.Effect<
  SignedIn,
  Errors.Unauthenticated | Errors.Throttled,
  People | Credentials | Sessions | Throttle.Throttle | BlindIndex.BlindIndex
> =>
  Effect.gen(function* () {
    const account = yield* (yield* BlindIndex.BlindIndex)
      .compute("email", attempt.email)
      .pipe(Effect.orElseSucceed(() => "empty"))
    const keys = [["identity.sign-in.account", account], SignInThrottle.addressKey(attempt.address)] as const
    return yield* SignInThrottle.guard(keys, (fail) =>
      Effect.gen(function* () {
        const people = yield* People
        const credentials = yield* Credentials
        const person = yield* people.findByEmail(attempt.email)
        const stored = Option.isSome(person) ? yield* credentials.passwordHash(person.value.id) : Option.none()
        const matches = yield* Password.verify(
          attempt.password,
          Option.isSome(stored) ? stored.value : yield* Password.decoyHash,
        )
        const principal = Option.isSome(person) && matches ? yield* people.principal(person.value.id) : Option.none()
        if (Option.isNone(person) || Option.isNone(principal)) return yield* fail(failed)

        const id = person.value.id
        const enrolled = yield* credentials.hasSecondFactor(id)
        if (Grants.needsSecondFactor(principal.value) || enrolled) {
          if (!enrolled)
            return yield* Effect.fail(new Errors.Unauthenticated({ rule: "identity.second-factor.not-enrolled" }))
          if (attempt.code === undefined || attempt.code.trim() === "")
            return yield* Effect.fail(new Errors.Unauthenticated({ rule: "identity.second-factor.required" }))
          if (!(yield* credentials.proveSecondFactor(id, attempt.code)))
            return yield* fail(new Errors.Unauthenticated({ rule: "identity.second-factor.invalid" }))
        }
        const sessions = yield* Sessions
        if (attempt.previous !== undefined && Option.isSome(attempt.previous))
          yield* sessions.end(attempt.previous.value, "rotated")
        return { ...(yield* sessions.start(id)), principal: principal.value }
      }),
    )
  })
