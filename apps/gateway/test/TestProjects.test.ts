// The suite's two projects (vitest.config.ts): a file that starts the Node server, or a gateway in
// a process of its own, must be in `serverFiles` — in the in-process project's worker threads,
// @hono/node-server's global Request and Response would stay for every file after it, and
// CrossOrigin.test.ts compares with the platform's. Checked from the files' imports, so a new such
// file cannot land in the in-process project.
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { serverFiles } from "../vitest.config"

const root = join(import.meta.dirname, "..")
const testFiles = (directory: string): Array<string> =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? testFiles(join(directory, entry.name))
      : entry.name.endsWith(".test.ts")
        ? [relative(root, join(directory, entry.name))]
        : [],
  )

// What starts a Node server or a gateway process: the server's modules, and the test supports over them.
const startsServer =
  /@hono\/node-server|src\/(Server|NodeListener|node)"|support\/(DocumentGateway|worker-process|police-import-process)"|bench\/GatewayProcess"/

const inServerProject = (file: string) =>
  serverFiles.some((pattern) =>
    pattern.endsWith("/**/*.test.ts") ? file.startsWith(pattern.slice(0, -"**/*.test.ts".length)) : pattern === file,
  )

describe("the test projects", () => {
  it("runs every file that starts a server or a gateway process in the server project", () => {
    const files = testFiles(join(root, "test"))
    const starting = files.filter(
      (file) => file !== "test/TestProjects.test.ts" && startsServer.test(readFileSync(join(root, file), "utf8")),
    )
    // The pattern finds them (else this test would pass over nothing).
    expect(starting).toEqual(expect.arrayContaining(["test/Crash.test.ts", "test/DocumentMemory.test.ts"]))
    expect(starting.filter((file) => !inServerProject(file))).toEqual([])
    // And the list names no file that is gone.
    for (const pattern of serverFiles.filter((entry) => !entry.includes("*"))) expect(files).toContain(pattern)
  })
})
