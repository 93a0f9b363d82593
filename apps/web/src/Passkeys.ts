/**
 * The browser's side of passkeys: the API's options (WebAuthn's JSON) handed
 * to `navigator.credentials`, and the credential it makes or uses handed back
 * as JSON (`PublicKeyCredential.parseCreationOptionsFromJSON`, `toJSON`).
 * Undefined when the person cancels or the browser cannot.
 */

type JsonCredential = Record<string, unknown>

interface PublicKeyCredentialStatics {
  readonly parseCreationOptionsFromJSON?: (options: unknown) => PublicKeyCredentialCreationOptions
  readonly parseRequestOptionsFromJSON?: (options: unknown) => PublicKeyCredentialRequestOptions
}

const statics = (): PublicKeyCredentialStatics | undefined =>
  typeof globalThis.PublicKeyCredential === "function"
    ? (globalThis.PublicKeyCredential as unknown as PublicKeyCredentialStatics)
    : undefined

/** Whether this browser can create and use passkeys from the API's JSON. */
export const supported = (): boolean => {
  const found = statics()
  return found?.parseCreationOptionsFromJSON !== undefined && found.parseRequestOptionsFromJSON !== undefined
}

const asJson = (credential: Credential | null): JsonCredential | undefined =>
  credential === null ? undefined : ((credential as PublicKeyCredential).toJSON() as JsonCredential)

/** A new passkey for the creation options; undefined when cancelled or refused by the browser. */
export const create = async (options: unknown): Promise<JsonCredential | undefined> => {
  const parse = statics()?.parseCreationOptionsFromJSON
  if (parse === undefined) return undefined
  try {
    return asJson(await navigator.credentials.create({ publicKey: parse(options) }))
  } catch {
    return undefined
  }
}

/** An assertion of a passkey for the request options; undefined when cancelled or refused by the browser. */
export const get = async (options: unknown): Promise<JsonCredential | undefined> => {
  const parse = statics()?.parseRequestOptionsFromJSON
  if (parse === undefined) return undefined
  try {
    return asJson(await navigator.credentials.get({ publicKey: parse(options) }))
  } catch {
    return undefined
  }
}
