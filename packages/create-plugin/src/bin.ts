#!/usr/bin/env node
/**
 * `npm create @bashke/plugin <folder> [--name <package>]`: writes a plugin
 * project (`Starter.generate`). `--help`/`-h` and `--version` only print. A
 * mistake is one line on stderr naming what was wrong and what is accepted,
 * and exit code 2.
 */
import { generate, ownManifest, StarterError } from "./Starter"

const usage = `Usage: npm create @bashke/plugin <folder> [-- --name <package>]
       create-plugin <folder> [--name <package>]

Writes a Bashkë plugin project into <folder> (new or empty): the plugin, a test
with the SDK's test kit, a build, the SDK and effect as peer dependencies.

Options:
  --name <package>  the package's and the plugin's name (default: the folder's name)
  -h, --help        this help
  --version         the starter's version`

const fail = (line: string): never => {
  process.stderr.write(`create-plugin: ${line}\n`)
  process.exit(2)
}

const parse = (args: ReadonlyArray<string>): { folder?: string; name?: string } => {
  const parsed: { folder?: string; name?: string } = {}
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string
    if (arg === "--name") {
      const name = args[++index]
      if (name === undefined) fail("--name needs a package name, e.g. --name @acme/plugin-shelter")
      parsed.name = name as string
    } else if (arg.startsWith("-")) fail(`unknown option ${arg}; accepted: --name <package>, --help, --version`)
    else if (parsed.folder !== undefined) fail(`one folder only (got ${parsed.folder} and ${arg})`)
    else parsed.folder = arg
  }
  return parsed
}

const args = process.argv.slice(2)
if (args.includes("--help") || args.includes("-h")) process.stdout.write(`${usage}\n`)
else if (args.includes("--version")) process.stdout.write(`${ownManifest().version}\n`)
else {
  const { folder, name } = parse(args)
  if (folder === undefined)
    fail("name the folder to write the plugin into, e.g. npm create @bashke/plugin plugin-shelter")
  try {
    const files = generate({ directory: folder as string, ...(name === undefined ? {} : { name }) })
    process.stdout.write(
      `Wrote ${files.length} files into ${folder}. Next:\n  cd ${folder}\n  npm install\n  npm test\n  npm run build\n`,
    )
  } catch (error) {
    if (error instanceof StarterError) fail(error.message)
    throw error
  }
}
