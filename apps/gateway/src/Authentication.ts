/**
 * Who is calling: an API token (`bsk_…`, looked up by its hash) or an OIDC JWT
 * verified against the identity provider's JWKS. A JWT carries the Bashkë
 * principal in one claim (`https://bashke.org/principal`: id, institution,
 * sector, roles, mechanisms); the identity provider is where people and their
 * roles are managed, so the gateway trusts that claim only from a verified token.
 */
import { Errors, Principal } from "@bashke/kernel"
import { Clock, Duration, Effect, Option, Schema } from "effect"
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
  /** The longest lifetime a token may claim; one hour unless set. */
  readonly maxLifetime?: Duration.Duration
  /** The accepted signature algorithms; `OidcSettings`'s defaults unless set. */
  readonly algorithms?: ReadonlyArray<string>
}

/** The lifetime a JWT may claim unless its configuration says otherwise. */
export const defaultMaxLifetime: Duration.Duration = Duration.hours(1)

const defaultAlgorithms = ["RS256", "PS256", "ES256", "EdDSA"]

/**
 * Whether a verified token's claimed lifetime is within `max`: `exp` is
 * required, and counted from `iat` when there is one, else from now (a token
 * without `iat` must not outlive `max` from the moment it is presented).
 */
export const lifetimeAllowed = (
  claims: { readonly exp?: number | undefined; readonly iat?: number | undefined },
  nowSeconds: number,
  max: Duration.Duration,
): boolean => {
  if (typeof claims.exp !== "number") return false
  const from = typeof claims.iat === "number" ? Math.min(claims.iat, nowSeconds) : nowSeconds
  return claims.exp - from <= Duration.toSeconds(max)
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
      try: () =>
        jwtVerify(jwt, oidc.keys, {
          issuer: oidc.issuer,
          audience: oidc.audience,
          algorithms: [...(oidc.algorithms ?? defaultAlgorithms)],
          requiredClaims: ["exp"],
        }),
      catch: () => unauthenticated("gateway.jwt.invalid"),
    })
    const now = Math.floor((yield* Clock.currentTimeMillis) / 1000)
    if (!lifetimeAllowed(verified.payload, now, oidc.maxLifetime ?? defaultMaxLifetime))
      return yield* unauthenticated("gateway.jwt.lifetime")
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
