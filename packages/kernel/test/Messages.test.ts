import { describe, expect, it } from "@effect/vitest"
import { Catalogue, Errors, JurisdictionProfile, kernelMessages, Locale, Principal, Sector } from "../src/index"

describe("kernelMessages", () => {
  it("has every message in all four locales, parsing, with matching placeholders and plural forms", () => {
    expect(Catalogue.check(kernelMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("labels every sector, role and principal kind", () => {
    for (const locale of Locale.all) {
      for (const sector of Sector.all) expect(Catalogue.has(kernelMessages, Sector.labelKey(sector))).toBe(true)
      for (const role of Principal.roles) expect(Principal.roleLabel(role, locale)).not.toMatch(/^role\./)
      for (const kind of Principal.Kind.literals) expect(Principal.kindLabel(kind, locale)).not.toMatch(/^principal\./)
    }
    expect(Sector.label("social-work", "sq")).toBe("Puna sociale")
    expect(Sector.label("social-work", "sr-Cyrl")).toBe("Социјални рад")
    expect(Principal.roleLabel("coordinator", "sr-Latn")).toBe("Koordinator mehanizma")
  })

  it("titles every problem type", () => {
    for (const type of Errors.problemTypes) expect(Catalogue.has(kernelMessages, `error.${type}.title`)).toBe(true)
  })

  it("has the keys the kernel's schemas and errors report", () => {
    for (const key of [
      "id.malformed",
      "localized-text.empty",
      "localized-text.blank",
      "municipality.unknown",
      "locale.language.malformed",
      "pagination.cursor.malformed",
      "pagination.limit.out-of-range",
      "principal.institution.required",
      "principal.role.required",
      "jurisdiction.locale.default-not-offered",
      "jurisdiction.risk.thresholds-out-of-order",
    ]) {
      expect(Catalogue.has(kernelMessages, key), key).toBe(true)
    }
    for (const unit of JurisdictionProfile.Unit.literals)
      expect(Catalogue.has(kernelMessages, `unit.${unit}`)).toBe(true)
    for (const rule of JurisdictionProfile.Quorum.literals) {
      expect(Catalogue.has(kernelMessages, `jurisdiction.quorum.${rule}`)).toBe(true)
    }
  })

  it("translates the rules the persistence core raises", () => {
    for (const key of ["version.stale", "idempotency-key.reused"]) {
      expect(Catalogue.has(kernelMessages, key), key).toBe(true)
    }
    expect(Catalogue.format(kernelMessages, "en", "version.stale")).toBe(
      "Someone else changed this in the meantime. Reload it and try again.",
    )
    expect(Catalogue.format(kernelMessages, "sr-Cyrl", "idempotency-key.reused")).toMatch(/^Овај кључ/)
  })

  it("formats the pagination count with Serbian and Albanian plurals", () => {
    const count = (locale: Locale.Locale, n: number) =>
      Catalogue.format(kernelMessages, locale, "pagination.items.count", { count: n })
    expect([1, 2, 5, 21].map((n) => count("sr-Latn", n))).toEqual(["1 stavka", "2 stavke", "5 stavki", "21 stavka"])
    expect([1, 2, 5, 21].map((n) => count("sr-Cyrl", n))).toEqual(["1 ставка", "2 ставке", "5 ставки", "21 ставка"])
    expect([1, 2].map((n) => count("sq", n))).toEqual(["1 element", "2 elemente"])
  })
})
