// The compiled checks may only ever agree with Effect: whatever they accept,
// Effect accepts with the same decoded value (excess keys dropped the same
// way). Checked on values generated from each schema (which the checks must
// also accept: that is the point of them) and on those values broken in every
// way a bad upstream breaks them — a key dropped, a value replaced, a key
// added, the wrong type altogether.
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import * as CivilDate from "../src/CivilDate"
import * as Id from "../src/Id"
import * as Municipality from "../src/Municipality"
import * as PlainDecoder from "../src/PlainDecoder"

const Code = Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,49}$/))
const Person = Schema.Struct({
  personalNumber: Schema.optional(Schema.String.pipe(Schema.pattern(/^[0-9A-Za-z]{5,40}$/))),
  givenName: Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100))),
  birthDate: Schema.optional(CivilDate.CivilDate),
  sex: Schema.optional(Schema.Literal("female", "male", "not-recorded")),
})
// A police report's shape: nested structs, optional structs, brands, filters, literal unions, arrays.
const Report = Schema.Struct({
  reportId: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/)),
  occurredOn: CivilDate.CivilDate,
  municipality: Municipality.MunicipalityCode,
  caseId: Schema.optional(Id.CaseId),
  forms: Schema.NonEmptyArray(Code),
  tags: Schema.Array(Schema.String),
  count: Schema.Number.pipe(Schema.int(), Schema.between(0, 10)),
  urgent: Schema.Boolean,
  note: Schema.NullOr(Schema.String),
  extra: Schema.optional(Schema.Unknown),
  victim: Person,
  perpetrator: Schema.optional(Schema.Struct({ ...Person.fields, relationship: Schema.optional(Code) })),
}).pipe(Schema.filter((report) => report.count < 10 || report.urgent, { message: () => "count" }))

const Tagged = Schema.Union(
  Schema.TaggedStruct("A", { a: Schema.String }),
  Schema.TaggedStruct("B", { b: Schema.Number }),
)

// A row as a repository reads it: timestamps as either driver hands them back,
// integers as numbers or strings (PostgreSQL's bigint), JSON text columns.
const Row = Schema.Struct({
  id: Id.CaseId,
  at: Schema.Union(Schema.ValidDateFromSelf, Schema.Date),
  until: Schema.NullishOr(Schema.Union(Schema.ValidDateFromSelf, Schema.Date)),
  version: Schema.Union(Schema.Int, Schema.NumberFromString.pipe(Schema.int())),
  forms: Schema.parseJson(Schema.NonEmptyArray(Code)),
  answers: Schema.parseJson(Schema.Record({ key: Code, value: Schema.Literal("yes", "no", "unknown") })),
  conditions: Schema.NullOr(
    Schema.parseJson(Schema.Array(Schema.Struct({ kind: Code, note: Schema.optional(Schema.String) }))),
  ),
})

const schemas = { Report, Person, Code, Forms: Schema.NonEmptyArray(Code), Tagged, Row } as const
// Two struct members: which one Effect picks decides the keys kept, so the checks leave it to Effect.
const uncovered = new Set(["Tagged"])

const json: fc.Arbitrary<unknown> = fc.jsonValue()

// A value broken one way, at a random depth.
const broken = (value: unknown): fc.Arbitrary<unknown> => {
  if (typeof value !== "object" || value === null) return fc.oneof(json, fc.constant(value))
  if (Array.isArray(value))
    return fc.oneof(
      json,
      fc.constant([]),
      fc
        .integer({ min: 0, max: Math.max(0, value.length - 1) })
        .chain((i) => broken(value[i]).map((part) => value.map((item, j) => (j === i ? part : item)))),
    )
  const keys = Object.keys(value)
  const record = value as Record<string, unknown>
  return fc.oneof(
    json,
    fc.constant([value]),
    fc.string({ maxLength: 8 }).chain((key) => json.map((extra) => ({ ...record, [key]: extra }))),
    ...(keys.length === 0
      ? []
      : [
          fc.constantFrom(...keys).map((key) => {
            const { [key]: _, ...rest } = record
            return rest
          }),
          fc.constantFrom(...keys).chain((key) => broken(record[key]).map((part) => ({ ...record, [key]: part }))),
        ]),
  )
}

describe("PlainDecoder", () => {
  for (const [name, schema] of Object.entries(schemas)) {
    const decode = PlainDecoder.make(schema as Schema.Schema<unknown, unknown>)
    const checks = PlainDecoder.checksOf(schema as Schema.Schema<unknown, unknown>)
    const effect = Schema.decodeUnknownEither(schema as Schema.Schema<unknown, unknown>)
    const valid = Arbitrary.make(schema as Schema.Schema<unknown, unknown>).map((value) =>
      Schema.encodeSync(schema as Schema.Schema<unknown, unknown>)(value),
    )

    it(`${name}: ${uncovered.has(name) ? "is left to Effect" : "accepts every valid value, as Effect decodes it"}`, () => {
      if (uncovered.has(name)) return expect(checks).toBeUndefined()
      expect(checks).toBeDefined()
      fc.assert(
        fc.property(valid, (input) => {
          const fast = checks?.(input)
          expect(fast).toBeDefined()
          expect(fast?.value).toEqual(Either.getOrThrow(effect(input)))
        }),
        { numRuns: 300 },
      )
    })

    it(`${name}: accepts a broken value only when Effect does, with the same value`, () =>
      fc.assert(
        fc.property(
          valid.chain((value) => broken(value)),
          (input) => {
            const fast = checks?.(input)
            // Effect's own decoder throws (a TypeError formatting the value) on some inputs,
            // `{ _tag: [{ toString: "" }] }` among them: no answer to compare with, so skipped.
            let slow: ReturnType<typeof effect>
            try {
              slow = effect(input)
            } catch {
              return fc.pre(false)
            }
            if (fast !== undefined) expect(Either.getOrThrow(slow)).toEqual(fast.value)
            expect(Either.isRight(decode(input))).toBe(Either.isRight(slow))
            // The refusal is Effect's own: the same issues (Effect's message formatting throws on
            // some inputs, `{ toString: "" }` among them, so the issues are compared, not the message).
            const refused = decode(input)
            if (Either.isLeft(slow) && Either.isLeft(refused)) expect(refused.left.issue).toEqual(slow.left.issue)
          },
        ),
        { numRuns: 3000 },
      ))
  }

  it("drops excess keys as Effect does", () => {
    const decode = PlainDecoder.make(Person)
    expect(decode({ givenName: "Arta", secret: "x" })).toEqual(Either.right({ givenName: "Arta" }))
  })

  it("refuses what Effect refuses, with Effect's own error naming the field", () => {
    const decode = PlainDecoder.make(Person)
    const refused = decode({ birthDate: "2026-02-30" })
    if (Either.isRight(refused)) return expect.fail("decoded an impossible day")
    expect(refused.left.message).toContain("birthDate")
  })

  it("falls back to Effect for a schema with a transformation it does not cover (a default)", () => {
    const WithDefault = Schema.Struct({ n: Schema.optionalWith(Schema.Number, { default: () => 1 }) })
    expect(PlainDecoder.checksOf(WithDefault)).toBeUndefined()
    const decode = PlainDecoder.make(WithDefault)
    expect(decode({})).toEqual(Either.right({ n: 1 }))
  })

  it("decodes a date as Effect does", () => {
    const decode = PlainDecoder.make(Schema.Struct({ at: Schema.DateFromString }))
    expect(decode({ at: "2026-01-01T00:00:00Z" })).toEqual(Either.right({ at: new Date("2026-01-01T00:00:00Z") }))
  })
})
