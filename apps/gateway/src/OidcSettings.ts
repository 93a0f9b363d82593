/**
 * OIDC bearer JWTs from an institution's identity provider, configured by the
 * environment of either entry (Node and Workers read the same variables):
 *
 * - `BASHKE_OIDC_ISSUER`: the provider's issuer (`https://id.example.org`);
 *   unset, the gateway accepts API tokens and sessions only;
 * - `BASHKE_OIDC_AUDIENCE`: the audience tokens for Bashkë carry (required
 *   with the issuer);
 * - `BASHKE_OIDC_JWKS_URL`: where the provider's keys are (default
 *   `<issuer>/.well-known/jwks.json`, as `oidc-provider` serves them; take
 *   `jwks_uri` from the provider's discovery document if it differs);
 * - `BASHKE_OIDC_MAX_LIFETIME`: the longest lifetime a token may claim
 *   (`exp` minus `iat`, or minus now without `iat`): default "1 hour", at most
 *   "24 hours";
 * - `BASHKE_OIDC_ALGORITHMS`: the accepted signature algorithms (default
 *   `RS256,PS256,ES256,EdDSA`); symmetric ones and `none` are never accepted.
 *
 * Browsers sign in at the provider (authorization code with PKCE, ADR 0015)
 * when the gateway is registered there as a client:
 *
 * - `BASHKE_OIDC_CLIENT_ID` and `BASHKE_OIDC_CLIENT_SECRET`: the client's
 *   credentials (sent to the token endpoint as HTTP Basic); the redirect URI
 *   to register is `<BASHKE_PUBLIC_ORIGIN>/v1/sign-in/oidc/callback`;
 * - `BASHKE_OIDC_CLAIMS`: the claim mapping, JSON (`ProviderClaims.Mapping`
 *   of `@bashke/identity`): the institution, fixed or by a claim, and the
 *   grants each value of a claim gives, e.g.
 *   `{"institution":{"id":"01J…"},"roles":{"claim":"groups","values":{"dv-investigators":[{"role":"case-worker","mechanism":"01J…"}]}}}`;
 * - `BASHKE_OIDC_SCOPES`: the scopes asked for (default `openid profile email`;
 *   `openid` always among them);
 * - `BASHKE_OIDC_NAME`: the provider's name on the sign-in button (default
 *   the issuer's host).
 *
 * Each is checked at start: a malformed value stops it, naming the variable.
 */
import { ProviderClaims } from "@bashke/identity"
import { Duration, Either, Option, Redacted } from "effect"
import { createRemoteJWKSet } from "jose"
import type { Oidc } from "./Authentication"
import { ConfigInvalid } from "./NotificationSettings"
import * as OidcSignIn from "./OidcSignIn"

type Env = Readonly<Record<string, string | undefined>>

/** How browsers sign in at the provider: the gateway as its client. */
export interface Browser {
  readonly clientId: string
  readonly clientSecret: Redacted.Redacted<string>
  readonly mapping: ProviderClaims.Mapping
  readonly scopes: ReadonlyArray<string>
  /** The provider's name, for the sign-in button. */
  readonly name: string
}

/** The configuration, before its keys are fetched. */
export interface Settings {
  readonly issuer: string
  readonly audience: string
  readonly jwksUrl: string
  readonly maxLifetime: Duration.Duration
  readonly algorithms: ReadonlyArray<string>
  /** Set when `BASHKE_OIDC_CLIENT_ID` is. */
  readonly browser?: Browser
}

/** The algorithms a token may be signed with: asymmetric only. */
export const asymmetric: ReadonlyArray<string> = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
]

const defaultAlgorithms = ["RS256", "PS256", "ES256", "EdDSA"]
const longest = Duration.hours(24)

const set = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === "" ? undefined : value.trim()

const httpsUrl = (variable: string, value: string, loopbackHttp: boolean): string => {
  const url = URL.canParse(value) ? new URL(value) : undefined
  const local =
    url !== undefined && url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)
  if (url === undefined || !(url.protocol === "https:" || (loopbackHttp && local)))
    throw new ConfigInvalid(variable, "an https:// address")
  return value.replace(/\/+$/, "")
}

