/**
 * The police API, as the plugin calls it: pages of reports after a cursor
 * (`GET {baseUrl}/incidents?after=<cursor>&limit=<n>` → `{ records, next }`)
 * and notices (`POST {baseUrl}/notices`). Each call carries the API key and
 * has its own time limit, in real time (the host's limit on the whole hook
 * comes on top).
 */

import type { PluginFailure } from "@bashke/plugin-sdk"
import { Effect, Option, Redacted, Schema } from "effect"
import type { PoliceConfig } from "./PoliceConfig"
import * as PoliceFailure from "./PoliceFailure"

/**
 * One page: the records (each decoded later, one by one) and the cursor after
 * them (`null`: nothing newer yet).
 */
export const Page = Schema.Struct({
  records: Schema.Array(Schema.Unknown),
  next: Schema.NullOr(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(500))),
}).annotations({ identifier: "PolicePage" })

export type Page = typeof Page.Type

const decodePage = Schema.decodeUnknown(Page)

const url = (config: PoliceConfig, path: string) => new URL(path, `${config.baseUrl.replace(/\/$/, "")}/`)

// 408 and 429 and 5xx will pass; any other status will not.
const statusFailure = (prefix: string, status: number) =>
  status === 408 || status === 429 || status >= 500
    ? PoliceFailure.unavailable(`${prefix}.status-${status}`)
    : PoliceFailure.refused(`${prefix}.status-${status}`)

const call = (config: PoliceConfig, target: URL, init: RequestInit, prefix: string) =>
  Effect.tryPromise({
    // Interruptible (the host's limit) and bounded by the plugin's own limit.
    try: (signal) =>
      fetch(target, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), [config.apiKeyHeader]: Redacted.value(config.apiKey) },
        signal: AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMillis)]),
      }),
    catch: (error) =>
      PoliceFailure.unavailable(
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
          ? `${prefix}.timeout`
          : `${prefix}.unreachable`,
      ),
  })

/**
 * Fetches the page after `cursor`.
 */
export const fetchPage = (
  config: PoliceConfig,
  cursor: Option.Option<string>,
): Effect.Effect<Page, PluginFailure.PluginFailure> =>
  Effect.gen(function* () {
    const target = url(config, "incidents")
    if (Option.isSome(cursor)) target.searchParams.set("after", cursor.value)
    target.searchParams.set("limit", String(config.pageSize))
    const response = yield* call(config, target, { headers: { accept: "application/json" } }, "upstream")
    if (!response.ok) {
      yield* Effect.promise(() => response.body?.cancel() ?? Promise.resolve())
      return yield* statusFailure("upstream", response.status)
    }
    // A page that is not what was agreed is transient: the upstream may be
    // mid-deployment, and the cursor has not moved.
    return yield* Effect.tryPromise({
      try: () => response.json(),
      catch: () => PoliceFailure.unavailable("upstream.malformed"),
    }).pipe(
      Effect.flatMap(decodePage),
      Effect.catchTag("ParseError", () => PoliceFailure.unavailable("upstream.malformed")),
    )
  })

/**
 * What the police API answered a notice: its reference, when it gave one.
 */
export interface NoticeReceipt {
  readonly reference: string | undefined
}

const Receipt = Schema.Struct({
  reference: Schema.optional(Schema.String.pipe(Schema.pattern(/^[\x21-\x7e]{1,200}$/))),
})

/**
 * Posts a notice. `noticeId` is sent as the idempotency key: a retry after a
 * lost answer is the same notice.
 */
export const postNotice = (
  config: PoliceConfig,
  notice: { readonly noticeId: string; readonly kind: string; readonly content: unknown },
): Effect.Effect<NoticeReceipt, PluginFailure.PluginFailure> =>
  Effect.gen(function* () {
    const response = yield* call(
      config,
      url(config, "notices"),
      {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": notice.noticeId },
        body: JSON.stringify(notice),
      },
      "notice",
    )
    if (!response.ok) {
      yield* Effect.promise(() => response.body?.cancel() ?? Promise.resolve())
      return yield* statusFailure("notice", response.status)
    }
    const body = yield* Effect.promise(() => response.json().catch(() => ({})))
    const receipt = Schema.decodeUnknownOption(Receipt)(body)
    return { reference: Option.isSome(receipt) ? receipt.value.reference : undefined }
  })
