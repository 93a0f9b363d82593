import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Schema } from "effect"
import { JurisdictionProfile } from "../src/index"

const { kosovo } = JurisdictionProfile

describe("the Kosovo profile", () => {
  it("decodes with the schema, also after a JSON round trip", () => {
    expect(Schema.decodeUnknownSync(JurisdictionProfile.JurisdictionProfile)(kosovo)).toEqual(kosovo)
    expect(
      Schema.decodeUnknownSync(JurisdictionProfile.JurisdictionProfile)(JSON.parse(JSON.stringify(kosovo))),
    ).toEqual(kosovo)
    expect(JurisdictionProfile.defaultProfile).toBe(kosovo)
  })

  it("lists exactly the numbers marked unconfirmed", () => {
    expect(JurisdictionProfile.unconfirmed(kosovo).map((s) => s.path)).toEqual([
      "meetings.adHocScheduleWithin",
      "meetings.adHocUrgentScheduleWithin",
      "meetings.quorum",
      "meetings.actionItemReminderBefore",
      "protectionOrders.kinds.protection-order.decisionWithin",
      "protectionOrders.kinds.protection-order.duration",
      "protectionOrders.kinds.emergency-protection-order.decisionWithin",
      "protectionOrders.kinds.emergency-protection-order.duration",
      "protectionOrders.kinds.temporary-emergency-protection-order.duration",
      "protectionOrders.hearingReminderBefore",
      "protectionOrders.expiryReminderBefore",
      "risk.policeEarlyAssessment.weights",
      "risk.policeEarlyAssessment.mediumAtLeast",
      "risk.policeEarlyAssessment.highAtLeast",
      "risk.highRiskReviewWithin",
      "referrals.acknowledgeWithin.highRisk",
      "referrals.acknowledgeWithin.standard",
      "referrals.decideWithin",
      "referrals.reminderBeforeDeadline.highRisk",
      "referrals.reminderBeforeDeadline.standard",
      "referrals.escalateToCoordinatorAfter.highRisk",
      "referrals.escalateToCoordinatorAfter.standard",
      "statistics.smallCellThreshold",
      "statistics.consentRequired",
      "caseTeam.protectionSectors",
      "communities",
      "notifications.workdayStartsAt",
      "notifications.worklistHorizon",
      "sessions.idleTimeout",
      "sessions.absoluteTimeout",
      "retention.personalDetails",
      "retention.notes",
      "retention.documents",
      "retention.caseHistory",
      "retention.auditTrail",
    ])
  })

  it("finds a setting by shape, so flipping one flag changes the list", () => {
    const changed = {
      ...kosovo,
      meetings: { ...kosovo.meetings, minimumPerYear: { ...kosovo.meetings.minimumPerYear, confirmed: false } },
    }
    expect(JurisdictionProfile.unconfirmed(changed).map((s) => s.path)).toContain("meetings.minimumPerYear")
    expect(JurisdictionProfile.unconfirmed(changed)).toHaveLength(JurisdictionProfile.unconfirmed(kosovo).length + 1)
  })

  it("gives every setting a source", () => {
    const all = JurisdictionProfile.settings(kosovo)
    expect(all.length).toBeGreaterThan(25)
    for (const setting of all) expect(setting.source.trim().length, setting.path).toBeGreaterThan(0)
  })

  it("holds the numbers of the law, memorandum and practice", () => {
    const value = (path: string) => JurisdictionProfile.settings(kosovo).find((s) => s.path === path)
    expect(value("meetings.minimumPerYear")).toMatchObject({ value: 4, unit: "per-year", confirmed: true })
    expect(value("meetings.adHocScheduleWithin")).toMatchObject({ value: 7, unit: "days", confirmed: false })
    expect(value("meetings.adHocUrgentScheduleWithin")).toMatchObject({ value: 2, unit: "days" })
    expect(value("meetings.quorum")).toMatchObject({ value: "more-than-half" })
    expect(value("meetings.minutesCirculatedWithin")).toMatchObject({ value: 3, unit: "working-days", confirmed: true })
    expect(value("meetings.caseAnniversaryNotice")).toMatchObject({ value: 12, unit: "months" })
    expect(value("protectionOrders.kinds.emergency-protection-order.decisionWithin")).toMatchObject({
      value: 24,
      unit: "hours",
    })
    expect(value("protectionOrders.kinds.protection-order.decisionWithin")).toMatchObject({ value: 15, unit: "days" })
    expect(value("protectionOrders.kinds.emergency-protection-order.extensionReminderBeforeExpiry")).toMatchObject({
      value: 2,
      unit: "days",
      confirmed: true,
    })
    expect(value("protectionOrders.breach.maxFine")).toMatchObject({ value: 2000, unit: "euro", confirmed: true })
    expect(value("protectionOrders.breach.maxImprisonment")).toMatchObject({
      value: 6,
      unit: "months",
      confirmed: true,
    })
    expect(value("protectionOrders.hearingReminderBefore")).toMatchObject({ value: 1, unit: "days", confirmed: false })
    expect(value("risk.reassessmentEvery")).toMatchObject({ value: 8, unit: "weeks" })
    expect(value("risk.conference.escalationIncidents")).toMatchObject({ value: 3, unit: "count" })
    expect(value("risk.conference.escalationWindow")).toMatchObject({ value: 12, unit: "months" })
    expect(value("risk.conference.repeatWindow")).toMatchObject({ value: 12, unit: "months" })
    expect(value("risk.dash.highAtLeast")).toMatchObject({ value: 14 })
    expect(value("risk.dash.mediumAtLeast")).toMatchObject({ value: 10 })
    expect(value("referrals.acknowledgeWithin.highRisk")).toMatchObject({ value: 4, unit: "hours" })
    expect(value("referrals.acknowledgeWithin.standard")).toMatchObject({ value: 24, unit: "hours" })
    expect(value("referrals.decideWithin")).toMatchObject({ value: 72, unit: "hours" })
    expect(value("statistics.smallCellThreshold")).toMatchObject({ value: 10, unit: "count" })
    expect(value("statistics.consentRequired")).toMatchObject({ value: false })
    expect(value("caseTeam.defaultLeadSector")).toMatchObject({ value: "social-work", confirmed: true })
    expect(value("caseTeam.childProtectionSector")).toMatchObject({ value: "social-work", confirmed: true })
    expect(value("risk.requiredInstruments")).toMatchObject({
      value: { "police-report": ["xk-police-early"] },
      confirmed: true,
    })
    expect(value("risk.policeEarlyAssessment.mediumAtLeast")).toMatchObject({ value: 4, unit: "count" })
    expect(value("risk.policeEarlyAssessment.highAtLeast")).toMatchObject({ value: 8, unit: "count" })
    expect(value("risk.highRiskReviewWithin")).toMatchObject({ value: 30, unit: "days", confirmed: false })
    expect(value("communities")?.value).toHaveLength(12)
    expect(Object.keys(kosovo.protectionOrders.kinds)).toEqual([
      "protection-order",
      "emergency-protection-order",
      "temporary-emergency-protection-order",
    ])
    expect(kosovo.timezone).toBe("Europe/Belgrade")
  })

  it("rejects inconsistent profiles", () => {
    const decode = Schema.decodeUnknownEither(JurisdictionProfile.JurisdictionProfile)
    const wrongLocale = decode({ ...kosovo, languages: { ...kosovo.languages, locales: ["sq"], defaultLocale: "en" } })
    expect(Either.isLeft(wrongLocale) && wrongLocale.left.message).toContain("jurisdiction.locale.default-not-offered")
    const dash = { ...kosovo.risk.dash, mediumAtLeast: { ...kosovo.risk.dash.mediumAtLeast, value: 14 } }
    const wrongDash = decode({ ...kosovo, risk: { ...kosovo.risk, dash } })
    expect(Either.isLeft(wrongDash) && wrongDash.left.message).toContain("jurisdiction.risk.thresholds-out-of-order")
    const police = {
      ...kosovo.risk.policeEarlyAssessment,
      highAtLeast: { ...kosovo.risk.policeEarlyAssessment.highAtLeast, value: 4 },
    }
    const wrongPolice = decode({ ...kosovo, risk: { ...kosovo.risk, policeEarlyAssessment: police } })
    expect(Either.isLeft(wrongPolice) && wrongPolice.left.message).toContain(
      "jurisdiction.risk.thresholds-out-of-order",
    )
    expect(Either.isLeft(decode({ ...kosovo, communities: { ...kosovo.communities, value: [] } }))).toBe(true)
    expect(Either.isLeft(decode({ ...kosovo, timezone: "Europe/Nowhere" }))).toBe(true)
    const idle = { ...kosovo.sessions.idleTimeout, value: 13 }
    const wrongSessions = decode({ ...kosovo, sessions: { ...kosovo.sessions, idleTimeout: idle } })
    expect(Either.isLeft(wrongSessions) && wrongSessions.left.message).toContain(
      "jurisdiction.sessions.timeouts-out-of-order",
    )
    expect(Either.isLeft(decode({ ...kosovo, effectiveFrom: "2010-02-30" }))).toBe(true)
    const fine = {
      ...kosovo.protectionOrders.breach,
      maxFine: { ...kosovo.protectionOrders.breach.maxFine, unit: "days" },
    }
    expect(Either.isLeft(decode({ ...kosovo, protectionOrders: { ...kosovo.protectionOrders, breach: fine } }))).toBe(
      true,
    )
  })

  it.effect("is the default CurrentJurisdiction", () =>
    Effect.gen(function* () {
      expect(yield* JurisdictionProfile.CurrentJurisdiction).toBe(kosovo)
      const other = { ...kosovo, id: "other", version: 2 }
      const provided = yield* Effect.provideService(
        JurisdictionProfile.CurrentJurisdiction,
        JurisdictionProfile.CurrentJurisdiction,
        other,
      )
      expect(provided).toBe(other)
    }),
  )
})

