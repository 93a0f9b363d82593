/**
 * How a plugin's hook says it failed, and how the host reads every failure.
 *
 * A hook fails with a {@link PluginFailure} (a code, never a message: codes are
 * stored and logged, and a message could carry a name from a record) or with a
 * kernel `Errors.DomainError` passed on from a capability service. The host
 * classifies each failure:
 *
 * - **permanent** — retrying cannot help (a malformed record, a refused
 *   command): the record or event goes straight to the dead letters, and the
 *   circuit breaker does not count it;
 * - **transient** — the upstream is down, a timeout, a defect: retried with
 *   backoff, dead after the retry policy's attempts, counted by the breaker.
 */
import { Errors } from "@bashke/kernel"
import { Cause, Option, Schema } from "effect"

/**
 * A failure code: lower-case letters, digits and `. : _ -`, at most 100
 * characters (`upstream.unavailable`, `record.malformed`, `http:503`).
 */
export const FailureCode = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9][a-z0-9.:_-]*$/),
  Schema.maxLength(100),
  Schema.annotations({ identifier: "PluginFailureCode" }),
)

/**
 * A hook's failure. `permanent: true` says retrying the same input cannot
 * succeed; the default is a transient failure, retried with backoff.
 */
export class PluginFailure extends Schema.TaggedError<PluginFailure>()("PluginFailure", {
  code: FailureCode,
  permanent: Schema.optionalWith(Schema.Boolean, { default: () => false }),
}) {
  override get message(): string {
    return `plugin failure ${this.code}${this.permanent ? " (permanent)" : ""}`
  }
}

/**
 * What a hook may fail with.
 */
export type HookError = PluginFailure | Errors.DomainError

/**
 * A failure as the host records it.
 */
export interface Classified {
  readonly permanent: boolean
  /** Stored in `last_error` and logged: a code, never personal data. */
  readonly code: string
}

const isPluginFailure = Schema.is(PluginFailure)
const isDomainError = Schema.is(Errors.DomainError)

const kebab = (tag: string): string => tag.replace(/[a-z][A-Z]/g, (pair) => `${pair[0]}-${pair[1]}`).toLowerCase()

/**
 * Classifies a hook's typed failure. Domain errors that the same input will
 * raise again (invalid input, an invalid transition, not found, forbidden)
 * are permanent; a conflict (a concurrent change) or an authentication
 * failure is transient.
 */
export const classify = (error: unknown): Classified => {
  if (isPluginFailure(error)) return { permanent: error.permanent, code: error.code }
  if (isDomainError(error)) {
    const rule = "rule" in error ? `:${error.rule}` : ""
    const code = `domain:${kebab(error._tag)}${rule}`.slice(0, 200)
    return { permanent: error._tag !== "Conflict" && error._tag !== "Unauthenticated", code }
  }
  return { permanent: false, code: "failure:unknown" }
}

/**
 * Classifies a hook's whole failure: a typed failure by {@link classify}, an
 * interruption or a defect as transient (`interrupted`, `defect`). A defect's
 * message is not kept: it may quote a record.
 */
export const classifyCause = (cause: Cause.Cause<unknown>): Classified => {
  const failure = Cause.failureOption(cause)
  if (Option.isSome(failure)) return classify(failure.value)
  if (Cause.isInterruptedOnly(cause)) return { permanent: false, code: "interrupted" }
  return { permanent: false, code: "defect" }
}

/**
 * The code of a hook that ran past its time limit.
 */
export const timeoutCode = "timeout"
