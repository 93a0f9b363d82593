import { Id, JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, FastCheck as fc } from "effect"
import type * as ActionItem from "../src/ActionItem"
import * as Agenda from "../src/Agenda"
import type { CaseSummary } from "../src/CaseSummaries"
import type { OverdueReferral } from "../src/OverdueReferrals"
import { cases, ids, openItem } from "./support/Fixtures"

const { kosovo } = JurisdictionProfile
const meeting = {
  id: "01JG0000000000000000000009" as Id.MeetingId,
  mechanismId: ids.mechanism,
  startsAt: new Date("2026-03-20T09:00:00Z"),
}
const previousStartsAt = new Date("2026-01-15T09:00:00Z")

const items: ReadonlyArray<ActionItem.ActionItem> = [
  openItem({ id: "01JA0000000000000000000001" as Id.ActionItemId, dueDate: "2026-02-01" as ActionItem.DueDate }),
  openItem({
    id: "01JA0000000000000000000002" as Id.ActionItemId,
    dueDate: "2026-04-30" as ActionItem.DueDate,
    owner: ids.socialWork,
    link: { _tag: "activity", activityId: ids.activity },
  }),
  openItem({ id: "01JA0000000000000000000003" as Id.ActionItemId, dueDate: "2026-03-25" as ActionItem.DueDate }),
  openItem({ id: "01JA0000000000000000000004" as Id.ActionItemId, status: "done" }),
]

