/**
 * Keyset pagination: a request (`limit`, `after`), a page (`items`, `next`) and
 * the pure step that turns `limit + 1` fetched rows into a page.
 *
 * A repository fetches `limit + 1` rows ordered by the sort key and strictly
 * after the decoded `after` cursor; {@link paginate} keeps `limit` of them and,
 * when the extra row proves there is more, makes the `next` cursor.
 */
import { Schema } from "effect"
import * as Cursor from "./Cursor"

/**
 * The page size used when a request names none.
 */
export const defaultLimit = 50

/**
 * The largest page a request may ask for.
 */
export const maxLimit = 200

/**
 * A page size: an integer from 1 to {@link maxLimit}. A failed decode reports
 * `pagination.limit.out-of-range` (with `min` 1 and `max` 200 as parameters).
 */
export const Limit = Schema.Number.pipe(
  Schema.filter((n) => Number.isInteger(n) && n >= 1 && n <= maxLimit, {
    identifier: "Limit",
    message: () => "pagination.limit.out-of-range",
    jsonSchema: { type: "integer", minimum: 1, maximum: maxLimit },
    arbitrary: () => (fc) => fc.integer({ min: 1, max: maxLimit }),
  }),
)

/**
 * A request for one page: `limit` (default {@link defaultLimit}) and the `after`
 * cursor of the previous page, absent for the first.
 */
export const PageRequest = Schema.Struct({
  limit: Schema.optionalWith(Limit, { default: () => defaultLimit }),
  after: Schema.optional(Cursor.Cursor),
}).annotations({ identifier: "PageRequest" })

export type PageRequest = typeof PageRequest.Type

/**
 * One page of `A`s: the items and the cursor of the next page (`null` on the last).
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly next: string | null
}

/**
 * The schema of a page of `item`s.
 */
export const Page = <A, I, R>(item: Schema.Schema<A, I, R>) =>
  Schema.Struct({
    items: Schema.Array(item),
    next: Schema.NullOr(Schema.String),
  })

/**
 * The page for rows fetched with `LIMIT limit + 1` in sort-key order: the first
 * `limit` rows, and a `next` cursor (the key of the last row kept) only when a
 * further row was fetched. Extra rows beyond `limit + 1` are ignored.
 *
 * @example
 * ```ts
 * import { Pagination } from "@bashke/kernel"
 *
 * const rows = [{ id: "a" }, { id: "b" }, { id: "c" }]
 * Pagination.paginate(rows, 2, (row) => [row.id]) // { items: [a, b], next: "WyJiIl0" }
 * ```
 */
export const paginate = <A>(rows: ReadonlyArray<A>, limit: number, keyOf: (row: A) => Cursor.Key): Page<A> => {
  if (rows.length <= limit) return { items: rows, next: null }
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, next: last === undefined ? null : Cursor.encode(keyOf(last)) }
}
