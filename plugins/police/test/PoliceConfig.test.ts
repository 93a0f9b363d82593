// The configuration: an invalid one stops the plugin naming the field, never the value.
import { TestHost } from "@bashke/plugin-sdk/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import plugin from "../src/index"

describe("the configuration", () => {
  it.scoped("without an API key, or with a page too large, the plugin does not start", () =>
    Effect.gen(function* () {
      const missing = yield* Effect.flip(TestHost.make(plugin, { config: { baseUrl: "http://127.0.0.1:1/api" } }))
      expect(missing).toMatchObject({ reason: "config-invalid", field: "apiKey" })
      const large = yield* Effect.flip(
        TestHost.make(plugin, { config: { baseUrl: "http://127.0.0.1:1/api", apiKey: "k", pageSize: 50_000 } }),
      )
      expect(large).toMatchObject({ reason: "config-invalid", field: "pageSize" })
      const ftp = yield* Effect.flip(TestHost.make(plugin, { config: { baseUrl: "ftp://police", apiKey: "secret-k" } }))
      expect(ftp).toMatchObject({ reason: "config-invalid", field: "baseUrl" })
      expect(ftp.message).not.toContain("secret-k")
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("the manifest asks for what the plugin uses, notices optional", () =>
    Effect.gen(function* () {
      expect(plugin.manifest.capabilities).toEqual([
        "schedule:pull",
        "routes:webhook",
        "incidents:import",
        "persons:match",
        "review-queue:write",
      ])
      expect(plugin.manifest.optionalCapabilities).toEqual(["events:subscribe", "notices:send"])
      const test = yield* TestHost.make(plugin, { config: { baseUrl: "http://127.0.0.1:1/api", apiKey: "k" } })
      expect(test.id).toBe("police")
    }).pipe(Effect.provide(TestHost.database)),
  )
})
