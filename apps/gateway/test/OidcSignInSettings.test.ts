// The browser sign-in's settings (ADR 0015): BASHKE_OIDC_CLIENT_ID, _SECRET,
// _CLAIMS, _SCOPES and _NAME checked at start, each malformed value stopping
// it naming the variable and never quoting the value (the secret least of
// all); and the Node entry (`Server.start`, as `bashke start` runs it) reading
// them: the sign-in screen learns the provider's name, a browser is sent
// to the real provider with the callback under BASHKE_PUBLIC_ORIGIN, and the
// callback, reaching the instance, signs the person in.
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Option, Redacted } from "effect"
import * as OidcSettings from "../src/OidcSettings"
import { ConfigInvalid, start } from "../src/Server"
import * as IdentityProvider from "./support/IdentityProvider"

const issuer = "https://id.police.example"
const mechanism = "01JA0000000000000000000M01"
const claims = JSON.stringify({
  institution: { id: "01JA0000000000000000000P01", sector: "police" },
  roles: { claim: "groups", values: { "dv-investigators": [{ role: "case-worker", mechanism }] } },
})
const base = {
  BASHKE_OIDC_ISSUER: issuer,
  BASHKE_OIDC_AUDIENCE: "bashke",
  BASHKE_OIDC_CLIENT_ID: "bashke-gateway",
  BASHKE_OIDC_CLIENT_SECRET: "s3cret-value-never-shown",
  BASHKE_OIDC_CLAIMS: claims,
}

const failure = (env: Record<string, string>) => {
  try {
    OidcSettings.read(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigInvalid)
    const message = (error as ConfigInvalid).message
    for (const value of Object.values(env)) if (value.length > 6) expect(message).not.toContain(value)
    return message
  }
  throw new Error("accepted")
}

