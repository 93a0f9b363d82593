// Finding 10 of the outside review: a JWT without `exp` was accepted, and
// neither entry passed OIDC configuration, so no JWT was ever accepted in a
// deployment. Now `exp` is required and the lifetime capped (BASHKE_OIDC_MAX_LIFETIME,
// one hour by default), only the configured asymmetric algorithms verify,
// and the Node entry (`Server.start`, as `bashke start` runs it) reads
// BASHKE_OIDC_* and fetches the provider's keys — through HTTP against a JWKS
// served on loopback. Malformed settings stop the start naming the variable.

import { mkdtempSync } from "node:fs"
import { createServer, type Server } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Duration, Option } from "effect"
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose"
import { lifetimeAllowed, principalClaim } from "../../src/Authentication"
import { principal } from "../../src/demo/World"
import * as OidcSettings from "../../src/OidcSettings"
import { ConfigInvalid, start } from "../../src/Server"
import { databases, makeGateway, ulid } from "../support/Gateway"

const issuer = "https://id.example"
const keyPair = await generateKeyPair("ES256")
const jwk: JWK = { ...(await exportJWK(keyPair.publicKey)), kid: "k1", alg: "ES256" }
const mechanism = ulid(7)
const { kind: _kind, ...claimed } = principal("caseManager", mechanism as never)

const sign = (
  options: { readonly exp?: string | number; readonly iat?: number; readonly iss?: string; readonly aud?: string } = {},
) => {
  const jwt = new SignJWT({ [principalClaim]: claimed })
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setIssuer(options.iss ?? issuer)
    .setAudience(options.aud ?? "bashke")
  if (options.iat !== undefined) jwt.setIssuedAt(options.iat)
  else jwt.setIssuedAt()
  if (options.exp !== undefined) jwt.setExpirationTime(options.exp)
  return jwt.sign(keyPair.privateKey)
}

const sqlite = databases.find((db) => db.name === "sqlite")

