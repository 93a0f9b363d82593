/**
 * Keyset pagination: a request (`limit`, `after`), a page (`items`, `next`) and
 * the pure step that turns `limit + 1` fetched rows into a page.
 *
 * A repository fetches `limit + 1` rows ordered by the sort key and strictly
 * after the decoded `after` cursor; {@link paginate} keeps `limit` of them and,
 * when the extra row proves there is more, makes the `next` cursor.
 */
import { Effect, Schema } from "effect"
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

/**
 * One keyset step of a list: at most `limit` rows strictly after the key
 * `after` (from the first row when absent), in sort-key order.
 */
export type Step<A, E, R> = (after: Cursor.Key | undefined, limit: number) => Effect.Effect<ReadonlyArray<A>, E, R>

/**
 * The page of the rows a caller may see, when whether one may be seen is not
 * a condition SQL can hold (it needs facts another package keeps): reads
 * `step`s of `limit + 1` rows from `after` on, keeps those `visible` allows,
 * and reads on until `limit + 1` are kept or the rows run out. So a page is
 * never short while more visible rows exist, and each step costs what a page
 * costs; the `next` cursor is the key of the last row shown, so rows skipped
 * as invisible are skipped again on the next page, never shown.
 */
export const visible = <A, E, R, E2, R2>(options: {
  readonly step: Step<A, E, R>
  readonly visible: (row: A) => Effect.Effect<boolean, E2, R2>
  readonly keyOf: (row: A) => Cursor.Key
  readonly limit: number
  readonly after: Cursor.Key | undefined
}): Effect.Effect<Page<A>, E | E2, R | R2> =>
  Effect.gen(function* () {
    const kept: Array<A> = []
    let from = options.after
    while (kept.length <= options.limit) {
      const rows = yield* options.step(from, options.limit + 1)
      for (const row of rows) if (yield* options.visible(row)) kept.push(row)
      const last = rows[rows.length - 1]
      if (rows.length < options.limit + 1 || last === undefined) break
      from = options.keyOf(last)
    }
    return paginate(kept, options.limit, options.keyOf)
  })
