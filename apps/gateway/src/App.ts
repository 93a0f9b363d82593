/**
 * The Hono application, built from route descriptions and a way to run
 * Effects. The same factory serves the Node entry, the Workers entry and the
 * tests; only the runner (the layers behind it) differs.
 *
 * Each request goes: request id → secure headers → CORS → body limit → the
 * cross-site check of a browser's unsafe request → the route's pipeline
 * (`pipeline/Pipeline.ts`), one Effect run once: authenticate (429 while the
 * address waits out a backoff, each failure counted) → rate limit per
 * principal → decode path, query, body (unknown fields refused) → If-Match
 * (428 without it on a versioned change) → idempotency key on every POST →
 * the handler → encode with the route's schema, with `ETag` for versioned
 * answers. Here the exit becomes the answer. Every refusal is an RFC 9457
 * problem; no value from the request is echoed, so none can leak.
 */

import { Errors, JurisdictionProfile, Locale, type Principal } from "@bashke/kernel"
import { OptimisticConcurrency, Throttle } from "@bashke/persistence"
import { Cause, Effect, Exit, Option, Stream } from "effect"
import { type Context, Hono } from "hono"
import * as AnswerHeaders from "./AnswerHeaders"
import * as ApiDocs from "./ApiDocs"
import type { Oidc } from "./Authentication"
import * as ContentDisposition from "./ContentDisposition"
import type * as OidcSignIn from "./OidcSignIn"
import * as OpenApi from "./OpenApi"
import * as Problem from "./Problem"
import * as Authenticate from "./pipeline/Authenticate"
import * as Pipeline from "./pipeline/Pipeline"
import * as RateLimit from "./RateLimit"
import * as RequestBody from "./RequestBody"
import type * as RequestFingerprint from "./RequestFingerprint"
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
const problemHeaders = { "content-type": Problem.contentType }

