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

describe("visible", () => {
  /** A keyset step over sorted distinct ids, counting the steps read. */
  const stepOver =
    (ids: ReadonlyArray<number>, steps: { count: number }) => (after: Cursor.Key | undefined, n: number) =>
      Effect.sync(() => {
        steps.count++
        return ids.filter((id) => after === undefined || id > (after[0] as number)).slice(0, n)
      })

  it.prop(
    "walking by next gives every visible row once, in order, and no page is short before the last",
    [
      fc.uniqueArray(fc.integer({ min: 0, max: 500 }), { maxLength: 120 }),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 1, max: 5 }),
    ],
    ([unsorted, limit, every]) => {
      const ids = [...unsorted].sort((a, b) => a - b)
      const shown = (id: number) => id % every === 0
      const steps = { count: 0 }
      const walked: Array<number> = []
      let after: Cursor.Key | undefined
      for (let pages = 0; pages < 200; pages++) {
        const page = Effect.runSync(
          Pagination.visible({
            step: stepOver(ids, steps),
            visible: (id) => Effect.succeed(shown(id)),
            keyOf: (id) => [id],
            limit,
            after,
          }),
        )
        walked.push(...page.items)
        if (page.next === null) break
        expect(page.items).toHaveLength(limit)
        after = Effect.runSync(Cursor.decode(page.next))
      }
      expect(walked).toEqual(ids.filter(shown))
    },
  )

  it("reads further steps past invisible rows rather than answering short and final", () => {
    const steps = { count: 0 }
    const page = Effect.runSync(
      Pagination.visible({
        step: stepOver([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], steps),
        visible: (id) => Effect.succeed(id >= 9),
        keyOf: (id) => [id],
        limit: 1,
        after: undefined,
      }),
    )
    expect(page.items).toEqual([9])
    expect(page.next).toBe(Cursor.encode([9]))
    // Steps of two rows: [1,2] [3,4] [5,6] [7,8] [9,10].
    expect(steps.count).toBe(5)
  })
})

describe("Cursor.afterId", () => {
  const Id = Schema.String.pipe(Schema.pattern(/^[0-9A-Z]{26}$/))
  const malformed = Exit.fail(new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" }))

  it("names the id of a one-id cursor, nothing without one, and refuses any other key", () => {
    const id = "01JABCDEFGHJKMNPQRSTVWXYZ0"
    expect(Effect.runSync(Cursor.afterId(Id, Cursor.encode([id])))).toBe(id)
    expect(Effect.runSync(Cursor.afterId(Id, undefined))).toBeUndefined()
    expect(Effect.runSyncExit(Cursor.afterId(Id, Cursor.encode(["lower"])))).toEqual(malformed)
    expect(Effect.runSyncExit(Cursor.afterId(Id, Cursor.encode([id, 1])))).toEqual(malformed)
    expect(Effect.runSyncExit(Cursor.afterId(Id, Cursor.encode([7])))).toEqual(malformed)
  })
})

describe("Cursor.afterKey", () => {
  const Key = Schema.Tuple(Schema.String, Schema.Number)
  const malformed = Exit.fail(new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" }))

  it("names the key its schema accepts, nothing without a cursor, and refuses a key of another shape", () => {
    expect(Effect.runSync(Cursor.afterKey(Key, Cursor.encode(["2026-01-02", 3])))).toEqual(["2026-01-02", 3])
    expect(Effect.runSync(Cursor.afterKey(Key, undefined))).toBeUndefined()
    expect(Effect.runSyncExit(Cursor.afterKey(Key, Cursor.encode([3, "2026-01-02"])))).toEqual(malformed)
    expect(Effect.runSyncExit(Cursor.afterKey(Key, Cursor.encode(["2026-01-02"])))).toEqual(malformed)
  })
})
