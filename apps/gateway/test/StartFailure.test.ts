// What is told of a failed start: the setting at fault and the error code found
// anywhere inside what was thrown (a fiber failure, a cause, an aggregate, a
// `cause` chain), the innermost error's name — and never a message, which
// could quote a value.
import { describe, expect, it } from "@effect/vitest"
import { Config, ConfigProvider, Effect, Exit, Runtime } from "effect"
import * as fc from "fast-check"
import * as StartFailure from "../src/StartFailure"

const thrownBy = (effect: Effect.Effect<unknown, unknown>): unknown => {
  try {
    Effect.runSync(effect)
  } catch (error) {
    return error
  }
  throw new Error("expected the effect to fail")
}

const missingKeys = Config.string("BASHKE_VAULT_KEYS").pipe(
  Effect.withConfigProvider(ConfigProvider.fromMap(new Map())),
)

const refused = () =>
  Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", address: "127.0.0.1" })

describe("StartFailure.describe", () => {
  it("names the missing setting inside a fiber failure", () => {
    const error = thrownBy(missingKeys)
    expect(Runtime.isFiberFailure(error)).toBe(true)
    expect(StartFailure.describe(error)).toMatchObject({ setting: "BASHKE_VAULT_KEYS" })
  })

  it("finds a connection's code through an aggregate and a cause chain", () => {
    const aggregate = new AggregateError([refused()], "all attempts failed")
    const wrapped = new Error("the database could not be opened", { cause: aggregate })
    expect(StartFailure.describe(wrapped)).toEqual({ code: "ECONNREFUSED", cause: "Error" })
    const exit = Effect.runSyncExit(Effect.die(wrapped))
    if (Exit.isSuccess(exit)) throw new Error("expected a failure")
    expect(StartFailure.describe(exit.cause)).toMatchObject({ code: "ECONNREFUSED" })
  })

  it("answers the error's name for anything else", () => {
    expect(StartFailure.describe(new TypeError("x"))).toEqual({ cause: "TypeError" })
    expect(StartFailure.describe("a string")).toEqual({ cause: "string" })
  })

  it("never carries a message: a value in one stays out", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 8 }).filter((text) => /^[A-Za-z0-9]+$/.test(text)),
        (secret) => {
          const error = new Error(`BASHKE_VAULT_KEYS=${secret} is malformed`, {
            cause: Object.assign(new Error(secret), { code: "28P01" }),
          })
          const told = JSON.stringify(StartFailure.describe(error))
          return !told.includes(secret) && told.includes("28P01")
        },
      ),
    )
  })
})
