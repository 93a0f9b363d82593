// A software authenticator for tests: it does what a security key or a
// phone does, with node:crypto and nothing of the server library — a P-256
// key pair (ES256), an attestation object in CBOR ("none" attestation) with
// authenticator data (the RP id's SHA-256, flags: user present and verified,
// the signature counter, the credential id and its COSE public key), the
// client data JSON a browser writes, and ECDSA signatures over authenticator
// data and the client data's hash. What it produces is what a browser's
// `PublicKeyCredential.toJSON()` sends, so the server verifies real WebAuthn.
// Each ceremony may be bent to forge an answer: another origin, another
// challenge, a counter that does not advance, a broken signature.
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto"

type Cbor = number | string | Uint8Array | ReadonlyMap<Cbor, Cbor>

const head = (major: number, length: number): Buffer => {
  if (length < 24) return Buffer.from([(major << 5) | length])
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length])
  if (length < 0x10000) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff])
  const out = Buffer.alloc(5)
  out[0] = (major << 5) | 26
  out.writeUInt32BE(length, 1)
  return out
}

/** CBOR (RFC 8949) of the few kinds WebAuthn needs: integers, byte and text strings, maps in the order given. */
export const cbor = (value: Cbor): Buffer => {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value)
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8")
    return Buffer.concat([head(3, bytes.length), bytes])
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value])
  const parts: Array<Buffer> = [head(5, value.size)]
  for (const [key, item] of value) parts.push(cbor(key), cbor(item))
  return Buffer.concat(parts)
}

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url")
const sha256 = (data: Uint8Array | string): Buffer => createHash("sha256").update(data).digest()
const counterBytes = (counter: number): Buffer => {
  const out = Buffer.alloc(4)
  out.writeUInt32BE(counter)
  return out
}

const flags = { userPresent: 0x01, userVerified: 0x04, attestedData: 0x40 }

export interface CreationOptionsJSON {
  readonly challenge: string
  readonly rp: { readonly id?: string | undefined; readonly name: string }
  readonly user: { readonly id: string }
}

export interface RequestOptionsJSON {
  readonly challenge: string
  readonly rpId?: string | undefined
}

/** Ways to bend a ceremony into a forgery. */
export interface Bend {
  readonly origin?: string
  readonly challenge?: string
  readonly rpId?: string
  /** The counter to sign with (a replay: the last one again). */
  readonly counter?: number
  /** Flip a bit of the signature. */
  readonly breakSignature?: boolean
  /** Leave out user verification. */
  readonly unverified?: boolean
}

export interface SoftwareAuthenticator {
  readonly credentialId: string
  /** The counter of the last signature made. */
  readonly counter: () => number
  /** `navigator.credentials.create()`'s answer, as JSON. */
  readonly create: (options: CreationOptionsJSON, origin: string, bend?: Bend) => Record<string, unknown>
  /** `navigator.credentials.get()`'s answer, as JSON. */
  readonly get: (options: RequestOptionsJSON, origin: string, bend?: Bend) => Record<string, unknown>
}

/** A new authenticator holding one ES256 credential, its counter starting at `counter`. */
export const make = (start: { readonly counter?: number } = {}): SoftwareAuthenticator => {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" }) as {
    privateKey: KeyObject
    publicKey: KeyObject
  }
  const jwk = publicKey.export({ format: "jwk" }) as { x: string; y: string }
  // COSE_Key (RFC 9053): kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
  const coseKey = cbor(
    new Map<Cbor, Cbor>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x, "base64url")],
      [-3, Buffer.from(jwk.y, "base64url")],
    ]),
  )
  const rawId = randomBytes(32)
  const credentialId = b64url(rawId)
  let counter = start.counter ?? 0
  let userHandle: string | undefined

  const clientData = (type: string, challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), "utf8")
  const flagsOf = (bend: Bend, extra: number) =>
    flags.userPresent | (bend.unverified === true ? 0 : flags.userVerified) | extra

  return {
    credentialId,
    counter: () => counter,
    create: (options, origin, bend = {}) => {
      userHandle = options.user.id
      const rpId = bend.rpId ?? options.rp.id ?? new URL(origin).hostname
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([flagsOf(bend, flags.attestedData)]),
        counterBytes(counter),
        Buffer.alloc(16), // AAGUID: none
        Buffer.from([rawId.length >> 8, rawId.length & 0xff]),
        rawId,
        coseKey,
      ])
      const attestationObject = cbor(
        new Map<Cbor, Cbor>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      )
      return {
        id: credentialId,
        rawId: credentialId,
        type: "public-key",
        authenticatorAttachment: "platform",
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(
            clientData("webauthn.create", bend.challenge ?? options.challenge, bend.origin ?? origin),
          ),
          attestationObject: b64url(attestationObject),
          transports: ["internal"],
        },
      }
    },
    get: (options, origin, bend = {}) => {
      const rpId = bend.rpId ?? options.rpId ?? new URL(origin).hostname
      const signed = bend.counter ?? counter + 1
      counter = Math.max(counter, signed)
      const authData = Buffer.concat([sha256(rpId), Buffer.from([flagsOf(bend, 0)]), counterBytes(signed)])
      const clientDataJSON = clientData("webauthn.get", bend.challenge ?? options.challenge, bend.origin ?? origin)
      // ES256: ECDSA over SHA-256 of authenticator data ‖ SHA-256(client data), DER-encoded.
      const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), privateKey)
      if (bend.breakSignature === true) signature[signature.length - 1] = (signature.at(-1) ?? 0) ^ 0x01
      return {
        id: credentialId,
        rawId: credentialId,
        type: "public-key",
        authenticatorAttachment: "platform",
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          ...(userHandle === undefined ? {} : { userHandle }),
        },
      }
    },
  }
}
