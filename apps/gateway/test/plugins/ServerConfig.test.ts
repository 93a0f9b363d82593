// The Node server reads BASHKE_PLUGINS_CONFIG: a configuration without plugins
// starts and reports healthy; one naming a package that is not installed stops
// the start with an error naming it; an invalid principal names the field.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as PluginConfig from "../../src/plugins/PluginConfig"
import { start } from "../../src/Server"

const directory = mkdtempSync(join(tmpdir(), "bashke-gateway-plugins-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const configFile = (name: string, json: unknown) => {
  const file = join(directory, name)
  writeFileSync(file, JSON.stringify(json))
  return file
}

describe("BASHKE_PLUGINS_CONFIG", () => {
  it("starts with an empty plugin list and answers /health", async () => {
    const running = await start({
      port: 0,
      demo: true,
      databaseUrl: `sqlite:${join(directory, "empty.db")}`,
      pluginsConfig: configFile("empty.json", { plugins: [] }),
    })
    try {
      const health = await fetch(`${running.url}/health`)
      expect(health.status).toBe(200)
      expect(((await health.json()) as { status: string }).status).toBe("ok")
    } finally {
      await running.close()
    }
  })

  it("refuses to start when a configured package is not installed", async () => {
    await expect(
      start({
        port: 0,
        demo: true,
        databaseUrl: `sqlite:${join(directory, "absent.db")}`,
        pluginsConfig: configFile("absent.json", {
          plugins: [{ package: "@bashke/plugin-not-installed", grant: [] }],
        }),
      }),
    ).rejects.toThrow(/import-failed\).*from \/.*; install it there/)
  })

  it("names the invalid field of a plugin's principal, never its value", async () => {
    const exit = await Effect.runPromise(
      Effect.either(
        PluginConfig.decode({
          plugins: [{ package: "@bashke/plugin-police", grant: [], principal: { id: "secret-value" } }],
        }),
      ),
    )
    expect(exit._tag).toBe("Left")
    if (exit._tag === "Left") {
      expect(exit.left.field).toBe("plugins.0.principal.id")
      expect(JSON.stringify(exit.left)).not.toContain("secret-value")
    }
  })
})
