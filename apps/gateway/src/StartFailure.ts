/**
 * Why a start failed, found inside whatever was thrown: the error itself, its
 * `cause`, an aggregate's `errors`, a fiber failure's or an Effect cause's
 * failures and defects. Shared by the two places a start failure is told: the
 * `bashke` command's one localized line (apps/cli `FailureLine`) and the
 * Worker's "not started" log line. What `describe` answers is safe to log: a
 * setting's name, never its value; an error code (`ECONNREFUSED`, PostgreSQL's
 * `28P01`), never a message that could quote a value.
 */
import { Cause, ConfigError, Runtime } from "effect"

const causeErrors = (cause: Cause.Cause<unknown>): ReadonlyArray<unknown> => [
  ...Cause.failures(cause),
  ...Cause.defects(cause),
]

/** Every error inside `error`, outermost first. */
export const errorsInside = (error: unknown, seen = new Set<unknown>()): ReadonlyArray<unknown> => {
  if (error === null || error === undefined || seen.has(error)) return []
  seen.add(error)
  const nested: Array<unknown> = []
  if (Runtime.isFiberFailure(error)) nested.push(...causeErrors(error[Runtime.FiberFailureCauseId]))
  if (Cause.isCause(error)) nested.push(...causeErrors(error))
  if (typeof error === "object") {
    const record = error as { readonly cause?: unknown; readonly errors?: unknown }
    if (record.cause !== undefined) nested.push(record.cause)
    if (Array.isArray(record.errors)) nested.push(...record.errors)
  }
  return [error, ...nested.flatMap((each) => errorsInside(each, seen))]
}

/** An error's string `code` (Node's system errors, PostgreSQL's SQLSTATE), if it has one. */
export const codeOf = (error: unknown): string | undefined => {
  const code = (error as { readonly code?: unknown } | null)?.code
  return typeof code === "string" ? code : undefined
}

/** The name of the setting a configuration error is about (`BASHKE_VAULT_KEYS`). */
export const settingName = (error: ConfigError.ConfigError): string | undefined => {
  switch (error._op) {
    case "MissingData":
    case "InvalidData":
    case "SourceUnavailable":
    case "Unsupported":
      return error.path.join(".")
    case "And":
    case "Or":
      return settingName(error.left) ?? settingName(error.right)
  }
}

/** What can be logged of why a start failed: the setting at fault, the first error code, the innermost error's name. */
export interface Description {
  readonly setting?: string
  readonly code?: string
  readonly cause: string
}

export const describe = (error: unknown): Description => {
  const all = errorsInside(error)
  const config = all.find(ConfigError.isConfigError)
  const setting = config === undefined ? undefined : settingName(config)
  const code = all.map(codeOf).find((each) => each !== undefined)
  const innermost = all.at(-1)
  return {
    ...(setting === undefined ? {} : { setting }),
    ...(code === undefined ? {} : { code }),
    cause: innermost instanceof Error ? innermost.name : typeof innermost,
  }
}
