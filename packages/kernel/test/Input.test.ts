import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import * as Catalogue from "../src/Catalogue"
import * as Input from "../src/Input"

const messages = Catalogue.make({
  "demo.input.invalid": { sq: "Të dhëna të pavlefshme.", "sr-Latn": "Neispravni podaci.", en: "Invalid input." },
  "demo.age.negative": {
    sq: "Mosha s'mund të jetë negative.",
    "sr-Latn": "Starost ne može biti negativna.",
    en: "Age cannot be negative.",
  },
})
const decode = Input.decodeEither({ messages, fallback: "demo.input.invalid" })
const Person = Schema.Struct({
  name: Schema.String,
  age: Schema.Number.pipe(Schema.filter((n) => n >= 0, { message: () => "demo.age.negative" })),
})

describe("Input", () => {
  it("names the field and the rule of the first known rule, never the value", () => {
    const result = decode(Person)({ name: 42, age: -1 })
    expect(Either.getLeft(result).pipe((e) => e._tag === "Some" && { ...e.value })).toEqual({
      _tag: "InvalidInput",
      field: "age",
      rule: "demo.age.negative",
    })
  })

  it("falls back to the package's rule for a failure that names none", () => {
    const left = Either.getLeft(decode(Person)({ name: "Arta Krasniqi", age: "x" }))
    expect(left._tag === "Some" && left.value.field).toBe("age")
    expect(left._tag === "Some" && left.value.rule).toBe("demo.input.invalid")
    expect(JSON.stringify(left)).not.toContain("Arta")
  })

  it("reports a missing field by its path, and ignores extra properties", () => {
    const left = Either.getLeft(decode(Person)({ age: 3 }))
    expect(left._tag === "Some" && left.value.field).toBe("name")
    expect(decode(Person)({ name: "a", age: 1, extra: true })).toEqual(Either.right({ name: "a", age: 1 }))
  })

  it("answers exactly what Effect's decoding answers, by the compiled checks or without them", () => {
    // A default is a transformation the compiled checks do not cover: Effect decodes it all.
    const WithDefault = Schema.Struct({
      name: Schema.String,
      tags: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
    })
    const Dated = Schema.Struct({ at: Schema.Date, note: Schema.optional(Schema.String) })
    const same = <A, I>(schema: Schema.Schema<A, I>, input: unknown) => {
      const effects = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "ignore" })(input)
      const ours = decode(schema)(input)
      expect(Either.isRight(ours)).toBe(Either.isRight(effects))
      if (Either.isRight(ours) && Either.isRight(effects)) expect(ours.right).toEqual(effects.right)
    }
    same(Person, { name: "a", age: 1, extra: true })
    same(Person, { name: "a", age: -1 })
    same(WithDefault, { name: "a" })
    same(WithDefault, { name: "a", tags: ["x"], extra: 1 })
    same(Dated, { at: "2026-12-07T10:00:00.000Z" })
    same(Dated, { at: "2026-12-07T10:00:00.000Z", note: undefined })
    same(Dated, { at: "not a date" })
  })
})