describe("describe and quorumMet", () => {
  it("describes legal numbers in every locale", () => {
    const { minimumPerYear, minutesCirculatedWithin } = kosovo.meetings
    expect(JurisdictionProfile.describe(minimumPerYear, "en")).toBe("4 times a year")
    expect(JurisdictionProfile.describe(minimumPerYear, "sr-Latn")).toBe("4 puta godišnje")
    expect(JurisdictionProfile.describe(minimumPerYear, "sq")).toBe("4 herë në vit")
    expect(JurisdictionProfile.describe(minutesCirculatedWithin, "sr-Cyrl")).toBe("3 радна дана")
    expect(JurisdictionProfile.describe({ value: 5, unit: "working-days" }, "sr-Latn")).toBe("5 radnih dana")
    expect(JurisdictionProfile.describe({ value: 1, unit: "hours" }, "en")).toBe("1 hour")
  })

  it("counts quorum over member institutions", () => {
    for (let members = 1; members <= 30; members++) {
      const half = Math.floor(members / 2)
      expect(JurisdictionProfile.quorumMet("more-than-half", half + 1, members)).toBe(true)
      expect(JurisdictionProfile.quorumMet("more-than-half", half, members)).toBe(false)
      expect(JurisdictionProfile.quorumMet("all", members, members)).toBe(true)
      expect(JurisdictionProfile.quorumMet("all", members - 1, members)).toBe(false)
      expect(JurisdictionProfile.quorumMet("two-thirds", Math.ceil((2 * members) / 3), members)).toBe(true)
      expect(JurisdictionProfile.quorumMet("two-thirds", Math.ceil((2 * members) / 3) - 1, members)).toBe(false)
    }
    expect(JurisdictionProfile.quorumMet("two-thirds", 0, 0)).toBe(false)
  })
})
