// A document's content encrypted as a sequence of chunks, each its own
// AES-256-GCM message under the document's own data key (ADR 0020): the
// STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015). The nonce
// of chunk `i` is 7 zero bytes, `i` as 4 bytes big-endian, and a byte that is
// 1 on the last chunk only; the data key is fresh per document, so no nonce
// repeats under a key. Authenticating the index and the final flag (through
// the nonce) and the document's id (the additional data) makes a reordered,
// dropped, duplicated or truncated chunk fail to open, as does a chunk moved
// to another document. WebCrypto only, so it runs on Node and Workers.
import { Encoding } from "effect"

/** @internal Plaintext bytes per chunk (the last one may be shorter, never empty unless the file is). */
export const chunkSize = 64 * 1024

/** @internal What GCM adds to each chunk: its 128-bit tag. */
export const tagLength = 16

const encoder = new TextEncoder()

/** @internal The nonce of chunk `index`, `final` or not. */
export const nonceOf = (index: number, final: boolean): Uint8Array<ArrayBuffer> => {
  const nonce = new Uint8Array(12)
  new DataView(nonce.buffer).setUint32(7, index, false)
  nonce[11] = final ? 1 : 0
  return nonce
}

const additionalData = (documentId: string) => encoder.encode(`document:${documentId}`)

/** @internal A fresh data key: 32 random bytes, as base64url text for the vault to seal. */
export const generateKey = (): string => Encoding.encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)))

/** @internal The data key for WebCrypto, from its base64url text. */
export const importKey = (text: string): Promise<CryptoKey> => {
  const raw = Encoding.decodeBase64Url(text)
  if (raw._tag === "Left" || raw.right.length !== 32) return Promise.reject(new Error("malformed data key"))
  return crypto.subtle.importKey("raw", new Uint8Array(raw.right), "AES-GCM", false, ["encrypt", "decrypt"])
}

/** @internal Encrypts chunk `index` of the document. */
export const seal = async (
  key: CryptoKey,
  documentId: string,
  index: number,
  final: boolean,
  plaintext: Uint8Array,
): Promise<Uint8Array> =>
  new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv: nonceOf(index, final), additionalData: additionalData(documentId) },
      key,
      plaintext as Uint8Array<ArrayBuffer>,
    ),
  )

/** @internal Decrypts chunk `index`; rejects when it was not sealed as that chunk of that document. */
export const open = async (
  key: CryptoKey,
  documentId: string,
  index: number,
  final: boolean,
  sealed: Uint8Array,
): Promise<Uint8Array> =>
  new Uint8Array(
    await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: nonceOf(index, final), additionalData: additionalData(documentId) },
      key,
      sealed as Uint8Array<ArrayBuffer>,
    ),
  )
