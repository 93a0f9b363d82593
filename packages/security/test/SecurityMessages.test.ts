import { Catalogue } from "@bashke/kernel"
import { describe, expect, it } from "vitest"
import { AccessPolicy, AuditEntry, BreakGlass, Purpose, securityMessages } from "../src"

describe("securityMessages", () => {
  it("has every message in sq, sr-Latn, sr-Cyrl and en, parsing, with matching placeholders", () => {
    expect(Catalogue.check(securityMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("has a message for every policy rule and reason, every error rule, every purpose and audit action", () => {
    const keys = [
      ...AccessPolicy.DenyRule.literals,
      ...AccessPolicy.AllowReason.literals,
      "audit.purpose.required",
      "audit.reason.required",
      "audit.reason.too-long",
      "audit.chain.intact",
      "audit.chain.broken",
      "blind-index.empty",
      "vault.unreadable",
      ...Purpose.all.map(Purpose.labelKey),
      ...AuditEntry.Action.literals.map((action) => `audit.action.${action}`),
      ...BreakGlass.reasonCodes.map(BreakGlass.codeLabelKey),
      "policy.break-glass.code-unknown",
    ]
    expect(keys.filter((key) => !Catalogue.has(securityMessages, key))).toEqual([])
  })

  it("formats in every locale, Serbian Cyrillic derived from Latin", () => {
    expect(Catalogue.format(securityMessages, "en", "policy.case-team.not-member")).toBe(
      "Your institution is not on this case's team.",
    )
    expect(Catalogue.format(securityMessages, "sq", "policy.case-team.not-member")).toBe(
      "Institucioni juaj nuk është në ekipin e këtij rasti.",
    )
    expect(Catalogue.format(securityMessages, "sr-Cyrl", "policy.case-team.not-member")).toBe(
      "Ваша институција није у тиму овог случаја.",
    )
    expect(Catalogue.format(securityMessages, "sr-Latn", "audit.chain.intact", { entries: 3 })).toBe(
      "Proverene su 3 stavke: lanac je netaknut.",
    )
    expect(Catalogue.format(securityMessages, "sr-Cyrl", "audit.chain.intact", { entries: 5 })).toBe(
      "Проверено је 5 ставки: ланац је нетакнут.",
    )
    expect(Catalogue.format(securityMessages, "sq", "audit.chain.broken", { seq: 7 })).toContain("7")
  })
})
