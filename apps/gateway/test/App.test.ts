// The request pipeline every route shares: who is calling, what they send,
// which version they read, whether they sent it before, and how a refusal
// reads. Run on SQLite and PostgreSQL through the case routes.
import type { Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose"
import { principalClaim } from "../src/Authentication"
import { seed } from "../src/demo/Seed"
import { principal } from "../src/demo/World"
import { databases, type Gateway, makeGateway } from "./support/Gateway"

const problemType = (slug: string) => `https://bashke.org/problems/${slug}`

const countCases = (gateway: Gateway) =>
  gateway.runtime.runPromise(
    Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ n: number | string }>`SELECT count(*) AS n FROM cases`).pipe(
      Effect.map((rows) => Number(rows[0]?.n)),
      Effect.orDie,
    ),
  )

const newCase = (mechanismId: Id.MechanismId) => ({
  mechanismId,
  municipality: "GJI",
  persons: [
    { role: "victim", sex: "female", birthYear: 1990, details: { givenName: "Lirie", phone: "+383 44 999 111" } },
  ],
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the request pipeline`, () => {
    let gateway: Gateway
    let mechanismId: Id.MechanismId
    let token: string
    let highRisk: Id.CaseId
    let highRiskVersion: number

    beforeAll(async () => {
      gateway = await makeGateway(db)
      const seeded = await gateway.runtime.runPromise(seed)
      mechanismId = seeded.mechanismId
      highRisk = seeded.cases?.highRisk.caseId as Id.CaseId
      highRiskVersion = seeded.cases?.highRisk.version as number
      token = await gateway.tokenFor(principal("caseManager", mechanismId))
    })
    afterAll(() => gateway.close())

    describe("authentication", () => {
      it("refuses a request without credentials with a 401 problem", async () => {
        const response = await gateway.request("GET", `/v1/cases?mechanismId=${mechanismId}`)
        expect(response.status).toBe(401)
        expect(response.headers.get("content-type")).toBe("application/problem+json")
        expect(await response.json()).toMatchObject({
          type: problemType("unauthenticated"),
          status: 401,
          rule: "gateway.token.missing",
        })
      })

      it("refuses an unknown or revoked token, and never echoes it", async () => {
        const response = await gateway.request("GET", `/v1/cases?mechanismId=${mechanismId}`, {
          token: "bsk_not-a-real-token",
        })
        expect(response.status).toBe(401)
        const text = await response.text()
        expect(text).toContain("gateway.token.unknown")
        expect(text).not.toContain("not-a-real-token")
      })

      it("accepts an OIDC JWT verified against the JWKS, and refuses a wrong issuer or missing claims", async () => {
        const { publicKey, privateKey } = await generateKeyPair("ES256")
        const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256" }
        const withJwt = await makeGateway(db, {
          oidc: { issuer: "https://id.example", audience: "bashke", keys: createLocalJWKSet({ keys: [jwk] }) },
        })
        try {
          const sign = (claims: Record<string, unknown>, issuer = "https://id.example") =>
            new SignJWT(claims)
              .setProtectedHeader({ alg: "ES256", kid: "k1" })
              .setIssuer(issuer)
              .setAudience("bashke")
              .setExpirationTime("5m")
              .sign(privateKey)
          const { kind: _kind, ...claimed } = principal("caseManager", mechanismId)
          const good = await sign({ [principalClaim]: claimed })
          // Another database: the mechanism is unknown there, so the list is refused by policy, not by authentication.
          const ok = await withJwt.request("GET", "/v1/cases/01KZZZZZZZZZZZZZZZZZZZZZZZ", { token: good })
          expect(ok.status).not.toBe(401)

          const wrongIssuer = await withJwt.request("GET", "/v1/cases/01KZZZZZZZZZZZZZZZZZZZZZZZ", {
            token: await sign({ [principalClaim]: claimed }, "https://evil.example"),
          })
          expect(wrongIssuer.status).toBe(401)
          expect((await wrongIssuer.json()).rule).toBe("gateway.jwt.invalid")

          const noClaims = await withJwt.request("GET", "/v1/cases/01KZZZZZZZZZZZZZZZZZZZZZZZ", {
            token: await sign({ sub: "someone" }),
          })
          expect(noClaims.status).toBe(401)
          expect((await noClaims.json()).rule).toBe("gateway.jwt.claims")
        } finally {
          await withJwt.close()
        }
        // The gateway without OIDC configured refuses every JWT.
        const jwtShaped = await gateway.request("GET", `/v1/cases/${highRisk}`, { token: "a.b.c" })
        expect((await jwtShaped.json()).rule).toBe("gateway.jwt.not-configured")
      })

      it("limits the rate per principal with 429 and Retry-After", async () => {
        const limited = await makeGateway(db, { rateLimit: { perMinute: 60, burst: 2 } })
        try {
          const limitedToken = await limited.tokenFor(principal("caseManager", mechanismId))
          const statuses = []
          for (let i = 0; i < 3; i++) {
            statuses.push((await limited.request("GET", `/v1/cases/${highRisk}`, { token: limitedToken })).status)
          }
          expect(statuses.slice(0, 2)).not.toContain(429)
          const refused = await limited.request("GET", `/v1/cases/${highRisk}`, { token: limitedToken })
          expect(refused.status).toBe(429)
          expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1)
          expect((await refused.json()).type).toBe(problemType("rate-limited"))
        } finally {
          await limited.close()
        }
      })
    })

    describe("bad input changes nothing", () => {
      it("refuses a body that is not JSON, not sent as JSON, or too large", async () => {
        const before = await countCases(gateway)
        const malformed = await gateway.request("POST", "/v1/cases", { token, rawBody: "{nope" })
        expect(malformed.status).toBe(400)
        expect((await malformed.json()).type).toBe(problemType("malformed-json"))

        const wrongType = await gateway.request("POST", "/v1/cases", {
          token,
          rawBody: JSON.stringify(newCase(mechanismId)),
          headers: { "content-type": "text/plain" },
        })
        expect(wrongType.status).toBe(415)
        expect(await wrongType.json()).toMatchObject({ field: "Content-Type", location: "header" })

        const huge = await gateway.request("POST", "/v1/cases", {
          token,
          body: { ...newCase(mechanismId), padding: "x".repeat(2 * 1024 * 1024) },
        })
        expect(huge.status).toBe(413)
        expect((await huge.json()).type).toBe(problemType("payload-too-large"))
        expect(await countCases(gateway)).toBe(before)
      })

      it("names an unknown field and an invalid one, never their values", async () => {
        const before = await countCases(gateway)
        const unknown = await gateway.request("POST", "/v1/cases", {
          token,
          body: { ...newCase(mechanismId), nickname: "Lirie-secret" },
        })
        expect(unknown.status).toBe(422)
        const unknownBody = await unknown.text()
        expect(JSON.parse(unknownBody)).toMatchObject({
          type: problemType("invalid-input"),
          field: "input",
          rule: "gateway.input.unknown-field",
          location: "body",
        })
        expect(unknownBody).not.toContain("Lirie-secret")

        const invalid = await gateway.request("POST", "/v1/cases", {
          token,
          body: { ...newCase(mechanismId), persons: [{ role: "victim", sex: "unknown-value-XYZ" }] },
        })
        expect(invalid.status).toBe(422)
        const invalidBody = await invalid.text()
        expect(JSON.parse(invalidBody)).toMatchObject({ field: "persons.0.sex", rule: "case.person.sex.unknown" })
        expect(invalidBody).not.toContain("unknown-value-XYZ")

        const badPath = await gateway.request("GET", "/v1/cases/not-an-id", { token })
        expect(badPath.status).toBe(422)
        expect(await badPath.json()).toMatchObject({ field: "caseId", location: "path" })
        expect(await countCases(gateway)).toBe(before)
      })

      it("answers in the caller's language", async () => {
        const response = await gateway.request("GET", "/v1/cases?mechanismId=x", {
          token,
          headers: { "accept-language": "sr-Cyrl" },
        })
        expect((await response.json()).title).toBe("Неисправни подаци")
      })
    })

    describe("idempotency keys", () => {
      it("refuses a POST without one", async () => {
        const response = await gateway.request("POST", "/v1/cases", {
          token,
          body: newCase(mechanismId),
          idempotencyKey: "",
        })
        expect(response.status).toBe(400)
        expect(await response.json()).toMatchObject({
          field: "Idempotency-Key",
          rule: "gateway.idempotency-key.required",
        })
      })

      it("replays the first answer to a retry, and refuses the key for another body with 422", async () => {
        const before = await countCases(gateway)
        const first = await gateway.request("POST", "/v1/cases", {
          token,
          body: newCase(mechanismId),
          idempotencyKey: "open-once",
        })
        expect(first.status).toBe(201)
        const opened = await first.json()
        const retry = await gateway.request("POST", "/v1/cases", {
          token,
          body: newCase(mechanismId),
          idempotencyKey: "open-once",
        })
        expect(retry.status).toBe(201)
        expect(retry.headers.get("idempotent-replayed")).toBe("true")
        expect(await retry.json()).toEqual(opened)
        expect(await countCases(gateway)).toBe(before + 1)

        const reused = await gateway.request("POST", "/v1/cases", {
          token,
          body: { ...newCase(mechanismId), municipality: "PRI" },
          idempotencyKey: "open-once",
        })
        expect(reused.status).toBe(422)
        expect(await reused.json()).toMatchObject({
          type: problemType("idempotency-key-reused"),
          field: "Idempotency-Key",
        })
        expect(await countCases(gateway)).toBe(before + 1)
      })
    })

    describe("versions", () => {
      it("answers a read with its ETag; a change without If-Match is 428, with a stale one 412, nothing written", async () => {
        const read = await gateway.request("GET", `/v1/cases/${highRisk}`, { token })
        expect(read.status).toBe(200)
        expect(read.headers.get("etag")).toBe(`"${highRiskVersion}"`)

        const transition = { command: "monitor" }
        const missing = await gateway.request("POST", `/v1/cases/${highRisk}/transitions`, { token, body: transition })
        expect(missing.status).toBe(428)
        expect(await missing.json()).toMatchObject({ field: "If-Match", rule: "gateway.if-match.required" })

        const stale = await gateway.request("POST", `/v1/cases/${highRisk}/transitions`, {
          token,
          body: transition,
          ifMatch: `"${highRiskVersion - 1}"`,
        })
        expect(stale.status).toBe(412)
        expect((await stale.json()).type).toBe(problemType("stale-version"))

        // A command the lifecycle does not have, or a reason of another command: the field named, nothing written.
        for (const [body, field, rule] of [
          [{ command: "archive" }, "command", "gateway.input.invalid"],
          [{ command: "close", reason: "tired" }, "reason", "case.closure.reason-unknown"],
          [{ command: "close", reason: "new-incident" }, "reason", "case.closure.reason-unknown"],
        ] as const) {
          const refused = await gateway.request("POST", `/v1/cases/${highRisk}/transitions`, {
            token,
            body,
            ifMatch: `"${highRiskVersion}"`,
          })
          expect([body, refused.status]).toEqual([body, 422])
          expect(await refused.json()).toMatchObject({ field, rule })
        }
        const unchanged = await gateway.request("GET", `/v1/cases/${highRisk}`, { token })
        expect(unchanged.headers.get("etag")).toBe(`"${highRiskVersion}"`)

        const done = await gateway.request("POST", `/v1/cases/${highRisk}/transitions`, {
          token,
          body: transition,
          ifMatch: `"${highRiskVersion}"`,
        })
        expect(done.status).toBe(200)
        expect(done.headers.get("etag")).toBe(`"${highRiskVersion + 1}"`)
        expect((await done.json()).status).toBe("monitoring")
        const after = await gateway.request("GET", `/v1/cases/${highRisk}`, { token })
        expect(after.headers.get("etag")).toBe(`"${highRiskVersion + 1}"`)
      })
    })

    describe("the edges", () => {
      it("answers an unknown path with 404 and a known path's wrong method with 405 and Allow", async () => {
        const missing = await gateway.request("GET", "/v1/nothing-here", { token })
        expect(missing.status).toBe(404)
        expect((await missing.json()).type).toBe(problemType("route-not-found"))
        const wrongMethod = await gateway.request("DELETE", `/v1/cases/${highRisk}`, { token })
        expect(wrongMethod.status).toBe(405)
        expect(wrongMethod.headers.get("allow")).toContain("GET")
      })

      it("sends secure headers and a request id, and CORS only to configured origins", async () => {
        const response = await gateway.request("GET", "/health")
        expect(response.status).toBe(200)
        expect(response.headers.get("x-content-type-options")).toBe("nosniff")
        expect(response.headers.get("request-id")).toMatch(/\S+/)
        const withCors = await makeGateway(db, { corsOrigins: ["https://app.example"] })
        try {
          const allowed = await withCors.app.request("/health", { headers: { origin: "https://app.example" } })
          expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example")
          const other = await withCors.app.request("/health", { headers: { origin: "https://evil.example" } })
          expect(other.headers.get("access-control-allow-origin")).toBeNull()
        } finally {
          await withCors.close()
        }
      })

      it("describes every route in /openapi.json, with the schemas it decodes with", async () => {
        const response = await gateway.request("GET", "/openapi.json")
        const document = await response.json()
        expect(document.openapi).toBe("3.1.0")
        const operations = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>)
          .flatMap((operations) => Object.values(operations))
          .map((operation) => operation.operationId)
        expect(operations).toContain("openCase")
        expect(operations).toContain("readPersonalDetails")
        expect(new Set(operations).size).toBe(operations.length)
        const docs = await gateway.request("GET", "/docs")
        expect(await docs.text()).toContain("openCase")
      })

      it("logs a line per request with the route pattern, never the URL or a body", async () => {
        gateway.logs.length = 0
        await gateway.request("POST", "/v1/cases", {
          token,
          body: {
            ...newCase(mechanismId),
            persons: [{ role: "victim", sex: "female", details: { givenName: "Zana-LOG" } }],
          },
        })
        await gateway.request("GET", `/v1/cases/${highRisk}`, { token })
        const logged = JSON.stringify(gateway.logs)
        expect(gateway.logs.map((line) => line.route)).toEqual(["/v1/cases", "/v1/cases/:caseId"])
        expect(logged).not.toContain("Zana-LOG")
        expect(logged).not.toContain(highRisk)
      })
    })
  })
}
