import { Due, type Id, JurisdictionProfile } from "@bashke/kernel"
import { FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as CaseDue from "../../src/CaseDue"
import type { CaseReference } from "../../src/CaseReference"
import * as ProtectionOrderDeadlines from "../../src/ProtectionOrderDeadlines"

const profile = JurisdictionProfile.kosovo
const id = (n: number) => `01JK00000000000000000000${String(n).padStart(2, "0")}`
const lead = id(1) as Id.InstitutionId
const police = id(2) as Id.InstitutionId

const openCase = (overrides: Partial<CaseDue.OpenCase> = {}): CaseDue.OpenCase => ({
  id: id(10) as Id.CaseId,
  mechanism: id(11) as Id.MechanismId,
  reference: "GJI-2026-0001" as CaseReference,
  lead,
  team: [lead, police],
  orders: [],
  ...overrides,
})

const order = (overrides: Partial<CaseDue.ActiveOrder> = {}): CaseDue.ActiveOrder => ({
  id: id(20) as Id.ProtectionOrderId,
  kind: "emergency-protection-order",
  status: "issued",
  expiresAt: new Date("2026-03-17T08:40:00Z"),
  hearings: [],
  ...overrides,
})

const keys = (audience: ReadonlyArray<Due.Audience>) => audience.map(Due.audienceKey)

describe("CaseDue.items", () => {
  it("an emergency order: expiry reminded a week ahead to the lead, the team told at expiry, the extension two days ahead", () => {
    const items = CaseDue.items(openCase({ orders: [order()] }), profile)
    const expiry = items.find((item) => item.kind === "case.order.expiry")
    const extension = items.find((item) => item.kind === "case.order.extension")
    expect(expiry?.reminders.map((r) => [r.stage, r.at.toISOString(), keys(r.audience)])).toEqual([
      ["approaching", "2026-03-10T08:40:00.000Z", [`institution:${lead}`]],
      ["due", "2026-03-17T08:40:00.000Z", [`institution:${lead}`, `institution:${police}`]],
    ])
    expect(extension?.reminders.map((r) => [r.stage, r.at.toISOString(), r.until?.toISOString()])).toEqual([
      ["due", "2026-03-15T08:40:00.000Z", "2026-03-17T08:40:00.000Z"],
    ])
    // An extension moves the expiry, so its items get new keys (and new reminders).
    const extended = CaseDue.items(
      openCase({ orders: [order({ status: "extended", expiresAt: new Date("2026-04-17T08:40:00Z") })] }),
      profile,
    )
    expect(extended.map((item) => item.key)).not.toContain(expiry?.key)
  })

  it("a requested order past its decision deadline is told to the lead and the coordinator; its hearing to the team", () => {
    const requested = order({
      kind: "protection-order",
      status: "requested",
      requestedAt: new Date("2026-03-02T08:00:00Z"),
      expiresAt: undefined,
      hearings: [{ at: new Date("2026-03-12T08:00:00Z"), scheduledAt: new Date("2026-03-03T10:00:00Z") }],
    })
    const [decision, hearing] = CaseDue.items(openCase({ orders: [requested] }), profile)
    expect(decision).toMatchObject({ kind: "case.order.decision", dueAt: new Date("2026-03-17T08:00:00Z") })
    expect(keys(decision?.reminders[0]?.audience ?? [])).toEqual([`institution:${lead}`, "coordinator"])
    expect(hearing).toMatchObject({
      kind: "case.order.hearing",
      dueAt: new Date("2026-03-12T08:00:00Z"),
      until: new Date("2026-03-12T08:00:00Z"),
    })
    expect(hearing?.reminders.map((r) => r.at.toISOString())).toEqual(["2026-03-11T08:00:00.000Z"])
  })

  it("a reassessment is reminded to the lead on its morning, 08:00 local across the spring change", () => {
    const [item] = CaseDue.items(openCase({ reassessOn: "2026-03-29" }), profile)
    expect(item).toMatchObject({
      key: `case.reassessment:${id(10)}:2026-03-29`,
      subject: { type: "case", id: id(10) },
      dueAt: new Date("2026-03-29T22:00:00Z"),
    })
    expect(item?.reminders.map((r) => [r.at.toISOString(), keys(r.audience)])).toEqual([
      ["2026-03-29T06:00:00.000Z", [`institution:${lead}`]],
    ])
  })

  const arbitraryOrder = fc.record({
    kind: fc.constantFrom(...Object.keys(profile.protectionOrders.kinds)),
    status: fc.constantFrom(...CaseDue.activeStatuses),
    requestedAt: fc.date({ min: new Date("2025-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }),
    span: fc.integer({ min: 1, max: 400 * 24 }),
    hearing: fc.option(fc.integer({ min: 1, max: 60 * 24 }), { nil: undefined }),
  })

  it("property: every reminder comes before what it is about ends; keys are unique; only the decision reaches the coordinator", () => {
    fc.assert(
      fc.property(fc.array(arbitraryOrder, { maxLength: 4 }), (drawn) => {
        const orders = drawn.map((o, n) =>
          order({
            id: id(30 + n) as Id.ProtectionOrderId,
            kind: o.kind,
            status: o.status,
            requestedAt: o.requestedAt,
            expiresAt: new Date(o.requestedAt.getTime() + o.span * 3_600_000),
            hearings:
              o.hearing === undefined
                ? []
                : [{ at: new Date(o.requestedAt.getTime() + o.hearing * 3_600_000), scheduledAt: o.requestedAt }],
          }),
        )
        const items = CaseDue.items(openCase({ orders }), profile)
        expect(new Set(items.map((item) => item.key)).size).toBe(items.length)
        for (const item of items) {
          for (const reminder of item.reminders) {
            if (reminder.until !== undefined)
              expect(reminder.at.getTime()).toBeLessThanOrEqual(reminder.until.getTime())
            if (item.kind !== "case.order.decision") expect(keys(reminder.audience)).not.toContain("coordinator")
          }
          const source = orders.find((o) => o.id === item.subject.id)
          if (item.kind === "case.order.decision")
            expect(item.dueAt).toEqual(source && ProtectionOrderDeadlines.decisionDue(source, profile))
          if (item.kind === "case.order.expiry") expect(item.dueAt).toEqual(source?.expiresAt)
        }
      }),
    )
  })
})
