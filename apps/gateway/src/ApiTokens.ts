/**
 * API tokens: a secret shown once, stored only as its SHA-256, scoped to one
 * principal (institution, sector, roles, mechanisms). A token names no person:
 * its label is an operator's note such as "police-connector".
 *
 * A resolved token is remembered for a few seconds so that a busy client does
 * not cost a lookup per request; a revocation therefore takes effect within
 * `cacheFor`.
 */

import { Id, Principal } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Duration, Effect, Layer, Option, Schema } from "effect"
import * as SecurityLog from "./SecurityLog"

const prefix = "bsk_"

/** How long a resolved token is remembered. */
export const cacheFor: Duration.Duration = Duration.seconds(10)

/** A token as listed to an administrator: never the secret, never its hash. */
export const TokenInfo = Schema.Struct({
  id: Schema.String,
  label: Schema.String,
  principal: Principal.Principal,
  createdAt: Schema.Date,
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
}

export interface Service {
  readonly issue: (principal: Principal.Principal, label: string, options?: IssueOptions) => Effect.Effect<Issued>
  readonly resolve: (token: string) => Effect.Effect<Option.Option<Principal.Principal>>
  readonly revoke: (id: string) => Effect.Effect<boolean>
  readonly list: Effect.Effect<ReadonlyArray<TokenInfo>>
  /** Revokes every demo token still in force; how many. */
  readonly revokeDemo: Effect.Effect<number>
}

export class ApiTokens extends Context.Tag("@bashke/gateway/ApiTokens")<ApiTokens, Service>() {
  static readonly layer: Layer.Layer<ApiTokens, never, SqlClient.SqlClient | Id.IdGenerator> = Layer.effect(
    ApiTokens,
    Effect.suspend(() => make),
  )
}

const toHex = (bytes: ArrayBuffer): string =>
  Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("")

/** The stored form of a token. */
export const hash = (token: string): Promise<string> =>
  crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)).then(toHex)

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
  readonly revoked_at: unknown
}

const make = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const ids = yield* Id.IdGenerator
  const cache = new Map<string, { readonly principal: Principal.Principal; readonly until: number }>()

  const issue: Service["issue"] = (principal, label, options = {}) =>
    Effect.gen(function* () {
      const id = yield* ids.next
      const token = secret()
      const tokenHash = yield* Effect.promise(() => hash(token))
      const stored = yield* Schema.encode(StoredPrincipal)({ ...principal, kind: "api-token" })
      const now = SqlValues.toSql(yield* SqlValues.currentDate)
      yield* sql`INSERT INTO gateway_api_tokens (id, token_hash, label, principal, created_at, demo)
        VALUES (${id}, ${tokenHash}, ${label}, ${stored}, ${now}, ${options.demo === true ? 1 : 0})`
      yield* SecurityLog.record({ event: "token.created", tokenId: id, principalId: principal.id })
      return { id, token }
    }).pipe(Effect.orDie)

  const resolve: Service["resolve"] = (token) =>
    Effect.gen(function* () {
      if (!token.startsWith(prefix)) return Option.none()
      // The cache is keyed by the token itself (held in memory only, like the
      // request that carried it), so a busy client costs no hash per request.
      const now = Date.now()
      const cached = cache.get(token)
      if (cached !== undefined && cached.until > now) return Option.some(cached.principal)
      const tokenHash = yield* Effect.promise(() => hash(token))
      const rows = yield* sql<{ principal: string }>`SELECT principal FROM gateway_api_tokens
        WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`
      const row = rows[0]
      if (row === undefined) {
        cache.delete(token)
        return Option.none()
      }
      const principal = yield* Schema.decode(StoredPrincipal)(row.principal)
      cache.set(token, { principal, until: now + Duration.toMillis(cacheFor) })
      return Option.some(principal)
    }).pipe(Effect.orDie)

  const revoke: Service["revoke"] = (id) =>
    Effect.gen(function* () {
      const now = SqlValues.toSql(yield* SqlValues.currentDate)
      const rows = yield* sql`UPDATE gateway_api_tokens SET revoked_at = ${now}
        WHERE id = ${id} AND revoked_at IS NULL RETURNING id`
      cache.clear()
      if (rows.length > 0) yield* SecurityLog.record({ event: "token.revoked", tokenId: id })
      return rows.length > 0
    }).pipe(Effect.orDie)

  const list: Service["list"] = Effect.gen(function* () {
    const rows = yield* sql<Row>`SELECT id, label, principal, created_at, revoked_at
      FROM gateway_api_tokens ORDER BY id`
    return yield* Effect.forEach(rows, (row) =>
      Effect.map(Schema.decode(StoredPrincipal)(row.principal), (principal) => ({
        id: row.id,
        label: row.label,
        principal,
        createdAt: new Date(String(SqlValues.fromSql(row.created_at))),
        revokedAt: row.revoked_at === null ? null : new Date(String(SqlValues.fromSql(row.revoked_at))),
      })),
    )
  }).pipe(Effect.orDie)

  const revokeDemo: Service["revokeDemo"] = Effect.gen(function* () {
    const now = SqlValues.toSql(yield* SqlValues.currentDate)
    const rows = yield* sql`UPDATE gateway_api_tokens SET revoked_at = ${now}
      WHERE demo = 1 AND revoked_at IS NULL RETURNING id`
    cache.clear()
    return rows.length
  }).pipe(Effect.orDie)

  return { issue, resolve, revoke, list, revokeDemo }
})
