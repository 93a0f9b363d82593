/**
 * API tokens: a secret shown once, stored only as its SHA-256, scoped to one
 * principal (institution, sector, roles, mechanisms). A token names no person:
 * its label is an operator's note such as "police-connector".
 *
 * Every token expires: after the lifetime asked for when it was issued, at
 * most the configured maximum (`Lifetimes`; 90 days by default, a year at
 * most). Every request looks its token up in the store — no cache — so a
 * revocation, made on any instance over the same database, ends the token on
 * the next request of every instance (ADR 0007).
 */
import { Id, Principal } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Clock, Context, Data, Duration, Effect, Layer, Option, Schema } from "effect"
import * as AccessCache from "./AccessCache"
import * as SecurityLog from "./SecurityLog"

const prefix = "bsk_"

/** How long a token lives when its issuer does not say, and the longest it may. */
export interface Lifetimes {
  readonly default: Duration.Duration
  readonly maximum: Duration.Duration
}

/** 90 days unless asked otherwise; a year at most. */
export const defaultLifetimes: Lifetimes = { default: Duration.days(90), maximum: Duration.days(365) }

/** A token asked to live longer than the configured maximum (or not at all). */
export class LifetimeRefused extends Data.TaggedError("LifetimeRefused")<{ readonly maximum: Duration.Duration }> {}

/** A token as listed to an administrator: never the secret, never its hash. */
export const TokenInfo = Schema.Struct({
  id: Schema.String,
  label: Schema.String,
  principal: Principal.Principal,
  createdAt: Schema.Date,
  expiresAt: Schema.Date,
  revokedAt: Schema.NullOr(Schema.Date),
}).annotations({ identifier: "ApiToken" })

export type TokenInfo = typeof TokenInfo.Type

/** A new token: the only time its secret is seen. */
export interface Issued {
  readonly id: string
  readonly token: string
}

/** How a token is issued. */
export interface IssueOptions {
  /** One of the demo's tokens: revoked by {@link Service.revokeDemo} when the demo starts again. */
  readonly demo?: boolean
  /** How long it lives: the configured default when absent, never beyond the maximum. */
  readonly lifetime?: Duration.Duration
}

export interface Service {
  readonly issue: (
    principal: Principal.Principal,
    label: string,
    options?: IssueOptions,
  ) => Effect.Effect<Issued, LifetimeRefused>
  readonly resolve: (token: string) => Effect.Effect<Option.Option<Principal.Principal>>
  readonly revoke: (id: string) => Effect.Effect<boolean>
  readonly list: Effect.Effect<ReadonlyArray<TokenInfo>>
  /** One keyset step of the tokens by id: at most `limit` after `after` (the primary key's order). */
  readonly page: (page: {
    readonly after?: string | undefined
    readonly limit: number
  }) => Effect.Effect<ReadonlyArray<TokenInfo>>
  /** Revokes every demo token still in force; how many. */
  readonly revokeDemo: Effect.Effect<number>
}

export class ApiTokens extends Context.Tag("@bashke/gateway/ApiTokens")<ApiTokens, Service>() {
  /** With the default lifetimes. */
  static readonly layer: Layer.Layer<ApiTokens, never, SqlClient.SqlClient | Id.IdGenerator> = Layer.effect(
    ApiTokens,
    Effect.suspend(() => make(defaultLifetimes)),
  )

  /** With configured lifetimes (`GatewaySettings.tokenLifetimesOf`). */
  static readonly layerWith = (
    lifetimes: Lifetimes,
  ): Layer.Layer<ApiTokens, never, SqlClient.SqlClient | Id.IdGenerator> =>
    Layer.effect(
      ApiTokens,
      Effect.suspend(() => make(lifetimes)),
    )
}

const toHex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("")

// Node's own SHA-256 where the runtime has it: through `crypto.subtle` a digest
// is an asynchronous job of its own, and every request with a token makes one.
const nodeCrypto = typeof process === "undefined" ? undefined : process.getBuiltinModule?.("node:crypto")

/** The stored form of a token, at once where the runtime can (Node). */
const hashNow = (token: string): string | undefined => nodeCrypto?.createHash("sha256").update(token).digest("hex")

/** The stored form of a token. */
export const hash = (token: string): Promise<string> => {
  const now = hashNow(token)
  return now !== undefined
    ? Promise.resolve(now)
    : crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)).then(toHex)
}

const secret = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return (
    prefix +
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "")
  )
}

const StoredPrincipal = Schema.parseJson(Principal.Principal)

interface Row {
  readonly id: string
  readonly label: string
  readonly principal: string
  readonly created_at: unknown
  readonly expires_at: unknown
  readonly revoked_at: unknown
}

