/**
 * RFC 9457 problem responses. Every refusal the gateway sends is one of these:
 * a stable `type` URI per kind of problem, a localized `title`, the `rule` (a
 * catalogue key the client can act on), the offending `field` when there is one,
 * and the request id. Never a value from the request, so never personal data.
 */
import { Catalogue, Errors, type Locale } from "@bashke/kernel"
import { Data } from "effect"
import { type GatewayMessageKey, messages } from "./GatewayMessages"

/** Where problem types live; `type` is this plus a slug. */
export const typeBase = "https://bashke.org/problems/"

/** The problems the gateway itself raises, beside the kernel's domain errors. */
export type GatewayProblemType =
  | "malformed-json"
  | "unsupported-media-type"
  | "payload-too-large"
  | "precondition-required"
  | "idempotency-key-required"
  | "idempotency-key-reused"
  | "rate-limited"
  | "forbidden-origin"
  | "route-not-found"
  | "method-not-allowed"
  | "unavailable"
  | "headers-too-large"
  | "request-timeout"
  | "malformed-request"
  | "internal"

/** A refusal decided by the gateway before or around the domain call. */
export class GatewayProblem extends Data.TaggedError("GatewayProblem")<{
  readonly type: GatewayProblemType
  readonly status: number
  readonly rule: GatewayMessageKey
  readonly field?: string
  readonly location?: FieldLocation
}> {}

/** Which part of the request a field belongs to. */
export type FieldLocation = "path" | "query" | "header" | "body"

/** The JSON body of a problem response. */
export interface ProblemBody {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail?: string
  readonly rule?: string
  readonly field?: string
  readonly location?: FieldLocation
  readonly requestId?: string
}

/** The media type of problem responses. */
export const contentType = "application/problem+json"

const gatewayTitles: Record<GatewayProblemType, GatewayMessageKey> = {
  "malformed-json": "gateway.problem.malformed-json.title",
  "unsupported-media-type": "gateway.problem.unsupported-media-type.title",
  "payload-too-large": "gateway.problem.payload-too-large.title",
  "precondition-required": "gateway.problem.precondition-required.title",
  "idempotency-key-required": "gateway.problem.idempotency-key-required.title",
  "idempotency-key-reused": "gateway.problem.idempotency-key-reused.title",
  "rate-limited": "gateway.problem.rate-limited.title",
  "forbidden-origin": "gateway.problem.forbidden-origin.title",
  "route-not-found": "gateway.problem.route-not-found.title",
  "method-not-allowed": "gateway.problem.method-not-allowed.title",
  unavailable: "gateway.problem.unavailable.title",
  "headers-too-large": "gateway.problem.headers-too-large.title",
  "request-timeout": "gateway.problem.request-timeout.title",
  "malformed-request": "gateway.problem.malformed-request.title",
  internal: "gateway.problem.internal.title",
}

// A rule's message may take parameters the error does not carry; an unformattable
// message falls back to the key rather than failing the response.
const describe = (locale: Locale.Locale, key: string): string | undefined => {
  if (!Catalogue.has(messages, key)) return undefined
  try {
    return Catalogue.format(messages, locale, key)
  } catch {
    return undefined
  }
}

const withoutUndefined = (body: Record<string, unknown>): ProblemBody =>
  Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as unknown as ProblemBody

// The request body's field a domain error is about: always for bad input, for a
// conflict when the state refuses one field the request changed.
const fieldOf = (error: Errors.DomainError): string | undefined =>
  error._tag === "InvalidInput" || error._tag === "Conflict" ? error.field : undefined

/** The problem for a domain error (`NotFound`, `Forbidden`, `Conflict`, …). */
export const fromDomainError = (error: Errors.DomainError, locale: Locale.Locale, requestId?: string): ProblemBody => {
  // A reused idempotency key is the client's mistake about its request, not a
  // conflict with the resource: 422, as the API promises.
  if (error._tag === "Conflict" && error.rule === "idempotency-key.reused") {
    return fromGatewayProblem(
      new GatewayProblem({
        type: "idempotency-key-reused",
        status: 422,
        rule: "gateway.idempotency-key.reused",
        field: "Idempotency-Key",
        location: "header",
      }),
      locale,
      requestId,
    )
  }
  const { type, status } = Errors.problemOf(error)
  const rule = "rule" in error ? error.rule : undefined
  return withoutUndefined({
    type: `${typeBase}${type}`,
    title: Catalogue.format(messages, locale, Errors.titleKey(error)),
    status,
    detail: rule === undefined ? undefined : describe(locale, rule),
    rule,
    field: fieldOf(error),
    location: fieldOf(error) === undefined ? undefined : "body",
    requestId,
  })
}

/** The problem for a refusal of the gateway's own. */
export const fromGatewayProblem = (problem: GatewayProblem, locale: Locale.Locale, requestId?: string): ProblemBody =>
  withoutUndefined({
    type: `${typeBase}${problem.type}`,
    title: Catalogue.format(messages, locale, gatewayTitles[problem.type]),
    status: problem.status,
    detail: describe(locale, problem.rule),
    rule: problem.rule,
    field: problem.field,
    location: problem.location,
    requestId,
  })

/** Every problem type slug the API can answer with, for the OpenAPI document. */
export const allTypes: ReadonlyArray<string> = [
  // `rate-limited` is both the gateway's (a principal's request rate) and the kernel's (a sign-in's backoff).
  ...new Set<string>([...Errors.problemTypes, ...(Object.keys(gatewayTitles) as Array<GatewayProblemType>)]),
]
