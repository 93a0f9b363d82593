/**
 * The browser tests' global setup: the demo seeded once, into a SQLite file
 * (and the demo's keys beside it) that every test file's gateway starts from
 * a copy of. A copy is the demo's own database again, so the gateway skips
 * the seed and issues fresh tokens and sign-in links; each file still has a
 * database of its own, so no test sees another file's changes.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { TestProject } from "vitest/node"

export interface DemoTemplate {
  /** The directory holding `bashke.db` and `demo-keys.json`. */
  readonly directory: string
  /** The demo mechanism's id (a plugin's configuration names it). */
  readonly mechanismId: string
}

declare module "vitest" {
  export interface ProvidedContext {
    demoTemplate: DemoTemplate
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const directory = mkdtempSync(join(tmpdir(), "bashke-web-template-"))
  const { start } = await import("@bashke/gateway/server")
  const seeded = await start({
    demo: true,
    port: 0,
    host: "127.0.0.1",
    databaseUrl: `sqlite:${join(directory, "bashke.db")}`,
    log: () => {},
    env: { BASHKE_SCHEDULER: "off" },
  })
  const mechanismId = seeded.mechanismId
  await seeded.close()
  if (mechanismId === undefined) throw new Error("the demo was not seeded")
  project.provide("demoTemplate", { directory, mechanismId })
  return () => rmSync(directory, { recursive: true, force: true })
}
