// The RFC 4180 parser: examples and a round trip property.
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck } from "effect"
import { Csv } from "../src/index"

describe("Csv.parse", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n1,,3\n'
    expect(Csv.parse(text)).toEqual(
      Either.right([
        { line: 1, fields: ["a", "b", "c"] },
        { line: 2, fields: ["x, y", 'say "hi"', "two\r\nlines"] },
        { line: 4, fields: ["1", "", "3"] },
      ]),
    )
  })

  it("skips blank lines and a byte-order mark; keeps an empty quoted field", () => {
    expect(Csv.parse('\ufeffa\n\n""\n')).toEqual(
      Either.right([
        { line: 1, fields: ["a"] },
        { line: 3, fields: [""] },
      ]),
    )
  })

  it("refuses an open quote and text after a closing quote, by line", () => {
    expect(Csv.parse('a\n"open,b\nc')).toEqual(Either.left({ reason: "unterminated-quote", line: 2 }))
    expect(Csv.parse('a\n"x"y,b')).toEqual(Either.left({ reason: "text-after-quote", line: 2 }))
  })

  it("parses what it formats", () => {
    const field = FastCheck.string({ unit: FastCheck.constantFrom("a", "b", ",", '"', "\n", "\r\n", " ", "ë") })
    const row = FastCheck.array(field, { minLength: 2, maxLength: 5 })
    FastCheck.assert(
      FastCheck.property(FastCheck.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = Csv.parse(Csv.format(rows))
        expect(Either.map(parsed, (list) => list.map((r) => r.fields))).toEqual(Either.right(rows))
      }),
    )
  })
})
