/**
 * A minimal plugin to copy: every five minutes it asks a JSON feed for the
 * incidents after its cursor (`GET <baseUrl>/incidents?after=<cursor>` →
 * `{ items, next }`), and records each in its case through the
 * `incidents:import` capability. The host keeps the cursor, stores the items
 * in the plugin's inbox (sealed), and calls `process` for each.
 */
import { CivilDate, Id, Municipality } from "@bashke/kernel"
import { definePlugin, PluginFailure } from "@bashke/plugin-sdk"
import { Effect, Option, Schema } from "effect"

/** One item of the feed. */
const Item = Schema.Struct({
  id: Schema.String,
  caseId: Id.CaseId,
  occurredOn: CivilDate.CivilDate,
  municipality: Municipality.MunicipalityCode,
  forms: Schema.NonEmptyArray(Schema.String),
})

/** One page of the feed; `next` is the cursor after it (null: nothing newer yet). */
const Page = Schema.Struct({ items: Schema.Array(Schema.Unknown), next: Schema.NullOr(Schema.String) })

const upstreamDown = (code: string) => new PluginFailure.PluginFailure({ code })

/**
 * The plugin. Its configuration: the feed's `baseUrl`.
 */
export default definePlugin({
  manifest: {
    name: "@example/bashke-plugin",
    version: "0.1.0",
    hostApi: "^0.1.0",
    description: "Pulls incidents from a JSON feed and records them in cases",
    config: Schema.Struct({ baseUrl: Schema.String.pipe(Schema.pattern(/^https?:\/\//)) }),
    capabilities: ["schedule:pull", "incidents:import"],
  },
  setup: (context) => ({
    pulls: [
      {
        name: "incidents",
        every: "5 minutes",
        run: (cursor) =>
          Effect.gen(function* () {
            const url = new URL("incidents", `${context.config.baseUrl.replace(/\/$/, "")}/`)
            if (Option.isSome(cursor)) url.searchParams.set("after", cursor.value)
            // Interruptible: the host's time limit stops a hanging call.
            const response = yield* Effect.tryPromise({
              try: (signal) => fetch(url, { signal }),
              catch: () => upstreamDown("upstream.unreachable"),
            })
            if (!response.ok) return yield* upstreamDown(`upstream.status-${response.status}`)
            const page = yield* Effect.tryPromise({
              try: () => response.json(),
              catch: () => upstreamDown("upstream.malformed"),
            }).pipe(
              Effect.flatMap(Schema.decodeUnknown(Page)),
              Effect.mapError(() => upstreamDown("upstream.malformed")),
            )
            return {
              // An item without an id cannot be deduplicated: it is left out here.
              records: page.items.flatMap((item) =>
                typeof item === "object" && item !== null && typeof (item as { id?: unknown }).id === "string"
                  ? [{ recordId: (item as { id: string }).id, payload: item }]
                  : [],
              ),
              cursor: page.next ?? undefined,
            }
          }),
      },
    ],
    process: (record) =>
      Effect.gen(function* () {
        // A malformed item will not get better: permanent, straight to the dead letters.
        const item = yield* Schema.decodeUnknown(Item)(record.payload).pipe(
          Effect.mapError(() => new PluginFailure.PluginFailure({ code: "item.malformed", permanent: true })),
        )
        yield* context.incidents.record({
          source: record.source,
          recordId: record.recordId,
          caseId: item.caseId,
          occurredOn: item.occurredOn,
          municipality: item.municipality,
          forms: item.forms,
        })
      }),
  }),
})
