/**
 * Every setting of the Node gateway, read from the environment and checked
 * before anything is bound, opened, migrated or seeded: a malformed value stops
 * the start with a {@link ConfigInvalid} naming the variable (never quoting the
 * value, which may hold a password). Nothing here needs Node, so the Workers
 * entry checks its settings with the same rules.
 */
import { DatabaseUrl } from "@bashke/persistence"
import { Duration, Effect, Either, type Option } from "effect"
import * as ApiTokens from "./ApiTokens"
import * as ClientAddress from "./ClientAddress"
import type * as NodeListener from "./NodeListener"
import * as NotificationSettings from "./NotificationSettings"
import { ConfigInvalid, durationOf } from "./NotificationSettings"
import * as OidcSettings from "./OidcSettings"
import type * as RateLimit from "./RateLimit"

export { ConfigInvalid }

export type Env = Readonly<Record<string, string | undefined>>

export interface Settings {
  readonly databaseUrl: string
  readonly port: number
  readonly host: string
  readonly corsOrigins: ReadonlyArray<string>
  /** The reverse proxies whose `X-Forwarded-For` names the client (`BASHKE_TRUSTED_PROXIES`); none when unset. */
  readonly trustedProxies: ReadonlyArray<string>
  readonly rateLimit: RateLimit.Settings
  readonly tokenLifetimes: ApiTokens.Lifetimes
  readonly timeouts: NodeListener.Timeouts
  readonly notifications: NotificationSettings.Config
  /** Bearer JWTs from an identity provider (`BASHKE_OIDC_*`); none when unset. */
  readonly oidc: Option.Option<OidcSettings.Settings>
}

const set = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === "" ? undefined : value.trim()

/** A whole number in `[min, max]`, or the default when unset. */
export const integerOf = (env: Env, variable: string, fallback: number, min: number, max: number): number => {
  const value = set(env[variable])
  if (value === undefined) return fallback
  const parsed = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN
  if (!(Number.isSafeInteger(parsed) && parsed >= min && parsed <= max))
    throw new ConfigInvalid(variable, `a whole number from ${min} to ${max}`)
  return parsed
}

/** The rate limit: `perMinute` requests a minute per principal, bursts of a fifth of it. */
export const rateLimitOf = (env: Env): RateLimit.Settings => {
  const perMinute = integerOf(env, "BASHKE_RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000_000)
  return { perMinute, burst: Math.max(1, Math.ceil(perMinute / 5)) }
}

/**
 * How long API tokens live: `BASHKE_TOKEN_LIFETIME` when the issuer does not
 * say (90 days), at most `BASHKE_TOKEN_MAX_LIFETIME` (365 days).
 */
export const tokenLifetimesOf = (env: Env): ApiTokens.Lifetimes => {
  const maximum = durationOf(
    "BASHKE_TOKEN_MAX_LIFETIME",
    env.BASHKE_TOKEN_MAX_LIFETIME,
    ApiTokens.defaultLifetimes.maximum,
  )
  const lifetime = durationOf("BASHKE_TOKEN_LIFETIME", env.BASHKE_TOKEN_LIFETIME, ApiTokens.defaultLifetimes.default)
  if (Duration.greaterThan(lifetime, maximum))
    throw new ConfigInvalid("BASHKE_TOKEN_LIFETIME", "a duration no longer than BASHKE_TOKEN_MAX_LIFETIME")
  return { default: lifetime, maximum }
}

/**
 * How long a client may take: `BASHKE_HEADERS_TIMEOUT` for its headers (10 s),
 * `BASHKE_REQUEST_TIMEOUT` for its whole request (30 s), no shorter.
 */
export const timeoutsOf = (env: Env): NodeListener.Timeouts => {
  const headers = durationOf("BASHKE_HEADERS_TIMEOUT", env.BASHKE_HEADERS_TIMEOUT, Duration.seconds(10))
  const request = durationOf("BASHKE_REQUEST_TIMEOUT", env.BASHKE_REQUEST_TIMEOUT, Duration.seconds(30))
  if (Duration.greaterThan(headers, request))
    throw new ConfigInvalid("BASHKE_HEADERS_TIMEOUT", "a duration no longer than BASHKE_REQUEST_TIMEOUT")
  return { headers, request }
}

/** The origins browsers may call from: each an `http(s)://host[:port]`, nothing else. */
export const corsOriginsOf = (env: Env): ReadonlyArray<string> => {
  const origins = (env.BASHKE_CORS_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0)
  for (const origin of origins)
    if (!/^https?:\/\/[^/\s?#]+$/.test(origin))
      throw new ConfigInvalid("BASHKE_CORS_ORIGINS", "a comma list of origins such as https://bashke.example.org")
  return origins
}

/** The settings of `env`; throws {@link ConfigInvalid} naming the first malformed variable. */
export const read = (
  env: Env,
  overrides: { readonly port?: number; readonly host?: string; readonly databaseUrl?: string } = {},
): Settings => {
  const notifications = NotificationSettings.readConfig(env)
  const databaseUrl = overrides.databaseUrl ?? set(env[DatabaseUrl.variable]) ?? DatabaseUrl.defaultValue
  if (Either.isLeft(Effect.runSync(Effect.either(DatabaseUrl.decode(databaseUrl)))))
    throw new ConfigInvalid(DatabaseUrl.variable, "sqlite:<path>, sqlite::memory: or postgres://user@host:port/db")
  const host = overrides.host ?? set(env.HOST) ?? "127.0.0.1"
  if (!/^[A-Za-z0-9.:[\]-]{1,255}$/.test(host)) throw new ConfigInvalid("HOST", "a host name or an IP address")
  return {
    databaseUrl,
    port: overrides.port ?? integerOf(env, "PORT", 8787, 0, 65_535),
    host,
    corsOrigins: corsOriginsOf(env),
    trustedProxies: ClientAddress.trustedProxiesOf(env),
    rateLimit: rateLimitOf(env),
    tokenLifetimes: tokenLifetimesOf(env),
    timeouts: timeoutsOf(env),
    notifications,
    oidc: OidcSettings.read(env),
  }
}
