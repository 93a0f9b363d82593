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
})
