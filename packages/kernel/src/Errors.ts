/**
 * The tagged errors that cross package boundaries. Each one carries only codes
 * and identifiers (never personal data), so it can be logged and turned into an
 * RFC 9457 problem by the gateway without leaking anything.
 */
import { Schema } from "effect"

/**
 * A thing that does not exist, or that the caller may not know exists.
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  entity: Schema.String,
  id: Schema.String,
}) {
  override get message(): string {
    return `${this.entity} ${this.id} not found`
  }
}

/**
 * The principal may not do this. `rule` names the policy rule that denied it.
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  action: Schema.String,
  rule: Schema.String,
}) {
  override get message(): string {
    return `forbidden: ${this.action} (${this.rule})`
  }
}

/**
 * The request could not be matched to a principal.
 */
export class Unauthenticated extends Schema.TaggedError<Unauthenticated>()("Unauthenticated", {
  rule: Schema.String,
}) {
  override get message(): string {
    return `unauthenticated (${this.rule})`
  }
}

/**
 * The change collides with the current state: a stale version (optimistic
 * concurrency), a duplicate, a key reused for another request. `rule` names which;
 * `field`, when given, is the path of the request's field the state refuses
 * (an adopted plan's edited `indicators.0.target`), so a form shows the
 * refusal beside it.
 */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  entity: Schema.String,
  id: Schema.String,
  rule: Schema.String,
  expectedVersion: Schema.optional(Schema.Number),
  actualVersion: Schema.optional(Schema.Number),
  field: Schema.optional(Schema.String),
}) {
  override get message(): string {
    return `${this.entity} ${this.id}: conflict (${this.rule})`
  }
}

/**
 * Input that breaks a rule. `field` is the path of the offending field
 * (`persons.0.relationship`), `rule` the rule's message key.
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  field: Schema.String,
  rule: Schema.String,
}) {
  override get message(): string {
    return `invalid ${this.field} (${this.rule})`
  }
}

/**
 * A command that the entity's state machine does not allow from its current state.
 */
export class InvalidTransition extends Schema.TaggedError<InvalidTransition>()("InvalidTransition", {
  entity: Schema.String,
  from: Schema.String,
  command: Schema.String,
}) {
  override get message(): string {
    return `${this.entity}: ${this.command} is not allowed from ${this.from}`
  }
}

/**
 * Too many tries too quickly: the caller must wait `retryAfter` seconds before
 * the next is even looked at (a sign-in's backoff after failed guesses, a
 * flood of sign-in starts from one address). `rule` names which throttle.
 * Not `Unauthenticated`: nothing about the credential was decided, and a
 * client that reads 401 would ask for the password again instead of waiting.
 */
export class Throttled extends Schema.TaggedError<Throttled>()("Throttled", {
  rule: Schema.String,
  retryAfter: Schema.Int.pipe(Schema.positive()),
}) {
  override get message(): string {
    return `throttled for ${this.retryAfter} s (${this.rule})`
  }
}

/**
 * Every error the kernel defines, as one schema (for encoding across HTTP and plugins).
 */
export const DomainError = Schema.Union(
  NotFound,
  Forbidden,
  Unauthenticated,
  Throttled,
  Conflict,
  InvalidInput,
  InvalidTransition,
)

export type DomainError = typeof DomainError.Type

/**
 * The problem `type` slugs of {@link problemOf}.
 */
export type ProblemType =
  | "not-found"
  | "forbidden"
  | "unauthenticated"
  | "rate-limited"
  | "conflict"
  | "stale-version"
  | "invalid-input"
  | "invalid-transition"

/**
 * Every problem type, for checks that each has a title in the catalogue.
 */
export const problemTypes: ReadonlyArray<ProblemType> = [
  "not-found",
  "forbidden",
  "unauthenticated",
  "rate-limited",
  "conflict",
  "stale-version",
  "invalid-input",
  "invalid-transition",
]

/**
 * How each error maps to an RFC 9457 problem: a stable `type` slug and an HTTP status.
 * The gateway prefixes the slug with its problem base URI.
 */
export const problemOf = (error: DomainError): { readonly type: ProblemType; readonly status: number } => {
  switch (error._tag) {
    case "NotFound":
      return { type: "not-found", status: 404 }
    case "Forbidden":
      return { type: "forbidden", status: 403 }
    case "Unauthenticated":
      return { type: "unauthenticated", status: 401 }
    case "Throttled":
      return { type: "rate-limited", status: 429 }
    case "Conflict":
      return error.expectedVersion === undefined
        ? { type: "conflict", status: 409 }
        : { type: "stale-version", status: 412 }
    case "InvalidInput":
      return { type: "invalid-input", status: 422 }
    case "InvalidTransition":
      return { type: "invalid-transition", status: 409 }
  }
}

/**
 * The catalogue key of an error's problem title (`error.not-found.title`, …),
 * one per problem type; the kernel's messages hold all of them.
 */
export const titleKey = (error: DomainError): `error.${ProblemType}.title` => `error.${problemOf(error).type}.title`
