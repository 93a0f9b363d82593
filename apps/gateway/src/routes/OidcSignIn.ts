/**
 * Signing in at an institution's identity provider, for browsers (ADR 0015):
 * `GET /v1/sign-in/oidc` starts a flow (kept in the store, bound to this
 * browser by a short-lived cookie) and sends the browser to the provider;
 * the provider sends it back to `GET /v1/sign-in/oidc/callback`, where the
 * flow is taken once, the code exchanged, the ID token verified, the claims
 * mapped to a person, and the session cookie set exactly as a password
 * sign-in sets it, before the browser is sent to the web app.
 * `GET /v1/sign-in/methods` tells the sign-in screen whether to offer it.
 *
 * Both are navigations, not the web app's requests: they carry neither
 * `Origin` nor `X-Bashke-Request`, so they are not `credential` routes; the
 * flow cookie, which only this browser holds, is what stops a provider's
 * answer planted elsewhere from signing anyone in.
 */
import { ProviderFlows, ProviderSignIn, SignInThrottle } from "@bashke/identity"
import { Errors } from "@bashke/kernel"
import { Throttle } from "@bashke/persistence"
import { Duration, Effect, Option, Schema } from "effect"
import * as OidcSignIn from "../OidcSignIn"
import * as Route from "../Route"
import { SessionCookie } from "../SessionCookie"

const notConfigured = new Errors.NotFound({ entity: "identity-provider", id: "-" })

const configured = Effect.flatMap(OidcSignIn.OidcSignIn, (client) =>
  Option.match(client, { onNone: () => Effect.fail(notConfigured), onSome: Effect.succeed }),
)

const startScope = "gateway.oidc.start"
/** Flows one client address may start: 20 a minute, in bursts of 20. */
export const startRate: Throttle.Rate = { perMinute: 20, burst: 20 }

const start = Route.make({
  method: "get",
  path: "/v1/sign-in/oidc",
  operationId: "startOidcSignIn",
  tag: "sign-in",
  summary:
    "Sign in at the institution's identity provider: sends the browser there (a 303 to its authorization endpoint)",
  public: true,
  success: { status: 303, schema: Schema.String },
  handle: () =>
    Effect.gen(function* () {
      const client = yield* configured
      const cookie = yield* SessionCookie
      // Each start writes a row for ten minutes: per client address, a person's pace, not a script's.
      const taken = yield* (yield* Throttle.Throttle).take(startScope, cookie.clientAddress, startRate)
      if (!taken.allowed) return yield* Effect.fail(SignInThrottle.throttled(taken.retryAfter))
      const pending = yield* (yield* ProviderFlows.ProviderFlows).start
      yield* cookie.setFlow(pending.browser, Duration.toSeconds(ProviderFlows.lifetime))
      return yield* client.authorizationUrl(pending)
    }),
})

const parameter = Schema.String.pipe(Schema.maxLength(2048))

/** What a provider sends back (OIDC Core §3.1.2.5 and §3.1.2.6, RFC 9207's `iss`). */
const CallbackQuery = Schema.Struct({
  code: Schema.optional(parameter),
  state: Schema.optional(parameter),
  iss: Schema.optional(parameter),
  session_state: Schema.optional(parameter),
  error: Schema.optional(parameter),
  error_description: Schema.optional(parameter),
  error_uri: Schema.optional(parameter),
})

const callback = Route.make({
  method: "get",
  path: OidcSignIn.callbackPath,
  operationId: "finishOidcSignIn",
  tag: "sign-in",
  summary:
    "Where the identity provider sends the browser back: the session cookie is set and the browser sent to the web app (303 to /)",
  public: true,
  querySchema: CallbackQuery,
  success: { status: 303, schema: Schema.String },
  handle: ({ query }) =>
    Effect.gen(function* () {
      const client = yield* configured
      const cookie = yield* SessionCookie
      const unknownFlow = new Errors.Unauthenticated({ rule: "identity.provider.flow-unknown" })
      if (query.state === undefined) return yield* Effect.fail(unknownFlow)
      // RFC 9207: an answer naming another issuer is not from this provider (mix-up).
      if (query.iss !== undefined && query.iss !== client.issuer)
        return yield* Effect.fail(new Errors.Unauthenticated({ rule: "gateway.oidc.issuer" }))
      const flow = yield* (yield* ProviderFlows.ProviderFlows).take(query.state, Option.getOrUndefined(cookie.flow))
      yield* cookie.clearFlow
      if (query.error !== undefined)
        return yield* Effect.fail(new Errors.Unauthenticated({ rule: "gateway.oidc.provider-refused" }))
      if (query.code === undefined)
        return yield* Effect.fail(new Errors.Unauthenticated({ rule: "gateway.oidc.code-refused" }))
      const claims = yield* client.redeem(query.code, flow)
      const signedIn = yield* ProviderSignIn.withProvider(client.mapping, {
        issuer: client.issuer,
        claims,
        previous: cookie.current,
      })
      yield* cookie.set(signedIn.secret, signedIn.maxAge)
      return "/"
    }),
})

/** The sign-in methods beside links and passwords the screen may offer. */
export const SignInMethods = Schema.Struct({
  /** The institution's identity provider, by name; null when not configured. */
  oidc: Schema.NullOr(Schema.Struct({ name: Schema.String, start: Schema.String })),
}).annotations({ identifier: "SignInMethods" })

const methods = Route.make({
  method: "get",
  path: "/v1/sign-in/methods",
  operationId: "getSignInMethods",
  tag: "sign-in",
  summary: "Which sign-in methods the gateway offers besides links and passwords (an identity provider's name)",
  public: true,
  success: { status: 200, schema: SignInMethods },
  handle: () =>
    Effect.map(OidcSignIn.OidcSignIn, (client) => ({
      oidc: Option.match(client, {
        onNone: () => null,
        onSome: (found) => ({ name: found.name, start: "/v1/sign-in/oidc" }),
      }),
    })),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [methods, start, callback]
