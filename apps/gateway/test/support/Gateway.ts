// The gateway over a fresh test database (SQLite file or PostgreSQL schema),
// with the public test keys, and helpers to call it as a principal the way a
// client would: Authorization, Idempotency-Key, If-Match, JSON bodies.
import { Id, type Principal } from "@bashke/kernel"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import { Effect, Layer, ManagedRuntime, type Tracer } from "effect"
import { ApiTokens } from "../../src/ApiTokens"
import * as App from "../../src/App"
import { migrationPlan } from "../../src/MigrationPlan"
import * as PdfFontFile from "../../src/PdfFontFile"
import * as RequestFingerprint from "../../src/RequestFingerprint"
import { routes } from "../../src/Routes"
import type * as SecurityLog from "../../src/SecurityLog"
import * as Services from "../../src/Services"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({ migrations: migrationPlan })

export interface Gateway {
  readonly app: ReturnType<typeof App.make>
  readonly runtime: ManagedRuntime.ManagedRuntime<Services.GatewayServices, never>
  readonly logs: Array<App.RequestLogLine>
  /** The security events of the requests made (`SecurityLog`). */
  readonly securityEvents: Array<SecurityLog.SecurityEvent>
  /** An API token for `principal`. */
  readonly tokenFor: (principal: Principal.Principal) => Promise<string>
  readonly request: (
    method: string,
    path: string,
    options?: {
      readonly token?: string
      readonly body?: unknown
      readonly rawBody?: string | Uint8Array<ArrayBuffer>
      readonly headers?: Record<string, string>
      readonly idempotencyKey?: string
      readonly ifMatch?: string
    },
  ) => Promise<Response>
  readonly close: () => Promise<void>
}

let keys = 0

/**
 * A gateway over `db`, with `options` for the app (rate limits, body limit, OIDC…);
 * `tracer` sees every span its requests open (a test counting the work a request does).
 */
export const makeGateway = async (
  db: TestDatabase.TestDatabase,
  options: Partial<Omit<App.Options, "run" | "routes">> = {},
  services: Pick<Services.Options, "recipients" | "documents"> = {},
  tracer?: Tracer.Tracer,
): Promise<Gateway> => {
  // `db.layer` is fresh (a new database per use), and `provideMerge` uses its
  // argument twice: wrapped once, both uses share one database.
  const database = Layer.merge(db.layer, Layer.empty)
  const layer = Services.layer(Services.testKeys, {
    pdfFont: PdfFontFile.layer,
    ...services,
    ...(tracer === undefined ? {} : { tracer }),
  }).pipe(Layer.provideMerge(database), Layer.orDie)
  const runtime = ManagedRuntime.make(layer)
  await runtime.runPromise(Effect.void)
  const logs: Array<App.RequestLogLine> = []
  const securityEvents: Array<SecurityLog.SecurityEvent> = []
  const app = App.make({
    run: (effect) => runtime.runPromiseExit(effect),
    fingerprint: await RequestFingerprint.make(new Uint8Array(32).fill(0x33)),
    routes,
    log: (line) => logs.push(line),
    securityLog: (event) => securityEvents.push(event),
    rateLimit: { perMinute: 1_000_000, burst: 1_000_000 },
    ...options,
  })
  return {
    app,
    runtime,
    logs,
    securityEvents,
    tokenFor: (principal) =>
      runtime
        .runPromise(Effect.flatMap(ApiTokens, (tokens) => tokens.issue(principal, "test")))
        .then((issued) => issued.token),
    request: (method, path, request = {}) => {
      const headers: Record<string, string> = { ...request.headers }
      if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`
      if (request.body !== undefined || request.rawBody !== undefined) headers["content-type"] ??= "application/json"
      if (method === "POST" && request.idempotencyKey !== "")
        headers["idempotency-key"] ??= request.idempotencyKey ?? `k-${++keys}-${Math.random()}`
      if (request.ifMatch !== undefined) headers["if-match"] = request.ifMatch
      return Promise.resolve(
        app.request(path, {
          method,
          headers,
          ...(request.rawBody !== undefined
            ? { body: request.rawBody }
            : request.body !== undefined
              ? { body: JSON.stringify(request.body) }
              : {}),
        }),
      )
    },
    close: () => runtime.dispose(),
  }
}

/** A fixed ULID per number, so tests read the same on every run. */
export const ulid = (n: number): string => Id.ulidAt(1_760_000_000_000 + n, new Uint8Array(10).fill(n))