describe("OIDC browser sign-in settings", () => {
  it("reads the client, the mapping, the scopes and the name; the secret stays redacted", () => {
    const settings = Option.getOrThrow(OidcSettings.read(base))
    expect(settings.browser).toMatchObject({
      clientId: "bashke-gateway",
      scopes: ["openid", "profile", "email"],
      name: "id.police.example",
      mapping: JSON.parse(claims),
    })
    expect(Redacted.value(settings.browser?.clientSecret ?? Redacted.make(""))).toBe("s3cret-value-never-shown")
    expect(JSON.stringify(settings)).not.toContain("s3cret")
    expect(String(settings.browser?.clientSecret)).not.toContain("s3cret")
    const named = Option.getOrThrow(
      OidcSettings.read({ ...base, BASHKE_OIDC_SCOPES: "openid email groups", BASHKE_OIDC_NAME: "Policia e Kosovës" }),
    )
    expect(named.browser?.scopes).toEqual(["openid", "email", "groups"])
    expect(named.browser?.name).toBe("Policia e Kosovës")
    // Without a client id, bearer JWTs only.
    const { BASHKE_OIDC_CLIENT_ID: _, BASHKE_OIDC_CLIENT_SECRET: __, BASHKE_OIDC_CLAIMS: ___, ...jwtOnly } = base
    expect(Option.getOrThrow(OidcSettings.read(jwtOnly)).browser).toBeUndefined()
  })

  it("a malformed or missing value stops the start, naming the variable", () => {
    const { BASHKE_OIDC_CLIENT_ID: _, ...withoutClient } = base
    expect(failure(withoutClient)).toContain("BASHKE_OIDC_CLIENT_ID")
    expect(failure({ ...base, BASHKE_OIDC_CLIENT_ID: "has space" })).toContain("BASHKE_OIDC_CLIENT_ID")
    const { BASHKE_OIDC_CLIENT_SECRET: __, ...withoutSecret } = base
    expect(failure(withoutSecret)).toContain("BASHKE_OIDC_CLIENT_SECRET")
    const { BASHKE_OIDC_CLAIMS: ___, ...withoutClaims } = base
    expect(failure(withoutClaims)).toContain("BASHKE_OIDC_CLAIMS")
    expect(failure({ ...base, BASHKE_OIDC_CLAIMS: "{not json" })).toContain("BASHKE_OIDC_CLAIMS")
    const rootRole = claims.replace('"case-worker"', '"root"')
    expect(failure({ ...base, BASHKE_OIDC_CLAIMS: rootRole })).toContain("BASHKE_OIDC_CLAIMS")
    const misspelt = claims.replace('"roles"', '"role"')
    expect(failure({ ...base, BASHKE_OIDC_CLAIMS: misspelt })).toContain("BASHKE_OIDC_CLAIMS")
    expect(failure({ ...base, BASHKE_OIDC_SCOPES: "profile email" })).toContain("BASHKE_OIDC_SCOPES")
    expect(failure({ ...base, BASHKE_OIDC_NAME: "x".repeat(81) })).toContain("BASHKE_OIDC_NAME")
    // Browser variables without an issuer: the issuer is what is missing.
    expect(failure({ BASHKE_OIDC_CLIENT_ID: "bashke-gateway" })).toContain("BASHKE_OIDC_ISSUER")
  })

  it("the Node entry offers the provider and sends a browser to it, the callback under BASHKE_PUBLIC_ORIGIN", async () => {
    const origin = "https://bashke.gjilan.example"
    const provider = await IdentityProvider.start(`${origin}/v1/sign-in/oidc/callback`)
    const directory = mkdtempSync(join(tmpdir(), "bashke-oidc-browser-"))
    const key = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64")
    const running = await start({
      databaseUrl: `sqlite:${join(directory, "bashke.db")}`,
      port: 0,
      env: {
        BASHKE_SCHEDULER: "off",
        BASHKE_VAULT_KEYS: `k1:${key()}`,
        BASHKE_BLIND_INDEX_KEY: key(),
        BASHKE_PUBLIC_ORIGIN: origin,
        ...base,
        BASHKE_OIDC_ISSUER: provider.issuer,
        BASHKE_OIDC_CLIENT_ID: IdentityProvider.clientId,
        BASHKE_OIDC_CLIENT_SECRET: IdentityProvider.clientSecret,
        BASHKE_OIDC_NAME: "QPS Gjilan",
      },
    })
    try {
      const methods = await fetch(`${running.url}/v1/sign-in/methods`)
      expect(await methods.json()).toEqual({ oidc: { name: "QPS Gjilan", start: "/v1/sign-in/oidc" } })
      const sent = await fetch(`${running.url}/v1/sign-in/oidc`, { redirect: "manual" })
      expect(sent.status).toBe(303)
      const authorize = new URL(sent.headers.get("location") ?? "")
      expect(authorize.origin).toBe(provider.issuer)
      expect(authorize.searchParams.get("redirect_uri")).toBe(`${origin}/v1/sign-in/oidc/callback`)
      // The provider accepts the request and sends the browser back to the public origin's callback…
      provider.accounts.set("besnik", {
        name: "Besnik Gashi",
        email: "besnik.gashi@police.example",
        email_verified: true,
        groups: ["dv-investigators"],
      })
      const callback = await provider.signIn(authorize.toString(), "besnik")
      expect(`${callback.origin}${callback.pathname}`).toBe(`${origin}/v1/sign-in/oidc/callback`)
      // …which, reaching this instance, signs the person in.
      const flow = (sent.headers.get("set-cookie") ?? "").split(";")[0] as string
      const finished = await fetch(`${running.url}${callback.pathname}${callback.search}`, {
        redirect: "manual",
        headers: { cookie: flow },
      })
      expect(finished.status).toBe(303)
      const session = (finished.headers.getSetCookie().find((line) => line.startsWith("bashke=")) ?? "").split(";")[0]
      const me = await fetch(`${running.url}/v1/me`, { headers: { cookie: session as string } })
      expect(await me.json()).toMatchObject({
        displayName: "Besnik Gashi",
        roles: ["case-worker"],
        mechanisms: [mechanism],
      })
    } finally {
      await running.close()
      await provider.close()
    }
  })
})
