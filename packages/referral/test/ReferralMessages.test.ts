import { Catalogue, kernelMessages } from "@bashke/kernel"
import { describe, expect, it } from "vitest"
import * as OverdueAgenda from "../src/OverdueAgenda"
import * as Referral from "../src/Referral"
import type * as ReferralDeadlines from "../src/ReferralDeadlines"
import * as ReferralLifecycle from "../src/ReferralLifecycle"
import { referralMessages } from "../src/ReferralMessages"
import * as ServiceType from "../src/ServiceType"
import { ids, institutions, services } from "./Fixtures"

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

describe("OverdueAgenda.items", () => {
  it("titles overdue referrals in each locale", () => {
    const overdue: ReadonlyArray<ReferralDeadlines.Overdue> = [
      {
        referral: ids.referral(1),
        mechanism: ids.mechanism,
        to: institutions.shelter,
        service: services.shelterBeds,
        step: "acknowledge",
        due: new Date("2026-03-02T13:00:00Z"),
      },
    ]
    expect(OverdueAgenda.items(overdue, "en")[0]?.title).toBe("Referral not acknowledged by its deadline")
    expect(OverdueAgenda.items(overdue, "sq")[0]?.title).toBe("Referim pa konfirmim marrjeje pas afatit")
    expect(OverdueAgenda.items(overdue, "sr-Cyrl")[0]?.title).toBe("Упућивање без потврде пријема после рока")
    expect(OverdueAgenda.items(overdue, "sr-Latn")[0]).toMatchObject({ referral: ids.referral(1), step: "acknowledge" })
  })
})
