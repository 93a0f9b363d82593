// How a command's failure becomes one line: the outside world's refusals each
// have their own line in the operator's language, found however deep the
// error sits (a driver's error inside an SqlError inside a fiber failure).
import { DatabaseUrl } from "@bashke/persistence"
import { SqlError } from "@effect/sql"
import { describe, expect, it } from "@effect/vitest"
import { Cause, Config, ConfigProvider, Effect, Exit } from "effect"
import * as FailureLine from "../src/FailureLine"
import { cliLocale } from "../src/Locale"

const system = (code: string, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error(`connect ${code}`), { code, ...fields })

// As a promise-wrapped Effect fails: a FiberFailure whose cause holds the SqlError holding the driver's error.
const asFiberFailure = (error: unknown) => {
  try {
    Effect.runSync(Effect.fail(error))
  } catch (thrown) {
    return thrown
  }
  throw new Error("unreachable")
}

const lineOf = (error: unknown, locale: "sq" | "en" = "en", env: NodeJS.ProcessEnv = {}) =>
  FailureLine.of(locale, Cause.die(error), env)

describe("FailureLine", () => {
  it("an unreachable PostgreSQL names the host and the cause, in the operator's language", () => {
    const refused = new SqlError.SqlError({
      message: "PgClient: Failed to connect",
      cause: new AggregateError([system("ECONNREFUSED", { address: "10.0.0.5", port: 5433 })]),
    })
    expect(lineOf(asFiberFailure(refused))).toEqual({
      line: "Could not connect to PostgreSQL at 10.0.0.5:5433: connection refused. Check BASHKE_DATABASE_URL and that the server is running.",
      exitCode: 1,
    })
    const unknownHost = new SqlError.SqlError({ message: "x", cause: system("ENOTFOUND") })
    const env = { BASHKE_DATABASE_URL: "postgres://bashke:s3cret@db.internal/bashke" }
    const sq = lineOf(unknownHost, "sq", env).line
    expect(sq).toBe(
      "Nuk u arrit lidhja me PostgreSQL në db.internal:5432: emri i serverit nuk gjendet. Kontrolloni BASHKE_DATABASE_URL dhe nëse serveri punon.",
    )
    expect(sq).not.toContain("s3cret")
    expect(lineOf(system("3D000"), "en", env).line).toContain("the database does not exist")
  })

  it("a taken port, a missing key and a malformed URL: one line each, no stack", () => {
    expect(lineOf(system("EADDRINUSE", { port: 8787 })).line).toBe(
      "Port 8787 is taken by another program. Choose another with PORT=… (or stop the other program).",
    )
    const missing = Effect.runSyncExit(
      Config.string("BASHKE_VAULT_KEYS").pipe(Effect.withConfigProvider(ConfigProvider.fromMap(new Map()))),
    )
    if (Exit.isSuccess(missing)) throw new Error("the key is missing")
    const line = FailureLine.of("en", missing.cause).line
    expect(line).toBe("BASHKE_VAULT_KEYS is missing. Set it in the environment (see the README, “Configuration”).")
    const url = FailureLine.of("sq", Cause.fail(new DatabaseUrl.DatabaseUrlError({ reason: "unknown scheme" }))).line
    expect(url).toBe(
      "BASHKE_DATABASE_URL nuk mund të përdoret. Format e pranuara: sqlite:<path>; sqlite::memory:; postgres://user:password@host:5432/database; d1:<binding>.",
    )
    for (const each of [line, url]) expect(each.split("\n")).toHaveLength(1)
  })

  it("anything else: `cli.failed` with the error's first line, never FiberFailure", () => {
    const { line } = lineOf(asFiberFailure(new Error("something odd\n    at somewhere")))
    expect(line.split("\n")).toHaveLength(1)
    expect(line).not.toContain("FiberFailure")
    expect(line).toContain("something odd")
  })
})

describe("cliLocale", () => {
  it("BASHKE_LOCALE first, then LC_ALL and LANG; `@latin` selects Serbian in Latin script", () => {
    expect(cliLocale({ LANG: "sr_RS.UTF-8@latin" })).toBe("sr-Latn")
    expect(cliLocale({ LANG: "sr_RS@latin" })).toBe("sr-Latn")
    expect(cliLocale({ LANG: "sr_RS.UTF-8" })).toBe("sr-Cyrl")
    expect(cliLocale({ LANG: "sq_AL.UTF-8" })).toBe("sq")
    expect(cliLocale({ LANG: "C.UTF-8" })).toBe("en")
    expect(cliLocale({ BASHKE_LOCALE: "sr-Latn", LANG: "sq_AL.UTF-8" })).toBe("sr-Latn")
    expect(cliLocale({ LC_ALL: "sq_XK.UTF-8", LANG: "en_US.UTF-8" })).toBe("sq")
  })
})
