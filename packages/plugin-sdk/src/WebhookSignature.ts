/**
 * Webhook signatures: HMAC-SHA256 over the timestamp and the raw body, with a
 * per-plugin secret from the host's configuration.
 *
 * ```
 * X-Bashke-Timestamp: 1767225600
 * X-Bashke-Signature: sha256=<hex of HMAC-SHA256(secret, "1767225600." + raw body)>
 * ```
 *
 * The host checks the timestamp against its clock (five minutes either way by
 * default), so a captured call cannot be replayed later, and compares the
 * signature in constant time against each configured secret (several during
 * a rotation). WebCrypto only: runs on Node and on Workers.
 */
import { Effect, Redacted } from "effect"
import type { NonEmptyReadonlyArray } from "effect/Array"

/**
 * The header with the signature (`sha256=<hex>`).
 */
export const signatureHeader = "x-bashke-signature"

/**
 * The header with the signing time (Unix seconds).
 */
export const timestampHeader = "x-bashke-timestamp"

/**
 * How far the timestamp may be from the host's clock, either way: 300 seconds.
 */
export const defaultToleranceSeconds = 300

const encoder = new TextEncoder()

const bytesOf = (body: Uint8Array | string): Uint8Array => (typeof body === "string" ? encoder.encode(body) : body)

const message = (timestamp: number, body: Uint8Array): Uint8Array<ArrayBuffer> => {
  const prefix = encoder.encode(`${timestamp}.`)
  const out = new Uint8Array(prefix.length + body.length)
  out.set(prefix, 0)
  out.set(body, prefix.length)
  return out
}

const hmac = (secret: Redacted.Redacted<string> | string, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> =>
  globalThis.crypto.subtle
    .importKey(
      "raw",
      encoder.encode(typeof secret === "string" ? secret : Redacted.value(secret)),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    )
    .then((key) => globalThis.crypto.subtle.sign("HMAC", key, data))
    .then((signature) => new Uint8Array(signature))

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")

const fromHex = (hex: string): Uint8Array | undefined => {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return undefined
  const out = new Uint8Array(32)
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

/**
 * Compares two byte strings in time that depends only on their lengths.
 */
export const constantTimeEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number)
  return difference === 0
}

/**
 * The signature header's value for `body` signed at `timestamp` (Unix seconds).
 */
export const sign = (
  secret: Redacted.Redacted<string> | string,
  timestamp: number,
  body: Uint8Array | string,
): Effect.Effect<string> =>
  Effect.promise(() => hmac(secret, message(timestamp, bytesOf(body)))).pipe(
    Effect.map((signature) => `sha256=${toHex(signature)}`),
  )

/**
 * Both headers for a call sent at `nowMillis`: what an upstream (or a test)
 * sends.
 */
export const headers = (
  secret: Redacted.Redacted<string> | string,
  body: Uint8Array | string,
  nowMillis: number,
): Effect.Effect<Record<string, string>> => {
  const timestamp = Math.floor(nowMillis / 1000)
  return Effect.map(sign(secret, timestamp, body), (signature) => ({
    [timestampHeader]: String(timestamp),
    [signatureHeader]: signature,
  }))
}

/**
 * The verdict on a call: `valid`, or why not — a header `missing`, a header
 * `malformed`, a timestamp outside the tolerance (`stale`), or a signature
 * that no configured secret produces (`mismatch`).
 */
export type Verdict = "valid" | "missing" | "malformed" | "stale" | "mismatch"

export interface Verification {
  readonly secrets: NonEmptyReadonlyArray<Redacted.Redacted<string>>
  readonly toleranceSeconds?: number
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array
  readonly nowMillis: number
}

/**
 * Checks a call's signature. Every secret is tried, so the time taken does
 * not tell which one (if any) came close.
 */
export const verify = (verification: Verification): Effect.Effect<Verdict> =>
  Effect.gen(function* () {
    const signature = verification.headers[signatureHeader]
    const timestampText = verification.headers[timestampHeader]
    if (signature === undefined || timestampText === undefined) return "missing"
    if (!/^\d{1,12}$/.test(timestampText) || !signature.startsWith("sha256=")) return "malformed"
    const given = fromHex(signature.slice("sha256=".length))
    if (given === undefined) return "malformed"
    const timestamp = Number(timestampText)
    const tolerance = verification.toleranceSeconds ?? defaultToleranceSeconds
    if (Math.abs(verification.nowMillis / 1000 - timestamp) > tolerance) return "stale"
    const data = message(timestamp, verification.body)
    let valid = false
    for (const secret of verification.secrets) {
      const expected = yield* Effect.promise(() => hmac(secret, data))
      if (constantTimeEqual(expected, given)) valid = true
    }
    return valid ? "valid" : "mismatch"
  })
