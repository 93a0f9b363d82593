// Every identifying value the demo writes, read from the demo's own source so
// the list follows it: the persons' details in CasesDemo and the
// representatives' names in MechanismDemo. Tests assert none of them reaches a
// refusal, a log line or a URL.
import { readFileSync } from "node:fs"

const source = (file: string) => readFileSync(new URL(`../../src/demo/${file}`, import.meta.url), "utf8")

export const personalValues: ReadonlyArray<string> = (() => {
  const values = new Set<string>()
  for (const match of source("CasesDemo.ts").matchAll(
    /\b(givenName|familyName|personalNumber|address|phone|safeContact|birthDate):\s*"([^"]+)"/g,
  )) {
    values.add(match[2] as string)
  }
  const representatives = /const representatives[^{]*\{([^}]*)\}/.exec(source("MechanismDemo.ts"))?.[1] ?? ""
  for (const match of representatives.matchAll(/"([^"]+)"/g)) {
    const name = match[1] as string
    values.add(name)
    for (const part of name.split(" ")) values.add(part)
  }
  return [...values]
})()

/** The personal values found in `text`. */
export const leaked = (text: string): ReadonlyArray<string> => personalValues.filter((value) => text.includes(value))
