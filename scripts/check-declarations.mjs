// Built declarations export only names a source file declares. tsup's bundler
// (rollup-plugin-dts) tells apart two modules' `Service` or `Transition` by
// renaming one `Service$2`; reached as `CaseRepository.Service` that is
// harmless, but exported as `Service$2` it is a name a consumer could import
// that no source declares, and that changes whenever a module is added.
// `node scripts/check-declarations.mjs` reads every built declaration file of
// the public packages and plugins (`packages/*/dist`, `plugins/*/dist`; run
// after the build) and fails naming each such export. The build's
// `fix-declarations.mjs` runs the same test on each file it rewrites.
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import { fileURLToPath } from "node:url"

/** A name the bundler made up for the second of two same-named declarations (`Service$2`). */
export const generated = /\$\d+$/

/**
 * The names `text` (a declaration file) exports that the bundler made up: at the
 * top level or as a namespace's member (`CaseRepository.Service$2`), declared
 * with `export` or listed in an `export { … }` (the name after `as` counts).
 * @param {string} text
 * @returns {Array<string>}
 */
export const generatedExports = (text) => {
  const declared = [
    ...text.matchAll(
      /^\s*export (?:declare )?(?:abstract )?(?:interface|type|const|let|var|class|function|namespace|enum) ([\w$]+)/gm,
    ),
  ].map((m) => m[1])
  const listed = [...text.matchAll(/^\s*export (?:type )?\{([^}]*)\}/gm)].flatMap((m) =>
    m[1]
      .split(",")
      .map((entry) =>
        entry
          .trim()
          .split(/\s+as\s+/)
          .pop()
          .replace(/^type\s+/, ""),
      )
      .filter((name) => name !== ""),
  )
  return [...new Set([...declared, ...listed].filter((name) => generated.test(name)))]
}

/**
 * The declaration files under each `dist` folder of `packageDirs`.
 * @param {ReadonlyArray<string>} packageDirs
 * @returns {Array<string>}
 */
const declarationFiles = (packageDirs) =>
  packageDirs.flatMap((dir) => {
    const dist = join(dir, "dist")
    return existsSync(dist)
      ? readdirSync(dist)
          .filter((name) => /\.d\.c?ts$/.test(name))
          .map((name) => join(dist, name))
      : []
  })

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url))
  const packageDirs = ["packages", "plugins"].flatMap((group) =>
    readdirSync(join(root, group))
      .map((name) => join(root, group, name))
      .filter((dir) => existsSync(join(dir, "package.json"))),
  )
  const built = packageDirs.filter((dir) => existsSync(join(dir, "dist")))
  if (built.length === 0) {
    console.error("check-declarations: no package is built (run the build first)")
    process.exit(1)
  }
  const files = declarationFiles(built)
  let leaks = 0
  for (const file of files) {
    const names = generatedExports(readFileSync(file, "utf8"))
    if (names.length === 0) continue
    leaks += names.length
    console.error(`${relative(root, file)}: exports names no source declares: ${names.join(", ")}`)
  }
  if (leaks > 0) process.exit(1)
  console.log(
    `check-declarations: ${files.length} declaration files of ${built.length} packages, no generated name exported`,
  )
}
