import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { caseMessages } from "@bashke/case"
import { Catalogue, JurisdictionProfile, kernelMessages, Locale } from "@bashke/kernel"
import { referralMessages } from "@bashke/referral"
import { describe, expect, it } from "@effect/vitest"
import * as Dimension from "../src/Dimension"
import { reportingMessages } from "../src/ReportingMessages"
import * as ReportLabels from "../src/ReportLabels"
import * as Source from "../src/Source"
import * as StandardTables from "../src/StandardTables"

const sources = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  )

describe("reportingMessages", () => {
  it("has every message in sq, sr-Latn, sr-Cyrl and en, parsing, with matching placeholders", () => {
    expect(Catalogue.check(reportingMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("merges with the kernel's, the case package's and the referral package's messages without a duplicate key", () => {
    expect(() => Catalogue.merge(kernelMessages, caseMessages, referralMessages, reportingMessages)).not.toThrow()
  })

  it("holds every rule the sources name", () => {
    const root = new URL("../src", import.meta.url).pathname
    const named = new Set<string>()
    const patterns = [
      /rule: "(reporting\.[^"]+)"/g,
      /message: "(reporting\.[^"]+)"/g,
      /forbidden\("(reporting\.[^"]+)"\)/g,
    ]
    for (const file of sources(root)) {
      const text = readFileSync(file, "utf8")
      for (const pattern of patterns) for (const match of text.matchAll(pattern)) named.add(match[1]!)
    }
    expect(named.size).toBeGreaterThan(8)
    expect([...named].filter((key) => !Catalogue.has(reportingMessages, key))).toEqual([])
  })

  it("labels every source, dimension, standard table, and every code of every dimension in every locale", () => {
    const profile = JurisdictionProfile.kosovo
    for (const source of Source.all) expect(Catalogue.has(reportingMessages, Source.labelKey(source))).toBe(true)
    for (const dimension of Dimension.all)
      expect(Catalogue.has(reportingMessages, Dimension.labelKey(dimension))).toBe(true)
    for (const spec of StandardTables.counts)
      expect(Catalogue.has(reportingMessages, `reporting.table.${spec.name}`), spec.name).toBe(true)
    // a label is never the bare code (the code is the fallback for codes no catalogue knows)
    for (const locale of Locale.all)
      for (const dimension of Dimension.all)
        for (const code of Dimension.codes(dimension, profile) ?? [])
          expect(ReportLabels.code(dimension, code, locale, profile), `${dimension} ${code} ${locale}`).not.toBe(code)
  })
})
