/**
 * Writes a plugin project that stands alone: the template beside this package
 * (a plugin, its test with the SDK's test kit, standalone `tsconfig.json`,
 * `tsup` and `vitest` configurations), named as asked, and a `package.json`
 * whose versions come from this package's own manifest — the SDK and `effect`
 * as peers, everything the tests and the build need pinned in
 * `devDependencies`. Nothing refers to a workspace (`workspace:` ranges,
 * configurations extending `../../`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { basename, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

/** The name the template's files use for the plugin; replaced by the one asked for. */
export const placeholderName = "@example/bashke-plugin"

/** What an npm package name may be (lower case, optionally scoped, at most 214 characters). */
const packageNamePattern = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/

/** Whether `name` is a valid npm package name. */
export const isPackageName = (name: string): boolean => name.length <= 214 && packageNamePattern.test(name)

/** The packages the generated project declares as peers: the gateway brings them. */
export const peers: ReadonlyArray<string> = ["@bashke/kernel", "@bashke/plugin-sdk", "effect"]

/** Why a project could not be written; `message` is one line naming what was wrong and what is accepted. */
export class StarterError extends Error {
  override readonly name = "StarterError"
}

export interface Options {
  /** The folder to write the project into: new or empty. */
  readonly directory: string
  /** The package's (and the plugin's) name; the folder's name by default. */
  readonly name?: string
  /** Pinned versions by package; this package's own `devDependencies` by default. */
  readonly versions?: Readonly<Record<string, string>>
}

const packageRoot = fileURLToPath(new URL("..", import.meta.url))
const templateRoot = join(packageRoot, "template")

/** This package's own manifest. */
export const ownManifest = (): { readonly version: string; readonly devDependencies: Record<string, string> } =>
  JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8"))

/**
 * The exact version for a range of this package's manifest: `1.2.3`, `^1.2.3`
 * (as `pnpm pack` writes a workspace range) or, inside the Bashkë workspace,
 * `workspace:^`, read from the package installed there.
 */
const exactVersion = (name: string, range: string): string => {
  if (range.startsWith("workspace:")) {
    const manifest = createRequire(join(packageRoot, "package.json")).resolve(`${name}/package.json`)
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version
  }
  return range.replace(/^[\^~=]/, "")
}

/** The pinned versions the generated project uses: this package's `devDependencies`, exact. */
export const starterVersions = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(ownManifest().devDependencies).map(([name, range]) => [name, exactVersion(name, range)]),
  )

/** The generated project's `package.json`. */
export const packageManifest = (name: string, versions: Readonly<Record<string, string>>): object => {
  const version = (dependency: string) => {
    const pinned = versions[dependency]
    if (pinned === undefined) throw new StarterError(`no version for ${dependency} in the starter`)
    return pinned
  }
  return {
    name,
    version: "0.1.0",
    description: "A Bashkë plugin",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20.19" },
    files: ["dist"],
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.cts",
    exports: {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
      "./package.json": "./package.json",
    },
    scripts: { build: "tsup", typecheck: "tsc -p tsconfig.json", test: "vitest run", prepack: "tsup" },
    peerDependencies: Object.fromEntries(peers.map((peer) => [peer, `^${version(peer)}`])),
    devDependencies: Object.fromEntries(
      Object.keys(versions)
        .sort()
        .map((dependency) => [dependency, version(dependency)]),
    ),
  }
}

/** The template's files, as paths relative to the template folder. */
const templateFiles = (directory: string = templateRoot): ReadonlyArray<string> =>
  readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry)
    return statSync(path).isDirectory() ? templateFiles(path) : [relative(templateRoot, path)]
  })

/** Where a template file goes: `gitignore` becomes `.gitignore` (npm leaves a packed `.gitignore` out). */
const targetOf = (file: string): string => (file === "gitignore" ? ".gitignore" : file)

/**
 * Writes the project; answers the files written, relative to `directory`.
 * Refuses a name npm would not accept and a folder that has files in it.
 */
export const generate = (options: Options): ReadonlyArray<string> => {
  const name = options.name ?? basename(options.directory)
  if (!isPackageName(name))
    throw new StarterError(
      `"${name}" is not an npm package name: lower-case letters, digits, "-", "." and "_", optionally scoped as @scope/name`,
    )
  if (existsSync(options.directory) && readdirSync(options.directory).length > 0)
    throw new StarterError(`${options.directory} is not empty: name a new or empty folder`)
  const versions = options.versions ?? starterVersions()
  const manifest = packageManifest(name, versions)
  mkdirSync(options.directory, { recursive: true })
  const written = templateFiles().map((file) => {
    const target = join(options.directory, targetOf(file))
    mkdirSync(join(target, ".."), { recursive: true })
    writeFileSync(target, readFileSync(join(templateRoot, file), "utf8").replaceAll(placeholderName, name))
    return targetOf(file)
  })
  writeFileSync(join(options.directory, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`)
  return [...written, "package.json"].sort()
}
