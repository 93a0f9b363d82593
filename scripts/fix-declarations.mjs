// tsup bundles declarations with rollup-plugin-dts 6.1, which rewrites
// `export * as Id from "./Id"` into a `declare namespace` whose members are
// aliases (`Id_CaseId`). For a name that is both a value and a type — the
// effect/Schema idiom `export const CaseId = …` + `export type CaseId = …` — it
// aliases only one meaning, so consumers would miss either the schema value
// (`Id.CaseId`) or the type (`Pagination.Page<A>`). This adds the missing half to
// every such member in each declaration file tsup wrote. Remove it once tsup ships
// a rollup-plugin-dts without the bug.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { generated, generatedExports } from "./check-declarations.mjs"

// Runs in the package directory (the build script of every publishable package).
const dist = new URL("dist/", `file://${process.cwd()}/`)
const escapeRegExp = (name) => name.replace(/\$/g, "\\$")

/** The parameter names of a type parameter list such as `<A, I = A, R extends X<Y, Z> = never>`. */
const parameterNames = (list) => {
  const names = []
  let depth = 0
  let segment = ""
  for (const char of list.slice(1, -1)) {
    if (char === "<" || char === "(" || char === "{" || char === "[") depth++
    if (char === ">" || char === ")" || char === "}" || char === "]") depth--
    if (char === "," && depth === 0) {
      names.push(segment.trim().split(/[\s=]/)[0])
      segment = ""
    } else segment += char
  }
  if (segment.trim() !== "") names.push(segment.trim().split(/[\s=]/)[0])
  return names
}

for (const file of readdirSync(dist).filter((name) => /\.d\.c?ts$/.test(name))) {
  const url = new URL(file, dist)
  let text = readFileSync(url, "utf8")
  const values = new Set([...text.matchAll(/^declare const ([\w$]+)\b/gm)].map((m) => m[1]))
  const types = new Map(
    [...text.matchAll(/^(?:interface|type) ([\w$]+)(<[^\n]*?>)?(?: =| \{| extends)/gm)].map((m) => [m[1], m[2] ?? ""]),
  )
  // A namespace whose every member the plugin saw as a type gets one
  // `export type { … }`; spell it per member so a value can be added back below.
  text = text.replace(
    /^(\s+)export type \{ ([^}]*) \};$/gm,
    (_, indent, list) =>
      `${indent}export { ${list
        .split(", ")
        .map((member) => `type ${member}`)
        .join(", ")} };`,
  )
  for (const [, namespace] of text.matchAll(/^declare namespace ([\w$]+) \{/gm)) {
    const prefix = `${namespace}_`
    // Type kept, value lost.
    for (const [line, alias, , local] of text.matchAll(/^type ([\w$]+)(<[^=\n]*>)? = ([\w$]+)(<[^;\n]*>)?;$/gm)) {
      if (!alias.startsWith(prefix) || !values.has(local) || values.has(alias)) continue
      text = text.replace(line, `${line}\ndeclare const ${alias}: typeof ${local};`)
      text = text.replace(new RegExp(`\\btype ${escapeRegExp(alias)} as `, "g"), `${alias} as `)
      values.add(alias)
    }
    // Value kept, type lost.
    for (const [line, alias, local] of text.matchAll(/^declare const ([\w$]+): typeof ([\w$]+);$/gm)) {
      if (!alias.startsWith(prefix) || !types.has(local) || types.has(alias)) continue
      const parameters = types.get(local)
      const args = parameters === "" ? "" : `<${parameterNames(parameters).join(", ")}>`
      text = text.replace(line, `${line}\ntype ${alias}${parameters} = ${local}${args};`)
      types.set(alias, parameters)
    }
  }
  // Interfaces and type aliases that the bundle keeps top-level but reaches only
  // through namespace aliases (the kernel's `IdSchema<B>`) cannot be named in a
  // consumer's own declarations (TS4023). Exporting them as types fixes that and
  // adds nothing at run time.
  // The namespace aliases themselves (`Id_CaseId`) stay private, and so do the
  // names the bundler made up to tell apart two modules' `Service` (`Service$2`):
  // they are reached as `CaseRepository.Service`, and exported they would be
  // names a consumer could import that no source file declares.
  const namespaces = [...text.matchAll(/^declare namespace ([\w$]+) \{/gm)].map((m) => `${m[1]}_`)
  text = text.replace(/^(interface|type) ([\w$]+)(?=[<\s=])/gm, (whole, keyword, name) =>
    namespaces.some((prefix) => name.startsWith(prefix)) || generated.test(name) ? whole : `export ${keyword} ${name}`,
  )
  const leaked = generatedExports(text)
  if (leaked.length > 0) {
    console.error(`${file}: the bundle exports names no source declares: ${leaked.join(", ")}`)
    process.exitCode = 1
  }
  writeFileSync(url, text)
}
