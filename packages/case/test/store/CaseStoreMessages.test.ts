// The store's part of the catalogue: complete in every locale, mergeable with
// the model's, the kernel's and the security package's parts, and holding every
// rule the use cases name and a label for every event they announce.

import { readdirSync, readFileSync } from "node:fs"
import { Catalogue, kernelMessages, type Locale } from "@bashke/kernel"
import { securityMessages } from "@bashke/security"
import { describe, expect, it } from "@effect/vitest"
import * as CaseEvents from "../../src/CaseEvents"
import { caseMessages } from "../../src/CaseMessages"
import { caseStoreMessages } from "../../src/CaseStoreMessages"

const all = Catalogue.merge(kernelMessages, securityMessages, caseMessages, caseStoreMessages)

describe("caseStoreMessages", () => {
  it("is complete and well-formed in every locale, with the model's part too", () => {
    expect(Catalogue.check(caseStoreMessages).map(Catalogue.describeProblem)).toEqual([])
    expect(Catalogue.check(caseMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("merges with the kernel, security and model parts without a duplicate key", () => {
    expect(() => Catalogue.merge(kernelMessages, securityMessages, caseMessages, caseStoreMessages)).not.toThrow()
  })

  it("labels every event the service announces", () => {
    for (const topic of CaseEvents.Topic.literals) {
      const key = CaseEvents.topicLabelKey(topic)
      expect([topic, Catalogue.has(caseStoreMessages, key)]).toEqual([topic, true])
    }
    expect(CaseEvents.topicLabelKey("case.consent.withdrawn")).toBe("case.event.consent.withdrawn")
    const locales: ReadonlyArray<Locale.Locale> = ["sq", "sr-Latn", "sr-Cyrl", "en"]
    expect(locales.map((locale) => Catalogue.format(all, locale, "case.event.consent.withdrawn"))).toEqual([
      "Pëlqimi u tërhoq",
      "Saglasnost je povučena",
      "Сагласност је повучена",
      "Consent withdrawn",
    ])
  })

  it("holds every rule the store's sources name", () => {
    // The service's use cases are the files of `usecases/`, their shared steps `internal/Steps.ts`.
    const useCases = readdirSync(new URL("../../src/usecases/", import.meta.url)).map((file) => `usecases/${file}`)
    const files = ["CaseCommands.ts", "SqlCaseRepository.ts", "PersonalData.ts", "internal/Steps.ts", ...useCases]
    const sources = files.map((file) => readFileSync(new URL(`../../src/${file}`, import.meta.url), "utf8"))
    const rules = new Set(sources.flatMap((text) => [...text.matchAll(/rule: "([a-z0-9.-]+)"/g)].map((m) => m[1])))
    expect(rules.size).toBeGreaterThan(5)
    for (const rule of rules) expect([rule, Catalogue.has(all, rule ?? "")]).toEqual([rule, true])
  })
})
