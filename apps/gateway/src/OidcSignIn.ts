/**
 * The gateway as a client of an institution's identity provider, for
 * browsers (OpenID Connect, authorization code with PKCE; ADR 0015): where to
 * send a browser (the provider's authorization endpoint with the flow's
 * state, nonce and S256 code challenge), and what the provider's one-time
 * code proves (exchanged at the token endpoint with the client's credentials
 * and the PKCE verifier; the ID token verified for its issuer, audience,
 * algorithm, expiry and nonce). The endpoints come from the provider's
 * discovery document, fetched once per instance and checked to name the
 * configured issuer. Only `fetch` and WebCrypto: it runs on Node and Workers.
 *
 * A provider that cannot be reached, or answers with a server error, is an
 * infrastructure failure (a defect, 500); a code it refuses, or a token that
 * does not verify, is `Unauthenticated` naming the rule.
 */
import type { ProviderClaims, ProviderFlows } from "@bashke/identity"
import { Errors, Instant } from "@bashke/kernel"
import { Context, Effect, type Option, Redacted } from "effect"
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from "jose"

/** What the client is configured with (`OidcSettings` and the public origin). */
export interface Options {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: Redacted.Redacted<string>
  /** `<public origin>/v1/sign-in/oidc/callback`, as registered at the provider. */
  readonly redirectUri: string
  readonly scopes: ReadonlyArray<string>
  readonly algorithms: ReadonlyArray<string>
  readonly mapping: ProviderClaims.Mapping
  /** The provider's name, for the sign-in button. */
  readonly name: string
  /** How the provider is reached; the platform's `fetch` unless set. */
  readonly fetch?: typeof fetch
}

/** A configured provider. */
export interface Client {
  readonly issuer: string
  readonly name: string
  readonly mapping: ProviderClaims.Mapping
  /** The provider's authorization endpoint with `flow`'s parameters. */
  readonly authorizationUrl: (flow: Omit<ProviderFlows.Pending, "browser">) => Effect.Effect<string>
  /**
   * The verified ID token's claims for the provider's `code`, finishing `flow`:
   * `gateway.oidc.code-refused` when the token endpoint refuses the code (used
   * already, another flow's verifier), `gateway.oidc.id-token` when the token
   * does not verify, `gateway.oidc.nonce` when it is another flow's.
   */
  readonly redeem: (
    code: string,
    flow: ProviderFlows.Taken,
  ) => Effect.Effect<Readonly<Record<string, unknown>>, Errors.Unauthenticated>
}

/** The provider browsers sign in at, for the routes; none when not configured. */
export class OidcSignIn extends Context.Tag("@bashke/gateway/OidcSignIn")<OidcSignIn, Option.Option<Client>>() {}

/** The path of the callback, under the public origin. */
export const callbackPath = "/v1/sign-in/oidc/callback"

interface Endpoints {
  readonly authorization: string
  readonly token: string
  readonly keys: JWTVerifyGetKey
}

const refused = (rule: string) => new Errors.Unauthenticated({ rule })

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "")

/** The S256 code challenge of a PKCE verifier (RFC 7636 §4.2). */
export const codeChallenge = (verifier: string): Effect.Effect<string> =>
  Effect.promise(() => crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))).pipe(
    Effect.map((digest) => base64url(new Uint8Array(digest))),
  )

const loopback = new Set(["127.0.0.1", "localhost", "[::1]"])

/** Whether `value` is an address the gateway may be sent to: https, or plain HTTP on this machine (as the issuer may be). */
const endpointOk = (value: unknown): value is string => {
  if (typeof value !== "string" || !URL.canParse(value)) return false
  const url = new URL(value)
  return url.protocol === "https:" || (url.protocol === "http:" && loopback.has(url.hostname))
}

