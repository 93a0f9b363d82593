// HSDS 3.0 asks for UUID ids; Bashkë's ids are ULIDs, which are the same 128
// bits in Crockford base 32. Rewriting the bits keeps the export's ids stable
// and reversible without a mapping table.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/** @internal The UUID spelling of a ULID's 128 bits. */
export const ofUlid = (ulid: string): string => {
  let bits = 0n
  for (const char of ulid.toUpperCase()) bits = (bits << 5n) | BigInt(alphabet.indexOf(char))
  const hex = bits.toString(16).padStart(32, "0")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
