#!/usr/bin/env node
// Enforces the layer table of docs/architecture.md: which workspace package may
// depend on which, which specifiers a package's src/ may import, no circular
// imports inside a package, and a thin gateway (no Forbidden built, no route
// reading a repository), one definition of the current instant and of an
// Either as an Effect, and no TSDoc `@since` tags. Exits non-zero with one line per breach.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"
import madge from "madge"
import { gatewayBreaches } from "./gateway-thin.mjs"
import { copyBreaches } from "./one-definition.mjs"

const root = new URL("..", import.meta.url).pathname
const drivers = [
  "better-sqlite3",
  "pg",
  "@effect/sql-pg",
  "@effect/sql-sqlite-node",
  "@effect/sql-libsql",
  "@libsql/client",
]
const domain = ["mechanism", "case", "referral", "meeting", "action-plan"]

/** Per package folder name: the @bashke packages it may import, and specifiers it must not. */
const rules = {
  kernel: { allow: [], deny: ["node:", "@effect/sql", "hono", ...drivers] },
  persistence: { allow: ["kernel"], deny: ["hono"] },
  security: { allow: ["kernel", "persistence"], deny: ["hono", "node:", ...drivers] },
  referral: { allow: ["kernel", "persistence", "security", "case"] },
  reporting: { allow: ["kernel", "persistence", "security", ...domain] },
  "plugin-sdk": { allow: ["kernel", "persistence", "security"], deny: ["hono", ...drivers] },
  // The plugin starter copies files: it imports no Bashkë package (its template,
  // type-checked against the SDK in development, is data to it).
  "create-plugin": { allow: [], deny: ["hono", "@effect/sql", ...drivers] },
  // People, sessions and sign-in: a pure model with its SQL adapter, like a domain package.
  identity: {
    allow: ["kernel", "persistence", "security"],
    deny: ["hono", "node:", ...drivers, "@bashke/persistence/node"],
  },
  // The client speaks HTTP only: its types are generated from the gateway's
  // OpenAPI document at development time, so no server package reaches it.
  client: { allow: [], deny: ["node:", "hono", "@effect/sql", ...drivers] },
  // Above the domain packages, composing their public entries; driver-free
  // except the SMTP mailer (its own entry, /smtp) and the test kit (/testing).
  notifications: {
    allow: ["kernel", "persistence", "security", ...domain],
    deny: ["hono", ...drivers, "@bashke/persistence/node", "nodemailer", "smtp-server", "mailparser", "node:"],
    except: { "SmtpMailer.ts": ["nodemailer"], "testing.ts": ["node:", "smtp-server", "mailparser"] },
  },
}
for (const name of domain) rules[name] ??= { allow: ["kernel", "persistence", "security"] }
for (const name of domain) rules[name].deny = ["hono", "node:", ...drivers, "@bashke/persistence/node"]

const breaches = []
const workspaces = ["packages", "apps", "plugins"].flatMap((dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir))
        .map((name) => ({ dir, name, path: join(root, dir, name) }))
        .filter((p) => existsSync(join(p.path, "package.json")))
    : [],
)

const sourceFiles = (dir) =>
  existsSync(dir)
    ? readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry)
        return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx|mts|cts)$/.test(entry) ? [path] : []
      })
    : []

const importPattern = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g

for (const ws of workspaces) {
  const rule = ws.dir === "packages" ? rules[ws.name] : undefined
  if (ws.dir === "packages" && !rule) breaches.push(`packages/${ws.name}: no rule in scripts/check-architecture.mjs`)
  if (rule) {
    // What a package needs at run time follows the table too; devDependencies
    // (generators, test harnesses) never reach the published code.
    const manifest = JSON.parse(readFileSync(join(ws.path, "package.json"), "utf8"))
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      const target = name.startsWith("@bashke/") ? name.split("/")[1] : undefined
      if (target !== undefined && target !== ws.name && !rule.allow.includes(target))
        breaches.push(`packages/${ws.name}/package.json: ${ws.name} may not depend on ${name} at run time`)
    }
    // A consumer of a pure model installs no database driver: a package whose
    // entries reach a driver (persistence's /node and /pg, the test kits) asks
    // for it as an optional peer, so only those who use that entry install it.
    for (const name of Object.keys({ ...manifest.dependencies }).filter((each) => drivers.includes(each)))
      breaches.push(`packages/${ws.name}/package.json: the driver ${name} is a dependency (make it an optional peer)`)
    for (const name of Object.keys({ ...manifest.peerDependencies }).filter((each) => drivers.includes(each)))
      if (manifest.peerDependenciesMeta?.[name]?.optional !== true)
        breaches.push(`packages/${ws.name}/package.json: the driver ${name} is a required peer (make it optional)`)
  }
  for (const file of sourceFiles(join(ws.path, "src"))) {
    const text = readFileSync(file, "utf8")
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2]
      const where = relative(root, file)
      if (/^@bashke\/[^/]+\/internal(\/|$)/.test(specifier))
        breaches.push(`${where}: imports another package's internals (${specifier})`)
      if (!rule) continue
      if (specifier.startsWith("@bashke/")) {
        const target = specifier.split("/")[1]
        if (target !== ws.name && !rule.allow.includes(target))
          breaches.push(`${where}: ${ws.name} may not import ${specifier}`)
      }
      const excepted = rule.except?.[file.split("/").pop()] ?? []
      for (const denied of (rule.deny ?? []).filter((each) => !excepted.includes(each))) {
        if (specifier === denied || specifier.startsWith(denied.endsWith(":") ? denied : `${denied}/`))
          breaches.push(`${where}: ${ws.name} may not import ${specifier}`)
      }
    }
  }
  const src = join(ws.path, "src")
  if (existsSync(src)) {
    const graph = await madge(src, { fileExtensions: ["ts", "tsx"], tsConfig: join(root, "tsconfig.base.json") })
    for (const cycle of graph.circular()) breaches.push(`${relative(root, src)}: circular import ${cycle.join(" → ")}`)
  }
}

// The gateway wires the packages' rules and holds none (scripts/gateway-thin.mjs).
const gatewaySources = sourceFiles(join(root, "apps", "gateway", "src")).map((file) => ({
  path: relative(root, file),
  text: readFileSync(file, "utf8"),
}))
breaches.push(...gatewayBreaches(gatewaySources))

const sources = workspaces.flatMap((ws) =>
  sourceFiles(join(ws.path, "src")).map((file) => ({ path: relative(root, file), text: readFileSync(file, "utf8") })),
)
// One definition each of the current instant and of an Either as an Effect (scripts/one-definition.mjs).
breaches.push(...copyBreaches(sources))
// TSDoc without `@since`: each package's CHANGELOG records when an export arrived (docs/domain-packages.md).
for (const { path, text } of sources)
  for (const match of text.matchAll(/^[ \t]*\*[ \t]*@since\b|\/\*\*\s*@since\b/gm))
    breaches.push(`${path}:${text.slice(0, match.index).split("\n").length}: a @since tag (the CHANGELOG says when)`)

if (breaches.length > 0) {
  for (const line of breaches) console.error(`✗ ${line}`)
  process.exit(1)
}
console.log(`architecture: ${workspaces.length} workspace packages follow docs/architecture.md, no circular imports`)
