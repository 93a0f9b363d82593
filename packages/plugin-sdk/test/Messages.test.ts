import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Catalogue, kernelMessages } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Capability, pluginSdkMessages } from "../src/index"

const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  )

describe("pluginSdkMessages", () => {
  it("has every message in sq, sr-Latn, sr-Cyrl and en, parsing, with matching placeholders", () => {
    expect(Catalogue.check(pluginSdkMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("merges with the kernel's messages without a duplicate key", () => {
    expect(() => Catalogue.merge(kernelMessages, pluginSdkMessages)).not.toThrow()
  })

  it("holds every rule the sources name and a label for every capability", () => {
    const root = new URL("../src", import.meta.url).pathname
    const named = new Set<string>()
    for (const file of sources(root)) {
      for (const match of readFileSync(file, "utf8").matchAll(/"(plugin\.(?:webhook\.[a-z-]+|unavailable))"/g))
        named.add(match[1] as string)
    }
    expect(named.size).toBeGreaterThan(10)
    for (const capability of Capability.all) named.add(Capability.labelKey(capability))
    expect([...named].filter((key) => !Catalogue.has(pluginSdkMessages, key))).toEqual([])
  })
})
