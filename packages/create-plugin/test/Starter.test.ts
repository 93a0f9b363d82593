// The starter writes a project that stands alone: no workspace ranges, no
// configuration outside itself, the SDK and effect as peers, every
// devDependency pinned; the plugin named as asked. The command's help and
// mistakes write nothing. (That the project installs from packed tarballs,
// passes its tests, builds and loads into a gateway: scripts/starter-outside.sh in CI.)
import { execFile } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { afterAll, describe, expect, it } from "@effect/vitest"
import * as fc from "fast-check"
import { Starter } from "../src/index"

const scratch = mkdtempSync(join(tmpdir(), "bashke-starter-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const bin = join(import.meta.dirname, "..", "src", "bin.ts")
const tsx = join(import.meta.dirname, "..", "..", "..", "node_modules", ".bin", "tsx")
const run = (args: ReadonlyArray<string>) =>
  promisify(execFile)(tsx, [bin, ...args], { cwd: scratch }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  )

const read = (path: string) => readFileSync(path, "utf8")

describe("Starter.generate", () => {
  const directory = join(scratch, "plugin-shelter")
  const files = Starter.generate({ directory, name: "@acme/plugin-shelter" })
  const manifest = JSON.parse(read(join(directory, "package.json"))) as {
    name: string
    peerDependencies: Record<string, string>
    devDependencies: Record<string, string>
    scripts: Record<string, string>
  }

  it("writes the plugin, its test, standalone configurations and a .gitignore", () => {
    expect(files).toEqual([
      ".gitignore",
      "README.md",
      "package.json",
      "src/index.ts",
      "test/Plugin.test.ts",
      "tsconfig.json",
      "tsup.config.ts",
      "vitest.config.ts",
    ])
  })

  it("names the package and the plugin as asked", () => {
    expect(manifest.name).toBe("@acme/plugin-shelter")
    expect(read(join(directory, "src/index.ts"))).toContain('name: "@acme/plugin-shelter"')
    expect(read(join(directory, "README.md"))).toContain('"package": "@acme/plugin-shelter"')
    for (const file of files) expect(read(join(directory, file))).not.toContain(Starter.placeholderName)
  })

  it("refers to nothing outside the project: no workspace ranges, no ../ configurations", () => {
    for (const file of files) {
      expect(read(join(directory, file))).not.toContain("workspace:")
      expect(read(join(directory, file))).not.toMatch(/\.\.\/\.\.\//)
    }
  })

  it("makes the SDK and effect peers, and pins every devDependency (the SDK's own included)", () => {
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(["@bashke/kernel", "@bashke/plugin-sdk", "effect"])
    for (const range of Object.values(manifest.peerDependencies)) expect(range).toMatch(/^\^\d+\.\d+\.\d+$/)
    for (const peer of Object.keys(manifest.peerDependencies))
      expect(manifest.devDependencies[peer]).toBe(manifest.peerDependencies[peer]?.slice(1))
    for (const version of Object.values(manifest.devDependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/)
    // The test kit's packages at the versions this workspace tests with (@effect/vitest's
    // newest needs effect 4; the SQLite driver is the test kit's database).
    expect(manifest.devDependencies["@effect/vitest"]).toBe("0.30.0")
    expect(Object.keys(manifest.devDependencies)).toEqual(
      expect.arrayContaining(["better-sqlite3", "vitest", "tsup", "typescript"]),
    )
    // The test kit's SQLite client is the persistence package's own (ADR 0039), over
    // better-sqlite3: @effect/sql-sqlite-node would be a download nothing imports.
    expect(Object.keys(manifest.devDependencies)).not.toContain("@effect/sql-sqlite-node")
    expect(manifest.scripts).toMatchObject({ test: "vitest run", build: "tsup", typecheck: "tsc -p tsconfig.json" })
  })

  it("refuses a folder that has files, and a name npm would not accept, writing nothing", () => {
    const busy = join(scratch, "busy")
    mkdirSync(busy)
    writeFileSync(join(busy, "notes.txt"), "mine")
    expect(() => Starter.generate({ directory: busy })).toThrow(/busy is not empty: name a new or empty folder/)
    expect(readdirSync(busy)).toEqual(["notes.txt"])
    expect(() => Starter.generate({ directory: join(scratch, "Shelter Plugin") })).toThrow(
      /"Shelter Plugin" is not an npm package name/,
    )
    expect(existsSync(join(scratch, "Shelter Plugin"))).toBe(false)
  })
})

describe("Starter.isPackageName", () => {
  const segment = fc.stringMatching(/^[a-z0-9-~][a-z0-9-._~]{0,20}$/)

  it("accepts plain and scoped lower-case names", () => {
    fc.assert(fc.property(segment, (name) => Starter.isPackageName(name)))
    fc.assert(fc.property(segment, segment, (scope, name) => Starter.isPackageName(`@${scope}/${name}`)))
  })

  it("refuses upper case, spaces, and more than 214 characters", () => {
    fc.assert(fc.property(segment, (name) => !Starter.isPackageName(`${name}A`) && !Starter.isPackageName(`${name} x`)))
    expect(Starter.isPackageName("a".repeat(214))).toBe(true)
    expect(Starter.isPackageName("a".repeat(215))).toBe(false)
    expect(Starter.isPackageName("@acme/plugin-shelter")).toBe(true)
    expect(Starter.isPackageName("Plugin")).toBe(false)
  })
})

describe("create-plugin, the command", () => {
  it("--help, -h and --version print and write nothing", async () => {
    const before = readdirSync(scratch).sort()
    for (const flag of ["--help", "-h"]) {
      const help = await run(["somewhere", flag])
      expect(help.code).toBe(0)
      expect(help.stdout).toContain("Usage: npm create @bashke/plugin <folder>")
    }
    const version = await run(["--version"])
    expect(version.stdout.trim()).toBe(Starter.ownManifest().version)
    expect(readdirSync(scratch).sort()).toEqual(before)
  })

  it("a mistake is one line naming what is accepted, exit code 2", async () => {
    const unknown = await run(["somewhere", "--force"])
    expect(unknown).toMatchObject({
      code: 2,
      stderr: "create-plugin: unknown option --force; accepted: --name <package>, --help, --version\n",
    })
    const none = await run([])
    expect(none.code).toBe(2)
    expect(none.stderr.trim().split("\n")).toHaveLength(1)
    expect(existsSync(join(scratch, "somewhere"))).toBe(false)
  })

  it("writes the project and says what to run next", async () => {
    const done = await run(["plugin-courier"])
    expect(done.code).toBe(0)
    expect(done.stdout).toContain("cd plugin-courier")
    expect(JSON.parse(read(join(scratch, "plugin-courier", "package.json"))).name).toBe("plugin-courier")
  })
})
