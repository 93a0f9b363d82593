/**
 * The error every refused call becomes: the gateway's RFC 9457 problem, typed.
 * Its fields are codes the caller can act on (`kind`, `rule`, `field`) and a
 * localized `title`; the gateway never puts a value from the request in a
 * problem, so logging one leaks no personal data.
 */
import type { components } from "./schema"

/**
 * A problem body as the API describes it (`components.schemas.Problem`).
 */
export type ProblemBody = components["schemas"]["Problem"]

/**
 * The problem `type` URIs the API answers with; `about:blank` for an answer
 * that was not a problem document (a proxy's error page, an empty body).
 */
export type ProblemType = ProblemBody["type"] | "about:blank"

/**
 * Where every problem `type` of the API starts.
 */
export const typeBase = "https://bashke.org/problems/"

/**
 * The short name of a problem type: `stale-version` for
 * `https://bashke.org/problems/stale-version`.
 */
export type ProblemKind = SlugOf<ProblemType>

type SlugOf<T> = T extends `${typeof typeBase}${infer Slug}` ? Slug : "about:blank"

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined)

/**
 * A refused call: what went wrong (`kind`, `status`), the rule that refused it
 * (`rule`, a catalogue key) and the offending field (`field`, with `location`).
 *
 * @example
 * ```ts
 * try {
 *   await bashke.POST("/v1/cases", { body })
 * } catch (error) {
 *   if (BashkeProblem.is(error) && error.kind === "invalid-input") showError(error.field, error.title)
 *   else throw error
 * }
 * ```
 */
export class BashkeProblem extends Error {
  /** For `Effect`'s `catchTag` and other tag-based matching. */
  readonly _tag = "BashkeProblem" as const
  /** The problem type URI. */
  readonly type: ProblemType
  /** `type` without its base: `not-found`, `stale-version`, `invalid-input`, … */
  readonly kind: ProblemKind
  /** The human-readable summary, in the language asked for with `Accept-Language`. */
  readonly title: string
  /** The HTTP status. */
  readonly status: number
  /** A longer explanation of the rule, when the gateway has one. */
  readonly detail: string | undefined
  /** The message catalogue key of the rule that refused the request. */
  readonly rule: string | undefined
  /** The offending field's path (`persons.0.birthYear`) or header (`If-Match`). */
  readonly field: string | undefined
  /** Which part of the request `field` is in. */
  readonly location: ProblemBody["location"] | undefined
  /** The request id, to quote to the operators of the gateway. */
  readonly requestId: string | undefined

  constructor(body: ProblemBody | (Omit<ProblemBody, "type"> & { readonly type: "about:blank" })) {
    super(body.rule === undefined ? body.title : `${body.title} (${body.rule})`)
    this.name = "BashkeProblem"
    this.type = body.type
    this.kind = (body.type.startsWith(typeBase) ? body.type.slice(typeBase.length) : "about:blank") as ProblemKind
    this.title = body.title
    this.status = body.status
    this.detail = body.detail
    this.rule = body.rule
    this.field = body.field
    this.location = body.location
    this.requestId = body.requestId
  }

  /**
   * The problem a refused response carries. A body that is not a problem
   * document still gives one, of type `about:blank`, with the response's status.
   */
  static fromResponse(response: Response, body: unknown): BashkeProblem {
    if (isRecord(body) && typeof body.type === "string" && typeof body.title === "string") {
      const location = text(body.location)
      return new BashkeProblem({
        type: body.type as ProblemBody["type"],
        title: body.title,
        status: typeof body.status === "number" ? body.status : response.status,
        ...optional("detail", text(body.detail)),
        ...optional("rule", text(body.rule)),
        ...optional("field", text(body.field)),
        ...optional("location", location as ProblemBody["location"]),
        ...optional("requestId", text(body.requestId)),
      })
    }
    return new BashkeProblem({
      type: "about:blank",
      title: response.statusText === "" ? `HTTP ${response.status}` : response.statusText,
      status: response.status,
      ...optional("requestId", response.headers.get("request-id") ?? undefined),
    })
  }

  /** Whether `value` is a `BashkeProblem`. */
  static is(value: unknown): value is BashkeProblem {
    // By tag as well as by class: an app may load both the ESM and the CJS build.
    return (
      value instanceof BashkeProblem || (value instanceof Error && isRecord(value) && value._tag === "BashkeProblem")
    )
  }
}

// exactOptionalPropertyTypes: leave a field out rather than set it to undefined.
const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
