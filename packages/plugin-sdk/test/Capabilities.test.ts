// Capabilities at run time: the context `setup` receives holds exactly the
// services of the granted capabilities (the type-level half is
// Capabilities.typetest.ts, compiled by the typecheck). A required capability
// that is not granted stops the host; an optional one is simply absent.
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema, TestClock } from "effect"
import { Capability, definePlugin, type Plugin } from "../src/index"
import { TestHost } from "../src/testing"
import { start } from "./support/Databases"

const spy = () => {
  const seen: { context?: Record<string, unknown> } = {}
  const plugin = definePlugin({
    manifest: {
      name: "@acme/plugin-spy",
      version: "0.1.0",
      hostApi: "^0.1.0",
      config: Schema.Struct({}),
      capabilities: ["incidents:import", "events:subscribe"],
      optionalCapabilities: ["notices:send", "persons:match", "schedule:pull"],
    },
    setup: (context) => {
      seen.context = context as unknown as Record<string, unknown>
      return {}
    },
  })
  return { seen, plugin: plugin as Plugin.Any }
}

describe("capabilities at run time", () => {
  it.scoped("the context holds only the granted services", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const { seen, plugin } = spy()
      const test = yield* TestHost.make(plugin, { grant: ["incidents:import", "events:subscribe", "notices:send"] })
      const context = seen.context ?? {}
      expect(Object.keys(context).sort()).toEqual(["capabilities", "config", "incidents", "notices", "plugin"])
      expect(context.capabilities).toEqual(["incidents:import", "events:subscribe", "notices:send"])
      for (const key of ["persons", "protectionOrders", "reviewQueue"]) {
        expect(key in context).toBe(false)
        expect(context[key]).toBeUndefined()
      }
      expect(Object.isFrozen(context)).toBe(true)
      expect(context.plugin).toEqual({ name: "@acme/plugin-spy", version: "0.1.0", id: "spy" })
      expect(test.host.plugins[0]?.capabilities).toEqual(["incidents:import", "events:subscribe", "notices:send"])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a required capability that is not granted stops the plugin, naming it", () =>
    Effect.gen(function* () {
      const { plugin } = spy()
      const error = yield* Effect.flip(TestHost.make(plugin, { grant: ["events:subscribe", "persons:match"] }))
      expect(error.message).toBe(
        "plugin @acme/plugin-spy cannot start (capability-not-granted): it requires incidents:import, which the host configuration does not grant (grant: events:subscribe, persons:match)",
      )
    }).pipe(Effect.provide(TestHost.database)),
  )

  it("service capabilities have context keys, hook capabilities none", () => {
    expect(Capability.all.filter(Capability.isService).map((c) => Capability.contextKeys[c])).toEqual([
      "incidents",
      "persons",
      "protectionOrders",
      "reviewQueue",
      "notices",
      "capacity",
    ])
  })
})
