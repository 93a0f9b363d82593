/**
 * Opaque cursors for keyset pagination. A cursor carries the sort key of the
 * last row of a page (`[createdAt, id]`, say); the next page starts after it,
 * which stays correct and fast while rows are inserted, unlike offsets.
 *
 * A cursor is base64url of JSON: opaque to callers, not secret. Sort keys must
 * never hold personal data.
 */
import { Effect, Either, Encoding, Schema } from "effect"
import { InvalidInput } from "./Errors"

/**
 * One component of a sort key.
 */
export type KeyPart = string | number

/**
 * A sort key: the values a page is ordered by, most significant first.
 */
export type Key = ReadonlyArray<KeyPart>

/**
 * Encodes a sort key as an opaque URL-safe string. Numbers must be finite
 * (`-0` comes back as `0`).
 */
export const encode = (key: Key): string => Encoding.encodeBase64Url(JSON.stringify(key))

const malformed = new InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" })

const isKey = (value: unknown): value is Key =>
  Array.isArray(value) &&
  value.every((part) => typeof part === "string" || (typeof part === "number" && Number.isFinite(part)))

/**
 * Decodes a cursor made by {@link encode}; anything else fails with
 * `InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" })`.
 */
export const decode = (cursor: string): Effect.Effect<Key, InvalidInput> => {
  const text = Encoding.decodeBase64UrlString(cursor)
  if (Either.isLeft(text)) return Effect.fail(malformed)
  try {
    const value: unknown = JSON.parse(text.right)
    return isKey(value) ? Effect.succeed(value) : Effect.fail(malformed)
  } catch {
    return Effect.fail(malformed)
  }
}

/**
 * The id the cursor of a page ordered by one id names, decoded with that id's
 * schema (`undefined` without a cursor); a cursor that names none fails as
 * {@link decode} does.
 */
export const afterId = <A>(
  id: Schema.Schema<A, string>,
  cursor: string | undefined,
): Effect.Effect<A | undefined, InvalidInput> =>
  cursor === undefined
    ? Effect.succeed(undefined)
    : Effect.flatMap(decode(cursor), (key) =>
        key.length === 1
          ? Schema.decodeUnknown(id)(key[0]).pipe(Effect.mapError(() => malformed))
          : Effect.fail(malformed),
      )

/**
 * The sort key the cursor names, decoded with `key` (a tuple of the key's
 * parts, say `Schema.Tuple(CivilDate, ActionItemId)`); `undefined` without a
 * cursor. A cursor whose key `key` refuses fails as {@link decode} does.
 */
export const afterKey = <A, I extends ReadonlyArray<KeyPart>>(
  key: Schema.Schema<A, I>,
  cursor: string | undefined,
): Effect.Effect<A | undefined, InvalidInput> =>
  cursor === undefined
    ? Effect.succeed(undefined)
    : Effect.flatMap(decode(cursor), (parts) => Schema.decodeUnknown(key)(parts).pipe(Effect.mapError(() => malformed)))

/**
 * Orders two sort keys component by component (numbers numerically, strings by
 * UTF-16 code units, as SQL `COLLATE "C"`/`BINARY` does); a shorter key that is a
 * prefix of a longer one sorts first. For in-memory repositories and tests.
 */
export const compare = (a: Key, b: Key): -1 | 0 | 1 => {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x === y) continue
    if (typeof x === typeof y) return x < y ? -1 : 1
    // Mixed types only arise from a malformed key; numbers first keeps the order total.
    return typeof x === "number" ? -1 : 1
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

/**
 * A cursor as it travels in a query string or a response (its own module, so a
 * browser's search parameters take the schema without the decoding above).
 */
export { Cursor } from "./CursorText"
