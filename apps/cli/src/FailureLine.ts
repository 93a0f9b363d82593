/**
 * Why a command stopped, as one line in the operator's language: the known
 * ways the outside world refuses (the port taken, PostgreSQL unreachable or
 * refusing, a malformed `BASHKE_DATABASE_URL`, a setting or key missing or
 * malformed) each have their own catalogue line naming what to fix; anything
 * else is the error's own message after `cli.failed`. Never a stack, never a
 * `FiberFailure`: the error is looked for through causes, aggregate errors
 * and the failures of an Effect that ran inside a promise (`StartFailure`).
 */

import { StartFailure } from "@bashke/gateway"
import { Catalogue, type Locale } from "@bashke/kernel"
import { DatabaseUrl } from "@bashke/persistence"
import { Cause, ConfigError, Option, Runtime } from "effect"
import { cliMessages } from "./CliMessages"
import * as Command from "./Command"

// Node's and PostgreSQL's codes for a database that cannot be reached or refuses the connection.
const connectionCodes: Readonly<Record<string, string>> = {
  ECONNREFUSED: "refused",
  ENOTFOUND: "not-found",
  EAI_AGAIN: "not-found",
  ETIMEDOUT: "timeout",
  EHOSTUNREACH: "unreachable",
  ENETUNREACH: "unreachable",
  ECONNRESET: "reset",
  "28P01": "password",
  "28000": "not-authorized",
  "3D000": "no-database",
  "57P03": "starting",
}

/** The host and port of the database URL in use, without credentials; `undefined` for SQLite. */
const databaseHost = (env: NodeJS.ProcessEnv): string | undefined => {
  try {
    const url = new URL(env.BASHKE_DATABASE_URL ?? "")
    return url.protocol.startsWith("postgres") ? `${url.hostname}:${url.port || "5432"}` : undefined
  } catch {
    return undefined
  }
}

/** The catalogue line for `error`, or `undefined` when it is none of the known refusals. */
export const known = (
  locale: Locale.Locale,
  error: unknown,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined => {
  const say = (key: Catalogue.Key<typeof cliMessages>, params?: Command.Params) =>
    Catalogue.format(cliMessages, locale, key, params)
  const all = StartFailure.errorsInside(error)
  for (const each of all) {
    if (each instanceof Command.Stop) return each.line
    if (each instanceof DatabaseUrl.DatabaseUrlError)
      return say("cli.failed.database-url", {
        variable: DatabaseUrl.variable,
        // The forms without their English glosses.
        accepted: DatabaseUrl.acceptedForms.map((form) => form.split(" (")[0]).join("; "),
      })
  }
  for (const each of all) {
    const code = StartFailure.codeOf(each)
    if (code === "EADDRINUSE" || code === "EACCES") {
      const port = (each as { readonly port?: unknown }).port
      return say(code === "EADDRINUSE" ? "cli.failed.port-in-use" : "cli.failed.port-denied", {
        port: typeof port === "number" ? port : (env.PORT ?? "8787"),
      })
    }
    const kind = code === undefined ? undefined : connectionCodes[code]
    if (kind !== undefined) {
      const { address, port } = each as { readonly address?: unknown; readonly port?: unknown }
      const host =
        typeof address === "string" ? `${address}:${String(port ?? "5432")}` : (databaseHost(env) ?? "PostgreSQL")
      return say("cli.failed.database-unreachable", { host, cause: say(`cli.failed.database.${kind}` as never) })
    }
  }
  for (const each of all) {
    if (ConfigError.isConfigError(each)) {
      const name = StartFailure.settingName(each) ?? "?"
      return say(each._op === "MissingData" ? "cli.failed.setting-missing" : "cli.failed.setting-invalid", { name })
    }
  }
  return undefined
}

/** Why a command stopped, in one line, and its exit code. */
export const of = (
  locale: Locale.Locale,
  cause: Cause.Cause<unknown>,
  env: NodeJS.ProcessEnv = process.env,
): { readonly line: string; readonly exitCode: number } => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure) && failure.value instanceof Command.Stop)
    return { line: failure.value.line, exitCode: failure.value.exitCode }
  const line = known(locale, cause, env)
  if (line !== undefined) return { line, exitCode: 1 }
  // The failures here are tagged errors with reasons: no personal data, no password.
  const error = Option.getOrElse(failure, () => Cause.squash(cause))
  const reason = Runtime.isFiberFailure(error)
    ? Cause.pretty(error[Runtime.FiberFailureCauseId]).split("\n")[0]
    : error instanceof Error
      ? error.message
      : String(error)
  return {
    line: Catalogue.format(cliMessages, locale, "cli.failed", { reason: reason?.split("\n")[0] ?? "" }),
    exitCode: 1,
  }
}
