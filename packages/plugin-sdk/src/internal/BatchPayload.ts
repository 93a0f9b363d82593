// The plaintext of a sealed inbox batch: the records' payloads as a JSON
// array, gzip-compressed and base64-encoded ("gz64:" + base64). Sealing
// costs about 40 µs a record on this JSON (the vault's base64 of a 350 KB
// page dominates); compressed first, the vault has ~10× less to encode. The
// batch is encrypted at rest and its size is seen by no one outside the
// database, so compressing before encrypting leaks nothing an attacker can
// observe. CompressionStream: Node 18+ and Workers alike.

const prefix = "gz64:"

const toBase64 = (bytes: Uint8Array): string => {
  let binary = ""
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

const pipe = async (bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream) =>
  new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(transform)).arrayBuffer())

/** The payloads as the text to seal. Throws on a payload that is not JSON. */
export const encode = async (payloads: ReadonlyArray<unknown>): Promise<string> => {
  const json = new TextEncoder().encode(JSON.stringify(payloads))
  return prefix + toBase64(await pipe(json, new CompressionStream("gzip")))
}

/** The payloads back from the opened text; rejects on anything else. */
export const decode = async (text: string): Promise<ReadonlyArray<unknown>> => {
  const json = text.startsWith(prefix)
    ? new TextDecoder().decode(await pipe(fromBase64(text.slice(prefix.length)), new DecompressionStream("gzip")))
    : text
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed)) throw new Error("not a batch")
  return parsed
}
