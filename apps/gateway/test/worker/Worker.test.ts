// The Workers entry as Cloudflare would run it: wrangler bundles src/worker.ts
// from wrangler.toml, and Miniflare runs the bundle in workerd with that file's
// compatibility date and flags — over PostgreSQL through a (local) Hyperdrive
// binding, which serves reads and writes, and over D1, which is read-only
// (docs/adr/0003-workers-store.md).
import { randomBytes } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Readable } from "node:stream"
import { caseworkMessages } from "@bashke/case"
import { Credentials, Password, Totp } from "@bashke/identity"
import { Catalogue, Id } from "@bashke/kernel"
import { Migrations } from "@bashke/persistence"
import { D1Client } from "@bashke/persistence/d1"
import { Database } from "@bashke/persistence/node"
import { TestDatabase } from "@bashke/persistence/testing"
import { BlindIndex, Vault } from "@bashke/security"
import { Effect, Layer, ManagedRuntime, Option, Redacted } from "effect"
import { Miniflare } from "miniflare"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { unstable_getMiniflareWorkerOptions } from "wrangler"
import { steadyD1 } from "../../../../packages/persistence/test/support/SteadyD1"
import { appDirectory, build, freePlanLimitBytes, sizeOf } from "../../bench/WorkerBundle"
import { ApiTokens } from "../../src/ApiTokens"
import { emailOf } from "../../src/demo/PeopleDemo"
import { seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { migrationPlan } from "../../src/MigrationPlan"
import * as OidcSignIn from "../../src/OidcSignIn"
import * as Services from "../../src/Services"
import * as IdentityProvider from "../support/IdentityProvider"
import { headings, pdfText } from "../support/SubjectAccessPdfText"

const outdir = mkdtempSync(join(tmpdir(), "bashke-worker-"))
let script = ""

// The worker's own settings, so that the test runs what `wrangler deploy` would
// (its module rules too: the PDF font is a Data module beside the bundle).
const { compatibilityDate, compatibilityFlags, modulesRules } = unstable_getMiniflareWorkerOptions(
  join(appDirectory, "wrangler.toml"),
).workerOptions

// The public test keys, as Worker secrets: rows the test writes from Node are
// readable by the Worker and the other way round.
const base64 = (key: Redacted.Redacted<Uint8Array>) => Buffer.from(Redacted.value(key)).toString("base64")
const secrets = {
  BASHKE_VAULT_KEYS: Vault.testKeys.map((key) => `${key.id}:${base64(key.material)}`).join(","),
  BASHKE_BLIND_INDEX_KEY: base64(BlindIndex.testKey),
}

const workerd = (options: {
  readonly hyperdrive?: string
  readonly d1?: boolean
  readonly secrets?: Record<string, string>
  /** Receives what the Worker writes to stderr (its "not started" lines), instead of the test's stderr. */
  readonly stderr?: (text: string) => void
}) =>
  new Miniflare({
    modules: true,
    scriptPath: script,
    // Module names are paths relative to this root; the bundle lives outside the package.
    modulesRoot: outdir,
    ...(modulesRules === undefined ? {} : { modulesRules }),
    ...(compatibilityDate === undefined ? {} : { compatibilityDate }),
    compatibilityFlags: compatibilityFlags ?? [],
    bindings: options.secrets ?? secrets,
    ...(options.hyperdrive === undefined ? {} : { hyperdrives: { HYPERDRIVE: options.hyperdrive } }),
    ...(options.d1 === true ? { d1Databases: { DB: crypto.randomUUID() } } : {}),
    // The request log goes to the console; keep the test output to the test's own.
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      stdout.resume()
      const onStderr = options.stderr
      if (onStderr === undefined) stderr.pipe(process.stderr)
      else stderr.on("data", (chunk: Buffer) => onStderr(chunk.toString("utf8")))
    },
  })