/** The settings of `env`, none when `BASHKE_OIDC_ISSUER` is unset; throws {@link ConfigInvalid}. */
export const read = (env: Env): Option.Option<Settings> => {
  const issuerValue = set(env.BASHKE_OIDC_ISSUER)
  const others = [
    "BASHKE_OIDC_AUDIENCE",
    "BASHKE_OIDC_JWKS_URL",
    "BASHKE_OIDC_MAX_LIFETIME",
    "BASHKE_OIDC_ALGORITHMS",
    ...browserVariables,
  ]
  if (issuerValue === undefined) {
    const stray = others.find((name) => set(env[name]) !== undefined)
    if (stray !== undefined)
      throw new ConfigInvalid("BASHKE_OIDC_ISSUER", "the issuer, when any BASHKE_OIDC_ variable is set")
    return Option.none()
  }
  // Plain HTTP only to this machine: a provider started beside the gateway (tests, a laptop).
  const issuer = httpsUrl("BASHKE_OIDC_ISSUER", issuerValue, true)
  const audience = set(env.BASHKE_OIDC_AUDIENCE)
  if (audience === undefined || !/^[\x21-\x7e]{1,255}$/.test(audience))
    throw new ConfigInvalid("BASHKE_OIDC_AUDIENCE", "the audience of tokens for Bashkë")
  const jwksUrl = httpsUrl(
    "BASHKE_OIDC_JWKS_URL",
    set(env.BASHKE_OIDC_JWKS_URL) ?? `${issuer}/.well-known/jwks.json`,
    true,
  )
  const lifetimeValue = set(env.BASHKE_OIDC_MAX_LIFETIME)
  const lifetime = lifetimeValue === undefined ? Option.some(Duration.hours(1)) : Duration.decodeUnknown(lifetimeValue)
  if (
    Option.isNone(lifetime) ||
    !Duration.isFinite(lifetime.value) ||
    Duration.toMillis(lifetime.value) <= 0 ||
    Duration.greaterThan(lifetime.value, longest)
  )
    throw new ConfigInvalid("BASHKE_OIDC_MAX_LIFETIME", 'a duration up to "24 hours", e.g. "1 hour"')
  const algorithmsValue = set(env.BASHKE_OIDC_ALGORITHMS)
  const algorithms =
    algorithmsValue === undefined ? defaultAlgorithms : algorithmsValue.split(",").map((name) => name.trim())
  if (algorithms.length === 0 || algorithms.some((name) => !asymmetric.includes(name)))
    throw new ConfigInvalid("BASHKE_OIDC_ALGORITHMS", `a comma list of ${asymmetric.join(", ")}`)
  const browser = readBrowser(env, issuer)
  return Option.some({
    issuer,
    audience,
    jwksUrl,
    maxLifetime: lifetime.value,
    algorithms,
    ...(browser === undefined ? {} : { browser }),
  })
}

const browserVariables = [
  "BASHKE_OIDC_CLIENT_ID",
  "BASHKE_OIDC_CLIENT_SECRET",
  "BASHKE_OIDC_CLAIMS",
  "BASHKE_OIDC_SCOPES",
  "BASHKE_OIDC_NAME",
]

const readBrowser = (env: Env, issuer: string): Browser | undefined => {
  const clientId = set(env.BASHKE_OIDC_CLIENT_ID)
  if (clientId === undefined) {
    if (browserVariables.some((name) => set(env[name]) !== undefined))
      throw new ConfigInvalid("BASHKE_OIDC_CLIENT_ID", "the client id, when any browser sign-in variable is set")
    return undefined
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(clientId))
    throw new ConfigInvalid("BASHKE_OIDC_CLIENT_ID", "the client id the provider gave Bashkë")
  const secret = set(env.BASHKE_OIDC_CLIENT_SECRET)
  if (secret === undefined || !/^[\x20-\x7e]{1,1024}$/.test(secret))
    throw new ConfigInvalid("BASHKE_OIDC_CLIENT_SECRET", "the client secret the provider gave Bashkë")
  const claimsText = set(env.BASHKE_OIDC_CLAIMS)
  let parsed: unknown
  try {
    parsed = claimsText === undefined ? undefined : JSON.parse(claimsText)
  } catch {
    parsed = undefined
  }
  const mapping = ProviderClaims.decodeMapping(parsed)
  if (Either.isLeft(mapping))
    throw new ConfigInvalid("BASHKE_OIDC_CLAIMS", "a JSON claim mapping: roles by a claim's values, the institution")
  const scopes = (set(env.BASHKE_OIDC_SCOPES) ?? "openid profile email").split(/\s+/)
  if (!scopes.includes("openid") || scopes.some((scope) => !/^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/.test(scope)))
    throw new ConfigInvalid("BASHKE_OIDC_SCOPES", "space-separated scopes, openid among them")
  const name = set(env.BASHKE_OIDC_NAME) ?? new URL(issuer).host
  if (name.length > 80) throw new ConfigInvalid("BASHKE_OIDC_NAME", "the provider's name, up to 80 characters")
  return { clientId, clientSecret: Redacted.make(secret), mapping: mapping.right, scopes, name }
}

/** How the gateway verifies JWTs under `settings`: the provider's keys fetched (and cached) by `jose`. */
export const toOidc = (settings: Settings): Oidc => ({
  issuer: settings.issuer,
  audience: settings.audience,
  keys: createRemoteJWKSet(new URL(settings.jwksUrl)),
  maxLifetime: settings.maxLifetime,
  algorithms: settings.algorithms,
})

/**
 * The client browsers sign in through under `settings`, when
 * `BASHKE_OIDC_CLIENT_ID` is set: the provider sends them back to
 * `publicOrigin`'s callback.
 */
export const toSignIn = (settings: Settings, publicOrigin: string): OidcSignIn.Client | undefined =>
  settings.browser === undefined
    ? undefined
    : OidcSignIn.make({
        issuer: settings.issuer,
        clientId: settings.browser.clientId,
        clientSecret: settings.browser.clientSecret,
        redirectUri: `${publicOrigin}${OidcSignIn.callbackPath}`,
        scopes: settings.browser.scopes,
        algorithms: settings.algorithms,
        mapping: settings.browser.mapping,
        name: settings.browser.name,
      })

/** The app's options for `settings` (none when OIDC is off): bearer JWTs, and browsers' sign-in when configured. */
export const appOptions = (
  settings: Option.Option<Settings>,
  publicOrigin: string,
): { readonly oidc?: Oidc; readonly oidcSignIn?: OidcSignIn.Client } =>
  Option.match(settings, {
    onNone: () => ({}),
    onSome: (found) => {
      const signIn = toSignIn(found, publicOrigin)
      return { oidc: toOidc(found), ...(signIn === undefined ? {} : { oidcSignIn: signIn }) }
    },
  })