/** A client of the provider `options` describe; nothing is fetched until a browser needs it. */
export const make = (options: Options): Client => {
  const request = options.fetch ?? ((input, init) => fetch(input, init))
  let discovered: Promise<Endpoints> | undefined

  const discover = async (): Promise<Endpoints> => {
    const response = await request(`${options.issuer}/.well-known/openid-configuration`, {
      headers: { accept: "application/json" },
      // Workers know only "follow" and "manual": a redirect is answered, and refused, here.
      redirect: "manual",
    })
    if (response.status !== 200) throw new Error(`discovery answered ${response.status}`)
    const document = (await response.json()) as Record<string, unknown>
    // A document naming another issuer is not this provider's (OIDC Discovery §4.3).
    if (document.issuer !== options.issuer) throw new Error("discovery names another issuer")
    const { authorization_endpoint: authorization, token_endpoint: token, jwks_uri: jwks } = document
    if (!endpointOk(authorization) || !endpointOk(token) || !endpointOk(jwks))
      throw new Error("discovery lacks an endpoint")
    return { authorization, token, keys: createRemoteJWKSet(new URL(jwks)) }
  }

  // Fetched once per instance; a failure is forgotten, so the next browser tries again.
  const endpoints = Effect.tryPromise(() => {
    discovered ??= discover().catch((error) => {
      discovered = undefined
      throw error
    })
    return discovered
  }).pipe(Effect.orDie)

  const authorizationUrl: Client["authorizationUrl"] = (flow) =>
    Effect.gen(function* () {
      const { authorization } = yield* endpoints
      const url = new URL(authorization)
      url.searchParams.set("response_type", "code")
      url.searchParams.set("client_id", options.clientId)
      url.searchParams.set("redirect_uri", options.redirectUri)
      url.searchParams.set("scope", options.scopes.join(" "))
      url.searchParams.set("state", flow.state)
      url.searchParams.set("nonce", flow.nonce)
      url.searchParams.set("code_challenge", yield* codeChallenge(flow.verifier))
      url.searchParams.set("code_challenge_method", "S256")
      if (options.mapping.acr !== undefined) url.searchParams.set("acr_values", options.mapping.acr.join(" "))
      return url.toString()
    })

  const redeem: Client["redeem"] = (code, flow) =>
    Effect.gen(function* () {
      const { token, keys } = yield* endpoints
      // RFC 6749 §2.3.1: each part form-encoded, then Basic.
      const basic = btoa(
        `${encodeURIComponent(options.clientId)}:${encodeURIComponent(Redacted.value(options.clientSecret))}`,
      )
      const response = yield* Effect.tryPromise(() =>
        request(token, {
          method: "POST",
          headers: {
            authorization: `Basic ${basic}`,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: new URLSearchParams({
            grant_type: "authorization_code",
            code,
            redirect_uri: options.redirectUri,
            code_verifier: flow.verifier,
          }).toString(),
          redirect: "manual",
        }),
      ).pipe(Effect.orDie)
      // A server error, or a redirect (never a token endpoint's answer), is the provider's trouble, not the browser's.
      if (response.status >= 500 || (response.status >= 300 && response.status < 400))
        return yield* Effect.dieMessage(`token endpoint answered ${response.status}`)
      if (!response.ok) {
        yield* Effect.promise(() => response.body?.cancel() ?? Promise.resolve())
        return yield* Effect.fail(refused("gateway.oidc.code-refused"))
      }
      const body = yield* Effect.tryPromise(() => response.json() as Promise<unknown>).pipe(
        Effect.mapError(() => refused("gateway.oidc.id-token")),
      )
      const idToken = (body as { id_token?: unknown } | null)?.id_token
      if (typeof idToken !== "string") return yield* Effect.fail(refused("gateway.oidc.id-token"))
      const now = yield* Instant.now
      const verified = yield* Effect.tryPromise({
        try: () =>
          jwtVerify(idToken, keys, {
            issuer: options.issuer,
            audience: options.clientId,
            algorithms: [...options.algorithms],
            requiredClaims: ["exp", "iat", "sub", "nonce"],
            currentDate: now,
          }),
        catch: () => refused("gateway.oidc.id-token"),
      })
      const claims = verified.payload as Readonly<Record<string, unknown>>
      // OIDC Core §3.1.3.7: with several audiences, `azp` must be this client.
      if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== options.clientId)
        return yield* Effect.fail(refused("gateway.oidc.id-token"))
      if (claims.nonce !== flow.nonce) return yield* Effect.fail(refused("gateway.oidc.nonce"))
      return claims
    })

  return { issuer: options.issuer, name: options.name, mapping: options.mapping, authorizationUrl, redeem }
}
