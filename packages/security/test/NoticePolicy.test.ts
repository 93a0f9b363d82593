import type { Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { FastCheck as fc } from "effect"
import { type AccessPolicy, NoticePolicy } from "../src"

const day = 24 * 60 * 60 * 1000
const at = new Date("2026-06-15T10:00:00.000Z")
const inst = (n: number) => `01JBBBBBBBBBBBBBBBBBBBBB${String(n).padStart(2, "0")}` as Id.InstitutionId
const [police, socialWork, shelter, school] = [inst(1), inst(2), inst(3), inst(4)]
const mechanism = "01JCCCCCCCCCCCCCCCCCCCCCC1" as Id.MechanismId

const actingFor = (institution: Id.InstitutionId, mechanisms = [mechanism]): Principal.Principal => ({
  id: "01JAAAAAAAAAAAAAAAAAAAAAA9" as Principal.Principal["id"],
  kind: "plugin",
  institution,
  roles: ["case-worker"],
  mechanisms,
})

const referralConsent = (overrides: Partial<AccessPolicy.Consent> = {}): AccessPolicy.Consent => ({
  institutions: [shelter],
  sectors: [],
  purposes: ["referral"],
  from: new Date(at.getTime() - 10 * day),
  ...overrides,
})

const aCase = (overrides: Partial<NoticePolicy.NoticeCase> = {}): NoticePolicy.NoticeCase => ({
  mechanismId: mechanism,
  team: [{ institution: socialWork, access: "full" }],
  consents: [referralConsent()],
  referrals: [{ from: socialWork, to: shelter, open: true }],
  ...overrides,
})

const toShelter = { recipient: shelter, purpose: "referral" } as const
const rule = (decision: AccessPolicy.Decision) => (decision._tag === "Allow" ? decision.reason : decision.rule)

describe("NoticePolicy.decide", () => {
  it("the receiver of an open referral with consent is notifiable, off the case team", () => {
    expect(rule(NoticePolicy.decide(actingFor(shelter), toShelter, aCase(), at))).toBe("policy.allow.referral-receiver")
    // The sender's connector may tell the receiver too.
    expect(rule(NoticePolicy.decide(actingFor(socialWork), toShelter, aCase(), at))).toBe(
      "policy.allow.referral-receiver",
    )
    // A summary-only team place does not stand in the way of the referral.
    const summary = aCase({ team: [{ institution: shelter, access: "summary" }] })
    expect(rule(NoticePolicy.decide(actingFor(shelter), toShelter, summary, at))).toBe("policy.allow.referral-receiver")
  })

  it("without an open referral: the team rule, then consent", () => {
    const closed = aCase({ referrals: [{ from: socialWork, to: shelter, open: false }] })
    expect(rule(NoticePolicy.decide(actingFor(shelter), toShelter, closed, at))).toBe("policy.case-team.not-member")
    const summary = aCase({ referrals: [], team: [{ institution: shelter, access: "summary" }] })
    expect(rule(NoticePolicy.decide(actingFor(shelter), toShelter, summary, at))).toBe("policy.access.summary-only")
    const full = aCase({ referrals: [], team: [{ institution: police, access: "full" }] })
    expect(rule(NoticePolicy.decide(actingFor(police), toShelter, full, at))).toBe("policy.allow.consent")
  })

  it("a third institution cannot ride on someone else's referral", () => {
    expect(rule(NoticePolicy.decide(actingFor(school), toShelter, aCase(), at))).toBe("policy.case-team.not-member")
    expect(rule(NoticePolicy.decide(actingFor(shelter), { ...toShelter, recipient: school }, aCase(), at))).toBe(
      "policy.case-team.not-member",
    )
  })

  it("consent is always needed: not covered, withdrawn, not in force; another mechanism is refused", () => {
    const decide = (consents: ReadonlyArray<AccessPolicy.Consent>) =>
      rule(NoticePolicy.decide(actingFor(shelter), toShelter, aCase({ consents }), at))
    expect(decide([])).toBe("policy.consent.not-covered")
    expect(decide([referralConsent({ purposes: ["case-conference"] })])).toBe("policy.consent.not-covered")
    expect(decide([referralConsent({ withdrawnAt: new Date(at.getTime() - 1) })])).toBe("policy.consent.withdrawn")
    expect(decide([referralConsent({ from: new Date(at.getTime() + day) })])).toBe("policy.consent.not-in-force")
    expect(rule(NoticePolicy.decide(actingFor(shelter), { ...toShelter, purpose: "gossip" }, aCase(), at))).toBe(
      "policy.notice.purpose-unknown",
    )
    const elsewhere = actingFor(shelter, ["01JCCCCCCCCCCCCCCCCCCCCCC2" as Id.MechanismId])
    expect(rule(NoticePolicy.decide(elsewhere, toShelter, aCase(), at))).toBe("policy.mechanism.not-member")
  })

  it("property: an allow always rests on a consent in force covering the recipient, and on the referral or the full team", () => {
    const institution = fc.constantFrom(police, socialWork, shelter, school)
    const arbitraryCase = fc.record({
      team: fc.array(fc.record({ institution, access: fc.constantFrom("full" as const, "summary" as const) })),
      consents: fc.array(
        fc.record({
          institutions: fc.array(institution, { maxLength: 2 }),
          withdrawn: fc.boolean(),
          purposes: fc.subarray(["referral", "case-conference"] as const, { minLength: 1 }),
        }),
      ),
      referrals: fc.array(fc.record({ from: institution, to: institution, open: fc.boolean() })),
    })
    fc.assert(
      fc.property(institution, institution, arbitraryCase, (sender, recipient, drawn) => {
        const consents = drawn.consents.map(({ institutions, withdrawn, purposes }) =>
          referralConsent({
            institutions,
            purposes: [...purposes],
            ...(withdrawn ? { withdrawnAt: new Date(at.getTime() - 1) } : {}),
          }),
        )
        const theCase = aCase({ team: drawn.team, consents, referrals: drawn.referrals })
        const decision = NoticePolicy.decide(actingFor(sender), { recipient, purpose: "referral" }, theCase, at)
        if (decision._tag === "Deny") return
        expect(
          consents.some((c) => c.institutions.includes(recipient) && c.purposes.includes("referral") && !c.withdrawnAt),
        ).toBe(true)
        const viaReferral = drawn.referrals.some(
          (r) => r.open && r.to === recipient && (r.to === sender || r.from === sender),
        )
        const viaTeam = drawn.team.some((m) => m.institution === sender && m.access === "full")
        expect(viaReferral || viaTeam).toBe(true)
      }),
    )
  })
})