describe("Agenda.build: a worked example", () => {
  const agenda = Agenda.build({ meeting, previousStartsAt, actionItems: items, cases, profile: kosovo })

  it("orders the sections and their items by the rule", () => {
    expect(agenda.meetingId).toBe(meeting.id)
    expect(
      agenda.items.map((item) =>
        item._tag === "ActionItemReview"
          ? `${item._tag}:${item.actionItemId.slice(-1)}`
          : "reference" in item
            ? `${item._tag}:${item.reference}`
            : item._tag,
      ),
    ).toEqual([
      "ConfidentialityStatement",
      // Overdue first, then by due date.
      "ActionItemReview:1",
      "ActionItemReview:3",
      "ActionItemReview:2",
      // High risk, then children, then the longest since the last review.
      "CaseReview:GJL-2026-0042",
      "CaseReview:GJL-2025-0007",
      "CaseReview:GJL-2025-0001",
      // Cases that reached 12 months since the previous meeting (20 Feb, 2 Mar).
      "AnniversaryNotice:GJL-2025-0001",
      "AnniversaryNotice:GJL-2025-0007",
      "OtherBusiness",
    ])
  })

  it("shows a case review as the pseudonymised summary only, with its open actions counted", () => {
    const reviews = agenda.items.filter((item) => item._tag === "CaseReview")
    expect(reviews[1]).toEqual({
      _tag: "CaseReview",
      caseId: ids.caseA,
      reference: "GJL-2025-0007",
      riskLevel: "medium",
      sectors: ["police", "social-work"],
      openActions: 2,
    })
    for (const review of reviews)
      expect(Object.keys(review).sort()).toEqual(["_tag", "caseId", "openActions", "reference", "riskLevel", "sectors"])
  })

  it("marks overdue items against the meeting's local day", () => {
    const reviews = agenda.items.filter((item) => item._tag === "ActionItemReview")
    expect(reviews.map((item) => item.overdue)).toEqual([true, false, false])
  })

  it("gives notices once: not again at the next meeting", () => {
    const next = Agenda.build({
      meeting: { ...meeting, startsAt: new Date("2026-05-20T08:00:00Z") },
      previousStartsAt: meeting.startsAt,
      actionItems: [],
      cases,
      profile: kosovo,
    })
    expect(next.items.filter((item) => item._tag === "AnniversaryNotice")).toEqual([])
  })

  it("takes the notice span from the profile", () => {
    const sixMonths = {
      ...kosovo,
      meetings: { ...kosovo.meetings, caseAnniversaryNotice: { ...kosovo.meetings.caseAnniversaryNotice, value: 6 } },
    }
    const agenda6 = Agenda.build({ meeting, previousStartsAt, actionItems: [], cases, profile: sixMonths })
    expect(agenda6.items.filter((item) => item._tag === "AnniversaryNotice")).toEqual([])
    expect(
      Agenda.title(
        {
          _tag: "AnniversaryNotice",
          caseId: ids.caseA,
          reference: "GJL-2025-0007",
          reachedOn: "2026-03-02" as ActionItem.DueDate,
        },
        "en",
        sixMonths,
      ),
    ).toBe("Case GJL-2025-0007 has reached 6 months")
  })

  it("titles every item from the catalogue, in every locale", () => {
    const titles = (locale: "sq" | "sr-Latn" | "sr-Cyrl" | "en") =>
      agenda.items.map((item) => Agenda.title(item, locale, kosovo))
    expect(titles("en")).toEqual([
      "Confidentiality statement",
      "Overdue action, due 2026-02-01",
      "Open action, due 2026-03-25",
      "Open action, due 2026-04-30",
      "Case review GJL-2026-0042: high risk; Police, Shelter; 0 open actions",
      "Case review GJL-2025-0007: medium risk; Police, Social work; 2 open actions",
      "Case review GJL-2025-0001: standard risk; Health; 0 open actions",
      "Case GJL-2025-0001 has reached 12 months",
      "Case GJL-2025-0007 has reached 12 months",
      "Other business",
    ])
    expect(titles("sq")[5]).toBe(
      "Shqyrtimi i rastit GJL-2025-0007: rrezik i mesëm; Policia, Puna sociale; 2 veprime të hapura",
    )
    expect(titles("sr-Latn")[5]).toBe(
      "Razmatranje slučaja GJL-2025-0007: srednji rizik; Policija, Socijalni rad; 2 otvorene radnje",
    )
    // The reference is an argument: it stays as written in Cyrillic text.
    expect(titles("sr-Cyrl")[5]).toBe(
      "Разматрање случаја GJL-2025-0007: средњи ризик; Полиција, Социјални рад; 2 отворене радње",
    )
    expect(titles("sr-Cyrl")[0]).toBe("Изјава о поверљивости")
    expect(Agenda.sections.map((section) => Agenda.sectionTitle(section, "en"))).toEqual([
      "Confidentiality",
      "Open actions from earlier meetings",
      "Case reviews",
      "Notices of cases reaching their term",
      "Other business",
    ])
  })
})