const call = async (
  miniflare: Miniflare,
  method: string,
  path: string,
  options: { readonly token?: string; readonly body?: unknown; readonly idempotencyKey?: string } = {},
) => {
  const headers: Record<string, string> = {}
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers["content-type"] = "application/json"
  if (options.idempotencyKey !== undefined) headers["idempotency-key"] = options.idempotencyKey
  const response = await miniflare.dispatchFetch(`http://gateway.test${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text.length > 0 ? JSON.parse(text) : undefined }
}

const answersTheBasics = (miniflare: () => Miniflare) => {
  it("answers /health", async () => {
    const health = await call(miniflare(), "GET", "/health")
    expect(health.status).toBe(200)
    expect(health.body).toEqual({ status: "ok", checks: { database: "ok" } })
  })

  it("answers /openapi.json with the API description", async () => {
    const document = await call(miniflare(), "GET", "/openapi.json")
    expect(document.status).toBe(200)
    expect(document.body.openapi).toBe("3.1.0")
    expect(Object.keys(document.body.paths)).toContain("/v1/cases")
  })

  it("refuses an unauthenticated call with a 401 problem", async () => {
    const refused = await call(miniflare(), "GET", `/v1/cases?mechanismId=${Id.ulidAt(0, new Uint8Array(10))}`)
    expect(refused.status).toBe(401)
    expect(refused.headers.get("content-type")).toBe("application/problem+json")
    expect(refused.body).toMatchObject({ status: 401, rule: "gateway.token.missing" })
  })
}

beforeAll(async () => {
  script = await build(outdir)
})

afterAll(() => rmSync(outdir, { recursive: true, force: true }))

describe("the bundle", () => {
  it("fits Cloudflare's free-plan limit (3 MiB gzip)", () => {
    const size = sizeOf(outdir)
    expect(size.rawBytes).toBeGreaterThan(0)
    expect(size.gzipBytes).toBeLessThan(freePlanLimitBytes)
  })

  it("holds none of the Node entry (SQLite's native addon, the Node server)", () => {
    const bundle = readFileSync(script, "utf8")
    expect(bundle).not.toMatch(/better-sqlite3|sql-sqlite-node|@hono\/node-server|src\/Server\.ts/)
  })
})

describe("with a malformed OIDC setting", () => {
  it("answers 503, its log naming the variable and never the value", async () => {
    let logged = ""
    const miniflare = workerd({
      d1: true,
      secrets: {
        ...secrets,
        BASHKE_OIDC_ISSUER: "https://id.police.example",
        BASHKE_OIDC_AUDIENCE: "bashke",
        BASHKE_OIDC_CLIENT_ID: "bashke-gateway",
        BASHKE_OIDC_CLIENT_SECRET: "worker-secret-never-logged",
        BASHKE_OIDC_CLAIMS: '{"roles":{"claim":"groups","values":{"g":[{"role":"root","mechanism":null}]}}}',
      },
      stderr: (text) => {
        logged += text
      },
    })
    try {
      const health = await call(miniflare, "GET", "/health")
      expect(health.status).toBe(503)
      expect(health.body).toMatchObject({ status: 503, rule: "gateway.internal" })
      await expect.poll(() => logged).toContain('"setting":"BASHKE_OIDC_CLAIMS"')
      expect(logged).not.toContain("worker-secret-never-logged")
      expect(logged).not.toContain("root")
    } finally {
      await miniflare.dispose()
    }
  })
})

describe("without its secrets", () => {
  it("answers 503 instead of serving without keys", async () => {
    let logged = ""
    const miniflare = workerd({
      d1: true,
      secrets: {},
      stderr: (text) => {
        logged += text
      },
    })
    try {
      const health = await call(miniflare, "GET", "/health")
      expect(health.status).toBe(503)
      expect(health.body).toMatchObject({ status: 503, rule: "gateway.internal" })
      // The log names the real cause: the setting that is missing, not only "FiberFailure".
      await expect.poll(() => logged, { timeout: 120_000 }).toContain('"worker":"not started"')
      const line = logged.split("\n").find((each) => each.includes('"worker":"not started"')) ?? ""
      const entry = JSON.parse(line.slice(line.indexOf("{"))) as Record<string, unknown>
      expect(entry).toMatchObject({
        event: "fetch",
        setting: expect.stringMatching(/^BASHKE_(VAULT_KEYS|BLIND_INDEX_KEY)$/),
      })
    } finally {
      await miniflare.dispose()
    }
  })
})

const postgresUnavailable = await TestDatabase.postgresUnavailable()
if (postgresUnavailable !== undefined && (process.env.CI === "true" || process.env.CI === "1")) {
  throw new Error(`${postgresUnavailable} (CI=true: refusing to skip the Workers PostgreSQL suite)`)
}

describe.skipIf(postgresUnavailable)("PostgreSQL through Hyperdrive: reads and writes", () => {
  // A database of its own (Hyperdrive names a database, not a schema), dropped afterwards.
  const server = new URL(process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl)
  const database = `bashke_worker_${randomBytes(6).toString("hex")}`
  const urlOf = (name: string, forHyperdrive = false) => {
    const url = new URL(server)
    url.pathname = `/${name}`
    url.search = ""
    // Hyperdrive insists on a password; a server that trusts local users ignores it.
    if (forHyperdrive && url.password === "") url.password = "unused"
    return url.toString()
  }
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: urlOf(server.pathname.slice(1) || "postgres") })
    await client.connect()
    try {
      return await client.query(statement)
    } finally {
      await client.end()
    }
  }
  const rowsOf = async (statement: string, values: ReadonlyArray<unknown> = []) => {
    const client = new pg.Client({ connectionString: urlOf(database) })
    await client.connect()
    try {
      return (await client.query(statement, [...values])).rows
    } finally {
      await client.end()
    }
  }

  let miniflare: Miniflare
  let node: ManagedRuntime.ManagedRuntime<Services.GatewayServices, never> | undefined

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`)
    miniflare = workerd({ hyperdrive: urlOf(database, true) })
  })

  afterAll(async () => {
    try {
      await miniflare?.dispose()
      await node?.dispose()
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    }
  })

  answersTheBasics(() => miniflare)

  it("has applied every migration of the plan in workerd", async () => {
    const rows = await rowsOf("SELECT DISTINCT package FROM bashke_migrations ORDER BY package")
    expect(rows.map((row) => row.package)).toEqual(migrationPlan.map((set) => set.package).sort())
  })

  describe("with the demo seeded from Node", () => {
    let token = ""
    let mechanismId = ""
    let auditorToken = ""
    let victim = ""

    beforeAll(async () => {
      // Node's own client on the database the Worker migrated: no migration here.
      node = ManagedRuntime.make(
        Services.layer(Services.testKeys).pipe(Layer.provideMerge(Database.layer(urlOf(database))), Layer.orDie),
      )
      const seeded = await node.runPromise(seed)
      mechanismId = seeded.mechanismId
      const issued = await node.runPromise(
        Effect.flatMap(ApiTokens, (tokens) => tokens.issue(principal("policeOfficer", seeded.mechanismId), "worker")),
      )
      token = issued.token
      const auditor = await node.runPromise(
        Effect.flatMap(ApiTokens, (tokens) => tokens.issue(principal("auditor", seeded.mechanismId), "worker")),
      )
      auditorToken = auditor.token
      victim = seeded.cases?.highRisk.victim as string
    })

    const opening = () => ({
      mechanismId,
      municipality: "GJI",
      persons: [
        { role: "victim", sex: "female", birthYear: 1990 },
        {
          role: "alleged-perpetrator",
          sex: "male",
          birthYear: 1988,
          relationship: { kind: "extramarital-union", time: "former" },
        },
      ],
    })

    it("opens a case (row, audit and outbox in one transaction) and reads it back", async () => {
      const opened = await call(miniflare, "POST", "/v1/cases", {
        token,
        body: opening(),
        idempotencyKey: "worker-open-1",
      })
      expect(opened.status).toBe(201)
      expect(opened.headers.get("etag")).toBe('"1"')
      const caseId: string = opened.body.id

      const read = await call(miniflare, "GET", `/v1/cases/${caseId}`, { token })
      expect(read.status).toBe(200)
      expect(read.headers.get("etag")).toBe('"1"')
      expect(read.body).toMatchObject({ id: caseId, mechanismId, version: 1 })
      expect(read.body.persons.map((person: { role: string }) => person.role).sort()).toEqual([
        "alleged-perpetrator",
        "victim",
      ])

      const events = await rowsOf("SELECT topic FROM bashke_outbox WHERE aggregate_id = $1", [caseId])
      expect(events.length).toBeGreaterThan(0)
    })

    it("replays a repeated Idempotency-Key instead of opening a second case", async () => {
      const first = await call(miniflare, "POST", "/v1/cases", {
        token,
        body: opening(),
        idempotencyKey: "worker-open-2",
      })
      const again = await call(miniflare, "POST", "/v1/cases", {
        token,
        body: opening(),
        idempotencyKey: "worker-open-2",
      })
      expect(first.status).toBe(201)
      expect(again.status).toBe(201)
      expect(again.headers.get("idempotent-replayed")).toBe("true")
      expect(again.body.id).toBe(first.body.id)
    })

    it("signs a browser in through a real identity provider, the flow kept in PostgreSQL", async () => {
      const origin = "https://gateway.test"
      const provider = await IdentityProvider.start(`${origin}${OidcSignIn.callbackPath}`)
      provider.accounts.set("besnik", {
        name: "Besnik Gashi",
        email: "besnik.gashi@police.example",
        email_verified: true,
        groups: ["dv-investigators"],
      })
      const police = principal("policeOfficer", mechanismId as Id.MechanismId)
      const withOidc = workerd({
        hyperdrive: urlOf(database, true),
        secrets: {
          ...secrets,
          BASHKE_PUBLIC_ORIGIN: origin,
          BASHKE_OIDC_ISSUER: provider.issuer,
          BASHKE_OIDC_AUDIENCE: "bashke",
          BASHKE_OIDC_CLIENT_ID: IdentityProvider.clientId,
          BASHKE_OIDC_CLIENT_SECRET: IdentityProvider.clientSecret,
          BASHKE_OIDC_NAME: "Policia e Kosovës",
          BASHKE_OIDC_CLAIMS: JSON.stringify({
            institution: { id: police.institution, sector: "police" },
            roles: {
              claim: "groups",
              values: { "dv-investigators": [{ role: "case-worker", mechanism: mechanismId }] },
            },
          }),
        },
      })
      try {
        const methods = await withOidc.dispatchFetch(`${origin}/v1/sign-in/methods`)
        expect(await methods.json()).toEqual({ oidc: { name: "Policia e Kosovës", start: "/v1/sign-in/oidc" } })
        const sent = await withOidc.dispatchFetch(`${origin}/v1/sign-in/oidc`, { redirect: "manual" })
        expect(sent.status).toBe(303)
        const flow = (sent.headers.get("set-cookie") ?? "").split(";")[0] as string
        expect(flow).toMatch(/^__Host-bashke-flow=bsf_/)
        const callback = await provider.signIn(sent.headers.get("location") as string, "besnik")
        const finished = await withOidc.dispatchFetch(`${origin}${callback.pathname}${callback.search}`, {
          redirect: "manual",
          headers: { cookie: flow },
        })
        expect(finished.status).toBe(303)
        const session = finished.headers.getSetCookie().find((line) => line.startsWith("__Host-bashke="))
        expect(session).toMatch(/; HttpOnly; SameSite=Strict; Secure$/)
        const me = await withOidc.dispatchFetch(`${origin}/v1/me`, {
          headers: { cookie: (session ?? "").split(";")[0] as string },
        })
        expect(await me.json()).toMatchObject({
          displayName: "Besnik Gashi",
          institution: police.institution,
          roles: ["case-worker"],
          mechanisms: [mechanismId],
        })
        // The flow was taken once: the same answer again finds nothing.
        const replayed = await withOidc.dispatchFetch(`${origin}${callback.pathname}${callback.search}`, {
          redirect: "manual",
          headers: { cookie: flow },
        })
        expect(replayed.status).toBe(401)
        expect(await replayed.json()).toMatchObject({ rule: "identity.provider.flow-unknown" })
      } finally {
        await withOidc.dispose()
        await provider.close()
      }
    })

    it("signs in with a password and TOTP set on Node; a password set in workerd verifies on Node", async () => {
      const who = principal("caseManager", mechanismId as Id.MechanismId)
      const passphrase = "seven green shelters in gjilan"
      // Set on Node (hash-wasm): the password, and a TOTP enrolment confirmed with the previous step's code.
      const secret = await (node as NonNullable<typeof node>).runPromise(
        Effect.gen(function* () {
          const credentials = yield* Credentials.Credentials
          yield* credentials.setPassword(who.id, passphrase)
          const secret = yield* credentials.startTotp(who.id)
          yield* credentials.confirmTotp(who.id, Totp.codeAt(secret, Date.now() - Totp.period * 1000))
          return secret
        }),
      )
      const origin = { origin: "http://gateway.test", "x-bashke-request": "1", "content-type": "application/json" }
      const signIn = (email: string, password: string, code: string) =>
        miniflare.dispatchFetch("http://gateway.test/v1/sign-in/password", {
          method: "POST",
          headers: origin,
          body: JSON.stringify({ email, password, code }),
        })

      const wrong = await signIn(emailOf("caseManager"), "not the passphrase at all", Totp.codeAt(secret, Date.now()))
      expect(wrong.status).toBe(401)
      expect(wrong.headers.get("set-cookie")).toBeNull()
      const refused = await wrong.text()
      expect(JSON.parse(refused)).toMatchObject({ rule: "identity.sign-in.failed" })
      expect(refused).not.toContain(emailOf("caseManager"))

      // Verified in workerd by @noble/hashes against the hash hash-wasm made on Node.
      const right = await signIn(emailOf("caseManager"), passphrase, Totp.codeAt(secret, Date.now()))
      expect(right.status).toBe(200)
      const session = right.headers.getSetCookie().find((line) => line.startsWith("__Host-bashke="))
      expect(session).toMatch(/^__Host-bashke=[^;]+;/)
      expect(await right.json()).toMatchObject({ roles: ["case-worker"], mechanisms: [mechanismId] })

      // The other way round: a password set through the Worker verifies on Node.
      const changed = await miniflare.dispatchFetch("http://gateway.test/v1/me/password", {
        method: "PUT",
        headers: { ...origin, cookie: (session ?? "").split(";")[0] as string },
        body: JSON.stringify({ password: "nine blue benches in prizren" }),
      })
      expect(changed.status).toBe(200)
      const [matches, stale] = await (node as NonNullable<typeof node>).runPromise(
        Effect.gen(function* () {
          const stored = yield* (yield* Credentials.Credentials).passwordHash(who.id)
          const encoded = Option.getOrThrow(stored)
          return [
            yield* Password.verify("nine blue benches in prizren", encoded),
            yield* Password.verify(passphrase, encoded),
          ] as const
        }),
      )
      expect(matches).toBe(true)
      expect(stale).toBe(false)
    })

    it("a Cron Trigger turns the demo's due deadlines into notifications for its people, once", async () => {
      // workerd's `scheduled` handler, as Cloudflare calls it on the wrangler.toml cron.
      const worker = (await miniflare.getWorker()) as unknown as {
        readonly scheduled: (options: { cron: string; scheduledTime: Date }) => Promise<{ outcome: string }>
      }
      const notified = async () =>
        (await rowsOf("SELECT reminder_key, recipient FROM notifications ORDER BY reminder_key, recipient")).map(
          (row) => `${row.reminder_key} ${row.recipient}`,
        )
      expect(await notified()).toEqual([])
      expect((await worker.scheduled({ cron: "*/5 * * * *", scheduledTime: new Date() })).outcome).toBe("ok")
      const first = await notified()
      expect(first.length).toBeGreaterThan(0)
      // Every recipient is one of the demo's people, not a token's principal.
      const people = new Set((await rowsOf("SELECT id FROM identity_people")).map((row) => String(row.id)))
      for (const line of first) expect(people.has(line.split(" ")[1] as string)).toBe(true)
      // A second round finds the same deadlines already told: nothing twice.
      expect((await worker.scheduled({ cron: "*/5 * * * *", scheduledTime: new Date() })).outcome).toBe("ok")
      expect(await notified()).toEqual(first)
    })

    it("draws the auditor's subject-access PDF in the bundled font (pdftotext reads the headings)", async () => {
      const answer = await miniflare.dispatchFetch("http://gateway.test/v1/subject-access/exports.pdf", {
        method: "POST",
        headers: { authorization: `Bearer ${auditorToken}`, "content-type": "application/json" },
        body: JSON.stringify({
          personId: victim,
          reason: "Her written request (right of access)",
          language: "sr-Cyrl",
        }),
      })
      expect(answer.status).toBe(200)
      expect(answer.headers.get("content-type")).toBe("application/pdf")
      // Cyrillic headings read back: the letters are the font's, not missing glyphs.
      const text = pdfText(new Uint8Array(await answer.arrayBuffer()))
      for (const heading of headings) expect(text).toContain(Catalogue.format(caseworkMessages, "sr-Cyrl", heading))
    })

    it("serves concurrent requests in one isolate (each connection belongs to its request)", async () => {
      const writes = await Promise.all(
        Array.from({ length: 4 }, (_, n) =>
          call(miniflare, "POST", "/v1/cases", { token, body: opening(), idempotencyKey: `worker-parallel-${n}` }),
        ),
      )
      expect(writes.map((write) => write.status)).toEqual(Array(4).fill(201))
      const reads = await Promise.all(
        writes.flatMap((write) => [1, 2].map(() => call(miniflare, "GET", `/v1/cases/${write.body.id}`, { token }))),
      )
      expect(reads.map((read) => read.status)).toEqual(Array(8).fill(200))
    })
  })
})

