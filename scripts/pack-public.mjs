// `pnpm pack:public [destination]`: a tarball of every public workspace
// package, as npm would publish it (workspace ranges turned into versions,
// only `files` shipped), into `destination` (default `tarballs/`).
// `pnpm -r pack` would pack the private ones too — the apps (`@bashke/cli`,
// `@bashke/gateway`, `@bashke/web`) and the workspace root — which are never
// published; this asks pnpm for the workspace's packages and packs only those
// not marked `"private": true`. Run after the build.
import { execFileSync } from "node:child_process"
import { mkdirSync } from "node:fs"
import { resolve } from "node:path"
import { fileURLToPath } from "node:url"

/**
 * The names of the packages to pack, from `pnpm ls -r --depth -1 --json`:
 * every one not private, in the order listed.
 * @param {ReadonlyArray<{ name?: string, private?: boolean }>} listed
 * @returns {Array<string>}
 */
export const publicPackages = (listed) =>
  listed.filter((pkg) => pkg.private !== true && typeof pkg.name === "string").map((pkg) => pkg.name)

/**
 * The pnpm arguments that pack `names` into `destination`; none when there is
 * nothing to pack (pnpm with no filter would pack everything).
 * @param {ReadonlyArray<string>} names
 * @param {string} destination
 * @returns {Array<string> | undefined}
 */
export const packArguments = (names, destination) =>
  names.length === 0
    ? undefined
    : ["-r", ...names.flatMap((name) => ["--filter", name]), "pack", "--pack-destination", destination]

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const destination = resolve(process.argv[2] ?? "tarballs")
  const run = (args, options) => execFileSync("pnpm", args, { ...options, shell: process.platform === "win32" })
  const listed = JSON.parse(run(["ls", "-r", "--depth", "-1", "--json"], { encoding: "utf8" }))
  const names = publicPackages(listed)
  const args = packArguments(names, destination)
  if (args === undefined) {
    console.error("pack:public: no public package in the workspace")
    process.exit(1)
  }
  mkdirSync(destination, { recursive: true })
  run(args, { stdio: ["ignore", "ignore", "inherit"] })
  console.log(`pack:public: ${names.length} public packages packed into ${destination}`)
}
