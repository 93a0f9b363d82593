import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Encoding, Exit, FastCheck as fc, Schema } from "effect"
import { Cursor, Errors, Pagination } from "../src/index"

const keyPart = fc.oneof(
  fc.string(),
  fc.fullUnicodeString(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
)

describe("Cursor", () => {
  it.prop("decode(encode(key)) is key", [fc.array(keyPart, { maxLength: 5 })], ([key]) => {
    const cursor = Cursor.encode(key)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/)
    expect(Effect.runSync(Cursor.decode(cursor))).toEqual(key)
  })

  it.each([
    "!!!",
    "a",
    Encoding.encodeBase64Url("not json"),
    Encoding.encodeBase64Url('{"a":1}'),
    Encoding.encodeBase64Url('[{"a":1}]'),
    Encoding.encodeBase64Url("[null]"),
    Encoding.encodeBase64Url("[true]"),
  ])("rejects %s as InvalidInput", (cursor) => {
    const exit = Effect.runSyncExit(Cursor.decode(cursor))
    expect(exit).toEqual(Exit.fail(new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" })))
  })

  it("compares keys component by component", () => {
    expect(Cursor.compare([1, "b"], [1, "c"])).toBe(-1)
    expect(Cursor.compare([2, "a"], [1, "z"])).toBe(1)
    expect(Cursor.compare([1, "a"], [1, "a"])).toBe(0)
    expect(Cursor.compare([1], [1, "a"])).toBe(-1)
    expect(Cursor.compare([10], [9])).toBe(1)
  })
})

describe("PageRequest", () => {
  const decode = Schema.decodeUnknownEither(Pagination.PageRequest)

  it("defaults the limit to 50 and accepts 1..200", () => {
    expect(decode({})).toEqual(Either.right({ limit: 50 }))
    expect(decode({ limit: 1, after: "WyJiIl0" })).toEqual(Either.right({ limit: 1, after: "WyJiIl0" }))
    expect(decode({ limit: 200 })).toEqual(Either.right({ limit: 200 }))
  })

  it.each([0, 201, 1.5, -1, Number.NaN])("rejects limit %s", (limit) => {
    const result = decode({ limit })
    expect(Either.isLeft(result) && result.left.message).toContain("pagination.limit.out-of-range")
  })

  it("rejects a cursor with characters outside base64url", () => {
    expect(Either.isLeft(decode({ after: "a+b/" }))).toBe(true)
  })
})

describe("paginate", () => {
  it("makes the next cursor from the last kept row, only when there is more", () => {
    const rows = [{ id: "a" }, { id: "b" }, { id: "c" }]
    expect(Pagination.paginate(rows, 2, (r) => [r.id])).toEqual({ items: rows.slice(0, 2), next: "WyJiIl0" })
    expect(Pagination.paginate(rows, 3, (r) => [r.id])).toEqual({ items: rows, next: null })
    expect(Pagination.paginate([], 3, (r: { id: string }) => [r.id])).toEqual({ items: [], next: null })
  })

  interface Row {
    readonly day: number
    readonly id: string
  }
  const keyOf = (row: Row): Cursor.Key => [row.day, row.id]

  // A repository as the SQL adapters will be: WHERE (day, id) > after ORDER BY day, id LIMIT limit + 1.
  const fetch = (table: ReadonlyArray<Row>, after: Cursor.Key | undefined, limit: number): ReadonlyArray<Row> =>
    table.filter((row) => after === undefined || Cursor.compare(keyOf(row), after) > 0).slice(0, limit + 1)

  const table = fc
    .uniqueArray(fc.record({ day: fc.integer({ min: 0, max: 5 }), id: fc.string({ maxLength: 4 }) }), {
      selector: (row) => `${row.day}\u0000${row.id}`,
      maxLength: 60,
    })
    .map((rows) => [...rows].sort((a, b) => Cursor.compare(keyOf(a), keyOf(b))))

  it.prop(
    "walking the pages visits every row exactly once, in order",
    [table, fc.integer({ min: 1, max: 10 })],
    ([rows, limit]) => {
      const visited: Array<Row> = []
      let after: Cursor.Key | undefined
      for (let pages = 0; pages <= rows.length + 1; pages++) {
        const page = Pagination.paginate(fetch(rows, after, limit), limit, keyOf)
        expect(page.items.length).toBeLessThanOrEqual(limit)
        visited.push(...page.items)
        if (page.next === null) break
        after = Effect.runSync(Cursor.decode(page.next))
      }
      expect(visited).toEqual(rows)
    },
  )

  it("Page encodes and decodes with its item schema", () => {
    const schema = Pagination.Page(Schema.NumberFromString)
    expect(Schema.decodeUnknownSync(schema)({ items: ["1", "2"], next: null })).toEqual({ items: [1, 2], next: null })
    expect(Schema.encodeSync(schema)({ items: [3], next: "WyJiIl0" })).toEqual({ items: ["3"], next: "WyJiIl0" })
  })
})