describe.skipIf(sqlite === undefined)("JWTs: exp required, lifetime capped, algorithms pinned", () => {
  it("refuses no exp, a lifetime over the cap, a wrong issuer, audience or algorithm; accepts a short one", async () => {
    const gateway = await makeGateway(sqlite!, {
      oidc: { issuer, audience: "bashke", keys: createLocalJWKSet({ keys: [jwk] }) },
    })
    try {
      const call = async (token: string) => {
        const response = await gateway.request("GET", "/v1/me", { token })
        const body = await response.text()
        expect(body).not.toContain(token)
        return { status: response.status, rule: response.status === 401 ? JSON.parse(body).rule : undefined }
      }
      expect(await call(await sign({ exp: "5m" }))).toEqual({ status: 200, rule: undefined })
      expect(await call(await sign())).toEqual({ status: 401, rule: "gateway.jwt.invalid" })
      expect(await call(await sign({ exp: "2h" }))).toEqual({ status: 401, rule: "gateway.jwt.lifetime" })
      // Issued long ago with a far expiry: the lifetime counts from `iat`.
      const now = Math.floor(Date.now() / 1000)
      expect(await call(await sign({ iat: now - 86_400, exp: now + 600 }))).toEqual({
        status: 401,
        rule: "gateway.jwt.lifetime",
      })
      expect(await call(await sign({ exp: "5m", iss: "https://evil.example" }))).toEqual({
        status: 401,
        rule: "gateway.jwt.invalid",
      })
      expect(await call(await sign({ exp: "5m", aud: "another-service" }))).toEqual({
        status: 401,
        rule: "gateway.jwt.invalid",
      })
      // HS256 under the same kid (the public key's bytes as an HMAC secret): never accepted.
      const hs = await new SignJWT({ [principalClaim]: claimed })
        .setProtectedHeader({ alg: "HS256", kid: "k1" })
        .setIssuer(issuer)
        .setAudience("bashke")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode(JSON.stringify(jwk)))
      expect(await call(hs)).toEqual({ status: 401, rule: "gateway.jwt.invalid" })
      const none = `${btoa(JSON.stringify({ alg: "none" }))}.${btoa(JSON.stringify({ iss: issuer, aud: "bashke", exp: now + 60, [principalClaim]: claimed }))}.`
      expect((await call(none.replace(/=/g, ""))).status).toBe(401)
    } finally {
      await gateway.close()
    }
  })

  it("counts the lifetime from iat, or from now without one (property by examples)", () => {
    const hour = Duration.hours(1)
    expect(lifetimeAllowed({ exp: 1000 + 3600, iat: 1000 }, 1000, hour)).toBe(true)
    expect(lifetimeAllowed({ exp: 1000 + 3601, iat: 1000 }, 1000, hour)).toBe(false)
    expect(lifetimeAllowed({ exp: 5000 + 3600 }, 5000, hour)).toBe(true)
    expect(lifetimeAllowed({ exp: 5000 + 3601 }, 5000, hour)).toBe(false)
    expect(lifetimeAllowed({ iat: 1000 }, 1000, hour)).toBe(false)
    // An `iat` in the future does not stretch the window.
    expect(lifetimeAllowed({ exp: 9000, iat: 8000 }, 5000, hour)).toBe(false)
  })

  it("checks BASHKE_OIDC_* at start, naming the variable and never the value", () => {
    expect(OidcSettings.read({})).toEqual(Option.none())
    const failure = (env: Record<string, string>) => {
      try {
        OidcSettings.read(env)
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigInvalid)
        return (error as ConfigInvalid).message
      }
      throw new Error("accepted")
    }
    expect(failure({ BASHKE_OIDC_AUDIENCE: "bashke" })).toContain("BASHKE_OIDC_ISSUER")
    expect(failure({ BASHKE_OIDC_ISSUER: "http://id.example" })).toContain("BASHKE_OIDC_ISSUER")
    expect(failure({ BASHKE_OIDC_ISSUER: issuer })).toContain("BASHKE_OIDC_AUDIENCE")
    expect(
      failure({ BASHKE_OIDC_ISSUER: issuer, BASHKE_OIDC_AUDIENCE: "b", BASHKE_OIDC_MAX_LIFETIME: "3 days" }),
    ).toContain("BASHKE_OIDC_MAX_LIFETIME")
    const hs = failure({ BASHKE_OIDC_ISSUER: issuer, BASHKE_OIDC_AUDIENCE: "b", BASHKE_OIDC_ALGORITHMS: "ES256,HS256" })
    expect(hs).toContain("BASHKE_OIDC_ALGORITHMS")
    expect(
      Option.getOrThrow(OidcSettings.read({ BASHKE_OIDC_ISSUER: `${issuer}/`, BASHKE_OIDC_AUDIENCE: "b" })),
    ).toEqual({
      issuer,
      audience: "b",
      jwksUrl: `${issuer}/.well-known/jwks.json`,
      maxLifetime: Duration.hours(1),
      algorithms: ["RS256", "PS256", "ES256", "EdDSA"],
    })
  })

  it("the Node entry reads BASHKE_OIDC_* and verifies JWTs against the provider's keys", async () => {
    const jwks: Server = createServer((request, response) => {
      if (request.url === "/.well-known/jwks.json") {
        response.writeHead(200, { "content-type": "application/json" })
        response.end(JSON.stringify({ keys: [jwk] }))
      } else {
        response.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve))
    const address = jwks.address()
    const provider = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`
    const directory = mkdtempSync(join(tmpdir(), "bashke-oidc-"))
    const key = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")
    const running = await start({
      databaseUrl: `sqlite:${join(directory, "bashke.db")}`,
      port: 0,
      env: {
        BASHKE_SCHEDULER: "off",
        BASHKE_VAULT_KEYS: `k1:${key()}`,
        BASHKE_BLIND_INDEX_KEY: key(),
        BASHKE_OIDC_ISSUER: provider,
        BASHKE_OIDC_AUDIENCE: "bashke",
      },
    })
    try {
      const token = await new SignJWT({ [principalClaim]: claimed })
        .setProtectedHeader({ alg: "ES256", kid: "k1" })
        .setIssuer(provider)
        .setAudience("bashke")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(keyPair.privateKey)
      const me = await fetch(`${running.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })
      expect(me.status).toBe(200)
      expect(await me.json()).toMatchObject({ id: claimed.id, kind: "user", roles: ["case-worker"] })
      const noExp = await new SignJWT({ [principalClaim]: claimed })
        .setProtectedHeader({ alg: "ES256", kid: "k1" })
        .setIssuer(provider)
        .setAudience("bashke")
        .sign(keyPair.privateKey)
      expect((await fetch(`${running.url}/v1/me`, { headers: { authorization: `Bearer ${noExp}` } })).status).toBe(401)
    } finally {
      await running.close()
      await new Promise<void>((resolve) => jwks.close(() => resolve()))
    }
  })
})
