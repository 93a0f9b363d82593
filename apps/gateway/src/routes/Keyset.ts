/**
 * Keyset pages over lists a service answers whole (a mechanism's memberships,
 * its meetings, a meeting's decisions): the rows are ordered by a sort key that
 * holds no personal data, the `after` cursor names the last key of the previous
 * page, and the page keeps `limit` rows after it. The answer is the kernel's
 * `Pagination.Page`, the same shape every list of the API has.
 */
import { Cursor, type Errors, Pagination } from "@bashke/kernel"
import { Effect, Schema } from "effect"

/**
 * `limit` in a query string: a number from 1 to 200, 50 when absent. Text on
 * the wire, described as the integer it is, so generated clients take a number.
 */
export const limit = Schema.optionalWith(
  Schema.NumberFromString.pipe(Schema.compose(Pagination.Limit)).annotations({
    jsonSchema: { type: "integer", minimum: 1, maximum: Pagination.maxLimit, default: Pagination.defaultLimit },
  }),
  { default: () => Pagination.defaultLimit },
)

/** `after` in a query string: the `next` cursor of the previous page. */
export const after = Schema.optional(Cursor.Cursor)

/** The schema of a page of `item`s, named for the API description. */
export const pageSchema = <A, I>(item: Schema.Schema<A, I>, identifier: string) =>
  Pagination.Page(item).annotations({ identifier })

/** What a page request carries once decoded. */
export interface PageQuery {
  readonly limit: number
  readonly after?: string | undefined
}

/**
 * The page of `rows` after `query.after`, ordered by `keyOf`. A cursor that does
 * not decode is `InvalidInput` (`pagination.cursor.malformed`).
 */
export const page = <A>(
  rows: ReadonlyArray<A>,
  keyOf: (row: A) => Cursor.Key,
  query: PageQuery,
): Effect.Effect<Pagination.Page<A>, Errors.InvalidInput> =>
  Effect.map(query.after === undefined ? Effect.succeed(undefined) : Cursor.decode(query.after), (afterKey) => {
    const ordered = rows
      .map((row) => ({ row, key: keyOf(row) }))
      .filter((entry) => afterKey === undefined || Cursor.compare(entry.key, afterKey) > 0)
      .sort((a, b) => Cursor.compare(a.key, b.key))
      .slice(0, query.limit + 1)
      .map((entry) => entry.row)
    return Pagination.paginate(ordered, query.limit, keyOf)
  })
