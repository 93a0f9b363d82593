// Start-up: every check that refuses a plugin, with an error that names the
// plugin and what is wrong — the host API versions, the configuration field
// (never its value), the missing grant — and loading by package name.
import { describe, expect, it } from "@effect/vitest"
import { Duration, Effect, Either, Schema } from "effect"
import {
  definePlugin,
  HostApi,
  HostConfig,
  type Plugin,
  PluginHost,
  PluginLoader,
  type PluginStartError,
} from "../src/index"
import { TestHost } from "../src/testing"
import { importer, upstream } from "./support/Plugins"

const startError = (
  plugin: Plugin.Any,
  settings: Partial<HostConfig.PluginSettings> = {},
): Effect.Effect<PluginStartError.PluginStartError, never, PluginHost.Requirements> =>
  Effect.scoped(
    PluginHost.make({
      plugins: [plugin],
      config: { plugins: [{ package: plugin.manifest.name, grant: [...plugin.manifest.capabilities], ...settings }] },
    }).pipe(
      Effect.flatMap(() => Effect.dieMessage("expected a start-up error")),
      Effect.flip,
    ),
  )

const hello = (hostApi: string, secretField = Schema.String) =>
  definePlugin({
    manifest: {
      name: "@acme/plugin-hello",
      version: "2.3.0",
      hostApi,
      config: Schema.Struct({ upstream: Schema.Struct({ url: Schema.String, token: secretField }) }),
      capabilities: ["events:subscribe"],
    },
    setup: () => ({}),
  })

