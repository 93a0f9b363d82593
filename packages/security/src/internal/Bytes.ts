// Small byte conversions shared by the vault, the blind index and the audit chain.
// WebCrypto wants `BufferSource` backed by a plain ArrayBuffer, which the Effect
// encoders (typed `Uint8Array<ArrayBufferLike>`) do not promise: `copy` bridges them.
import { Either, Encoding } from "effect"

const encoder = new TextEncoder()
// fatal: a sealed value that opens to invalid UTF-8 is corrupt, not text to guess at.
const decoder = new TextDecoder("utf-8", { fatal: true })

/** @internal */
export const utf8 = (text: string): Uint8Array<ArrayBuffer> => encoder.encode(text)

/** @internal */
export const fromUtf8 = (bytes: ArrayBuffer | Uint8Array): string => decoder.decode(bytes)

/** @internal */
export const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes)

// Node's (and Workers' nodejs_compat) native base64url, when there is one:
// Effect's encoder is written in JavaScript and costs ~70 ns a byte, which a
// sealed inbox page of half a megabyte turns into milliseconds. Without it
// (a browser, Workers without the flag) Effect's encoder is used.
interface NativeBuffer {
  readonly from: {
    (bytes: Uint8Array): { toString(encoding: "base64url"): string }
    (text: string, encoding: "base64url"): Uint8Array
  }
}
const native = (globalThis as { readonly Buffer?: NativeBuffer }).Buffer

// Buffer decodes leniently (it skips what is not base64url), so it is given
// only the unpadded text the vault writes; anything else goes to Effect's
// decoder, whose acceptance rules (padding, line breaks) stay the only ones.
const canonicalBase64Url = /^[A-Za-z0-9_-]*$/

/** @internal */
export const toBase64Url = (bytes: ArrayBuffer | Uint8Array): string => {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  return native === undefined ? Encoding.encodeBase64Url(view) : native.from(view).toString("base64url")
}

/**
 * Decodes base64url; `undefined` on failure. The decoder's own exception carries
 * its input, so it is dropped here: the input may be key material.
 *
 * @internal
 */
export const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  if (native !== undefined && text.length % 4 !== 1 && canonicalBase64Url.test(text)) {
    return copy(native.from(text, "base64url"))
  }
  const decoded = Encoding.decodeBase64Url(text)
  return Either.isRight(decoded) ? copy(decoded.right) : undefined
}

/**
 * Decodes a key written in standard base64 (what `openssl rand -base64 32` prints)
 * or base64url; `undefined` on failure, for the same reason as `fromBase64Url`.
 *
 * @internal
 */
export const fromBase64Key = (text: string): Uint8Array<ArrayBuffer> | undefined => {
  const standard = Encoding.decodeBase64(text)
  if (Either.isRight(standard)) return copy(standard.right)
  return fromBase64Url(text)
}

/** @internal */
export const toHex = (bytes: ArrayBuffer | Uint8Array): string =>
  Encoding.encodeHex(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))

/** @internal */
export const subtle = (): SubtleCrypto => globalThis.crypto.subtle

/** @internal */
export const randomBytes = (length: number): Uint8Array<ArrayBuffer> =>
  globalThis.crypto.getRandomValues(new Uint8Array(length))
