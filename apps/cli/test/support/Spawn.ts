// A child process awaited, not waited for: `spawnSync` blocks the test worker's event loop
// for as long as the child runs, and a loaded machine then makes vitest's own reporting
// miss its deadline ("Timeout calling onTaskUpdate").
import { type SpawnOptions, spawn } from "node:child_process"

export interface Spawned {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

export const spawnAsync = (
  command: string,
  args: ReadonlyArray<string>,
  options: SpawnOptions & { encoding?: "utf8" },
) =>
  new Promise<Spawned>((resolve, reject) => {
    const { encoding: _encoding, ...rest } = options
    const child = spawn(command, args, { ...rest, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk
    })
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk
    })
    child.on("error", reject)
    child.on("close", (status) => resolve({ status, stdout, stderr }))
  })
