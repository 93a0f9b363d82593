import { Catalogue, kernelMessages } from "@bashke/kernel"
import { describe, expect, it } from "vitest"
import * as Referral from "../src/Referral"
import * as ReferralDeadlines from "../src/ReferralDeadlines"
import * as ReferralLifecycle from "../src/ReferralLifecycle"
import { referralMessages } from "../src/ReferralMessages"
import * as ServiceType from "../src/ServiceType"

describe("referralMessages", () => {
  it("has every key in sq, sr-Latn, sr-Cyrl and en", () => {
    expect(Catalogue.check(referralMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("merges with the kernel's messages without a duplicate key", () => {
    expect(() => Catalogue.merge(kernelMessages, referralMessages)).not.toThrow()
  })

  it("labels every service type, status and command, and names every rule", () => {
    const keys: ReadonlyArray<string> = [
      ...ServiceType.all.map(ServiceType.labelKey),
      ...Referral.Status.literals.map(Referral.statusLabelKey),
      ...Object.keys(ReferralLifecycle.machine).map((tag) =>
        ReferralLifecycle.commandLabelKey(tag as ReferralLifecycle.CommandTag),
      ),
      ...Object.values(ReferralLifecycle.requiredCode).filter((rule) => rule !== undefined),
      "referral.overdue.acknowledge",
      "referral.overdue.decide",
    ]
    for (const key of keys) expect(Catalogue.has(referralMessages, key), key).toBe(true)
  })
})

describe("overdue step labels", () => {
  it("title an overdue step in each locale", () => {
    const title = (locale: "en" | "sq" | "sr-Cyrl") =>
      Catalogue.format(referralMessages, locale, ReferralDeadlines.overdueLabelKey("acknowledge"))
    expect(title("en")).toBe("Referral not acknowledged by its deadline")
    expect(title("sq")).toBe("Referim pa konfirmim marrjeje pas afatit")
    expect(title("sr-Cyrl")).toBe("Упућивање без потврде пријема после рока")
  })
})
