/**
 * The pipeline's call: the route's handler with what it may ask for beside
 * the services — the principal (on routes that need one), the request's
 * session cookie, and the identity provider browsers sign in at.
 */
import { Principal } from "@bashke/kernel"
import { Effect, Context as EffectContext, type Option } from "effect"
import * as OidcSignIn from "../OidcSignIn"
import type * as Route from "../Route"
import type { GatewayServices } from "../Services"
import * as SessionCookie from "../SessionCookie"

/** What a request brings the handler besides its input. */
export interface Context {
  readonly principal: Principal.Principal | undefined
  readonly cookie: SessionCookie.Service
  readonly oidcSignIn: Option.Option<OidcSignIn.Client>
}

/** The handler's answer, its requirements met but the services. */
export const run = <P, Q, B, A>(
  route: Route.Route<P, Q, B, A>,
  input: Route.Input<P, Q, B>,
  context: Context,
): Effect.Effect<A, Route.Failure, GatewayServices> => {
  // One context for the three (each provided alone copied the whole services' context once more).
  const request = EffectContext.make(SessionCookie.SessionCookie, context.cookie).pipe(
    EffectContext.add(OidcSignIn.OidcSignIn, context.oidcSignIn),
  )
  // A public route's handler asks for no principal; one that did would die here, as it always has.
  const provided =
    context.principal === undefined
      ? request
      : EffectContext.add(request, Principal.CurrentPrincipal, context.principal)
  return Effect.provide(route.handle(input), provided) as Effect.Effect<A, Route.Failure, GatewayServices>
}
