// The plaintext of a sealed inbox batch: the records' payloads as one JSON
// array. Not compressed: with the vault's native base64 a 470 KB page seals in
// ~1.5 µs a record, while CompressionStream's gzip and the JavaScript base64
// around it cost ~6 µs a record to write and ~8 to read (the import
// benchmark's largest host costs after SQLite). The batch lives only until its
// records are processed, so its size on disk is short-lived.

/** The payloads as the text to seal. Throws on a payload that is not JSON. */
export const encode = (payloads: ReadonlyArray<unknown>): string => JSON.stringify(payloads)

/** The payloads back from the opened text; throws on anything else. */
export const decode = (text: string): ReadonlyArray<unknown> => {
  const parsed: unknown = JSON.parse(text)
  if (!Array.isArray(parsed)) throw new Error("not a batch")
  return parsed
}
