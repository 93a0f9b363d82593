/**
 * The court's feed of order changes:
 *
 * ```
 * GET {baseUrl}/orders/changes?since=<cursor>      (no `since` the first time)
 * x-api-key: <apiKey>
 * → 200 { "changes": [ …OrderChange… ], "next": "<cursor>" | null, "more": false }
 * ```
 *
 * `next` is the cursor to send next time (`null`: keep the current one);
 * `more: true` (optional) says another page is waiting now. The feed may
 * repeat changes (an inclusive cursor): the inbox drops them.
 */
import { type Hooks, PluginFailure } from "@bashke/plugin-sdk"
import { Effect, Option, Redacted, Schema } from "effect"
import * as ChangeRecords from "./ChangeRecords"
import type { CourtConfig } from "./CourtConfig"

/**
 * One page of the feed. Each change is checked when it is processed, not
 * here: one malformed change must not hold back the page.
 */
export const ChangesPage = Schema.Struct({
  changes: Schema.Array(Schema.Unknown),
  next: Schema.NullOr(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(500))),
  more: Schema.optional(Schema.Boolean),
}).annotations({ identifier: "CourtChangesPage" })

const failure = (code: string) => new PluginFailure.PluginFailure({ code })

const isTimeout = (error: unknown): boolean =>
  typeof error === "object" && error !== null && (error as { name?: unknown }).name === "TimeoutError"

/**
 * Fetches one page after `cursor`. Every failure is transient — the court
 * down (`upstream.unreachable`), slow (`upstream.timeout`), answering an error
 * (`upstream.status-<code>`) or a page that is not the feed's
 * (`upstream.malformed`) — so the host retries the pull later from the same
 * cursor.
 */
export const fetchPage = (
  config: CourtConfig,
  cursor: Option.Option<string>,
): Effect.Effect<Hooks.PullResult, PluginFailure.PluginFailure> =>
  Effect.gen(function* () {
    const url = new URL("orders/changes", `${config.baseUrl.replace(/\/$/, "")}/`)
    if (Option.isSome(cursor)) url.searchParams.set("since", cursor.value)
    const body = yield* Effect.tryPromise({
      // The host's interruption or our own deadline (real time, whatever the
      // Effect clock says) aborts the call, the body included.
      try: async (signal) => {
        const response = await fetch(url, {
          headers: { accept: "application/json", [config.apiKeyHeader]: Redacted.value(config.apiKey) },
          signal: AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMillis)]),
        })
        if (!response.ok) {
          await response.body?.cancel()
          return { status: response.status } as const
        }
        return { text: await response.text() } as const
      },
      catch: (error) => failure(isTimeout(error) ? "upstream.timeout" : "upstream.unreachable"),
    })
    if ("status" in body) return yield* failure(`upstream.status-${body.status}`)
    const page = yield* Effect.try({
      try: () => JSON.parse(body.text) as unknown,
      catch: () => failure("upstream.malformed"),
    }).pipe(
      Effect.flatMap(Schema.decodeUnknown(ChangesPage)),
      Effect.mapError(() => failure("upstream.malformed")),
    )
    return {
      records: yield* ChangeRecords.toRecords(page.changes),
      cursor: page.next ?? undefined,
      more: page.more === true,
    }
  })