const instant = (value: unknown): Date => new Date(String(SqlValues.fromSql(value)))

const make = (lifetimes: Lifetimes) =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const ids = yield* Id.IdGenerator

    const issue: Service["issue"] = (principal, label, options = {}) =>
      Effect.gen(function* () {
        const lifetime = options.lifetime ?? lifetimes.default
        if (!(Duration.toMillis(lifetime) > 0 && Duration.lessThanOrEqualTo(lifetime, lifetimes.maximum)))
          return yield* new LifetimeRefused({ maximum: lifetimes.maximum })
        const id = yield* ids.next
        const token = secret()
        const tokenHash = yield* Effect.promise(() => hash(token))
        const stored = yield* Schema.encode(StoredPrincipal)({ ...principal, kind: "api-token" })
        const created = yield* SqlValues.currentDate
        const expires = new Date(created.getTime() + Duration.toMillis(lifetime))
        yield* sql`INSERT INTO gateway_api_tokens (id, token_hash, label, principal, created_at, expires_at, demo)
        VALUES (${id}, ${tokenHash}, ${label}, ${stored}, ${SqlValues.toSql(created)}, ${SqlValues.toSql(expires)},
          ${options.demo === true ? 1 : 0})`
        yield* SecurityLog.record({ event: "token.created", tokenId: id, principalId: principal.id })
        return { id, token }
      }).pipe(Effect.catchTag("SqlError", "ParseError", Effect.die))

    // The token's principal and expiry, if it is not revoked.
    const inForce = (tokenHash: string) =>
      Effect.gen(function* () {
        const rows = yield* sql<{ principal: string; expires_at: unknown }>`SELECT principal, expires_at
        FROM gateway_api_tokens WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`
        const row = rows[0]
        if (row === undefined || row.expires_at === null) return Option.none()
        const principal = yield* Schema.decode(StoredPrincipal)(row.principal)
        return Option.some({ principal, expiresAt: instant(row.expires_at).getTime() })
      })

    const resolve: Service["resolve"] = (token) =>
      Effect.gen(function* () {
        if (!token.startsWith(prefix)) return Option.none()
        const tokenHash = hashNow(token) ?? (yield* Effect.promise(() => hash(token)))
        // Kept under the access version on the request path, which a revocation
        // on any instance changes: it counts at the next request (ADR 0036).
        const found = yield* AccessCache.lookup(`token:${tokenHash}`, inForce(tokenHash), Option.isSome)
        if (Option.isNone(found) || found.value.expiresAt <= (yield* Clock.currentTimeMillis)) return Option.none()
        return Option.some(found.value.principal)
      }).pipe(Effect.orDie)

    const revoke: Service["revoke"] = (id) =>
      Effect.gen(function* () {
        const now = SqlValues.toSql(yield* SqlValues.currentDate)
        const rows = yield* sql`UPDATE gateway_api_tokens SET revoked_at = ${now}
        WHERE id = ${id} AND revoked_at IS NULL RETURNING id`
        if (rows.length > 0) yield* SecurityLog.record({ event: "token.revoked", tokenId: id })
        return rows.length > 0
      }).pipe(Effect.orDie)

    const infoOf = (row: Row) =>
      Effect.map(Schema.decode(StoredPrincipal)(row.principal), (principal) => ({
        id: row.id,
        label: row.label,
        principal,
        createdAt: instant(row.created_at),
        expiresAt: row.expires_at === null ? instant(row.created_at) : instant(row.expires_at),
        revokedAt: row.revoked_at === null ? null : instant(row.revoked_at),
      }))

    const list: Service["list"] = Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT id, label, principal, created_at, expires_at, revoked_at
      FROM gateway_api_tokens ORDER BY id`
      return yield* Effect.forEach(rows, infoOf)
    }).pipe(Effect.orDie)

    const page: Service["page"] = (page) =>
      Effect.gen(function* () {
        const rows = yield* sql<Row>`SELECT id, label, principal, created_at, expires_at, revoked_at
        FROM gateway_api_tokens ${page.after === undefined ? sql`` : sql`WHERE id > ${page.after}`}
        ORDER BY id LIMIT ${page.limit}`
        return yield* Effect.forEach(rows, infoOf)
      }).pipe(Effect.orDie)

    const revokeDemo: Service["revokeDemo"] = Effect.gen(function* () {
      const now = SqlValues.toSql(yield* SqlValues.currentDate)
      const rows = yield* sql`UPDATE gateway_api_tokens SET revoked_at = ${now}
      WHERE demo = 1 AND revoked_at IS NULL RETURNING id`
      return rows.length
    }).pipe(Effect.orDie)

    return { issue, resolve, revoke, list, page, revokeDemo }
  })
