// The sealed format and the envelope operations behind the Vault.
//
//   v1.<kekId>.<wrappedDek>.<iv>.<ciphertext>        (base64url, no padding)
//
// - v1: the format version; a later format gets a new prefix and both open.
// - kekId: the id of the key-encryption key that wrapped the data key, so
//   rotation knows which values still hang on an old key without opening them.
// - wrappedDek: a fresh 256-bit AES-GCM data key per value, wrapped with AES-KW
//   (RFC 3394, 40 bytes). AES-KW is deterministic and carries its own integrity
//   check; its input is a random key, so determinism leaks nothing.
// - iv: 96 random bits, never reused because every data key encrypts one value.
// - ciphertext: AES-256-GCM of the UTF-8 plaintext, 128-bit tag appended, with
//   additional data "bashke.vault.v1\0" + aad. The aad names the value's place
//   (`person:<id>:family-name`), so a ciphertext copied to another record or
//   field fails to open. The aad is not stored: the caller knows where it reads.
//
// Rewrapping changes only kekId and wrappedDek; iv and ciphertext stay, so a
// rotation never sees plaintext and needs no aad.
import { copy, fromBase64Url, randomBytes, subtle, toBase64Url, utf8 } from "./Bytes"
import { keyIdPattern } from "./KeyText"
import { type NodeCrypto, nodeCrypto } from "./NodeCrypto"

/** @internal */
export const version = "v1"

const ivLength = 12
const wrappedLength = 40
const tagLength = 16

/**
 * The key id of values sealed under a case's own data key (ADR 0012): the
 * data key is not the vault's, so no vault key may carry this id.
 *
 * @internal
 */
export const caseKekId = "case"

/** @internal */
export const caseKeyedPrefix = `${version}.${caseKekId}.`

/** @internal */
export const sealedPattern = /^v1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{54}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/

/** @internal */
export interface Envelope {
  readonly kekId: string
  readonly wrappedDek: Uint8Array<ArrayBuffer>
  readonly iv: Uint8Array<ArrayBuffer>
  readonly ciphertext: Uint8Array<ArrayBuffer>
}

/** @internal */
export const format = (envelope: Envelope): string =>
  [
    version,
    envelope.kekId,
    toBase64Url(envelope.wrappedDek),
    toBase64Url(envelope.iv),
    toBase64Url(envelope.ciphertext),
  ].join(".")

/** @internal */
export const parse = (sealed: string): Envelope | undefined => {
  const parts = sealed.split(".")
  if (parts.length !== 5) return undefined
  const [prefix, kekId, wrapped, iv, ciphertext] = parts
  if (prefix !== version || kekId === undefined || !keyIdPattern.test(kekId)) return undefined
  const wrappedDek = fromBase64Url(wrapped ?? "")
  const ivBytes = fromBase64Url(iv ?? "")
  const cipherBytes = fromBase64Url(ciphertext ?? "")
  if (wrappedDek === undefined || wrappedDek.length !== wrappedLength) return undefined
  if (ivBytes === undefined || ivBytes.length !== ivLength) return undefined
  if (cipherBytes === undefined || cipherBytes.length < tagLength) return undefined
  return { kekId, wrappedDek, iv: ivBytes, ciphertext: cipherBytes }
}

/** Reads the key id without decoding the rest (cheap, for `needsRotation`). @internal */
export const keyIdOf = (sealed: string): string | undefined => {
  const parts = sealed.split(".")
  return parts.length === 5 && parts[0] === version ? parts[1] : undefined
}

/** @internal */
export const importKek = (material: Uint8Array): Promise<CryptoKey> =>
  subtle().importKey("raw", copy(material), "AES-KW", false, ["wrapKey", "unwrapKey"])

const additionalData = (aad: string) => utf8(`bashke.vault.${version}\u0000${aad}`)

/** @internal */
export const seal = async (kekId: string, kek: CryptoKey, plaintext: string, aad: string): Promise<string> => {
  const dekBytes = randomBytes(32)
  try {
    // Extractable only so that it can be wrapped; it never leaves this function unwrapped.
    const dek = await subtle().importKey("raw", dekBytes, "AES-GCM", true, ["encrypt"])
    const iv = randomBytes(ivLength)
    const ciphertext = await subtle().encrypt(
      { name: "AES-GCM", iv, additionalData: additionalData(aad), tagLength: tagLength * 8 },
      dek,
      utf8(plaintext),
    )
    const wrappedDek = await subtle().wrapKey("raw", dek, kek, "AES-KW")
    return format({ kekId, wrappedDek: new Uint8Array(wrappedDek), iv, ciphertext: new Uint8Array(ciphertext) })
  } finally {
    dekBytes.fill(0)
  }
}

// Node's own ciphers where the runtime has them (`NodeCrypto`). Through
// `crypto.subtle` the unwrap and the decrypt are an asynchronous job each,
// queued to a worker thread; a person's details open several values a request,
// and on Node those jobs were a fifth of the details read's CPU. The same
// RFC 3394 unwrap (default IV) and AES-256-GCM, on the same non-extractable key
// (`KeyObject.from` reads a `CryptoKey` without exporting it): a wrong key or
// tag throws, as WebCrypto rejects.
const keyWrapIv = new Uint8Array(8).fill(0xa6)

const concat = (first: Uint8Array, second: Uint8Array): Uint8Array => {
  const out = new Uint8Array(first.length + second.length)
  out.set(first)
  out.set(second, first.length)
  return out
}

const openWithNode = (node: NodeCrypto, kek: CryptoKey, envelope: Envelope, aad: string): ArrayBuffer => {
  const unwrap = node.createDecipheriv("id-aes256-wrap", node.KeyObject.from(kek), keyWrapIv)
  const dek = concat(unwrap.update(envelope.wrappedDek), unwrap.final())
  try {
    const sealed = envelope.ciphertext
    const decipher = node.createDecipheriv("aes-256-gcm", dek, envelope.iv, { authTagLength: tagLength })
    decipher.setAAD(additionalData(aad))
    decipher.setAuthTag(sealed.subarray(sealed.length - tagLength))
    const plain = concat(decipher.update(sealed.subarray(0, sealed.length - tagLength)), decipher.final())
    return plain.buffer as ArrayBuffer
  } finally {
    dek.fill(0)
  }
}

/** Rejects when the data key does not unwrap or the tag does not verify. @internal */
export const open = async (kek: CryptoKey, envelope: Envelope, aad: string): Promise<ArrayBuffer> => {
  if (nodeCrypto !== undefined && kek.algorithm.name === "AES-KW" && (kek.algorithm as AesKeyAlgorithm).length === 256)
    return openWithNode(nodeCrypto, kek, envelope, aad)
  const dek = await subtle().unwrapKey("raw", envelope.wrappedDek, kek, "AES-KW", "AES-GCM", false, ["decrypt"])
  return subtle().decrypt(
    { name: "AES-GCM", iv: envelope.iv, additionalData: additionalData(aad), tagLength: tagLength * 8 },
    dek,
    envelope.ciphertext,
  )
}

/** Unwraps the data key with `from` and wraps it with `to`. @internal */
export const rewrap = async (from: CryptoKey, to: CryptoKey, toId: string, envelope: Envelope): Promise<string> => {
  const dek = await subtle().unwrapKey("raw", envelope.wrappedDek, from, "AES-KW", "AES-GCM", true, [
    "encrypt",
    "decrypt",
  ])
  const wrappedDek = await subtle().wrapKey("raw", dek, to, "AES-KW")
  return format({ ...envelope, kekId: toId, wrappedDek: new Uint8Array(wrappedDek) })
}
