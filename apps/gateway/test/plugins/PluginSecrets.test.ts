// Secret references in the plugin configuration: `{ "$secret": "NAME" }`
// becomes the secret's value when the host starts (the environment on Node,
// the Worker's secrets on Workers); a missing or misnamed one stops the start,
// naming the field and the secret's name, never a value.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect, Either, Redacted } from "effect"
import * as PluginRuntime from "../../src/plugins/PluginRuntime"
import * as PluginSecrets from "../../src/plugins/PluginSecrets"

const secret = "a-webhook-secret-of-the-court-0001"

describe("PluginSecrets.resolve", () => {
  it.effect("replaces each reference, in objects and lists, and leaves everything else as it is", () =>
    Effect.gen(function* () {
      const resolved = yield* PluginSecrets.resolve(
        {
          plugins: [
            { package: "p", config: { apiKey: { $secret: "API_KEY" }, pageSize: 5 }, list: [{ $secret: "A" }] },
          ],
        },
        (name) => ({ API_KEY: "key-1", A: "a-1" })[name],
      )
      expect(resolved).toEqual({ plugins: [{ package: "p", config: { apiKey: "key-1", pageSize: 5 }, list: ["a-1"] }] })
    }),
  )

  it.effect("treats an object with other keys as plain configuration", () =>
    Effect.gen(function* () {
      const input = { config: { $secret: "A", other: 1 } }
      expect(yield* PluginSecrets.resolve(input, () => "never")).toEqual(input)
    }),
  )

  it.effect("refuses a secret that is not set, naming the field and the secret", () =>
    Effect.gen(function* () {
      const result = yield* Effect.either(
        PluginSecrets.resolve({ plugins: [{ webhook: { secrets: [{ $secret: "COURT_SECRET" }] } }] }, () => undefined),
      )
      expect(Either.isLeft(result) && result.left).toMatchObject({
        reason: "config-invalid",
        field: "plugins.0.webhook.secrets.0",
        detail: "plugins.0.webhook.secrets.0 refers to COURT_SECRET, which is not set",
      })
    }),
  )

  it.effect("refuses a name that is not an environment variable's", () =>
    Effect.gen(function* () {
      for (const name of ["court-secret", "", 7, "A B"]) {
        const result = yield* Effect.either(PluginSecrets.resolve({ key: { $secret: name } }, () => "value"))
        expect(Either.isLeft(result) && result.left).toMatchObject({ field: "key" })
      }
    }),
  )
})

describe("the gateway's own keys", () => {
  it.effect("are never handed to a plugin, even when set", () =>
    Effect.gen(function* () {
      for (const name of ["BASHKE_VAULT_KEYS", "BASHKE_BLIND_INDEX_KEY"]) {
        const result = yield* Effect.either(
          PluginSecrets.resolve({ plugins: [{ config: { apiKey: { $secret: name } } }] }, () => "the-key-material"),
        )
        if (Either.isRight(result)) return expect.fail(`${name} was handed to a plugin`)
        expect(result.left).toMatchObject({ field: "plugins.0.config.apiKey", reason: "config-invalid" })
        expect(JSON.stringify(result.left)).not.toContain("the-key-material")
      }
    }),
  )
})

describe("the Node server's configuration file", () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-plugin-secrets-"))
  afterAll(() => rmSync(directory, { recursive: true, force: true }))
  const file = join(directory, "plugins.json")
  writeFileSync(
    file,
    JSON.stringify({
      plugins: [
        {
          package: "@bashke/plugin-court",
          grant: ["routes:webhook"],
          webhook: { secrets: [{ $secret: "BASHKE_TEST_COURT_WEBHOOK_SECRET" }] },
        },
      ],
    }),
  )

  it("reads referenced secrets from the environment", async () => {
    const config = await PluginRuntime.readConfig(file, { BASHKE_TEST_COURT_WEBHOOK_SECRET: secret })
    const secrets = config.host.plugins[0]?.webhook?.secrets ?? []
    expect(secrets.map((value) => Redacted.value(value))).toEqual([secret])
  })

  it("refuses to start when a referenced secret is not set", async () => {
    await expect(PluginRuntime.readConfig(file, {})).rejects.toThrow(
      /BASHKE_TEST_COURT_WEBHOOK_SECRET, which is not set/,
    )
  })
})
