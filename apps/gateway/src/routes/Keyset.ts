/**
 * The query and answer of a keyset-paged list: `limit` and the `after` cursor
 * in the query string, and the kernel's `Pagination.Page` as the answer, the
 * same shape every list of the API has. Every list is paged in SQL by the
 * package that owns it (ADR 0034); the routes only decode, call and encode.
 */
import { Cursor, Pagination } from "@bashke/kernel"
import { Schema } from "effect"

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

/**
 * The query of a keyset-paged list: its own filters first, then `limit` and
 * `after`, as every list of the API takes them.
 */
export const query = <Fields extends Schema.Struct.Fields>(filters: Fields) =>
  Schema.Struct({ ...filters, limit, after })
