// The compiled encoders may only ever agree with Effect: whatever they encode,
// Effect encodes to the same value, and what they refuse Effect refuses with
// its own error. Checked on values generated from each schema (which the
// compiled functions must also take: that is the point of them), on those
// values with a key added (dropped as Effect drops it), and on values of the
// wrong type.
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Effect, Either, FastCheck as fc, Schema } from "effect"
import * as CivilDate from "../src/CivilDate"
import * as Id from "../src/Id"
import * as PlainEncoder from "../src/PlainEncoder"

const Code = Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,49}$/))
// A case's shape in small: dates (required, optional, in arrays), brands,
// literal unions, records, optional structs, a filter over a struct.
const Order = Schema.Struct({
  id: Id.ProtectionOrderId,
  status: Schema.Literal("requested", "issued", "rejected"),
  requestedAt: Schema.optional(Schema.Date),
  extensions: Schema.Array(Schema.Struct({ at: Schema.Date, until: Schema.Date })),
})
const Case = Schema.Struct({
  id: Id.CaseId,
  openedAt: Schema.Date,
  closure: Schema.optional(Schema.Struct({ closedAt: Schema.Date, reason: Schema.optional(Code) })),
  answers: Schema.Record({ key: Schema.String, value: Schema.Literal("yes", "no", "unknown") }),
  occurredOn: CivilDate.CivilDate,
  forms: Schema.NonEmptyArray(Code),
  score: Schema.Number,
  urgent: Schema.Boolean,
  note: Schema.NullOr(Schema.String),
  extra: Schema.optional(Schema.Unknown),
  orders: Schema.Array(Order),
  version: Schema.Number.pipe(Schema.int(), Schema.positive()),
}).pipe(Schema.filter((aCase) => aCase.score >= 0 || aCase.urgent, { message: () => "score" }))

const Tagged = Schema.Union(
  Schema.TaggedStruct("A", { a: Schema.String }),
  Schema.TaggedStruct("B", { b: Schema.Number }),
)

const schemas = { Case, Order, Code, Tagged } as const
// Two struct members: which one Effect picks decides the keys kept, so the encoding is left to Effect.
const uncovered = new Set(["Tagged"])

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.either(effect))

describe("PlainEncoder", () => {
  for (const [name, schema] of Object.entries(schemas)) {
    const any = schema as unknown as Schema.Schema<unknown, unknown>
    const encode = PlainEncoder.make(any)
    const fast = PlainEncoder.encoderOf(any)
    const effect = Schema.encodeUnknownEither(any)
    const valid = Arbitrary.make(any)

    it(`${name}: ${uncovered.has(name) ? "is left to Effect" : "encodes every valid value as Effect does"}`, () => {
      if (uncovered.has(name)) return expect(fast).toBeUndefined()
      expect(fast).toBeDefined()
      fc.assert(
        fc.property(valid, (value) => {
          const encoded = fast?.(value)
          expect(encoded).toBeDefined()
          expect(encoded?.value).toEqual(Either.getOrThrow(effect(value)))
        }),
        { numRuns: 300 },
      )
    })

    it(`${name}: drops an excess key as Effect does, and refuses what Effect refuses`, () =>
      fc.assert(
        fc.property(
          fc.oneof(
            valid.chain((value) =>
              typeof value === "object" && value !== null && !Array.isArray(value)
                ? fc.string({ maxLength: 8 }).map((key) => ({ ...value, [key]: "extra" }))
                : fc.constant(value),
            ),
            fc.jsonValue(),
            fc.date(),
          ),
          (value) => {
            const slow = effect(value)
            const answer = run(encode(value))
            expect(Either.isRight(answer)).toBe(Either.isRight(slow))
            if (Either.isRight(slow) && Either.isRight(answer)) expect(answer.right).toEqual(slow.right)
            if (Either.isLeft(slow) && Either.isLeft(answer)) expect(answer.left.issue).toEqual(slow.left.issue)
          },
        ),
        { numRuns: 1000 },
      ))
  }

  it("writes a date as Effect writes it (ISO 8601)", () => {
    const encode = PlainEncoder.make(Schema.Struct({ at: Schema.Date }))
    expect(run(encode({ at: new Date("2026-12-06T10:00:00.000Z") }))).toEqual(
      Either.right({ at: "2026-12-06T10:00:00.000Z" }),
    )
  })

  it("refuses a value that breaks a filter, with Effect's own error naming the field", () => {
    const encode = PlainEncoder.make(Schema.Struct({ version: Schema.Number.pipe(Schema.int()) }))
    const refused = run(encode({ version: 1.5 }))
    if (Either.isRight(refused)) return expect.fail("encoded a version that is not an integer")
    expect(refused.left.message).toContain("version")
  })

  it("falls back to Effect for a schema it does not cover (a transformation with a default)", () => {
    const WithDefault = Schema.Struct({ n: Schema.optionalWith(Schema.Number, { default: () => 1 }) })
    expect(PlainEncoder.encoderOf(WithDefault)).toBeUndefined()
    expect(run(PlainEncoder.make(WithDefault)({ n: 2 }))).toEqual(Either.right({ n: 2 }))
  })
})
