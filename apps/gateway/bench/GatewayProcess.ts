// The Node gateway as a separate process (src/node.ts, over the same Server.start as `bashke start`;
// through tsx, so the sources are what runs, built or not): on a SQLite file,
// on a free port (PORT=0), with the demo and its keys beside the file. The
// crash test kills it; the HTTP bench loads it from outside.
import { type ChildProcessByStdio, spawn } from "node:child_process"
import type { Readable } from "node:stream"
import { fileURLToPath } from "node:url"

/** The gateway's package directory (where `src/node.ts` is). */
export const appDirectory = fileURLToPath(new URL("..", import.meta.url))

export interface GatewayProcess {
  readonly process: ChildProcessByStdio<null, Readable, Readable>
  readonly url: string
  /** The demo tokens it printed, by person (`coordinator`, `caseManager`, `policeOfficer`). */
  readonly tokens: Readonly<Record<string, string>>
  readonly mechanismId: string
}

/**
 * Starts the gateway with `--demo` on the SQLite `file` and resolves once it
 * has printed its URL, the demo tokens and the mechanism. `env` adds to (or,
 * with `undefined`, removes from) the environment; the real keys are removed,
 * so the demo's own keys (made once beside the file) seal and open the data on
 * every start. `nodeArguments` go to Node before the entry (`--cpu-prof` for
 * bench/profile.ts: Node refuses it in `NODE_OPTIONS`).
 */
export const start = (
  file: string,
  env: Readonly<Record<string, string | undefined>> = {},
  nodeArguments: ReadonlyArray<string> = [],
): Promise<GatewayProcess> =>
  new Promise((resolve, reject) => {
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      BASHKE_DATABASE_URL: `sqlite:${file}`,
      BASHKE_LOG_REQUESTS: "0",
      BASHKE_VAULT_KEYS: undefined,
      BASHKE_BLIND_INDEX_KEY: undefined,
      ...env,
    }
    for (const [name, value] of Object.entries(environment)) if (value === undefined) delete environment[name]
    const child = spawn(process.execPath, [...nodeArguments, "--import", "tsx", "src/node.ts", "--demo"], {
      cwd: appDirectory,
      env: environment,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let out = ""
    let err = ""
    let ready = false
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`the gateway did not start within 90 s:\n${out}\n${err}`))
    }, 90_000)
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.stdout.on("data", (chunk: Buffer) => {
      if (ready) return
      out += chunk.toString()
      // The entry's first line once it serves: `{ listening, mechanismId, tokens }`.
      const announced = out
        .split("\n")
        .slice(0, -1)
        .find((text) => text.startsWith('{"listening"'))
      if (announced === undefined) return
      const {
        listening: url,
        mechanismId,
        tokens,
      } = JSON.parse(announced) as {
        readonly listening: string
        readonly mechanismId: string
        readonly tokens: Record<string, string>
      }
      ready = true
      clearTimeout(timer)
      resolve({ process: child, url, tokens, mechanismId })
    })
    child.on("exit", (code, signal) => {
      clearTimeout(timer)
      if (!ready) reject(new Error(`the gateway exited (${code ?? signal}) before it was ready:\n${out}\n${err}`))
    })
  })

/** Resolves when the process has exited (at once if it already has). */
export const exited = (gateway: GatewayProcess): Promise<void> =>
  new Promise((resolve) => {
    if (gateway.process.exitCode !== null || gateway.process.signalCode !== null) resolve()
    else gateway.process.once("exit", () => resolve())
  })

/** Stops it the way an operator would (SIGTERM: it closes the server and the database). */
export const stop = async (gateway: GatewayProcess): Promise<void> => {
  if (gateway.process.exitCode === null && gateway.process.signalCode === null) gateway.process.kill("SIGTERM")
  await exited(gateway)
}
