/**
 * Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s), through
 * `otpauth`. A code is accepted in its own step or one step either side (clock
 * drift), and never twice: the store keeps the last step used and refuses any
 * step not after it, so a code seen over a shoulder or replayed from a log is
 * worthless within its window too.
 */
import { Secret, TOTP } from "otpauth"

/**
 * Seconds per step.
 */
export const period = 30

const totpOf = (secret: string) =>
  new TOTP({
    issuer: "Bashkë",
    label: "Bashkë",
    algorithm: "SHA1",
    digits: 6,
    period,
    secret: Secret.fromBase32(secret),
  })

/**
 * A new secret: 160 random bits in base32 (what authenticator apps read).
 */
export const newSecret = (): string => new Secret({ size: 20 }).base32

/**
 * The `otpauth://` URI an authenticator app reads from a QR code. It names
 * the service only, not the person.
 */
export const uri = (secret: string): string => totpOf(secret).toString()

/**
 * The step a code belongs to at `nowMillis` (within one step of now), or
 * undefined when it is no code of this secret then.
 */
export const stepOf = (secret: string, code: string, nowMillis: number): number | undefined => {
  if (!/^\d{6}$/.test(code)) return undefined
  const delta = totpOf(secret).validate({ token: code, timestamp: nowMillis, window: 1 })
  return delta === null ? undefined : Math.floor(nowMillis / 1000 / period) + delta
}

/**
 * The code of `secret` at `nowMillis` (for tests and a software authenticator).
 */
export const codeAt = (secret: string, nowMillis: number): string => totpOf(secret).generate({ timestamp: nowMillis })