describe("D1: reads only", () => {
  let miniflare: Miniflare
  let node: ManagedRuntime.ManagedRuntime<Services.GatewayServices, never> | undefined
  let token = ""
  const mechanismId = Id.ulidAt(1_767_225_600_000, new Uint8Array(10).fill(9)) as Id.MechanismId

  beforeAll(async () => {
    miniflare = workerd({ d1: true })
    // The Worker never migrates D1 (no transactions there): the deployment step
    // does, here from Node over the same local database.
    const db = await miniflare.getD1Database("DB")
    node = ManagedRuntime.make(
      Services.layer(Services.testKeys).pipe(
        Layer.provideMerge(Layer.orDie(D1Client.layer({ db: steadyD1(db) }))),
        Layer.orDie,
      ),
    )
    await node.runPromise(Migrations.run(migrationPlan))
    const issued = await node.runPromise(
      Effect.flatMap(ApiTokens, (tokens) => tokens.issue(principal("coordinator", mechanismId), "worker")),
    )
    token = issued.token
  })

  afterAll(async () => {
    await miniflare?.dispose()
    await node?.dispose()
  })

  answersTheBasics(() => miniflare)

  it("reads with a token", async () => {
    const listed = await call(miniflare, "GET", `/v1/cases?mechanismId=${mechanismId}`, { token })
    expect(listed.status).toBe(200)
    expect(listed.body.items).toEqual([])
  })

  it("answers every change with 503 gateway.store.read-only and writes nothing", async () => {
    const refused = await call(miniflare, "POST", "/v1/cases", {
      token,
      body: { mechanismId, municipality: "GJI", persons: [{ role: "victim", sex: "female" }] },
      idempotencyKey: "worker-d1-1",
    })
    expect(refused.status).toBe(503)
    expect(refused.body).toMatchObject({ status: 503, rule: "gateway.store.read-only" })
    const db = await miniflare.getD1Database("DB")
    const keys = await db.prepare("SELECT count(*) AS n FROM bashke_idempotency").first<{ n: number }>()
    expect(keys?.n).toBe(0)
  })
})
