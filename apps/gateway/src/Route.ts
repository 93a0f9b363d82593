/**
 * One description per route drives both the Hono handler and the OpenAPI
 * document: the path, query and body schemas it decodes with, the schema it
 * encodes its answer with, whether it needs If-Match, and the Effect that
 * answers. A handler never sees a raw request, so it cannot skip decoding.
 */

import type { Errors, Principal } from "@bashke/kernel"
import type { Idempotency } from "@bashke/persistence"
import type { Effect, Schema, Stream } from "effect"
import type { OidcSignIn } from "./OidcSignIn"
import type * as SecurityLog from "./SecurityLog"
import type { GatewayServices } from "./Services"
import type { SessionCookie } from "./SessionCookie"

/** HTTP methods the API uses. */
export type Method = "get" | "post" | "put" | "patch" | "delete"

/**
 * What a handler receives: path parameters, query and body decoded with the
 * route's schemas (the body once, here: services take the decoded command).
 */
export interface Input<P, Q, B> {
  readonly path: P
  readonly query: Q
  readonly body: B
  /** The version from `If-Match`, on routes that require it. */
  readonly expectedVersion: number | undefined
  /** On an upload route: the file as sent, unread. */
  readonly content?: Upload
  /**
   * On an upload route: the request's idempotency key, for the handler to
   * commit with (its content is stored before the key's transaction opens,
   * so a large upload never holds the database).
   */
  readonly idempotency?: Idempotency.IdempotencyKey
}

/**
 * A file sent as a request's body, never parsed nor held whole: the body's
 * pieces as they arrive, read only as fast as they are taken (a client that
 * goes away or sends a broken body fails it with `content`
 * `case.document.incomplete`), and the request's headers (its
 * `Content-Type`, `Content-Length`, `Content-Disposition`).
 */
export interface Upload {
  readonly pieces: Stream.Stream<Uint8Array, Errors.InvalidInput>
  readonly header: (name: string) => string | undefined
}

/**
 * A file to answer with, a chunk at a time: each chunk is asked for when the
 * client has taken the one before, so a large file is never whole in memory.
 * `fileName` is offered in `Content-Disposition` (made safe there).
 */
export interface Download {
  readonly mediaType: string
  readonly size: number
  readonly fileName: string
  readonly chunkCount: number
  readonly chunk: (index: number) => Effect.Effect<Uint8Array, never, GatewayServices>
}

/**
 * What a route's Effect may need: the services, the principal of the request,
 * the request's session cookie, and the identity provider browsers sign in at.
 */
export type Requirements = GatewayServices | Principal.CurrentPrincipal | SessionCookie | OidcSignIn

/** The errors a handler may fail with; anything else is a defect (500). */
export type Failure = Errors.DomainError

/**
 * What every route says of itself whatever its types: what the pipeline, the
 * OpenAPI document and the fuzzer read. `path` is Hono's syntax
 * (`/v1/cases/:caseId`); `ifMatch: true` makes `If-Match` required (428
 * without it) and hands its version to the handler.
 */
export interface Description {
  readonly method: Method
  readonly path: string
  readonly operationId: string
  readonly tag: string
  readonly summary: string
  /** `true`: no token needed (health, the API description). */
  readonly public?: boolean
  readonly pathSchema?: Schema.Schema.AnyNoContext
  readonly querySchema?: Schema.Schema.AnyNoContext
  readonly bodySchema?: Schema.Schema.AnyNoContext
  readonly success: {
    /**
     * 303: a browser is sent on (a sign-in at an identity provider); the
     * answer is the `Location`, encoded by `schema` as a string, with no body.
     */
    readonly status: 200 | 201 | 303
    readonly schema: Schema.Schema.AnyNoContext
    /** Default `application/json`; other types are written as the encoded string. */
    readonly contentType?: string
  }
  readonly ifMatch?: boolean
  /**
   * A POST that changes nothing (a read whose parameters must stay out of the
   * URL): no idempotency key, and its answer is never stored.
   */
  readonly safe?: boolean
  /**
   * A sign-in or sign-out: no idempotency key (its credential is single-use,
   * and a replayed answer would not carry its cookie), never stored, and
   * always checked as a browser's request (`SessionCookie.forgeryRule`).
   */
  readonly credential?: boolean
  /**
   * The body is a file of one of these media types, streamed to the handler
   * (`Input.content`) outside the body limit; the handler runs the
   * idempotency key (`Input.idempotency`) itself.
   */
  readonly upload?: { readonly mediaTypes: ReadonlyArray<string> }
  /** The answer is a file (`Download`), streamed; `success.schema` describes it only. */
  readonly download?: true
}

/**
 * A schema decoding to `A` from whatever its encoded side is. `Schema` is
 * invariant in that side, so "any encoded form" can only be said with `any`;
 * it is said once, here.
 */
// biome-ignore lint/suspicious/noExplicitAny: a schema's encoded side, whatever it is (Schema is invariant in it)
export type SchemaOf<A> = Schema.Schema<A, any>

/**
 * A route with its types: `P`, `Q`, `B` are the decoded path, query and body,
 * `A` the answer before encoding. Each is inferred from its schema only, so a
 * handler answering something its schema does not describe fails to compile.
 * `etag` names the version of the answer (an `ETag` header).
 */
export interface Route<P, Q, B, A> extends Description {
  readonly pathSchema?: SchemaOf<P>
  readonly querySchema?: SchemaOf<Q>
  readonly bodySchema?: SchemaOf<B>
  readonly success: {
    readonly status: 200 | 201 | 303
    readonly schema: SchemaOf<A>
    readonly contentType?: string
  }
  readonly etag?: (value: NoInfer<A>, input: Input<NoInfer<P>, NoInfer<Q>, NoInfer<B>>) => number
  /** The security event a success raises for this body (a break-glass read), if any. */
  readonly securityEvent?: (body: NoInfer<B>) => SecurityLog.Kind | undefined
  readonly handle: (
    input: Input<NoInfer<P>, NoInfer<Q>, NoInfer<B>>,
  ) => Effect.Effect<NoInfer<A>, Failure, Requirements>
}

/**
 * A route of the table: its description, its types kept inside. `open` hands
 * the route, with them, to a function generic in them (the pipeline, built
 * once per route), so the table needs neither a cast nor `any`.
 */
export interface AnyRoute extends Description {
  readonly open: <R>(use: <P, Q, B, A>(route: Route<P, Q, B, A>) => R) => R
}

/** A route as `make` returns it: typed where it is used directly (tests), and a member of the table. */
export type Typed<P, Q, B, A> = Route<P, Q, B, A> & AnyRoute

/**
 * Defines a route: its handler's input types come from its schemas, and its
 * answer must be what `success.schema` describes.
 *
 * ```ts
 * const read = Route.make({
 *   method: "get", path: "/v1/cases/:caseId", operationId: "getCase", tag: "cases", summary: "A case",
 *   pathSchema: Schema.Struct({ caseId: Id.CaseId }),
 *   success: { status: 200, schema: Case.Case },
 *   handle: ({ path }) => read(path.caseId), // path.caseId: Id.CaseId
 * })
 * ```
 */
export const make = <P = Record<never, never>, Q = Record<never, never>, B = undefined, A = never>(
  route: Route<P, Q, B, A>,
): Typed<P, Q, B, A> => ({ ...route, open: (use) => use(route) })
