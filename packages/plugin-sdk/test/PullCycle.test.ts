// A scheduled pull processes what it imported while the next page is on its
// way: a slow upstream's latency is spent applying the records already
// committed, not waiting. The upstream here answers its second page only after
// the plugin has processed a record of the first, which a host that pulled
// every page before processing would never do (the test would time out).
import { describe, expect, it } from "@effect/vitest"
import { Deferred, Duration, Effect, Option, Schema } from "effect"
import { definePlugin, PluginHost } from "../src/index"
import { FakeCapabilities } from "../src/testing"
import { databases, services } from "./support/Databases"

const pipelined = (seen: Deferred.Deferred<void>, processed: Array<string>, calls: Array<string>) =>
  definePlugin({
    manifest: {
      name: "@bashke/plugin-pipelined",
      version: "0.1.0",
      hostApi: "^0.1.0",
      config: Schema.Struct({}),
      capabilities: ["schedule:pull"],
    },
    setup: () => ({
      pulls: [
        {
          name: "pages",
          every: "1 hour",
          source: "pages",
          run: (cursor) =>
            Effect.gen(function* () {
              const page = Number(Option.getOrElse(cursor, () => "0"))
              calls.push(`page ${page}`)
              // The second page waits for the first page's records to be processed.
              if (page === 1) yield* Deferred.await(seen)
              const records = [0, 1, 2].map((i) => ({ recordId: `R-${page}-${i}`, payload: { page, i } }))
              return { records, cursor: String(page + 1), more: page < 2 }
            }),
        },
      ],
      process: (record) =>
        Effect.gen(function* () {
          processed.push(record.recordId)
          yield* Deferred.succeed(seen, undefined)
        }),
    }),
  })

for (const db of databases) {
  describe.skipIf(db.skip)(`a pull cycle on ${db.name}`, () => {
    it.scopedLive("processes each page while the next one is pulled, and everything once", () =>
      Effect.gen(function* () {
        const seen = yield* Deferred.make<void>()
        const processed: Array<string> = []
        const calls: Array<string> = []
        const plugin = pipelined(seen, processed, calls)
        const host = yield* PluginHost.make({
          plugins: [plugin],
          config: {
            // The processing loop would otherwise pick up page 0 on its own after its interval.
            pollInterval: Duration.hours(1),
            plugins: [{ package: plugin.manifest.name, grant: ["schedule:pull"], config: {} }],
          },
        }).pipe(Effect.provide(FakeCapabilities.make().layer))
        yield* host.start
        yield* Effect.gen(function* () {
          while (processed.length < 9) yield* Effect.sleep("10 millis")
        }).pipe(Effect.timeoutFail({ duration: "60 seconds", onTimeout: () => new Error("not all processed") }))
        expect(calls).toEqual(["page 0", "page 1", "page 2"])
        // Page 0's records were processed before page 1 was answered.
        expect(processed.slice(0, 3)).toEqual(["R-0-0", "R-0-1", "R-0-2"])
        expect([...processed].sort()).toEqual(
          ["R-0-0", "R-0-1", "R-0-2", "R-1-0", "R-1-1", "R-1-2", "R-2-0", "R-2-1", "R-2-2"].sort(),
        )
        expect(yield* host.cursor(plugin.manifest.name, "pages")).toEqual(Option.some("3"))
        expect((yield* host.status)[0]?.pulls.pages).toMatchObject({ lastOutcome: "pulled", consecutiveFailures: 0 })
      }).pipe(Effect.provide(services(db))),
    )
  })
}
