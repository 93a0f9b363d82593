/**
 * argon2id in its encoded PHC form (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`,
 * unpadded standard base64), computed by either of two engines that give the
 * same bytes: `hash-wasm` (WebAssembly compiled at run time: fast, but
 * Cloudflare Workers forbid compiling WebAssembly from bytes) and
 * `@noble/hashes` (plain JavaScript: runs everywhere, a few times slower).
 * A hash made by one verifies with the other (ADR 0009).
 *
 * @internal
 */
import { argon2idAsync } from "@noble/hashes/argon2.js"
import { argon2id as wasmArgon2id } from "hash-wasm"

/** The cost of one hash, as the encoded form names it. */
export interface Cost {
  readonly memorySize: number
  readonly iterations: number
  readonly parallelism: number
  readonly hashLength: number
}

/** Computes the raw argon2id output of `password` (UTF-8) with `salt` at `cost`. */
export type Engine = (password: string | Uint8Array, salt: Uint8Array, cost: Cost) => Promise<Uint8Array>

/** argon2id through `hash-wasm`: rejects where WebAssembly cannot be compiled at run time. */
export const wasm: Engine = (password, salt, cost) => wasmArgon2id({ password, salt, ...cost, outputType: "binary" })

/** argon2id through `@noble/hashes`: plain JavaScript, for Workers. */
export const javascript: Engine = (password, salt, cost) =>
  argon2idAsync(password, salt, {
    m: cost.memorySize,
    t: cost.iterations,
    p: cost.parallelism,
    dkLen: cost.hashLength,
    version: 0x13,
    // Stored hashes are ours; the bound only stops a corrupted one from taking the isolate's memory.
    maxmem: 256 * 1024 * 1024,
  })

const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/=+$/, "")

const bytesOf = (text: string): Uint8Array => Uint8Array.from(atob(text), (char) => char.charCodeAt(0))

/** The encoded PHC form of a hash. */
export const encode = (salt: Uint8Array, cost: Cost, hash: Uint8Array): string =>
  `$argon2id$v=19$m=${cost.memorySize},t=${cost.iterations},p=${cost.parallelism}$${base64(salt)}$${base64(hash)}`

const phc = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,4}),p=(\d{1,3})\$([A-Za-z0-9+/]{11,})\$([A-Za-z0-9+/]{6,})$/

/** The salt, cost and hash of an encoded argon2id hash; `undefined` when it is not one. */
export const decode = (encoded: string): { salt: Uint8Array; cost: Cost; hash: Uint8Array } | undefined => {
  const parts = phc.exec(encoded)
  if (parts === null) return undefined
  try {
    const hash = bytesOf(parts[5] as string)
    return {
      salt: bytesOf(parts[4] as string),
      hash,
      cost: {
        memorySize: Number(parts[1]),
        iterations: Number(parts[2]),
        parallelism: Number(parts[3]),
        hashLength: hash.length,
      },
    }
  } catch {
    return undefined
  }
}

/** The encoded hash of `password` with `salt` at `cost`, computed by `engine`. */
export const hashWith = async (engine: Engine, password: string | Uint8Array, salt: Uint8Array, cost: Cost) =>
  encode(salt, cost, await engine(password, salt, cost))

/** Whether `password` matches `encoded`, computed by `engine`, compared in constant time; malformed matches nothing. */
export const verifyWith = async (engine: Engine, password: string, encoded: string): Promise<boolean> => {
  const decoded = decode(encoded)
  if (decoded === undefined) return false
  const computed = await engine(password, decoded.salt, decoded.cost)
  if (computed.length !== decoded.hash.length) return false
  let difference = 0
  for (let index = 0; index < computed.length; index += 1)
    difference |= (computed[index] as number) ^ (decoded.hash[index] as number)
  return difference === 0
}
