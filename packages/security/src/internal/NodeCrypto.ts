// Node's `node:crypto` where the runtime has it, looked up and never imported:
// the package runs on Workers too, where this is undefined and WebCrypto does
// the work. Synchronous, so no thread-pool job per call (`crypto.subtle` queues
// one for every digest, unwrap and decrypt). Only what the package calls.

/** @internal */
export interface NodeDecipher {
  setAAD(data: Uint8Array): unknown
  setAuthTag(tag: Uint8Array): unknown
  update(data: Uint8Array): Uint8Array
  final(): Uint8Array
}

/** @internal */
export interface NodeCrypto {
  readonly KeyObject: { from(key: CryptoKey): unknown }
  createDecipheriv(
    algorithm: string,
    key: unknown,
    iv: Uint8Array,
    options?: { readonly authTagLength: number },
  ): NodeDecipher
  createHash(algorithm: string): { update(text: string): { digest(encoding: "hex"): string } }
  createHmac(algorithm: string, key: unknown): { update(text: string): { digest(encoding: "hex"): string } }
}

const found = (
  globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }
).process?.getBuiltinModule?.("node:crypto") as Partial<NodeCrypto> | undefined

// A runtime that lends `node:crypto` (Workers' Node compatibility) may lack a
// cipher or `KeyObject.from`: then WebCrypto does it all, as where there is none.
const complete = (node: Partial<NodeCrypto> | undefined): NodeCrypto | undefined => {
  try {
    if (
      node === undefined ||
      typeof node.KeyObject?.from !== "function" ||
      node.createDecipheriv === undefined ||
      node.createHash === undefined ||
      node.createHmac === undefined
    )
      return undefined
    node.createDecipheriv("id-aes256-wrap", new Uint8Array(32), new Uint8Array(8).fill(0xa6))
    node.createDecipheriv("aes-256-gcm", new Uint8Array(32), new Uint8Array(12), { authTagLength: 16 })
    node.createHash("sha256").update("").digest("hex")
    node.createHmac("sha256", new Uint8Array(32)).update("").digest("hex")
    return node as NodeCrypto
  } catch {
    return undefined
  }
}

/** @internal */
export const nodeCrypto: NodeCrypto | undefined = complete(found)
