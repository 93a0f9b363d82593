/**
 * The Hono application, built from route descriptions and a way to run
 * Effects. The same factory serves the Node entry, the Workers entry and the
 * tests; only the runner (the layers behind it) differs.
 *
 * Each request goes: request id → secure headers → CORS → body limit →
 * the client address's standing (429 while it waits out a backoff after failed
 * authentications) → authentication (each failure counted) → rate limit per
 * principal → decode path, query, body (unknown fields
 * refused) → If-Match (428 without it on a versioned change) → the handler,
 * inside an idempotency key's transaction on every POST → encode with the
 * route's schema, with `ETag` for versioned answers. Every refusal is an RFC
 * 9457 problem; no value from the request is echoed, so none can leak.
 */

import { People, Sessions } from "@bashke/identity"
import { Errors, JurisdictionProfile, Locale, Principal } from "@bashke/kernel"
import { Idempotency, OptimisticConcurrency, Throttle } from "@bashke/persistence"
import { Cause, Effect, Either, Exit, Option, Schema, Stream } from "effect"
import { type Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { cors } from "hono/cors"
import { requestId } from "hono/request-id"
import { secureHeaders } from "hono/secure-headers"
import * as ApiDocs from "./ApiDocs"
import { authenticate, type Oidc } from "./Authentication"
import * as ContentDisposition from "./ContentDisposition"
import * as OidcSignIn from "./OidcSignIn"
import * as OpenApi from "./OpenApi"
import * as Problem from "./Problem"
import * as RateLimit from "./RateLimit"
import type * as RequestFingerprint from "./RequestFingerprint"
import * as RequestInput from "./RequestInput"
import type * as Route from "./Route"
import * as SecurityLog from "./SecurityLog"
import type { GatewayServices } from "./Services"
import * as SessionCookie from "./SessionCookie"
import * as TransferMemory from "./TransferMemory"
import * as WebApp from "./WebApp"

/** Runs an Effect over the gateway's services (a `ManagedRuntime`'s `runPromiseExit`). */
export type Runner = <A, E>(effect: Effect.Effect<A, E, GatewayServices>) => Promise<Exit.Exit<A, E>>

/** One line per request: no URL (ids only in `route`), no body, no credential. */
export interface RequestLogLine {
  readonly requestId: string
  readonly method: string
  readonly route: string
  readonly status: number
  readonly ms: number
  readonly principal?: string
  readonly problem?: string
  readonly defect?: string
}

export interface Options {
  readonly run: Runner
  /** Keys the idempotency fingerprints (see `RequestFingerprint`). */
  readonly fingerprint: RequestFingerprint.Fingerprint
  readonly routes: ReadonlyArray<Route.AnyRoute>
  readonly oidc?: Oidc
  /** Browsers' sign-in at the identity provider (`OidcSignIn.make`); none: the routes answer 404. */
  readonly oidcSignIn?: OidcSignIn.Client
  /** Origins allowed by CORS; none by default. */
  readonly corsOrigins?: ReadonlyArray<string>
  /**
   * The origin people's browsers reach the gateway at (`BASHKE_PUBLIC_ORIGIN`),
   * when a proxy in front makes it differ from the request's own.
   */
  readonly publicOrigin?: string
  /** Largest accepted body in bytes; 1 MiB by default. */
  readonly bodyLimit?: number
  readonly rateLimit?: RateLimit.Settings
  /**
   * The address a request came from, for throttling failed authentication (the
   * socket's peer on Node, `CF-Connecting-IP` on Workers). Requests whose
   * address is unknown share one key.
   */
  readonly clientAddress?: (c: Context) => string | undefined
  /** How failed authentications from one address are paid for; `Throttle.defaultBackoff` by default. */
  readonly authBackoff?: Throttle.Backoff
  readonly log?: (line: RequestLogLine) => void
  /** Where security events go (`SecurityLog`); by default Effect's logger, on the `security` channel. */
  readonly securityLog?: (event: SecurityLog.SecurityEvent) => void
  /** The default language of answers when `Accept-Language` names none we have. */
  readonly defaultLocale?: Locale.Locale
  /** Answer 503 to every change (the Workers entry while its store is read-only). */
  readonly readOnly?: boolean
  /** `/health`: extra checks (plugins), each `ok` or `degraded`. */
  readonly health?: () => Promise<Record<string, "ok" | "degraded">>
  /**
   * Plugin webhooks: every request under `/v1/plugins/` that no route of the
   * table answers goes to the plugin host, which checks its signature.
   */
  readonly plugins?: { readonly dispatch: (request: Request) => Promise<Response> }
  /** The web app's build, served at `/` (`WebApp`); none: the gateway answers the API only. */
  readonly web?: WebApp.WebFiles
  /** Swagger UI's files for `/docs` (`SwaggerUiFiles` on Node); none: `/docs` lists the operations itself. */
  readonly docs?: ApiDocs.DocsAssets
  /** Told of every piece of an uploaded or downloaded file (`NodeTransferMemory` on Node); unmanaged by default. */
  readonly transferMemory?: TransferMemory.TransferMemory
}

type Env = { Variables: { requestId: string; principal?: Principal.Principal } }

const defaultBodyLimit = 1024 * 1024
// Answers that are not pages (the API's JSON, CSV, iCalendar, problems) may load
// nothing and be framed by nobody; pages (the docs, the web app) set their own.
const dataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
// The throttle's scopes: failed authentications per client address, requests per principal.
const authScope = "gateway.auth.address"
const rateScope = "gateway.rate.principal"
const problemHeaders = { "content-type": Problem.contentType }
const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/
// Deeper than any route's schema nests. A deeper body is refused before it is
// decoded: describing a decode failure walks the value recursively, and a body
// of 20,000 nested arrays overflowed the stack into a 500.
const maxBodyDepth = 64

const deeperThan = (value: unknown, limit: number): boolean => {
  const pending: Array<readonly [unknown, number]> = [[value, 0]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next
    if (node === null || typeof node !== "object") continue
    if (depth >= limit) return true
    for (const child of Object.values(node)) pending.push([child, depth + 1])
  }
  return false
}

const queryOf = (c: Context<Env>): Record<string, string | ReadonlyArray<string>> => {
  const out: Record<string, string | ReadonlyArray<string>> = {}
  for (const [key, values] of Object.entries(c.req.queries())) {
    out[key] = values.length === 1 ? (values[0] as string) : values
  }
  return out
}

const isDomainError: (error: unknown) => error is Errors.DomainError = Schema.is(Errors.DomainError)

// Where a browser's passkeys are bound: the page's origin when it is one of the
// gateway's own (its public origin, or the address it was reached at, e.g.
// `localhost` beside a public `127.0.0.1`), else the public origin. Never a
// CORS origin: that is another site.
const passkeyOrigin = (browser: string | undefined, url: URL, publicOrigin: string | undefined): string =>
  browser !== undefined && (browser === url.origin || browser === publicOrigin) ? browser : (publicOrigin ?? url.origin)

/** A path pattern (`/v1/cases/:caseId`) as a RegExp, to tell 404 from 405. */
const patternOf = (path: string): RegExp =>
  new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z]+/g, "[^/]+")}/?$`)

export const make = (options: Options): Hono<Env> => {
  const app = new Hono<Env>()
  const memory = options.transferMemory ?? TransferMemory.unmanaged
  const rate = options.rateLimit ?? RateLimit.defaults
  const authBackoff = options.authBackoff ?? Throttle.defaultBackoff
  const fallbackLocale = options.defaultLocale ?? JurisdictionProfile.kosovo.languages.defaultLocale
  const log = options.log ?? (() => {})
  const security =
    options.securityLog ?? ((event: SecurityLog.SecurityEvent) => void options.run(SecurityLog.record(event)))
  const oidcSignIn = Option.fromNullable(options.oidcSignIn)
  const patterns = options.routes.map((route) => ({ method: route.method, pattern: patternOf(route.path) }))

  const localeOf = (c: Context<Env>) => Locale.fromAcceptLanguage(c.req.header("accept-language"), fallbackLocale)

  const problem = (c: Context<Env>, body: Problem.ProblemBody, extra: Record<string, string> = {}) =>
    c.body(JSON.stringify(body), body.status as 400, { ...problemHeaders, ...extra })

  const gatewayProblem = (c: Context<Env>, refusal: Problem.GatewayProblem, extra?: Record<string, string>) =>
    problem(c, Problem.fromGatewayProblem(refusal, localeOf(c), c.get("requestId")), extra)

  app.use("*", requestId({ headerName: "Request-Id" }))
  app.use("*", secureHeaders())
  app.use("*", async (c, next) => {
    await next()
    if (!c.res.headers.has("content-security-policy"))
      c.res.headers.set("content-security-policy", dataContentSecurityPolicy)
  })
  // Answers under /v1 carry personal data, or may: no cache, shared or private, keeps them.
  app.use("/v1/*", async (c, next) => {
    await next()
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store")
  })
  app.use(
    "*",
    cors({
      origin: [...(options.corsOrigins ?? [])],
      allowHeaders: [
        "Authorization",
        "Content-Type",
        "Idempotency-Key",
        "If-Match",
        "Accept-Language",
        "X-Bashke-Request",
      ],
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      exposeHeaders: ["ETag", "Location", "Request-Id", "Idempotent-Replayed", "Retry-After"],
      maxAge: 600,
    }),
  )
  const limit = bodyLimit({
    maxSize: options.bodyLimit ?? defaultBodyLimit,
    onError: (c) =>
      gatewayProblem(
        c as Context<Env>,
        new Problem.GatewayProblem({
          type: "payload-too-large",
          status: 413,
          rule: "gateway.body.too-large",
          location: "body",
        }),
      ),
  })
  // An upload's body is a file, streamed to its handler, which counts it
  // against the documents' own limit: the body limit would read it whole.
  const uploads = options.routes
    .filter((route) => route.upload !== undefined)
    .map((route) => ({ method: route.method.toUpperCase(), pattern: patternOf(route.path) }))
  app.use("*", (c, next) =>
    uploads.some((upload) => upload.method === c.req.method && upload.pattern.test(c.req.path))
      ? next()
      : limit(c, next),
  )

  const document = OpenApi.document(options.routes)
  app.get("/openapi.json", (c) => c.json(document))
  const docsPage = ApiDocs.page({ renderer: options.docs !== undefined, operations: ApiDocs.operationsTable(document) })
  app.get("/docs", (c) => c.html(docsPage, 200, { "content-security-policy": ApiDocs.contentSecurityPolicy }))
  app.get("/docs/assets/:name", async (c) => (await ApiDocs.asset(options.docs, c.req.param("name"))) ?? c.notFound())
  // Until a gateway serves the web app, `/` leads to the API's documentation.
  if (options.web === undefined) app.get("/", (c) => c.redirect("/docs", 303))
  app.get("/health", async (c) => {
    const database = await options.run(Effect.void)
    const checks = { database: Exit.isSuccess(database) ? "ok" : "degraded", ...(await options.health?.()) }
    const degraded = Object.values(checks).some((status) => status !== "ok")
    return c.json({ status: degraded ? "degraded" : "ok", checks })
  })

  for (const route of options.routes) {
    // Built once per route: decoding and encoding are on every request's path.
    const decodePath = route.pathSchema === undefined ? undefined : RequestInput.decoder(route.pathSchema, "path")
    const decodeQuery = route.querySchema === undefined ? undefined : RequestInput.decoder(route.querySchema, "query")
    const checkBody = route.bodySchema === undefined ? undefined : RequestInput.decoder(route.bodySchema, "body")
    const encodeSuccess = Schema.encode(route.success.schema)
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      const started = performance.now()
      const locale = localeOf(c)
      const rid = c.get("requestId")
      let principalId: string | undefined
      // The route's own security event, once its body is read (a break-glass read).
      let raised: SecurityLog.Kind | undefined
      const finish = (response: Response, extra: Partial<RequestLogLine> = {}) => {
        log({
          requestId: rid,
          method: route.method.toUpperCase(),
          route: route.path,
          status: response.status,
          ms: Math.round((performance.now() - started) * 100) / 100,
          ...(principalId === undefined ? {} : { principal: principalId }),
          ...extra,
        })
        const event = SecurityLog.ofAnswer(response.status, route.method === "get" || route.safe === true, raised)
        if (event !== undefined)
          security({
            event,
            requestId: rid,
            method: route.method.toUpperCase(),
            route: route.path,
            status: response.status,
            ...(principalId === undefined ? {} : { principalId }),
            ...(extra.problem === undefined ? {} : { problem: extra.problem }),
          })
        return response
      }
      const refuse = (refusal: Problem.GatewayProblem, extra?: Record<string, string>) =>
        finish(gatewayProblem(c, refusal, extra), { problem: `${Problem.typeBase}${refusal.type}` })
      const refuseDomain = (error: Errors.DomainError, location?: Problem.FieldLocation) => {
        const body = Problem.fromDomainError(error, locale, rid)
        // RFC 6750: a 401 says which scheme to use, and whether the credential sent was the trouble.
        const challenge: Record<string, string> =
          body.status === 401
            ? {
                "www-authenticate":
                  c.req.header("authorization") === undefined
                    ? 'Bearer realm="bashke"'
                    : 'Bearer realm="bashke", error="invalid_token"',
              }
            : {}
        return finish(problem(c, location === undefined ? body : { ...body, location }, challenge), {
          problem: body.type,
        })
      }

      // Who is calling: a bearer credential, else a browser's session cookie.
      const url = new URL(c.req.url)
      const authorization = c.req.header("authorization")
      const sessionSecret = SessionCookie.read(c.req.header("cookie"), url)
      const byCookie = authorization === undefined && sessionSecret !== undefined
      let cookieChange: SessionCookie.Change | undefined
      let flowChange: SessionCookie.Change | undefined
      const withCookie = (response: Response) => {
        if (cookieChange !== undefined) {
          response.headers.append("set-cookie", SessionCookie.serialize(url, cookieChange))
          response.headers.set("cache-control", "no-store")
        }
        if (flowChange !== undefined) {
          response.headers.append("set-cookie", SessionCookie.serializeFlow(url, flowChange))
          response.headers.set("cache-control", "no-store")
        }
        return response
      }
      const unsafe = route.method !== "get"
      // A bearer credential is no browser's: another site's page cannot set the header.
      if ((route.credential === true && authorization === undefined) || (byCookie && unsafe && route.public !== true)) {
        const rule = SessionCookie.forgeryRule(
          { origin: c.req.header("origin"), marker: c.req.header(SessionCookie.requestHeader) },
          [
            url.origin,
            ...(options.publicOrigin === undefined ? [] : [options.publicOrigin]),
            ...(options.corsOrigins ?? []),
          ],
        )
        if (rule !== undefined)
          return refuse(new Problem.GatewayProblem({ type: "forbidden-origin", status: 403, rule }))
      }
      // Refused outright while the client's address waits out a backoff; each
      // failure counted against the address, in the shared store (ADR 0007).
      let principal: Principal.Principal | undefined
      if (route.public !== true) {
        const address = options.clientAddress?.(c) ?? "unknown"
        const credential: Effect.Effect<Principal.Principal, Errors.Unauthenticated, GatewayServices> = byCookie
          ? Effect.flatMap(Sessions.Sessions, (sessions) => sessions.resolve(sessionSecret)).pipe(
              Effect.flatMap(
                Option.match({
                  onNone: () => Effect.fail(new Errors.Unauthenticated({ rule: "gateway.session.unknown" })),
                  onSome: (resolved) => Effect.succeed(resolved.principal),
                }),
              ),
            )
          : authenticate(options.oidc, authorization).pipe(
              // A deactivated person's token or JWT stops at once, on every instance (read, never cached).
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
        const exit = await options.run(
          Effect.gen(function* () {
            const throttle = yield* Throttle.Throttle
            const standing = yield* throttle.standing(authScope, address)
            if (!standing.allowed) return { _tag: "Throttled" as const, retryAfter: standing.retryAfter }
            const who = yield* Effect.either(credential)
            if (Either.isLeft(who)) {
              yield* throttle.fail(authScope, address, authBackoff)
              return yield* Effect.fail(who.left)
            }
            const taken = yield* throttle.take(rateScope, who.right.id, rate)
            return { _tag: "Authenticated" as const, principal: who.right, taken }
          }),
        )
        if (Exit.isFailure(exit)) {
          const failure = Cause.failureOption(exit.cause)
          // A session that no longer holds: the browser forgets its cookie.
          if (byCookie) cookieChange = { _tag: "Clear" }
          if (Option.isSome(failure)) return withCookie(refuseDomain(failure.value))
          return finish(internal(c, locale, rid), { defect: defectName(exit.cause) })
        }
        if (exit.value._tag === "Throttled") {
          return refuse(
            new Problem.GatewayProblem({ type: "rate-limited", status: 429, rule: "gateway.auth.throttled" }),
            { "retry-after": String(exit.value.retryAfter) },
          )
        }
        principal = exit.value.principal
        principalId = principal.id
        if (!exit.value.taken.allowed) {
          return refuse(
            new Problem.GatewayProblem({ type: "rate-limited", status: 429, rule: "gateway.rate.exceeded" }),
            { "retry-after": String(exit.value.taken.retryAfter) },
          )
        }
      }
      if (options.readOnly === true && route.method !== "get") {
        return refuse(new Problem.GatewayProblem({ type: "unavailable", status: 503, rule: "gateway.store.read-only" }))
      }

      // What it sends.
      const path = decodePath === undefined ? Either.right({}) : decodePath(c.req.param())
      if (Either.isLeft(path)) return refuseDomain(path.left.error, path.left.location)
      const query = decodeQuery === undefined ? Either.right({}) : decodeQuery(queryOf(c))
      if (Either.isLeft(query)) return refuseDomain(query.left.error, query.left.location)
      let rawBody = ""
      let sent: unknown

      if (route.bodySchema !== undefined) {
        const type = c.req.header("content-type") ?? ""
        if (!/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type)) {
          return refuse(
            new Problem.GatewayProblem({
              type: "unsupported-media-type",
              status: 415,
              rule: "gateway.content-type.json-required",
              field: "Content-Type",
              location: "header",
            }),
          )
        }
        rawBody = await c.req.text()
        let parsed: unknown
        try {
          parsed = JSON.parse(rawBody)
        } catch {
          return refuse(
            new Problem.GatewayProblem({
              type: "malformed-json",
              status: 400,
              rule: "gateway.json.malformed",
              location: "body",
            }),
          )
        }
        if (deeperThan(parsed, maxBodyDepth)) {
          return refuseDomain(new Errors.InvalidInput({ field: "input", rule: "gateway.input.invalid" }), "body")
        }
        const checked = (checkBody as NonNullable<typeof checkBody>)(parsed)
        if (Either.isLeft(checked)) return refuseDomain(checked.left.error, checked.left.location)
        sent = parsed
        raised = route.securityEvent?.(parsed)
      }

      // Which version it read.
      let expectedVersion: number | undefined
      if (route.ifMatch === true) {
        const header = c.req.header("if-match")
        if (header === undefined) {
          return refuse(
            new Problem.GatewayProblem({
              type: "precondition-required",
              status: 428,
              rule: "gateway.if-match.required",
              field: "If-Match",
              location: "header",
            }),
          )
        }
        const version = OptimisticConcurrency.versionFromEtag(header)
        if (Option.isNone(version)) {
          return refuse(
            new Problem.GatewayProblem({
              type: "precondition-required",
              status: 428,
              rule: "gateway.if-match.malformed",
              field: "If-Match",
              location: "header",
            }),
          )
        }
        expectedVersion = version.value
      }

      // Whether it was sent before.
      const idempotencyKey = c.req.header("idempotency-key")
      const idempotent = route.method === "post" && route.safe !== true && route.credential !== true
      if (idempotent && (idempotencyKey === undefined || !idempotencyKeyPattern.test(idempotencyKey))) {
        return refuse(
          new Problem.GatewayProblem({
            type: "idempotency-key-required",
            status: 400,
            rule: "gateway.idempotency-key.required",
            field: "Idempotency-Key",
            location: "header",
          }),
        )
      }

      // An upload's content goes to its handler unread; its idempotency key is
      // committed by the handler, keyed on what identifies the file without
      // reading it (the headers that describe it).
      const upload = route.upload === undefined ? undefined : uploadOf(c, memory)
      const uploadKey =
        upload === undefined || idempotencyKey === undefined
          ? undefined
          : {
              scope: `${principal?.id ?? "public"}:${route.operationId}`,
              key: idempotencyKey,
              fingerprint: await options.fingerprint(
                [
                  `${route.method} ${c.req.path}${url.search}`,
                  ...["content-type", "content-length", "content-disposition"].map((name) => upload.header(name) ?? ""),
                ].join("\n"),
              ),
            }
      const input = {
        path: path.right,
        query: query.right,
        body: sent,
        expectedVersion,
        ...(upload === undefined ? {} : { content: upload }),
        ...(uploadKey === undefined ? {} : { idempotency: uploadKey }),
      }
      const cookie: SessionCookie.Service = {
        current: Option.fromNullable(sessionSecret),
        clientAddress:
          options.clientAddress?.(c) ?? SessionCookie.clientAddressOf(c.req.header("cf-connecting-ip"), c.env),
        origin: passkeyOrigin(c.req.header("origin"), url, options.publicOrigin),
        set: (secret, maxAge) =>
          Effect.sync(() => {
            cookieChange = { _tag: "Set", secret, maxAge }
          }),
        clear: Effect.sync(() => {
          cookieChange = { _tag: "Clear" }
        }),
        flow: Option.fromNullable(SessionCookie.readFlow(c.req.header("cookie"), url)),
        setFlow: (secret, maxAge) =>
          Effect.sync(() => {
            flowChange = { _tag: "Set", secret, maxAge }
          }),
        clearFlow: Effect.sync(() => {
          flowChange = { _tag: "Clear" }
        }),
      }
      const handled = route
        .handle(input)
        .pipe(
          Effect.provideService(SessionCookie.SessionCookie, cookie),
          Effect.provideService(OidcSignIn.OidcSignIn, oidcSignIn),
        )
      const withPrincipal = (
        principal === undefined ? handled : Effect.provideService(handled, Principal.CurrentPrincipal, principal)
      ) as Effect.Effect<unknown, Route.Failure, GatewayServices>
      const work =
        idempotent && idempotencyKey !== undefined && upload === undefined
          ? Effect.flatMap(
              Effect.promise(() => options.fingerprint(`${route.method} ${c.req.path}\n${rawBody}`)),
              (fingerprint) =>
                Idempotency.runWithOutcome(
                  { scope: `${principal?.id ?? "public"}:${route.operationId}`, key: idempotencyKey, fingerprint },
                  withPrincipal,
                  route.success.schema,
                ),
            )
          : Effect.map(withPrincipal, (value) => ({ value, replayed: false }))
      const encoded = Effect.flatMap(work, (outcome) =>
        route.download === true
          ? Effect.succeed({ ...outcome, wire: undefined as unknown })
          : Effect.map(encodeSuccess(outcome.value).pipe(Effect.orDie), (wire) => ({
              ...outcome,
              wire,
            })),
      )

      const exit = await options.run(encoded)
      if (Exit.isFailure(exit)) {
        const failure = Cause.failureOption(exit.cause)
        if (Option.isSome(failure) && isDomainError(failure.value)) return withCookie(refuseDomain(failure.value))
        if (Cause.isInterruptedOnly(exit.cause)) {
          return refuse(new Problem.GatewayProblem({ type: "unavailable", status: 503, rule: "gateway.internal" }))
        }
        return finish(internal(c, locale, rid), { defect: defectName(exit.cause) })
      }
      const { value, replayed, wire } = exit.value
      const headers: Record<string, string> = {}
      if (route.etag !== undefined) headers.etag = OptimisticConcurrency.etag(route.etag(value, input))
      if (replayed) headers["idempotent-replayed"] = "true"
      // A browser sent on: the answer is where to, and the cookies set on the way.
      if (route.success.status === 303 && typeof wire === "string")
        return finish(withCookie(c.body(null, 303, { ...headers, location: wire, "cache-control": "no-store" })))
      if (route.download === true) return finish(streamed(c, value as Route.Download, options.run, memory))
      const contentType = route.success.contentType
      // Text (CSV, iCalendar) and bytes (XLSX) as they are; anything else is JSON.
      if (contentType !== undefined && (typeof wire === "string" || wire instanceof Uint8Array)) {
        return finish(
          c.body(wire as string | Uint8Array<ArrayBuffer>, route.success.status, {
            ...headers,
            "content-type": contentType,
          }),
        )
      }
      // A credential's answer (a session, recovery codes) is never kept by a cache.
      if (route.credential === true) headers["cache-control"] = "no-store"
      return finish(withCookie(c.json(wire as object, route.success.status, headers)))
    })
  }

  const plugins = options.plugins
  if (plugins !== undefined) app.all("/v1/plugins/*", (c) => plugins.dispatch(c.req.raw))

  const web = options.web
  if (web !== undefined) {
    app.on(["GET", "HEAD"], "*", async (c, next) => {
      const answered = await WebApp.answer(web, c.req.path, c.req.method)
      if (answered !== undefined) return answered
      await next()
    })
  }

  app.notFound((c) => {
    const allowed = patterns.filter((entry) => entry.pattern.test(c.req.path)).map((entry) => entry.method)
    const refusal =
      allowed.length > 0
        ? new Problem.GatewayProblem({ type: "method-not-allowed", status: 405, rule: "gateway.method.unknown" })
        : new Problem.GatewayProblem({ type: "route-not-found", status: 404, rule: "gateway.route.unknown" })
    return gatewayProblem(
      c,
      refusal,
      allowed.length > 0 ? { allow: [...new Set(allowed)].map((m) => m.toUpperCase()).join(", ") } : {},
    )
  })

  app.onError((_error, c) => {
    const rid = c.get("requestId") ?? ""
    log({ requestId: rid, method: c.req.method, route: "?", status: 500, ms: 0, defect: "unhandled" })
    return internal(c, localeOf(c), rid)
  })

  return app
}

/** Node's request (`IncomingMessage`), as `@hono/node-server` hands it over in the bindings. */
interface NodeRequest {
  readonly iterator: (options: { readonly destroyOnReturn: boolean }) => AsyncIterableIterator<Uint8Array>
}

const nodeRequestOf = (c: Context<Env>): NodeRequest | undefined => {
  const incoming = (c.env as { incoming?: Partial<NodeRequest> } | undefined)?.incoming
  return typeof incoming?.iterator === "function" ? (incoming as NodeRequest) : undefined
}

const incomplete = () => new Errors.InvalidInput({ field: "content", rule: "case.document.incomplete" })

/**
 * An upload's body and headers, unread. On Node the pieces are read from
 * Node's request itself, as the HTTP parser gives them: the web `Request`'s
 * body over it (`Readable.toWeb`) would queue them once more. A handler that
 * stops early leaves the rest to the server, which drains it after the
 * answer (`destroyOnReturn: false`: the refusal still reaches the client).
 * Each piece is told to `memory`.
 */
const uploadOf = (c: Context<Env>, memory: TransferMemory.TransferMemory): Route.Upload => {
  const node = nodeRequestOf(c)
  const pieces =
    node !== undefined
      ? Stream.fromAsyncIterable(
          { [Symbol.asyncIterator]: () => node.iterator({ destroyOnReturn: false }) },
          incomplete,
        )
      : Stream.fromReadableStream({
          evaluate: () =>
            c.req.raw.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() }),
          onError: incomplete,
        })
  return {
    pieces: Stream.tap(pieces, (piece) => Effect.sync(() => memory.passed(piece.byteLength))),
    header: (name) => c.req.header(name),
  }
}

/**
 * A file answered a chunk at a time: the next chunk is read (and decrypted)
 * only when the client has taken the one before (`highWaterMark` 1), so the
 * gateway holds a chunk or two of it, whatever its size. A chunk that fails
 * breaks the answer off: the client sees a short body, never a wrong one.
 */
const streamed = (
  c: Context<Env>,
  download: Route.Download,
  run: Runner,
  memory: TransferMemory.TransferMemory,
): Response => {
  let index = 0
  const body = new ReadableStream<Uint8Array>(
    {
      pull: async (controller) => {
        if (index >= download.chunkCount) return controller.close()
        const exit = await run(download.chunk(index))
        index += 1
        if (Exit.isFailure(exit)) return controller.error(new Error("a chunk of the file could not be read"))
        controller.enqueue(exit.value)
        memory.passed(exit.value.byteLength)
      },
    },
    { highWaterMark: 1 },
  )
  return c.body(body, 200, {
    "content-type": download.mediaType,
    "content-length": String(download.size),
    "content-disposition": ContentDisposition.attachment(download.fileName),
    "cache-control": "no-store",
  })
}

const internal = (c: Context<Env>, locale: Locale.Locale, rid: string) =>
  c.body(
    JSON.stringify(
      Problem.fromGatewayProblem(
        new Problem.GatewayProblem({ type: "internal", status: 500, rule: "gateway.internal" }),
        locale,
        rid,
      ),
    ),
    500,
    problemHeaders,
  )

// The defect's name only: its message could quote a value from a failed statement.
const defectName = (cause: Cause.Cause<unknown>): string => {
  const defect = Cause.squash(cause)
  return defect instanceof Error ? defect.name : typeof defect
}
