/**
 * The client: openapi-fetch over the generated types, with the API's headers
 * set for every call (see `RequestHeaders`) and every refusal thrown as a
 * `BashkeProblem`. A call answers `{ data, etag, response }`: `data` typed by
 * the operation's success schema, `etag` the version to send back as
 * `If-Match` on the next change of the same resource.
 */
import createClient, { type Client as FetchClient, type FetchResponse, type MaybeOptionalInit } from "openapi-fetch"
import { BashkeProblem } from "./BashkeProblem"
import type { Paths } from "./Paths"
import * as RequestHeaders from "./RequestHeaders"

/**
 * How to reach the gateway and as whom.
 */
export interface Options extends RequestHeaders.Settings {
  /** The gateway's origin, e.g. `https://bashke.example.org` (the paths start with `/v1`). */
  readonly baseUrl: string
  /**
   * The `fetch` to call; `globalThis.fetch` by default. Pass a Workers service
   * binding's `fetch`, or a Hono app's `fetch` in tests.
   */
  readonly fetch?: ((request: Request) => Promise<Response>) | undefined
}

/**
 * What a successful call answers.
 */
export interface Answer<Data> {
  /** The decoded body. */
  readonly data: Data
  /** The `ETag` of the answer (`"3"`), for `If-Match` on the next change; absent on unversioned answers. */
  readonly etag: string | undefined
  readonly response: Response
}

type HttpMethod = "get" | "put" | "post" | "delete" | "patch"

type MediaType = `${string}/${string}`

type PathsWith<Method extends HttpMethod> = {
  [Path in keyof Paths]: Paths[Path] extends { [M in Method]: unknown } ? Path : never
}[keyof Paths]

type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T]

// As openapi-fetch decides whether the second argument may be left out.
type InitParam<Init> =
  RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }]

type Operation<Path extends keyof Paths, Method extends HttpMethod> = Paths[Path][Method & keyof Paths[Path]] &
  Record<string | number, unknown>

type DataOf<Op extends Record<string | number, unknown>, Init> = Exclude<
  FetchResponse<Op, Init, MediaType>,
  { error: unknown }
>["data"]

/**
 * A method of the client: the path, then its parameters and body, all typed by
 * the API description.
 */
export type Call<Method extends HttpMethod> = <
  Path extends PathsWith<Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method>,
>(
  path: Path,
  ...init: InitParam<Init>
) => Promise<Answer<DataOf<Operation<Path, Method>, Init>>>

/**
 * The client. Each method throws a `BashkeProblem` when the gateway refuses.
 */
export interface Client {
  readonly GET: Call<"get">
  readonly POST: Call<"post">
  readonly PUT: Call<"put">
  readonly PATCH: Call<"patch">
  readonly DELETE: Call<"delete">
  /**
   * The underlying openapi-fetch client, with the same headers, answering
   * `{ data, error, response }` instead of throwing.
   */
  readonly raw: FetchClient<Paths>
}

/**
 * A client for the gateway at `options.baseUrl`.
 *
 * @example
 * ```ts
 * const bashke = BashkeClient.make({ baseUrl: "https://bashke.example.org", token, locale: "sq" })
 * const { data: opened, etag } = await bashke.POST("/v1/cases", { body })
 * ```
 */
export const make = (options: Options): Client => {
  const raw = createClient<Paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  })
  raw.use(RequestHeaders.middleware(options))
  type Untyped = (
    path: string,
    init?: object,
  ) => Promise<{ readonly data?: unknown; readonly error?: unknown; readonly response: Response }>
  const call =
    (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE") =>
    async (path: string, init?: object): Promise<Answer<unknown>> => {
      const { data, error, response } = await (raw[method] as unknown as Untyped)(path, init)
      if (!response.ok) throw BashkeProblem.fromResponse(response, error)
      return { data, etag: response.headers.get("etag") ?? undefined, response }
    }
  return {
    GET: call("GET") as Client["GET"],
    POST: call("POST") as Client["POST"],
    PUT: call("PUT") as Client["PUT"],
    PATCH: call("PATCH") as Client["PATCH"],
    DELETE: call("DELETE") as Client["DELETE"],
    raw,
  }
}