describe("Agenda.build: overdue referrals, a worked example", () => {
  const overdueReferrals: ReadonlyArray<OverdueReferral> = [
    {
      referralId: "01JR0000000000000000000002" as Id.ReferralId,
      to: ids.shelter,
      service: "01JS0000000000000000000002" as Id.ServiceId,
      step: "acknowledge",
      due: new Date("2026-03-18T10:00:00Z"),
    },
    {
      // 23:30 UTC on 2 March is 3 March in Prishtina (UTC+1): the title shows the local day.
      referralId: "01JR0000000000000000000001" as Id.ReferralId,
      caseId: ids.caseA,
      caseReference: "GJL-2025-0007",
      to: ids.socialWork,
      service: "01JS0000000000000000000001" as Id.ServiceId,
      step: "decide",
      due: new Date("2026-03-02T23:30:00Z"),
    },
  ]
  const agenda = Agenda.build({
    meeting,
    previousStartsAt,
    actionItems: items,
    cases,
    overdueReferrals,
    profile: kosovo,
  })
  const without = Agenda.build({ meeting, previousStartsAt, actionItems: items, cases, profile: kosovo })

  it("raises each one in the action items section, right after the overdue items, the most overdue first", () => {
    expect(
      agenda.items.map((item) =>
        item._tag === "ActionItemReview"
          ? `${item._tag}:${item.actionItemId.slice(-1)}`
          : item._tag === "OverdueReferral"
            ? `${item._tag}:${item.referralId.slice(-1)}`
            : "reference" in item
              ? `${item._tag}:${item.reference}`
              : item._tag,
      ),
    ).toEqual([
      "ConfidentialityStatement",
      "ActionItemReview:1",
      "OverdueReferral:1",
      "OverdueReferral:2",
      "ActionItemReview:3",
      "ActionItemReview:2",
      "CaseReview:GJL-2026-0042",
      "CaseReview:GJL-2025-0007",
      "CaseReview:GJL-2025-0001",
      "AnniversaryNotice:GJL-2025-0001",
      "AnniversaryNotice:GJL-2025-0007",
      "OtherBusiness",
    ])
    expect(agenda.items.filter((item) => item._tag === "OverdueReferral").map(Agenda.sectionOf)).toEqual([
      "action-items",
      "action-items",
    ])
    // Without the input the agenda is unchanged.
    expect(without.items.filter((item) => item._tag === "OverdueReferral")).toEqual([])
    expect(agenda.items.filter((item) => item._tag !== "OverdueReferral")).toEqual(without.items)
  })

  it("carries ids, the case reference when known, the step and the due instant only", () => {
    expect(agenda.items[2]).toEqual({
      _tag: "OverdueReferral",
      referralId: "01JR0000000000000000000001",
      caseId: ids.caseA,
      reference: "GJL-2025-0007",
      to: ids.socialWork,
      service: "01JS0000000000000000000001",
      step: "decide",
      due: new Date("2026-03-02T23:30:00Z"),
    })
    expect(Object.keys(agenda.items[3]!).sort()).toEqual(["_tag", "due", "referralId", "service", "step", "to"])
  })

  it("titles them by reference, step and local due day, in every locale", () => {
    const titles = (locale: "sq" | "sr-Latn" | "sr-Cyrl" | "en") =>
      agenda.items.slice(2, 4).map((item) => Agenda.title(item, locale, kosovo))
    expect(titles("en")).toEqual([
      "Referral for case GJL-2025-0007 not decided, due 2026-03-03",
      "Referral not acknowledged, due 2026-03-18",
    ])
    expect(titles("sq")).toEqual([
      "Referim pa vendim për rastin GJL-2025-0007, afati 2026-03-03",
      "Referim i pakonfirmuar, afati 2026-03-18",
    ])
    expect(titles("sr-Latn")).toEqual([
      "Uputnica za slučaj GJL-2025-0007 o kojoj nije odlučeno, rok 2026-03-03",
      "Uputnica čiji prijem nije potvrđen, rok 2026-03-18",
    ])
    expect(titles("sr-Cyrl")[1]).toBe("Упутница чији пријем није потврђен, рок 2026-03-18")
  })
})

const instant = fc.date({
  min: new Date("2023-01-01T00:00:00Z"),
  max: new Date("2027-12-31T00:00:00Z"),
  noInvalidDate: true,
})
const summaryArbitrary: fc.Arbitrary<CaseSummary> = fc.record(
  {
    caseId: Arbitrary.make(Id.CaseId),
    reference: fc
      .tuple(
        fc.constantFrom("GJL", "PRI", "MIT"),
        fc.integer({ min: 2020, max: 2027 }),
        fc.integer({ min: 1, max: 9999 }),
      )
      .map(([code, year, n]) => `${code}-${year}-${String(n).padStart(4, "0")}`),
    riskLevel: fc.constantFrom<CaseSummary["riskLevel"]>("standard", "medium", "high"),
    hasChildren: fc.boolean(),
    sectors: fc.subarray(["police", "social-work", "shelter", "health"] as const),
    openedAt: instant,
    lastReviewedAt: instant,
  },
  { requiredKeys: ["caseId", "reference", "riskLevel", "hasChildren", "sectors", "openedAt"] },
)
const itemArbitrary: fc.Arbitrary<ActionItem.ActionItem> = fc
  .record({
    id: Arbitrary.make(Id.ActionItemId),
    decidedAt: instant,
    dueDate: instant.map((d) => d.toISOString().slice(0, 10) as ActionItem.DueDate),
    status: fc.constantFrom<ActionItem.Status>("open", "done"),
    caseIndex: fc.option(fc.nat()),
  })
  .map(({ caseIndex, ...fields }) =>
    openItem({ ...fields, ...(caseIndex === null ? {} : { link: { _tag: "case", caseId: ids.caseA } }) }),
  )

