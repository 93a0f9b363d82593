/**
 * Opaque secrets: a session's cookie value, a sign-in link's token. 256 random
 * bits (WebCrypto, on Node and Workers), base64url with a short prefix naming
 * what it is; stored only as its SHA-256, so a copy of the database opens no
 * session and follows no link.
 */
import { Effect } from "effect"

/**
 * What a secret is for, as its prefix: `bss_` a session, `bsl_` a one-time
 * link, `bsf_` a browser's pending sign-in at an identity provider.
 */
export type Prefix = "bss_" | "bsl_" | "bsf_"

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "")

/**
 * A new secret with `prefix`.
 */
export const make = (prefix: Prefix): Effect.Effect<string> =>
  Effect.sync(() => prefix + base64url(crypto.getRandomValues(new Uint8Array(32))))

/**
 * 256 random bits in base64url without a prefix: what goes to an identity
 * provider (a flow's state, nonce and PKCE verifier: 43 characters of the
 * alphabet RFC 7636 allows).
 */
export const token: Effect.Effect<string> = Effect.sync(() => base64url(crypto.getRandomValues(new Uint8Array(32))))

/**
 * Whether `value` has the shape of a secret with `prefix` (checked before any
 * look-up, so junk costs no hash and no query).
 */
export const looksLike = (prefix: Prefix, value: string): boolean =>
  value.length === prefix.length + 43 && value.startsWith(prefix) && /^[A-Za-z0-9_-]+$/.test(value.slice(4))

/**
 * The stored form of a secret: its SHA-256 in lowercase hex.
 */
export const hash = (secret: string): Effect.Effect<string> =>
  Effect.promise(() => crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret))).pipe(
    Effect.map((digest) => Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("")),
  )