const queryOf = (c: Context<Env>): Record<string, string | ReadonlyArray<string>> => {
  const out: Record<string, string | ReadonlyArray<string>> = {}
  for (const [key, values] of Object.entries(c.req.queries())) {
    out[key] = values.length === 1 ? (values[0] as string) : values
  }
  return out
}

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

  // Every answer's own headers (request id, security, content security policy,
  // no-store under /v1: answers there carry personal data, or may; CORS).
  app.use(
    "*",
    AnswerHeaders.middleware({
      requestIdHeader: "Request-Id",
      contentSecurityPolicy: dataContentSecurityPolicy,
      noStorePath: "/v1",
      crossOrigin: {
        origins: options.corsOrigins ?? [],
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
      },
    }),
  )
  const limit = RequestBody.limit(options.bodyLimit ?? defaultBodyLimit, (c) =>
    gatewayProblem(
      c as Context<Env>,
      new Problem.GatewayProblem({
        type: "payload-too-large",
        status: 413,
        rule: "gateway.body.too-large",
        location: "body",
      }),
    ),
  )
  // An upload's body is a file, streamed to its handler, which counts it
  // against the documents' own limit: the body limit would read it whole.
  const uploads = options.routes
    .filter((route) => route.upload !== undefined)
    .map((route) => ({ method: route.method.toUpperCase(), pattern: patternOf(route.path) }))
  // Nor is there a body to limit on a GET or HEAD: the check would make Node's
  // light request a full WHATWG `Request` (an AbortController, a stream) to ask.
  app.use("*", (c, next) =>
    c.req.method === "GET" ||
    c.req.method === "HEAD" ||
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

  const pipelineSettings: Pipeline.Settings = {
    authenticate: { ...(options.oidc === undefined ? {} : { oidc: options.oidc }), backoff: authBackoff },
    rateLimit: rate,
    fingerprint: options.fingerprint,
    oidcSignIn,
    readOnly: options.readOnly === true,
  }

  for (const route of options.routes) {
    // Built once per route, with its types: decoding and encoding are on every request's path.
    const pipeline = route.open((typed) => Pipeline.make(typed, pipelineSettings))
    app.on(route.method.toUpperCase(), route.path, async (c) => {
      const started = performance.now()
      const locale = localeOf(c)
      const rid = c.get("requestId")
      // Who called and the route's own security event (a break-glass read), as the steps learn them.
      const progress: Pipeline.Progress = {}
      const finish = (response: Response, extra: Partial<RequestLogLine> = {}) => {
        log({
          requestId: rid,
          method: route.method.toUpperCase(),
          route: route.path,
          status: response.status,
          ms: Math.round((performance.now() - started) * 100) / 100,
          ...(progress.principalId === undefined ? {} : { principal: progress.principalId }),
          ...extra,
        })
        const event = SecurityLog.ofAnswer(
          response.status,
          route.method === "get" || route.safe === true,
          progress.raised,
        )
        if (event !== undefined)
          security({
            event,
            requestId: rid,
            method: route.method.toUpperCase(),
            route: route.path,
            status: response.status,
            ...(progress.principalId === undefined ? {} : { principalId: progress.principalId }),
            ...(extra.problem === undefined ? {} : { problem: extra.problem }),
          })
        return response
      }
      const refuse = (refusal: Problem.GatewayProblem, extra?: Record<string, string>) =>
        finish(gatewayProblem(c, refusal, extra), { problem: `${Problem.typeBase}${refusal.type}` })
      const refuseDomain = (error: Errors.DomainError, location?: Problem.FieldLocation) => {
        const body = Problem.fromDomainError(error, locale, rid)
        // RFC 6750: a 401 says which scheme to use, and whether the credential sent was the trouble.
        // A throttled try says when the next one will be looked at (RFC 9110, Retry-After).
        const challenge: Record<string, string> =
          body.status === 401
            ? {
                "www-authenticate":
                  c.req.header("authorization") === undefined
                    ? 'Bearer realm="bashke"'
                    : 'Bearer realm="bashke", error="invalid_token"',
              }
            : error._tag === "Throttled"
              ? { "retry-after": String(error.retryAfter) }
              : {}
        return finish(problem(c, location === undefined ? body : { ...body, location }, challenge), {
          problem: body.type,
        })
      }

      // Who is calling: a bearer credential, else a browser's session cookie.
      const url = new URL(c.req.url)
      const authorization = c.req.header("authorization")
      const sessionSecret = SessionCookie.read(c.req.header("cookie"), url)
      const credentials: Authenticate.Credentials = {
        authorization,
        sessionSecret,
        address: options.clientAddress?.(c) ?? "unknown",
      }
      const byCookie = Authenticate.byCookie(credentials)
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
      const request: Pipeline.Request = {
        path: c.req.path,
        search: url.search,
        header: (name) => c.req.header(name),
        credentials,
        sent: {
          params: c.req.param(),
          query: queryOf(c),
          contentType: c.req.header("content-type"),
          text: () => RequestBody.text(c),
        },
        upload: route.upload === undefined ? undefined : uploadOf(c, memory),
        cookie,
      }

      // One entry into the Effect runtime: every step, from authentication to the encoded answer.
      const exit = await options.run(pipeline(request, progress))
      if (route.upload !== undefined) await drainUnread(c)
      if (Exit.isFailure(exit)) {
        const failure = Cause.failureOption(exit.cause)
        if (Option.isSome(failure)) {
          const refused = failure.value
          if (refused.forgetSession === true) cookieChange = { _tag: "Clear" }
          if (refused.error._tag === "GatewayProblem") return refuse(refused.error, { ...refused.headers })
          return withCookie(refuseDomain(refused.error, refused.location))
        }
        if (Cause.isInterruptedOnly(exit.cause)) {
          return refuse(new Problem.GatewayProblem({ type: "unavailable", status: 503, rule: "gateway.internal" }))
        }
        return finish(internal(c, locale, rid), { defect: defectName(exit.cause) })
      }
      const { wire, json, download, version, replayed } = exit.value
      const headers: Record<string, string> = {}
      if (version !== undefined) headers.etag = OptimisticConcurrency.etag(version)
      if (replayed) headers["idempotent-replayed"] = "true"
      // A browser sent on: the answer is where to, and the cookies set on the way.
      if (route.success.status === 303 && typeof wire === "string")
        return finish(withCookie(c.body(null, 303, { ...headers, location: wire, "cache-control": "no-store" })))
      if (download !== undefined) return finish(streamed(c, download, options.run, memory))
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
      // Text made once for a frozen answer: what `c.json` would write, without writing it again.
      if (json !== undefined)
        return finish(
          withCookie(c.body(json, route.success.status, { ...headers, "content-type": "application/json" })),
        )
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

// The most of a refused upload read and dropped before its answer, in bytes and time.
const drainBytes = 64 * 1024 * 1024
const drainMillis = 60_000

/**
 * Reads and drops what a refused upload still sends before the answer goes
 * out, so that the client, still sending, reads the refusal instead of a
 * reset connection: @hono/node-server drains an unread body for 500 ms only
 * after the answer, then closes the socket, and under load (or on a slow
 * link) a refused 8 MiB file lost its 422 that way. At most {@link drainBytes}
 * and {@link drainMillis}: past them the connection is closed as before.
 */
const drainUnread = async (c: Context<Env>): Promise<void> => {
  const node = RequestBody.nodeRequestOf(c)
  if (node === undefined || node.readableEnded || node.destroyed) return
  let timer: ReturnType<typeof setTimeout> | undefined
  const read = (async () => {
    let bytes = 0
    for await (const piece of node.iterator({ destroyOnReturn: false })) {
      bytes += piece.byteLength
      if (bytes > drainBytes) return
    }
  })().catch(() => {})
  await Promise.race([read, new Promise<void>((resolve) => (timer = setTimeout(resolve, drainMillis)))])
  clearTimeout(timer)
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
  const node = RequestBody.nodeRequestOf(c)
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
