import { Errors, type Id } from "@bashke/kernel"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import type * as Referral from "../src/Referral"
import * as ReferralGuards from "../src/ReferralGuards"
import { consent, directory, ids, institutions, sent, services } from "./Fixtures"

const at = new Date("2026-03-02T09:00:00Z")
const viaConsent: Referral.Basis = { _tag: "Consent", consent: ids.consent(1) }
const override = (ground: Referral.OverrideGround): Referral.Basis => ({
  _tag: "Override",
  override: { ground, reason: "threat-to-life" },
})

const facts = (overrides: Partial<ReferralGuards.Facts> = {}): ReferralGuards.Facts => ({
  directory,
  consents: [consent()],
  sectorOf: (institution) => (institution === institutions.shelter ? "shelter" : "legal-aid"),
  referrals: [],
  overrides: ReferralGuards.noOverrides,
  ...overrides,
})

const notCovered = new Errors.InvalidInput({ field: "basis", rule: "referral.consent.not-covered" })
const unknown = new Errors.InvalidInput({ field: "service", rule: "referral.service.unknown" })

// Each row: a situation, the draft and facts, and the outcome (the rule broken, or "ok").
const table: ReadonlyArray<{
  readonly name: string
  readonly service?: Id.ServiceId
  readonly basis?: Referral.Basis
  readonly facts: ReferralGuards.Facts
  readonly expected: "ok" | Errors.InvalidInput | Errors.Conflict | Errors.Forbidden
}> = [
  { name: "consent names the institution and 'referral'", facts: facts(), expected: "ok" },
  {
    name: "consent names the receiver's sector",
    facts: facts({ consents: [consent({ institutions: [], sectors: ["shelter"] })] }),
    expected: "ok",
  },
  {
    name: "consent for another purpose",
    facts: facts({ consents: [consent({ purposes: ["case-conference"] })] }),
    expected: notCovered,
  },
  {
    name: "consent for another institution",
    facts: facts({ consents: [consent({ institutions: [institutions.legalAid] })] }),
    expected: notCovered,
  },
  {
    name: "consent awaiting a second person's confirmation",
    facts: facts({ consents: [consent({ needsConfirmation: true })] }),
    expected: notCovered,
  },
  {
    name: "consent confirmed by a second person",
    facts: facts({
      consents: [
        consent({
          needsConfirmation: true,
          confirmation: { confirmedBy: ids.principal, confirmedAt: new Date("2026-02-01T00:00:00Z") },
        }),
      ],
    }),
    expected: "ok",
  },
  {
    name: "consent withdrawn",
    facts: facts({ consents: [consent({ withdrawnAt: new Date("2026-02-01T00:00:00Z") })] }),
    expected: notCovered,
  },
  {
    name: "consent expired",
    facts: facts({ consents: [consent({ until: new Date("2026-03-01T00:00:00Z") })] }),
    expected: notCovered,
  },
  {
    name: "consent not yet in force",
    facts: facts({ consents: [consent({ from: new Date("2026-04-01T00:00:00Z") })] }),
    expected: notCovered,
  },
  { name: "no consent at all", facts: facts({ consents: [] }), expected: notCovered },
  {
    name: "override for imminent danger, allowed by the profile",
    basis: override("imminent-danger"),
    facts: facts({ consents: [], overrides: { allowed: ["imminent-danger", "child-at-risk"] } }),
    expected: "ok",
  },
  {
    name: "override on a ground the profile does not allow",
    basis: override("child-at-risk"),
    facts: facts({ consents: [], overrides: { allowed: ["imminent-danger"] } }),
    expected: new Errors.Forbidden({ action: "referral.send", rule: "referral.override.not-allowed" }),
  },
  {
    name: "override with no override policy",
    basis: override("imminent-danger"),
    facts: facts({ consents: [] }),
    expected: new Errors.Forbidden({ action: "referral.send", rule: "referral.override.not-allowed" }),
  },
  { name: "service not in the directory", service: ids.service(99), facts: facts(), expected: unknown },
  { name: "service no longer active", service: services.closed, facts: facts(), expected: unknown },
  {
    name: "an open referral of the case to the service",
    facts: facts({ referrals: [sent(at, { status: "acknowledged" })] }),
    expected: new Errors.Conflict({ entity: "Referral", id: ids.referral(1), rule: "referral.duplicate-open" }),
  },
  {
    name: "a closed referral of the case to the service",
    facts: facts({ referrals: [sent(at, { status: "declined" })] }),
    expected: "ok",
  },
  {
    name: "an open referral of another case",
    facts: facts({ referrals: [sent(at, { case: ids.otherCase })] }),
    expected: "ok",
  },
]

describe("ReferralGuards.check", () => {
  it.each(table)("$name", ({ service, basis, facts, expected }) => {
    const result = ReferralGuards.check(
      { case: ids.case, service: service ?? services.shelterBeds, basis: basis ?? viaConsent, at },
      facts,
    )
    if (expected === "ok")
      expect(Either.map(result, (s) => s.id)).toEqual(Either.right(service ?? services.shelterBeds))
    else expect(result).toEqual(Either.left(expected))
  })
})
