/**
 * Who is calling: an API token (`bsk_…`, looked up by its hash) or an OIDC JWT
 * verified against the identity provider's JWKS. A JWT carries the Bashkë
 * principal in one claim (`https://bashke.org/principal`: id, institution,
 * sector, roles, mechanisms); the identity provider is where people and their
 * roles are managed, so the gateway trusts that claim only from a verified token.
 */
import { Errors, Principal } from "@bashke/kernel"
import { Effect, Option, Schema } from "effect"
import { type JWTVerifyGetKey, jwtVerify } from "jose"
import { ApiTokens } from "./ApiTokens"

/** The claim holding the principal in a JWT. */
export const principalClaim = "https://bashke.org/principal"

/** How JWTs are verified; absent, the gateway accepts API tokens only. */
export interface Oidc {
  readonly issuer: string
  readonly audience: string
  /** `createRemoteJWKSet(new URL(jwksUrl))` in production, a local set in tests. */
  readonly keys: JWTVerifyGetKey
}

const unauthenticated = (rule: string) => new Errors.Unauthenticated({ rule })

const ClaimedPrincipal = Schema.Struct({
  id: Schema.String,
  institution: Schema.optional(Schema.String),
  sector: Schema.optional(Schema.String),
  roles: Schema.Array(Schema.String),
  mechanisms: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
})

const fromJwt = (oidc: Oidc | undefined, jwt: string) =>
  Effect.gen(function* () {
    if (oidc === undefined) return yield* unauthenticated("gateway.jwt.not-configured")
    const verified = yield* Effect.tryPromise({
      try: () => jwtVerify(jwt, oidc.keys, { issuer: oidc.issuer, audience: oidc.audience }),
      catch: () => unauthenticated("gateway.jwt.invalid"),
    })
    const claimed = yield* Schema.decodeUnknown(ClaimedPrincipal)(verified.payload[principalClaim]).pipe(
      Effect.mapError(() => unauthenticated("gateway.jwt.claims")),
    )
    return yield* Schema.decodeUnknown(Principal.Principal)({ ...claimed, kind: "user" }).pipe(
      Effect.mapError(() => unauthenticated("gateway.jwt.claims")),
    )
  })

/**
 * The principal for an `Authorization` header, or `Unauthenticated` naming why
 * (never echoing the credential).
 */
export const authenticate = (
  oidc: Oidc | undefined,
  authorization: string | undefined,
): Effect.Effect<Principal.Principal, Errors.Unauthenticated, ApiTokens> =>
  Effect.gen(function* () {
    const match = authorization === undefined ? null : /^Bearer ([\x21-\x7e]{1,4096})$/i.exec(authorization.trim())
    const credential = match?.[1]
    if (credential === undefined) return yield* unauthenticated("gateway.token.missing")
    if (credential.split(".").length === 3) return yield* fromJwt(oidc, credential)
    const tokens = yield* ApiTokens
    const found = yield* tokens.resolve(credential)
    return yield* Option.match(found, {
      onNone: () => Effect.fail(unauthenticated("gateway.token.unknown")),
      onSome: Effect.succeed,
    })
  })
