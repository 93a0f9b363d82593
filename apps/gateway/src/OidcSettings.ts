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
 * Each is checked at start: a malformed value stops it, naming the variable.
 */
import { Duration, Option } from "effect"
import { createRemoteJWKSet } from "jose"
import type { Oidc } from "./Authentication"
import { ConfigInvalid } from "./NotificationSettings"

type Env = Readonly<Record<string, string | undefined>>

/** The configuration, before its keys are fetched. */
export interface Settings {
  readonly issuer: string
  readonly audience: string
  readonly jwksUrl: string
  readonly maxLifetime: Duration.Duration
  readonly algorithms: ReadonlyArray<string>
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
  const others = ["BASHKE_OIDC_AUDIENCE", "BASHKE_OIDC_JWKS_URL", "BASHKE_OIDC_MAX_LIFETIME", "BASHKE_OIDC_ALGORITHMS"]
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
  return Option.some({ issuer, audience, jwksUrl, maxLifetime: lifetime.value, algorithms })
}

/** How the gateway verifies JWTs under `settings`: the provider's keys fetched (and cached) by `jose`. */
export const toOidc = (settings: Settings): Oidc => ({
  issuer: settings.issuer,
  audience: settings.audience,
  keys: createRemoteJWKSet(new URL(settings.jwksUrl)),
  maxLifetime: settings.maxLifetime,
  algorithms: settings.algorithms,
})
