/**
 * The headers the API expects on every call, added by an openapi-fetch
 * middleware: the bearer token, the caller's language, and an idempotency key
 * on every POST. A header the call sets itself wins, so a caller retrying a
 * POST passes the key of the first attempt and the gateway answers the retry
 * from the first outcome instead of acting twice.
 *
 * Only Fetch-standard APIs (`Request`, `Headers`, `crypto.randomUUID`), so it
 * runs the same on Node, Cloudflare Workers and in browsers.
 */
import type { Middleware } from "openapi-fetch"

/**
 * Where the client's headers come from.
 */
export interface Settings {
  /**
   * An API token (`bsk_…`) or an OIDC access token, sent as
   * `Authorization: Bearer …`; a function is asked before every call, so a
   * short-lived token can be refreshed.
   */
  readonly token?: string | (() => string | Promise<string>) | undefined
  /** `Accept-Language`: the language of problem titles and details (`sq`, `sr-Latn`, `sr-Cyrl`, `en`). */
  readonly locale?: string | undefined
  /** Makes the `Idempotency-Key` of a POST that brings none; `crypto.randomUUID` by default. */
  readonly idempotencyKey?: (() => string) | undefined
}

const randomKey = (): string => globalThis.crypto.randomUUID()

/**
 * The middleware that sets `Authorization`, `Accept-Language` and, on POST,
 * `Idempotency-Key`, leaving any of them the call already set.
 */
export const middleware = (settings: Settings): Middleware => ({
  onRequest: async ({ request }) => {
    const token = typeof settings.token === "function" ? await settings.token() : settings.token
    if (token !== undefined && !request.headers.has("authorization")) {
      request.headers.set("authorization", `Bearer ${token}`)
    }
    if (settings.locale !== undefined && !request.headers.has("accept-language")) {
      request.headers.set("accept-language", settings.locale)
    }
    if (request.method === "POST" && !request.headers.has("idempotency-key")) {
      request.headers.set("idempotency-key", (settings.idempotencyKey ?? randomKey)())
    }
    return request
  },
})
