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
}

/** @internal */
export const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }
).process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined
