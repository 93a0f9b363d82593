import { Errors } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, it, layer } from "@effect/vitest"
import { Cause, Context, Data, Effect, Either, Exit, Option } from "effect"
import fc from "fast-check"
import { OptimisticConcurrency, UseCase } from "../src/index"
import { testDatabases } from "../src/testing"

class Refused extends Data.TaggedError("Refused")<{ readonly step: Step }> {}

type Step = "decode" | "load" | "decide" | "write"
const steps: ReadonlyArray<Step> = ["decode", "load", "decide", "write"]

/** Where a run ends: it refuses at a step, dies on a SQL error in `write`, or succeeds. */
type Ending = { readonly _tag: "refused"; readonly at: Step } | { readonly _tag: "sql" } | { readonly _tag: "done" }

const count = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql<{ n: number }>`SELECT COUNT(*) AS n FROM use_case_rows`,
).pipe(
  Effect.map((rows) => Number(rows[0]?.n)),
  Effect.orDie,
)
const insert = (v: number) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => sql`INSERT INTO use_case_rows (v) VALUES (${v})`).pipe(Effect.orDie)

// Each step but decode writes a row before it answers, so a row left behind by
// a refused run shows that the transaction did not hold.
const useCase = (ending: Ending, trace: Array<Step>) => {
  const mark = (name: Step): Effect.Effect<void, Refused, SqlClient.SqlClient> =>
    Effect.gen(function* () {
      trace.push(name)
      if (name !== "decode") yield* insert(steps.indexOf(name))
      if (ending._tag === "refused" && ending.at === name) return yield* new Refused({ step: name })
    })
  const decodeStep = (name: Step): Effect.Effect<void, Refused> =>
    ending._tag === "refused" && ending.at === name
      ? Effect.zipRight(
          Effect.sync(() => trace.push(name)),
          new Refused({ step: name }),
        )
      : Effect.asVoid(Effect.sync(() => trace.push(name)))
  return UseCase.make({
    span: "UseCase.test",
    decode: (input: number) => Effect.as(decodeStep("decode"), { n: input }),
    load: (command) => Effect.as(mark("load"), { loaded: command.n + 1 }),
    decide: (state, command) => Effect.as(mark("decide"), state.loaded + command.n),
    write: (plan, state, command) =>
      Effect.gen(function* () {
        yield* mark("write")
        if (ending._tag === "sql")
          yield* Effect.flatMap(SqlClient.SqlClient, (sql) => sql`INSERT INTO no_such_table VALUES (1)`)
        return { plan, loaded: state.loaded, n: command.n }
      }),
  })
}

const endings: fc.Arbitrary<Ending> = fc.oneof(
  fc.constantFrom(...steps).map((at): Ending => ({ _tag: "refused", at })),
  fc.constant<Ending>({ _tag: "sql" }),
  fc.constant<Ending>({ _tag: "done" }),
)

for (const db of await testDatabases()) {
  describe.skipIf(db.skip)(`${db.name}: UseCase`, () => {
    layer(db.layer)((it) => {
      it.effect("runs decode, load, decide and write in order, each seeing what the one before answered", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql`CREATE TABLE IF NOT EXISTS use_case_rows (v INTEGER NOT NULL)`.pipe(Effect.orDie)
          yield* sql`DELETE FROM use_case_rows`.pipe(Effect.orDie)
          const trace: Array<Step> = []
          const answer = yield* useCase({ _tag: "done" }, trace)(4)
          expect(answer).toEqual({ plan: 9, loaded: 5, n: 4 })
          expect(trace).toEqual(["decode", "load", "decide", "write"])
          expect(yield* count).toBe(3)
        }),
      )

      it.effect("a refusal at any step stops the steps after it and leaves no row; a SQL failure is a defect", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          yield* sql`CREATE TABLE IF NOT EXISTS use_case_rows (v INTEGER NOT NULL)`.pipe(Effect.orDie)
          const context = yield* Effect.context<SqlClient.SqlClient>()
          const property = fc.asyncProperty(endings, fc.integer({ min: 0, max: 1000 }), (ending, input) =>
            Effect.runPromise(
              Effect.gen(function* () {
                yield* sql`DELETE FROM use_case_rows`.pipe(Effect.orDie)
                const trace: Array<Step> = []
                const exit = yield* Effect.exit(useCase(ending, trace)(input))
                const rows = yield* count
                if (ending._tag === "done") {
                  expect(Exit.isSuccess(exit)).toBe(true)
                  expect(trace).toEqual(steps)
                  expect(rows).toBe(3)
                  return
                }
                expect(rows).toBe(0)
                if (ending._tag === "sql") {
                  expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true)
                  expect(trace).toEqual(steps)
                  return
                }
                expect(trace).toEqual(steps.slice(0, steps.indexOf(ending.at) + 1))
                const failure = Exit.isFailure(exit) ? Cause.failureOption(exit.cause) : Option.none()
                expect(Option.map(failure, (error) => error.step)).toEqual(Option.some(ending.at))
              }).pipe(Effect.provide(context)),
            ),
          )
          yield* Effect.promise(() => fc.assert(property, { numRuns: 40 }))
        }),
      )
    })
  })
}

describe("UseCase.provide", () => {
  class Greeting extends Context.Tag("Greeting")<Greeting, string>() {}
  class Caller extends Context.Tag("Caller")<Caller, string>() {}
  const greet = (name: string) =>
    Effect.gen(function* () {
      return `${yield* Greeting}, ${name} (asked by ${yield* Caller})`
    })

  it.effect("provides the service's own dependencies and leaves the per-request ones to the caller", () =>
    Effect.gen(function* () {
      // The service is built where some caller is in the context: that one must not stick.
      const own = UseCase.provide(
        yield* UseCase.services(Greeting).pipe(
          Effect.provideService(Greeting, "Tungjatjeta"),
          Effect.provideService(Caller, "whoever built the service"),
        ),
      )
      expect(yield* own(greet)("Arta").pipe(Effect.provideService(Caller, "p-1"))).toBe(
        "Tungjatjeta, Arta (asked by p-1)",
      )
      expect(yield* own(greet)("Besa").pipe(Effect.provideService(Caller, "p-2"))).toBe(
        "Tungjatjeta, Besa (asked by p-2)",
      )
    }),
  )

  it.effect("the service's own dependencies win over the caller's, the same ones or others (ADR 0041)", () =>
    Effect.gen(function* () {
      const own = UseCase.provide(Context.make(Greeting, "Tungjatjeta"))
      // The caller's context holds the very same service: nothing to provide, the same answer.
      expect(
        yield* own(greet)("Arta").pipe(
          Effect.provideService(Caller, "p-1"),
          Effect.provideService(Greeting, "Tungjatjeta"),
        ),
      ).toBe("Tungjatjeta, Arta (asked by p-1)")
      // Another one of the same tag: the service's own still.
      expect(
        yield* own(greet)("Besa").pipe(Effect.provideService(Caller, "p-2"), Effect.provideService(Greeting, "Hello")),
      ).toBe("Tungjatjeta, Besa (asked by p-2)")
    }),
  )
})

describe("UseCase.assemble", () => {
  class Greeting extends Context.Tag("Greeting")<Greeting, string>() {}
  class Caller extends Context.Tag("Caller")<Caller, string>() {}
  const greet = (name: string) =>
    Effect.gen(function* () {
      return `${yield* Greeting}, ${name} (asked by ${yield* Caller})`
    })
  const greeting = Effect.map(Greeting, (text) => text.length)

  it.effect("provides the named services to every use case, functions and effects alike, and leaves the caller's", () =>
    Effect.gen(function* () {
      const assembled = yield* UseCase.assemble([Greeting], { greet, greeting }).pipe(
        Effect.provideService(Greeting, "Mirëdita"),
        Effect.provideService(Caller, "whoever built the service"),
      )
      expect(yield* assembled.greet("Arta").pipe(Effect.provideService(Caller, "p-1"))).toBe(
        "Mirëdita, Arta (asked by p-1)",
      )
      expect(yield* assembled.greeting).toBe("Mirëdita".length)
    }),
  )
})

describe("OptimisticConcurrency.requireVersion", () => {
  it("passes the version held and refuses any other with both versions named", () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (read, held) => {
        const result = OptimisticConcurrency.requireVersion("Meeting", "m-1", read, held)
        if (read === held) expect(Either.isRight(result)).toBe(true)
        else
          expect(result).toEqual(
            Either.left(
              new Errors.Conflict({
                entity: "Meeting",
                id: "m-1",
                rule: "version.stale",
                expectedVersion: read,
                actualVersion: held,
              }),
            ),
          )
      }),
      {
        examples: [
          [3, 3],
          [3, 4],
        ],
      },
    ))
})
