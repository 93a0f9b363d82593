/**
 * A passkey (a WebAuthn public-key credential): the first choice of second
 * factor, since no one can phish it — the browser signs for the origin it is
 * on, and the authenticator proves presence and the person's PIN or
 * biometric (user verification) with every signature. Stored per person: the
 * credential id, the COSE public key, the signature counter and the
 * transports; none of it is a secret. The ceremonies' JSON is the shape
 * browsers produce (`PublicKeyCredential.toJSON()`), decoded here so the
 * gateway checks it before anything runs.
 */
import { Duration, Schema } from "effect"
import type { PersonId } from "./Person"

/**
 * Bytes in base64url, as WebAuthn's JSON carries them (padding tolerated).
 */
export const Base64Url = Schema.String.pipe(
  Schema.maxLength(16_384),
  Schema.pattern(/^[A-Za-z0-9_-]*={0,2}$/),
).annotations({ identifier: "Base64Url" })

/**
 * How an authenticator may be reached.
 */
export const Transport = Schema.Literal("ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb").annotations({
  identifier: "AuthenticatorTransport",
})

export type Transport = typeof Transport.Type

const Attachment = Schema.Literal("platform", "cross-platform")
const ExtensionResults = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/**
 * What a browser answers to `navigator.credentials.create()`, as JSON.
 */
export const RegistrationResponse = Schema.Struct({
  id: Base64Url,
  rawId: Base64Url,
  type: Schema.Literal("public-key"),
  authenticatorAttachment: Schema.optional(Attachment),
  clientExtensionResults: ExtensionResults,
  response: Schema.Struct({
    clientDataJSON: Base64Url,
    attestationObject: Base64Url,
    authenticatorData: Schema.optional(Base64Url),
    transports: Schema.optional(Schema.Array(Transport).pipe(Schema.maxItems(8))),
    publicKeyAlgorithm: Schema.optional(Schema.Int),
    publicKey: Schema.optional(Base64Url),
  }),
}).annotations({ identifier: "PasskeyRegistrationResponse" })

export type RegistrationResponse = typeof RegistrationResponse.Type

/**
 * What a browser answers to `navigator.credentials.get()`, as JSON.
 */
export const AuthenticationResponse = Schema.Struct({
  id: Base64Url,
  rawId: Base64Url,
  type: Schema.Literal("public-key"),
  authenticatorAttachment: Schema.optional(Attachment),
  clientExtensionResults: ExtensionResults,
  response: Schema.Struct({
    clientDataJSON: Base64Url,
    authenticatorData: Base64Url,
    signature: Base64Url,
    userHandle: Schema.optional(Base64Url),
  }),
}).annotations({ identifier: "PasskeyAuthenticationResponse" })

export type AuthenticationResponse = typeof AuthenticationResponse.Type

const Descriptor = Schema.Struct({
  id: Base64Url,
  type: Schema.Literal("public-key"),
  transports: Schema.optional(Schema.Array(Transport)),
})

/**
 * The options a browser passes to `navigator.credentials.create()` (as JSON:
 * `PublicKeyCredential.parseCreationOptionsFromJSON`).
 */
export const CreationOptions = Schema.Struct({
  rp: Schema.Struct({ name: Schema.String, id: Schema.optional(Schema.String) }),
  user: Schema.Struct({ id: Base64Url, name: Schema.String, displayName: Schema.String }),
  challenge: Base64Url,
  pubKeyCredParams: Schema.Array(Schema.Struct({ type: Schema.Literal("public-key"), alg: Schema.Int })),
  timeout: Schema.optional(Schema.Int),
  excludeCredentials: Schema.optional(Schema.Array(Descriptor)),
  authenticatorSelection: Schema.optional(
    Schema.Struct({
      authenticatorAttachment: Schema.optional(Attachment),
      residentKey: Schema.optional(Schema.Literal("discouraged", "preferred", "required")),
      requireResidentKey: Schema.optional(Schema.Boolean),
      userVerification: Schema.optional(Schema.Literal("discouraged", "preferred", "required")),
    }),
  ),
  attestation: Schema.optional(Schema.Literal("direct", "enterprise", "indirect", "none")),
}).annotations({ identifier: "PasskeyCreationOptions" })

export type CreationOptions = typeof CreationOptions.Type

/**
 * The options a browser passes to `navigator.credentials.get()` (as JSON).
 */
export const RequestOptions = Schema.Struct({
  challenge: Base64Url,
  rpId: Schema.optional(Schema.String),
  timeout: Schema.optional(Schema.Int),
  allowCredentials: Schema.optional(Schema.Array(Descriptor)),
  userVerification: Schema.optional(Schema.Literal("discouraged", "preferred", "required")),
}).annotations({ identifier: "PasskeyRequestOptions" })

export type RequestOptions = typeof RequestOptions.Type

/**
 * A passkey as stored.
 */
export interface StoredPasskey {
  /** The credential id, base64url. */
  readonly id: string
  readonly person: PersonId
  /** The COSE public key, base64url. */
  readonly publicKey: string
  readonly counter: number
  readonly transports: ReadonlyArray<Transport>
}

/**
 * Who the passkeys are for: the site's domain (the RP id, which every
 * signature is bound to), its name as authenticators show it, and the origins
 * browsers reach it at.
 */
export interface RelyingParty {
  readonly id: string
  readonly name: string
  readonly origins: ReadonlyArray<string>
}

/**
 * The relying party for a gateway reached at `origin`.
 */
export const relyingPartyAt = (origin: string): RelyingParty => ({
  id: new URL(origin).hostname,
  name: "Bashkë",
  origins: [origin],
})

/**
 * What a challenge is for.
 */
export type Ceremony = "registration" | "authentication"

/**
 * How long a challenge may be answered: five minutes (a person finding their
 * security key), the same as the `timeout` the browser is told.
 */
export const challengeLifetime: Duration.Duration = Duration.minutes(5)

/**
 * Whether a signature counter `presented` may follow `stored`. A counter that
 * does not advance means a cloned authenticator or a replayed assertion and is
 * refused; authenticators that keep no counter (synced passkeys) send 0 each
 * time, which is allowed while the stored one is 0 too (WebAuthn §6.1.1).
 */
export const counterAdvances = (stored: number, presented: number): boolean =>
  presented > stored || (stored === 0 && presented === 0)

const fromBase64Url = (value: string): string => {
  const plain = value.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/")
  return atob(plain.padEnd(Math.ceil(plain.length / 4) * 4, "="))
}

/**
 * The challenge a ceremony's `clientDataJSON` answers, or undefined when it
 * is not client data at all. Read before verification to find the one-time
 * challenge in the store; verification then checks it was signed.
 */
export const challengeOf = (clientDataJSON: string): string | undefined => {
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(clientDataJSON))
    const challenge = (parsed as { challenge?: unknown } | null)?.challenge
    return typeof challenge === "string" && challenge.length > 0 && challenge.length <= 512 ? challenge : undefined
  } catch {
    return undefined
  }
}
