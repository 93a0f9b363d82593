/**
 * A route's steps, in order, as one Effect run once per request:
 * authenticate → rate limit → decode → If-Match → idempotency → run → encode.
 * Each step is its own module, tested on its own; this one only orders them
 * and is built once per route, with the route's types (`Route.AnyRoute.open`).
 */
import type { Principal } from "@bashke/kernel"
import { Effect, type Option } from "effect"
import type * as OidcSignIn from "../OidcSignIn"
import type * as RateLimitSettings from "../RateLimit"
import type * as RequestFingerprint from "../RequestFingerprint"
import type * as Route from "../Route"
import type * as SecurityLog from "../SecurityLog"
import type { GatewayServices } from "../Services"
import type * as SessionCookie from "../SessionCookie"
import * as Authenticate from "./Authenticate"
import * as Decode from "./Decode"
import * as Encode from "./Encode"
import * as Idempotency from "./Idempotency"
import * as IfMatch from "./IfMatch"
import * as RateLimit from "./RateLimit"
import { byDomain, byGateway, type Refused } from "./Refused"
import { run } from "./Run"

export interface Settings {
  readonly authenticate: Authenticate.Settings
  readonly rateLimit: RateLimitSettings.Settings
  readonly fingerprint: RequestFingerprint.Fingerprint
  readonly oidcSignIn: Option.Option<OidcSignIn.Client>
  /** Refuse every change (503): the Workers entry while its store is read-only. */
  readonly readOnly: boolean
}

/** A request as the steps read it, whatever the HTTP framework. */
export interface Request {
  /** The path and query as sent (`/v1/cases/…?…`): the idempotency fingerprint covers them. */
  readonly path: string
  readonly search: string
  readonly header: (name: string) => string | undefined
  readonly credentials: Authenticate.Credentials
  readonly sent: Decode.Sent
  readonly upload: Route.Upload | undefined
  readonly cookie: SessionCookie.Service
}

/**
 * What the steps learnt on the way, for the request's log line and security
 * event even when a later step refuses: who called, and the route's own event.
 */
export interface Progress {
  principalId?: string
  raised?: SecurityLog.Kind | undefined
}

/** The encoded answer, and whether it was a stored one (an idempotent retry). */
export interface Answer extends Encode.Encoded {
  readonly replayed: boolean
}

/** A route's pipeline. */
export const make = <P, Q, B, A>(
  route: Route.Route<P, Q, B, A>,
  settings: Settings,
): ((request: Request, progress: Progress) => Effect.Effect<Answer, Refused, GatewayServices>) => {
  const authenticate = Authenticate.authenticate(settings.authenticate)
  const take = RateLimit.take(settings.rateLimit)
  const decode = Decode.decoder(route)
  const encode = Encode.encoder(route)
  const changes = route.method !== "get"
  return (request, progress) =>
    Effect.gen(function* () {
      let principal: Principal.Principal | undefined
      if (route.public !== true) {
        principal = yield* authenticate(request.credentials)
        progress.principalId = principal.id
        yield* take(principal.id)
      }
      if (settings.readOnly && changes) {
        return yield* byGateway({ type: "unavailable", status: 503, rule: "gateway.store.read-only" })
      }
      const decoded = yield* decode(request.sent)
      if (route.bodySchema !== undefined) progress.raised = route.securityEvent?.(decoded.body)
      const expectedVersion = yield* IfMatch.expectedVersion(route.ifMatch === true, request.header("if-match"))
      const key = yield* Idempotency.key(route, request.header("idempotency-key"))
      const scope = Idempotency.scopeOf(principal?.id, route.operationId)
      // An upload's content goes to its handler unread, with the key for the handler to commit.
      const upload = request.upload
      const uploadKey =
        upload === undefined || key === undefined
          ? undefined
          : yield* Effect.promise(() =>
              Idempotency.uploadKey(
                settings.fingerprint,
                { scope, key, request: `${route.method} ${request.path}${request.search}` },
                upload.header,
              ),
            )
      const input: Route.Input<P, Q, B> = {
        path: decoded.path,
        query: decoded.query,
        body: decoded.body,
        expectedVersion,
        ...(upload === undefined ? {} : { content: upload }),
        ...(uploadKey === undefined ? {} : { idempotency: uploadKey }),
      }
      const work = run(route, input, { principal, cookie: request.cookie, oidcSignIn: settings.oidcSignIn })
      const outcome = yield* Idempotency.once(
        settings.fingerprint,
        {
          scope,
          key: upload === undefined ? key : undefined,
          request: `${route.method} ${request.path}\n${decoded.text}`,
        },
        work,
        route.success.schema,
      ).pipe(Effect.mapError((error) => byDomain(error)))
      const encoded = yield* encode(outcome.value, input)
      return { ...encoded, replayed: outcome.replayed }
    })
}
