// A real OpenID Provider (`oidc-provider`, a certified implementation) on a
// loopback port, for tests of browsers signing in through an institution's
// provider: one confidential client (Bashkë), accounts given by the test
// (`findAccount`), the provider's own development login and consent pages,
// and a browser that drives them over HTTP — following redirects, keeping
// the provider's cookies, submitting its forms — until the provider sends it
// back to Bashkë's callback.
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { exportJWK, generateKeyPair } from "jose"
import Provider from "oidc-provider"

export const clientId = "bashke-gateway"
export const clientSecret = "a-client-secret-for-tests-only-0123456789"

export interface IdentityProvider {
  readonly issuer: string
  /** The claims of each account, by account id (its `sub`). */
  readonly accounts: Map<string, Record<string, unknown>>
  /**
   * Signs `account` in at the provider, starting from its authorization URL
   * (`authorize`, which the test may change first), and returns the URL the
   * provider sends the browser back to.
   */
  readonly signIn: (authorize: string, account: string) => Promise<URL>
  readonly close: () => Promise<void>
}

/** The provider, its client registered with `redirectUri`. */
export const start = async (redirectUri: string): Promise<IdentityProvider> => {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { privateKey } = await generateKeyPair("RS256", { extractable: true })
  const accounts = new Map<string, Record<string, unknown>>()
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" }] },
    cookies: { keys: ["oidc-provider-cookie-key-for-tests"] },
    // The institution's groups travel with `openid`, as an operator would configure.
    claims: { openid: ["sub", "groups"], profile: ["name", "locale"], email: ["email", "email_verified"] },
    // Claims in the ID token itself: the gateway reads no userinfo (ADR 0015).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => {
      const claims = accounts.get(id)
      return claims === undefined ? undefined : { accountId: id, claims: () => ({ sub: id, ...claims }) }
    },
  })
  server.on("request", provider.callback())

  const signIn = async (authorize: string, account: string): Promise<URL> => {
    const jar = new Map<string, string>()
    const remember = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ""] = line.split(";")
        const at = pair.indexOf("=")
        const name = pair.slice(0, at).trim()
        const value = pair.slice(at + 1).trim()
        if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name)
        else jar.set(name, value)
      }
    }
    const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ")
    let next: { url: string; form?: URLSearchParams } = { url: authorize }
    for (let step = 0; step < 20; step += 1) {
      const response = await fetch(next.url, {
        method: next.form === undefined ? "GET" : "POST",
        redirect: "manual",
        headers: {
          cookie: cookie(),
          ...(next.form === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        },
        ...(next.form === undefined ? {} : { body: next.form.toString() }),
      })
      remember(response)
      const location = response.headers.get("location")
      if (response.status >= 300 && response.status < 400 && location !== null) {
        const target = new URL(location, next.url)
        if (target.origin !== issuer) return target
        next = { url: target.toString() }
        continue
      }
      const page = await response.text()
      if (response.status !== 200) throw new Error(`the provider answered ${response.status}: ${page.slice(0, 300)}`)
      // The development pages: a login form, then a consent form.
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1]
      const prompt = /name="prompt" value="([a-z]+)"/.exec(page)?.[1]
      if (action === undefined || prompt === undefined) throw new Error("the provider showed no form")
      const form = new URLSearchParams({ prompt })
      if (prompt === "login") {
        form.set("login", account)
        form.set("password", "any")
      }
      next = { url: new URL(action.replace(/&amp;/g, "&"), next.url).toString(), form }
    }
    throw new Error("the provider never sent the browser back")
  }

  return {
    issuer,
    accounts,
    signIn,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error === undefined ? resolve() : reject(error)))
      }),
  }
}