describe("Agenda.build: properties", () => {
  it("confidentiality first, other business last, sections in order, every case reviewed once in rule order", () => {
    fc.assert(
      fc.property(
        fc.array(summaryArbitrary, { maxLength: 12 }),
        fc.array(itemArbitrary, { maxLength: 12 }),
        instant,
        fc.option(instant),
        (summaries, actionItems, startsAt, previous) => {
          const agenda = Agenda.build({
            meeting: { ...meeting, startsAt },
            previousStartsAt: previous ?? undefined,
            actionItems,
            cases: summaries,
            profile: kosovo,
          })
          expect(agenda.items[0]?._tag).toBe("ConfidentialityStatement")
          expect(agenda.items[agenda.items.length - 1]?._tag).toBe("OtherBusiness")
          const order = agenda.items.map((item) => Agenda.sections.indexOf(Agenda.sectionOf(item)))
          expect([...order].sort((a, b) => a - b)).toEqual(order)
          const reviews = agenda.items.filter((item) => item._tag === "CaseReview")
          expect(reviews).toHaveLength(summaries.length)
          const byId = new Map(summaries.map((summary) => [summary.caseId, summary]))
          for (let i = 1; i < reviews.length; i++) {
            const a = byId.get(reviews[i - 1]!.caseId)!
            const b = byId.get(reviews[i]!.caseId)!
            expect(Agenda.caseReviewOrder(a, b)).toBeLessThanOrEqual(0)
          }
          // Overdue items come before the others.
          const overdue = agenda.items.flatMap((item) => (item._tag === "ActionItemReview" ? [item.overdue] : []))
          expect(overdue.indexOf(false) === -1 || overdue.lastIndexOf(true) < overdue.indexOf(false)).toBe(true)
          // Only open items decided before the meeting.
          const carried = new Set(
            agenda.items.flatMap((item) => (item._tag === "ActionItemReview" ? [item.actionItemId] : [])),
          )
          for (const item of actionItems)
            expect(carried.has(item.id)).toBe(item.status === "open" && item.decidedAt.getTime() < startsAt.getTime())
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe("Agenda.withoutCaseData: the agenda of a member that did not sign the memorandum in force", () => {
  it("keeps the statement, items not linked to a case and other business; drops everything that names a case", () => {
    const full = Agenda.build({ meeting, previousStartsAt, actionItems: items, cases, profile: kosovo })
    const kept = Agenda.withoutCaseData(full)
    expect(kept.items.map((item) => item._tag)).toEqual([
      "ConfidentialityStatement",
      "ActionItemReview",
      "OtherBusiness",
    ])
    expect(kept.items[1]).toMatchObject({ link: { _tag: "activity" } })
  })

  it("property: no item left names a case, every item kept was in the agenda in order, and nothing else is dropped", () => {
    fc.assert(
      fc.property(Arbitrary.make(Agenda.Agenda), (agenda) => {
        const kept = Agenda.withoutCaseData(agenda)
        expect(JSON.stringify(kept)).not.toMatch(/"caseId"/)
        expect(kept.items).toEqual(agenda.items.filter((item) => !Agenda.isCaseData(item)))
        for (const item of agenda.items)
          if (!("caseId" in item) && !(item._tag === "ActionItemReview" && item.link?._tag === "case"))
            expect(Agenda.isCaseData(item)).toBe(item._tag === "OverdueReferral")
      }),
    )
  })
})
