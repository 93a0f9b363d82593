/**
 * What an idempotency key is remembered with, to tell a retry from another
 * request under the same key: a keyed hash (HMAC-SHA-256) of method, path and
 * body. Keyed, because a body may hold personal data and a plain hash of it
 * could be guessed back from the stored digest (a personal number has few
 * enough values to try them all). The key is derived (HKDF) from a secret the
 * installation already keeps — the blind index key — so there is nothing new
 * to manage, and it stays the same across restarts, so a retry after a crash
 * still matches.
 */

const info = new TextEncoder().encode("bashke/gateway/idempotency-fingerprint")

export type Fingerprint = (request: string) => Promise<string>

export const make = async (secret: Uint8Array<ArrayBuffer>): Promise<Fingerprint> => {
  const material = await crypto.subtle.importKey("raw", secret, "HKDF", false, ["deriveKey"])
  const key = await crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info },
    material,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  )
  return async (request) => {
    const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(request))
    return Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, "0")).join("")
  }
}

/** The bytes of a base64 secret (as `BASHKE_BLIND_INDEX_KEY` holds it). */
export const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0))
