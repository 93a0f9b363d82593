// Parsing of keys written in configuration. Every message names the variable,
// the entry's position and the expected form, and never echoes what was written:
// a half-typed key is still key material.
import { Either } from "effect"
import { fromBase64Key } from "./Bytes"

/** @internal */
export const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/

/** @internal */
export const keyLength = 32

/** @internal */
export const vaultKeysForm =
  "a comma-separated list of <id>:<base64 key>, the current key first " +
  "(id: 1 to 32 of A-Z a-z 0-9 _ -; key: 32 random bytes in base64, e.g. from `openssl rand -base64 32`)"

/** @internal */
export const singleKeyForm = "32 random bytes in base64, e.g. from `openssl rand -base64 32`"

/** @internal */
export interface ParsedKey {
  readonly id: string
  readonly material: Uint8Array<ArrayBuffer>
}

const keyProblem = (material: Uint8Array | undefined): string | undefined =>
  material === undefined
    ? "the key is not valid base64"
    : material.length !== keyLength
      ? `the key must decode to ${keyLength} bytes, it decodes to ${material.length}`
      : undefined

/**
 * Parses `id:base64,id:base64,…`. On failure: a message fit to stop start-up with.
 *
 * @internal
 */
export const parseVaultKeys = (
  variable: string,
  text: string,
): Either.Either<readonly [ParsedKey, ...Array<ParsedKey>], string> => {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
  if (entries.length === 0) return Either.left(`${variable} is empty. Expected ${vaultKeysForm}.`)
  const keys: Array<ParsedKey> = []
  const seen = new Map<string, number>()
  for (const [index, entry] of entries.entries()) {
    const position = index + 1
    const colon = entry.indexOf(":")
    const id = colon < 0 ? "" : entry.slice(0, colon).trim()
    if (colon < 0 || !keyIdPattern.test(id))
      return Either.left(`${variable}: entry ${position} has no valid key id. Expected ${vaultKeysForm}.`)
    const material = fromBase64Key(entry.slice(colon + 1).trim())
    const problem = keyProblem(material)
    if (problem !== undefined || material === undefined)
      return Either.left(`${variable}: entry ${position}: ${problem}. Expected ${vaultKeysForm}.`)
    const earlier = seen.get(id)
    if (earlier !== undefined)
      return Either.left(
        `${variable}: entries ${earlier} and ${position} have the same key id. Expected ${vaultKeysForm}.`,
      )
    seen.set(id, position)
    keys.push({ id, material })
  }
  const [first, ...rest] = keys
  return first === undefined
    ? Either.left(`${variable} is empty. Expected ${vaultKeysForm}.`)
    : Either.right([first, ...rest])
}

/**
 * Parses one base64 key of 32 bytes.
 *
 * @internal
 */
export const parseSingleKey = (variable: string, text: string): Either.Either<Uint8Array<ArrayBuffer>, string> => {
  const trimmed = text.trim()
  if (trimmed.length === 0) return Either.left(`${variable} is empty. Expected ${singleKeyForm}.`)
  const material = fromBase64Key(trimmed)
  const problem = keyProblem(material)
  return problem !== undefined || material === undefined
    ? Either.left(`${variable}: ${problem}. Expected ${singleKeyForm}.`)
    : Either.right(material)
}
