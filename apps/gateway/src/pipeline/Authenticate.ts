/**
 * The pipeline's first step: who is calling. A bearer credential (an API
 * token or an OIDC JWT) or a browser's session cookie resolves to a
 * principal. Failed attempts are counted against the client's address, which
 * is refused outright while it waits out its backoff (ADR 0007); a
 * deactivated person's token stops at once (read, never cached).
 */
import { People, Sessions } from "@bashke/identity"
import { Errors, type Principal } from "@bashke/kernel"
import type { Throttle } from "@bashke/persistence"
import { Effect, Either, Option } from "effect"
import { type Oidc, authenticate as resolveBearer } from "../Authentication"
import { RequestThrottle } from "../RequestThrottle"
import type { GatewayServices } from "../Services"
import { byDomain, byGateway, Refused } from "./Refused"

/** The throttle's scope for failed authentications, per client address. */
export const scope = "gateway.auth.address"

/** What a request presents. `sessionSecret` counts only when no `Authorization` header is sent. */
export interface Credentials {
  readonly authorization: string | undefined
  readonly sessionSecret: string | undefined
  /** The client's address (`unknown` when the runtime does not tell it). */
  readonly address: string
}

export interface Settings {
  readonly oidc?: Oidc
  readonly backoff: Throttle.Backoff
}

/** Whether a request is a browser's, by its cookie: no `Authorization` header, a session cookie. */
export const byCookie = (credentials: Credentials): boolean =>
  credentials.authorization === undefined && credentials.sessionSecret !== undefined

const resolve = (
  settings: Settings,
  credentials: Credentials,
): Effect.Effect<Principal.Principal, Errors.Unauthenticated, GatewayServices> =>
  byCookie(credentials)
    ? Effect.flatMap(Sessions.Sessions, (sessions) => sessions.resolve(credentials.sessionSecret as string)).pipe(
        Effect.flatMap(
          Option.match({
            onNone: () => Effect.fail(new Errors.Unauthenticated({ rule: "gateway.session.unknown" })),
            onSome: (resolved) => Effect.succeed(resolved.principal),
          }),
        ),
      )
    : resolveBearer(settings.oidc, credentials.authorization).pipe(
        Effect.tap((found) =>
          Effect.flatMap(People.People, (people) => people.isDeactivated(found.id)).pipe(
            Effect.flatMap((deactivated) =>
              deactivated
                ? Effect.fail(new Errors.Unauthenticated({ rule: "gateway.principal.deactivated" }))
                : Effect.void,
            ),
          ),
        ),
      )

/**
 * The request's principal, or a refusal: 429 while the address waits out its
 * backoff, 401 for a credential that does not hold (a session's cookie is then
 * forgotten).
 */
export const authenticate =
  (settings: Settings) =>
  (credentials: Credentials): Effect.Effect<Principal.Principal, Refused, GatewayServices> =>
    Effect.gen(function* () {
      const throttle = yield* RequestThrottle
      const standing = yield* throttle.standing(scope, credentials.address)
      if (!standing.allowed) {
        return yield* byGateway(
          { type: "rate-limited", status: 429, rule: "gateway.auth.throttled" },
          { "retry-after": String(standing.retryAfter) },
        )
      }
      const who = yield* Effect.either(resolve(settings, credentials))
      if (Either.isLeft(who)) {
        yield* throttle.fail(scope, credentials.address, settings.backoff)
        return yield* byCookie(credentials) ? new Refused({ error: who.left, forgetSession: true }) : byDomain(who.left)
      }
      return who.right
    })
