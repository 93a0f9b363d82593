// The Workers entry's plugin list, generated from the plugin configuration:
// the static imports of the enabled plugins and the configuration itself,
// with secrets as references only — a secret written out stops the build.
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { appDirectory } from "../../bench/WorkerBundle"
import * as WorkerPlugins from "../../scripts/WorkerPlugins"

// The plugins are not the gateway's dependencies: a deployment installs the ones it configures.
const sources: Record<string, string> = {
  "@bashke/plugin-court": "../../../../plugins/court/src/index.ts",
  "@bashke/plugin-police": "../../../../plugins/police/src/index.ts",
}
const importer = (name: string): Promise<unknown> => {
  const source = sources[name]
  return source === undefined
    ? Promise.reject(Object.assign(new Error("not installed"), { code: "ERR_MODULE_NOT_FOUND" }))
    : import(source)
}

const webhookSecret = "court-webhook-secret-0123456789"
const apiKey = "court-api-key-for-tests"

const court = (overrides: Record<string, unknown> = {}) => ({
  package: "@bashke/plugin-court",
  grant: ["schedule:pull", "routes:webhook", "protection-orders:sync"],
  config: { baseUrl: "https://court.example/api", apiKey: { $secret: "COURT_API_KEY" } },
  webhook: { secrets: [{ $secret: "COURT_WEBHOOK_SECRET" }] },
  ...overrides,
})

const police = (overrides: Record<string, unknown> = {}) => ({
  package: "@bashke/plugin-police",
  grant: ["schedule:pull", "incidents:import", "persons:match", "review-queue:write"],
  config: { baseUrl: "https://police.example/api", apiKey: { $secret: "POLICE_API_KEY" }, pageSize: 100 },
  ...overrides,
})

/** The configuration the module carries, read back from its text. */
const configurationOf = (text: string): unknown =>
  JSON.parse(text.slice(text.indexOf("export const configuration: unknown = ") + 38))

const refusal = (input: unknown) =>
  Effect.gen(function* () {
    const result = yield* Effect.either(WorkerPlugins.generate(input, importer))
    expect(Either.isLeft(result)).toBe(true)
    return Either.isLeft(result) ? result.left : undefined
  })

describe("the generated plugin list", () => {
  it.effect("is empty without a configuration, and the committed module is that one", () =>
    Effect.gen(function* () {
      const text = yield* WorkerPlugins.generate(undefined, importer)
      expect(text).toContain("export const plugins = [] as const")
      expect(text).not.toContain("import ")
      expect(configurationOf(text)).toEqual({ plugins: [] })
      expect(readFileSync(join(appDirectory, "src", "worker-plugins.generated.ts"), "utf8")).toBe(text)
    }),
  )

  it.effect("imports two plugins in the configuration's order and carries the configuration as written", () =>
    Effect.gen(function* () {
      const input = { plugins: [court(), police()], batchSize: 100 }
      const text = yield* WorkerPlugins.generate(input, importer)
      expect(text).toContain('import * as plugin0 from "@bashke/plugin-court"')
      expect(text).toContain('import * as plugin1 from "@bashke/plugin-police"')
      expect(text).toContain(
        'export const plugins = [["@bashke/plugin-court", plugin0], ["@bashke/plugin-police", plugin1]] as const',
      )
      expect(configurationOf(text)).toEqual(input)
    }),
  )

  it.effect("leaves a disabled plugin out of the imports but keeps it in the configuration", () =>
    Effect.gen(function* () {
      const input = { plugins: [court(), police({ enabled: false })] }
      const text = yield* WorkerPlugins.generate(input, importer)
      expect(text).toContain('export const plugins = [["@bashke/plugin-court", plugin0]] as const')
      expect(text).not.toContain('from "@bashke/plugin-police"')
      expect(configurationOf(text)).toEqual(input)
    }),
  )

  it.effect("holds secrets' names, never their values", () =>
    Effect.gen(function* () {
      const text = yield* WorkerPlugins.generate({ plugins: [court()] }, importer)
      expect(text).toContain('"$secret": "COURT_WEBHOOK_SECRET"')
      expect(text).toContain('"$secret": "COURT_API_KEY"')
      expect(text).not.toContain(webhookSecret)
      expect(text).not.toContain(apiKey)
    }),
  )

  it.effect("refuses a webhook secret written out, naming the field and not the value", () =>
    Effect.gen(function* () {
      const error = yield* refusal({ plugins: [court({ webhook: { secrets: [webhookSecret] } })] })
      expect(error).toMatchObject({ reason: "config-invalid", field: "plugins.0.webhook.secrets.0" })
      expect(JSON.stringify(error)).not.toContain(webhookSecret)
      expect(error?.message).not.toContain(webhookSecret)
    }),
  )

  it.effect("refuses an API key written out (a Redacted field of the plugin's schema)", () =>
    Effect.gen(function* () {
      const error = yield* refusal({
        plugins: [police(), court({ config: { baseUrl: "https://court.example/api", apiKey } })],
      })
      expect(error).toMatchObject({ plugin: "@bashke/plugin-court", field: "plugins.1.config.apiKey" })
      expect(error?.message).not.toContain(apiKey)
    }),
  )

  it.effect("checks no secret of a disabled plugin's schema, which is not imported, but still its webhook", () =>
    Effect.gen(function* () {
      const error = yield* refusal({
        plugins: [police({ enabled: false, webhook: { secrets: ["police-webhook-secret-0123"] } })],
      })
      expect(error).toMatchObject({ field: "plugins.0.webhook.secrets.0" })
    }),
  )

  it.effect("refuses an invalid configuration and a package that cannot be imported", () =>
    Effect.gen(function* () {
      const invalid = yield* refusal({ plugins: [court({ grant: ["not-a-capability"] })] })
      expect(invalid).toMatchObject({ reason: "config-invalid", field: "plugins.0.grant.0" })
      const absent = yield* refusal({ plugins: [{ package: "@bashke/plugin-not-installed", grant: [] }] })
      expect(absent).toMatchObject({ reason: "import-failed", plugin: "@bashke/plugin-not-installed" })
      const badName = yield* refusal({ plugins: [court({ webhook: { secrets: [{ $secret: "lower-case" }] } })] })
      expect(badName).toMatchObject({ field: "plugins.0.webhook.secrets.0" })
    }),
  )
})