describe("start-up errors", () => {
  it.effect("a host API range that excludes this host names the plugin and both versions", () =>
    Effect.gen(function* () {
      const error = yield* startError(hello("^0.2.0"))
      expect(error.reason).toBe("host-api-mismatch")
      expect(error.message).toBe(
        `plugin @acme/plugin-hello cannot start (host-api-mismatch): version 2.3.0 supports host API ^0.2.0, but this host implements ${HostApi.hostApiVersion}`,
      )
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.effect("a configuration that does not decode names the field, never the value", () =>
    Effect.gen(function* () {
      const secretValue = "tok-SUPER-SECRET-42"
      const plugin = hello("^0.1.0", Schema.String.pipe(Schema.minLength(40)))
      const error = yield* startError(plugin, { config: { upstream: { url: "https://x", token: secretValue } } })
      expect(error).toMatchObject({ reason: "config-invalid", field: "upstream.token" })
      expect(error.message).toBe(
        "plugin @acme/plugin-hello cannot start (config-invalid): configuration field upstream.token is invalid",
      )
      expect(JSON.stringify(error)).not.toContain(secretValue)
      const missing = yield* startError(plugin, { config: { upstream: {} } })
      expect(missing.detail).toBe("configuration field upstream.url is missing")
      const unexpected = yield* startError(plugin, {
        config: { upstream: { url: "u", token: "t".repeat(40) }, extra: secretValue },
      })
      expect(unexpected.detail).toBe("configuration field extra is unexpected")
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.effect("a required capability not granted stops the host", () =>
    Effect.gen(function* () {
      const error = yield* startError(importer(upstream(0)), { grant: ["schedule:pull", "incidents:import"] })
      expect(error.reason).toBe("capability-not-granted")
      expect(error.detail).toContain("routes:webhook")
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.effect("a granted service capability that the application does not provide stops the host", () =>
    Effect.gen(function* () {
      const error = yield* startError(importer(upstream(0)), {
        config: { baseUrl: "http://127.0.0.1" },
      })
      expect(error.reason).toBe("capability-not-provided")
      expect(error.detail).toContain("incidents:import")
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.effect("webhook routes without a secret in the configuration stop the host", () =>
    Effect.gen(function* () {
      const plugin = definePlugin({
        manifest: {
          name: "@acme/plugin-hook",
          version: "0.1.0",
          hostApi: "^0.1.0",
          config: Schema.Struct({}),
          capabilities: ["routes:webhook"],
        },
        setup: () => ({ webhooks: [{ method: "POST", path: "/x", handle: () => Effect.never }] }),
      })
      expect(yield* startError(plugin)).toMatchObject({ reason: "webhook-secret-missing", field: "webhook.secrets" })
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.effect("a malformed manifest, a failing setup and a bad hook are refused with their reason", () =>
    Effect.gen(function* () {
      const base = {
        version: "0.1.0",
        hostApi: "^0.1.0",
        config: Schema.Struct({}),
        capabilities: ["schedule:pull"] as const,
      }
      const badName = definePlugin({ manifest: { ...base, name: "Not A Name" }, setup: () => ({}) })
      expect((yield* startError(badName)).detail).toBe("name: not an npm package name")
      const failing = definePlugin({
        manifest: { ...base, name: "@acme/plugin-fails" },
        setup: () => Effect.dieMessage("boom: Arta Krasniqi"),
      })
      const failed = yield* startError(failing)
      expect(failed).toMatchObject({ reason: "setup-failed", detail: "setup failed (defect)" })
      const badPull = definePlugin({
        manifest: { ...base, name: "@acme/plugin-bad-pull" },
        setup: () => ({
          pulls: [{ name: "Bad Name", every: "1 minute", run: () => Effect.succeed({ records: [], cursor: "" }) }],
        }),
      })
      expect((yield* startError(badPull)).reason).toBe("hook-invalid")
    }).pipe(Effect.provide(TestHost.database)),
  )

  it("the host configuration decodes from JSON and names a bad field", () => {
    const decoded = Effect.runSync(
      Effect.either(
        HostConfig.decode({
          plugins: [{ package: "@bashke/plugin-court", grant: ["schedule:pull", "fly"] }],
        }),
      ),
    )
    expect(Either.isLeft(decoded) && decoded.left.detail).toBe("plugins.0.grant.1 is invalid")
    const good = Effect.runSync(
      HostConfig.decode({
        plugins: [
          {
            package: "@bashke/plugin-court",
            grant: ["schedule:pull"],
            webhook: { secrets: ["a-very-long-secret-value"] },
            timeouts: { pull: 2000 },
          },
        ],
        pollInterval: 1000,
      }),
    )
    expect(Duration.toMillis(good.plugins[0]?.timeouts?.pull ?? 0)).toBe(2000)
    expect(String(good.plugins[0]?.webhook?.secrets[0])).toBe("<redacted>")
  })
})

describe("loading", () => {
  const plugin = hello("^0.1.0")
  const config: HostConfig.HostConfig = {
    plugins: [
      { package: "@acme/plugin-hello", grant: ["events:subscribe"], config: { upstream: { url: "u", token: "t" } } },
      { package: "@acme/plugin-off", grant: [], enabled: false },
    ],
  }

  it.effect("imports the enabled packages by name and takes their default export", () =>
    Effect.gen(function* () {
      const asked: Array<string> = []
      const plugins = yield* PluginLoader.importAll(PluginLoader.packagesOf(config), async (name) => {
        asked.push(name)
        return { default: plugin }
      })
      expect(asked).toEqual(["@acme/plugin-hello"])
      expect(plugins).toEqual([plugin])
    }),
  )

  it.effect("a package that is missing or exports no plugin is a clear start-up error", () =>
    Effect.gen(function* () {
      const missing = yield* Effect.flip(
        PluginLoader.importAll(["@acme/nowhere"], (name) => import(/* @vite-ignore */ name)),
      )
      expect(missing.reason).toBe("import-failed")
      expect(missing.message).toMatch(
        /^plugin @acme\/nowhere cannot start \(import-failed\): the package could not be imported \(/,
      )
      // An importer that says where names resolve from: the error names that folder.
      const importer = Object.assign((name: string) => import(/* @vite-ignore */ name), { resolvesFrom: "/srv/bashke" })
      const located = yield* Effect.flip(PluginLoader.importAll(["@acme/nowhere"], importer))
      expect(located.message).toMatch(
        /could not be imported \(ERR_MODULE_NOT_FOUND\) from \/srv\/bashke; install it there/,
      )
      const notAPlugin = yield* Effect.flip(PluginLoader.fromModules([["@acme/lib", { default: { name: "x" } }]]))
      expect(notAPlugin.reason).toBe("not-a-plugin")
    }),
  )

  it("writes the static import list for the Workers entry", () => {
    expect(PluginLoader.staticImports(config)).toBe(
      [
        "// Generated from the plugin host configuration by PluginLoader.staticImports: do not edit.",
        'import * as plugin0 from "@acme/plugin-hello"',
        "",
        'export const plugins = [["@acme/plugin-hello", plugin0]] as const',
        "",
      ].join("\n"),
    )
  })

  it.effect("starts the host from statically imported modules", () =>
    Effect.gen(function* () {
      const host = yield* PluginHost.PluginHost
      expect(host.plugins.map((info) => [info.id, info.version, info.capabilities])).toEqual([
        ["hello", "2.3.0", ["events:subscribe"]],
      ])
    }).pipe(
      Effect.provide(
        PluginLoader.layerStatic({ config, modules: [["@acme/plugin-hello", { default: plugin }]], start: false }),
      ),
      Effect.provide(TestHost.database),
    ),
  )
})
