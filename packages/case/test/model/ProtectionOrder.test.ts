import { Errors } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as ProtectionOrder from "../../src/ProtectionOrder"
import * as ProtectionOrderDeadlines from "../../src/ProtectionOrderDeadlines"
import * as ProtectionOrderLifecycle from "../../src/ProtectionOrderLifecycle"
import { ids, institutions, profile } from "./Fixtures"

const { Event } = ProtectionOrderLifecycle
const commandOf = {
  Issued: "issue",
  Rejected: "reject",
  Extended: "extend",
  Expired: "expire",
  BreachRecorded: "record-breach",
  HearingScheduled: "schedule-hearing",
} as const
const d = (iso: string) => new Date(iso)
const outOfOrder = (field: string) =>
  Either.left(new Errors.InvalidInput({ field: `orders.0.${field}`, rule: "case.order.dates.out-of-order" }))

const requested = (kind = "protection-order", requestedAt = d("2026-03-20T09:00:00Z")) =>
  Either.getOrThrow(
    ProtectionOrderLifecycle.start({ id: ids.order(1), kind, petitioner: "victim", requestedAt }, 0, profile),
  )

const order = (dates: Partial<Record<"requestedAt" | "decidedAt" | "issuedAt" | "expiresAt", Date>>) =>
  ({ ...requested(), status: "issued", ...dates }) as ProtectionOrder.ProtectionOrder

describe("the kinds come from the profile", () => {
  it("knows the three Kosovo kinds and refuses others", () => {
    for (const kind of ["protection-order", "emergency-protection-order", "temporary-emergency-protection-order"])
      expect(Either.isRight(ProtectionOrder.kindOf(profile, kind))).toBe(true)
    expect(ProtectionOrder.kindOf(profile, "restraining-order", "orders.0.kind")).toEqual(
      Either.left(new Errors.InvalidInput({ field: "orders.0.kind", rule: "case.order.kind.unknown" })),
    )
    expect(ProtectionOrder.kindOf(profile, "toString")._tag).toBe("Left")
  })
})

describe("validateDates", () => {
  it("accepts requested ≤ decided ≤ issued < expiry", () => {
    const ok = order({
      requestedAt: d("2026-03-01T10:00:00Z"),
      decidedAt: d("2026-03-02T10:00:00Z"),
      issuedAt: d("2026-03-02T10:00:00Z"),
      expiresAt: d("2027-03-02T10:00:00Z"),
    })
    expect(ProtectionOrder.validateDates(ok, 0)).toEqual(Either.right(ok))
  })

  it("names the first field out of order", () => {
    expect(
      ProtectionOrder.validateDates(
        order({ requestedAt: d("2026-03-05T10:00:00Z"), decidedAt: d("2026-03-02T10:00:00Z") }),
        0,
      ),
    ).toEqual(outOfOrder("decidedAt"))
    expect(
      ProtectionOrder.validateDates(
        order({
          requestedAt: d("2026-03-01T10:00:00Z"),
          issuedAt: d("2026-03-02T10:00:00Z"),
          expiresAt: d("2026-03-02T10:00:00Z"),
        }),
        0,
      ),
    ).toEqual(outOfOrder("expiresAt"))
  })

  it("property: sorted dates pass; a pair swapped out of order fails", () => {
    const time = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) })
    fc.assert(
      fc.property(fc.uniqueArray(time, { minLength: 4, maxLength: 4 }), fc.nat(2), (times, swap) => {
        const sorted = [...times].sort((a, b) => a - b)
        const [requestedAt, decidedAt, issuedAt, expiresAt] = sorted.map((t) => new Date(t)) as [Date, Date, Date, Date]
        expect(
          Either.isRight(ProtectionOrder.validateDates(order({ requestedAt, decidedAt, issuedAt, expiresAt }), 0)),
        ).toBe(true)
        const swapped = [requestedAt, decidedAt, issuedAt, expiresAt]
        ;[swapped[swap], swapped[swap + 1]] = [swapped[swap + 1]!, swapped[swap]!]
        const [r, dd, i, e] = swapped as [Date, Date, Date, Date]
        const result = ProtectionOrder.validateDates(
          order({ requestedAt: r, decidedAt: dd, issuedAt: i, expiresAt: e }),
          0,
        )
        expect(Either.isLeft(result) && result.left.rule).toBe("case.order.dates.out-of-order")
      }),
    )
  })
})

describe("the lifecycle", () => {
  it("follows the table", () => {
    expect(ProtectionOrderLifecycle.transition("requested", "issue")).toEqual(Either.right("issued"))
    expect(ProtectionOrderLifecycle.transition("requested", "reject")).toEqual(Either.right("rejected"))
    expect(ProtectionOrderLifecycle.transition("issued", "extend")).toEqual(Either.right("extended"))
    expect(ProtectionOrderLifecycle.transition("extended", "expire")).toEqual(Either.right("expired"))
    expect(ProtectionOrderLifecycle.transition("rejected", "issue")).toEqual(
      Either.left(new Errors.InvalidTransition({ entity: "ProtectionOrder", from: "rejected", command: "issue" })),
    )
    expect(ProtectionOrderLifecycle.commandsFrom("expired")).toEqual([])
    expect(ProtectionOrderLifecycle.commandsFrom("requested")).toEqual(["issue", "reject", "schedule-hearing"])
    expect(ProtectionOrderLifecycle.commandsFrom("rejected")).toEqual([])
  })

  it("a court order starts requested; a police order starts issued with its expiry computed", () => {
    expect(requested().status).toBe("requested")
    const police = Either.getOrThrow(
      ProtectionOrderLifecycle.start(
        {
          id: ids.order(2),
          kind: "temporary-emergency-protection-order",
          petitioner: "police",
          issuedAt: d("2026-03-13T20:00:00Z"),
        },
        0,
        profile,
      ),
    )
    expect(police.status).toBe("issued")
    // 1 working day after Friday 21:00 in Prishtina is Monday 21:00.
    expect(police.expiresAt).toEqual(d("2026-03-16T20:00:00Z"))
    expect(
      ProtectionOrderLifecycle.start({ id: ids.order(3), kind: "protection-order", petitioner: "victim" }, 2, profile),
    ).toEqual(
      Either.left(new Errors.InvalidInput({ field: "orders.2.requestedAt", rule: "case.order.requested-at-required" })),
    )
    expect(
      ProtectionOrderLifecycle.start(
        { id: ids.order(3), kind: "temporary-emergency-protection-order", petitioner: "police" },
        0,
        profile,
      ),
    ).toEqual(
      Either.left(new Errors.InvalidInput({ field: "orders.0.issuedAt", rule: "case.order.issued-at-required" })),
    )
  })

  it("applies events: issue, breach, extend, expire", () => {
    const emergency = requested("emergency-protection-order", d("2026-03-10T08:00:00Z"))
    const issued = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(emergency, Event.Issued({ at: d("2026-03-10T12:00:00Z") }), 0, profile),
    )
    expect(issued).toMatchObject({ status: "issued", expiresAt: d("2026-03-25T12:00:00Z") })
    const breached = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(
        issued,
        Event.BreachRecorded({ at: d("2026-03-15T22:00:00Z"), reportedBy: institutions.police }),
        0,
        profile,
      ),
    )
    expect(breached.status).toBe("issued")
    expect(breached.breaches).toEqual([{ at: d("2026-03-15T22:00:00Z"), reportedBy: institutions.police }])
    const extended = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(
        breached,
        Event.Extended({ at: d("2026-03-23T10:00:00Z"), until: d("2026-04-10T12:00:00Z") }),
        0,
        profile,
      ),
    )
    expect(extended).toMatchObject({ status: "extended", expiresAt: d("2026-04-10T12:00:00Z") })
    const expired = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(extended, Event.Expired({ at: d("2026-04-10T12:00:00Z") }), 0, profile),
    )
    expect(expired.status).toBe("expired")
    expect(
      ProtectionOrderLifecycle.apply(expired, Event.BreachRecorded({ at: d("2026-04-11T10:00:00Z") }), 0, profile),
    ).toEqual(
      Either.left(
        new Errors.InvalidTransition({ entity: "ProtectionOrder", from: "expired", command: "record-breach" }),
      ),
    )
  })

  it("refuses dates out of order and breaches outside the order's term", () => {
    const emergency = requested("emergency-protection-order", d("2026-03-10T08:00:00Z"))
    expect(
      ProtectionOrderLifecycle.apply(emergency, Event.Issued({ at: d("2026-03-09T12:00:00Z") }), 0, profile),
    ).toEqual(outOfOrder("decidedAt"))
    const issued = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(emergency, Event.Issued({ at: d("2026-03-10T12:00:00Z") }), 0, profile),
    )
    expect(
      ProtectionOrderLifecycle.apply(issued, Event.BreachRecorded({ at: d("2026-03-26T12:00:00Z") }), 0, profile),
    ).toEqual(
      Either.left(new Errors.InvalidInput({ field: "orders.0.breaches.0.at", rule: "case.order.breach.outside-term" })),
    )
    expect(
      ProtectionOrderLifecycle.apply(
        issued,
        Event.Extended({ at: d("2026-03-20T12:00:00Z"), until: d("2026-03-24T12:00:00Z") }),
        0,
        profile,
      ),
    ).toEqual(outOfOrder("extensions.0.until"))
  })

  it("schedules a hearing without moving the status; a later one replaces it, the first kept", () => {
    const pending = requested("protection-order", d("2026-03-20T09:00:00Z"))
    const first = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(
        pending,
        Event.HearingScheduled({ at: d("2026-03-21T10:00:00Z"), hearingAt: d("2026-03-30T08:00:00Z") }),
        0,
        profile,
      ),
    )
    expect(first.status).toBe("requested")
    expect(ProtectionOrder.nextHearing(first)).toEqual({
      at: d("2026-03-30T08:00:00Z"),
      scheduledAt: d("2026-03-21T10:00:00Z"),
    })
    const second = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(
        first,
        Event.HearingScheduled({
          at: d("2026-03-27T10:00:00Z"),
          hearingAt: d("2026-04-02T07:00:00Z"),
          court: institutions.police,
        }),
        0,
        profile,
      ),
    )
    expect(second.hearings).toHaveLength(2)
    expect(ProtectionOrder.nextHearing(second)).toEqual({
      at: d("2026-04-02T07:00:00Z"),
      scheduledAt: d("2026-03-27T10:00:00Z"),
      court: institutions.police,
    })
    // Issued at the hearing: the hearing stays on the order.
    const issued = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(second, Event.Issued({ at: d("2026-04-02T09:00:00Z") }), 0, profile),
    )
    expect(issued.hearings).toEqual(second.hearings)
    expect(ProtectionOrder.nextHearing(pending)).toBeUndefined()
  })

  it("refuses a hearing before the request, one scheduled before the hearing it replaces, one on a closed order", () => {
    const pending = requested("protection-order", d("2026-03-20T09:00:00Z"))
    const hearing = (at: string, hearingAt: string) => Event.HearingScheduled({ at: d(at), hearingAt: d(hearingAt) })
    expect(
      ProtectionOrderLifecycle.apply(pending, hearing("2026-03-20T10:00:00Z", "2026-03-20T08:59:00Z"), 0, profile),
    ).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "orders.0.hearings.0.at", rule: "case.order.hearing.before-request" }),
      ),
    )
    expect(
      ProtectionOrderLifecycle.apply(pending, hearing("2026-03-19T10:00:00Z", "2026-03-25T08:00:00Z"), 0, profile),
    ).toEqual(
      Either.left(
        new Errors.InvalidInput({
          field: "orders.0.hearings.0.scheduledAt",
          rule: "case.order.hearing.before-request",
        }),
      ),
    )
    // At the very moment of the request is allowed.
    const first = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(pending, hearing("2026-03-22T10:00:00Z", "2026-03-20T09:00:00Z"), 0, profile),
    )
    expect(
      ProtectionOrderLifecycle.apply(first, hearing("2026-03-21T10:00:00Z", "2026-03-28T08:00:00Z"), 0, profile),
    ).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "orders.0.hearings.1.scheduledAt", rule: "case.order.hearing.out-of-order" }),
      ),
    )
    const rejected = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(pending, Event.Rejected({ at: d("2026-03-25T10:00:00Z") }), 0, profile),
    )
    expect(
      ProtectionOrderLifecycle.apply(rejected, hearing("2026-03-26T10:00:00Z", "2026-03-30T08:00:00Z"), 0, profile),
    ).toEqual(
      Either.left(
        new Errors.InvalidTransition({ entity: "ProtectionOrder", from: "rejected", command: "schedule-hearing" }),
      ),
    )
    // A police order, issued without a request, starts at its issue.
    const police = Either.getOrThrow(
      ProtectionOrderLifecycle.start(
        {
          id: ids.order(2),
          kind: "temporary-emergency-protection-order",
          petitioner: "police",
          issuedAt: d("2026-03-13T20:00:00Z"),
        },
        0,
        profile,
      ),
    )
    expect(
      Either.isLeft(
        ProtectionOrderLifecycle.apply(police, hearing("2026-03-13T21:00:00Z", "2026-03-13T19:00:00Z"), 0, profile),
      ),
    ).toBe(true)
  })

  it("property: no event sequence reaches an illegal state", () => {
    const base = Date.UTC(2026, 2, 10, 8)
    const hour = 3_600_000
    const event = fc.oneof(
      fc.nat(2000).map((h) => Event.Issued({ at: new Date(base + h * hour) })),
      fc.nat(2000).map((h) => Event.Rejected({ at: new Date(base + h * hour) })),
      fc
        .tuple(fc.nat(2000), fc.nat(2000))
        .map(([h, l]) => Event.Extended({ at: new Date(base + h * hour), until: new Date(base + (h + l) * hour) })),
      fc.nat(2000).map((h) => Event.Expired({ at: new Date(base + h * hour) })),
      fc.nat(2000).map((h) => Event.BreachRecorded({ at: new Date(base + h * hour) })),
      fc
        .tuple(fc.integer({ min: -100, max: 2000 }), fc.integer({ min: -100, max: 2000 }))
        .map(([s, h]) =>
          Event.HearingScheduled({ at: new Date(base + s * hour), hearingAt: new Date(base + h * hour) }),
        ),
    )
    const kind = fc.constantFrom(
      "protection-order",
      "emergency-protection-order",
      "temporary-emergency-protection-order",
    )
    fc.assert(
      fc.property(kind, fc.array(event, { maxLength: 12 }), (k, events) => {
        let current = Either.getOrThrow(
          ProtectionOrderLifecycle.start(
            k === "temporary-emergency-protection-order"
              ? { id: ids.order(9), kind: k, petitioner: "police", issuedAt: new Date(base) }
              : { id: ids.order(9), kind: k, petitioner: "social-work", requestedAt: new Date(base) },
            0,
            profile,
          ),
        )
        for (const e of events) {
          const next = ProtectionOrderLifecycle.apply(current, e, 0, profile)
          if (Either.isLeft(next)) continue
          // Only listed transitions happen, a hearing leaving the status as it was …
          expect(ProtectionOrderLifecycle.transitions[current.status][commandOf[e._tag]]).toBe(next.right.status)
          if (e._tag === "HearingScheduled") expect(next.right.status).toBe(current.status)
          current = next.right
          // … the dates stay in order …
          expect(Either.isRight(ProtectionOrder.validateDates(current, 0))).toBe(true)
          // … an issued, extended or expired order has been issued; a rejected one has been decided …
          if (current.status !== "requested" && current.status !== "rejected") expect(current.issuedAt).toBeDefined()
          if (current.status === "rejected") expect(current.decidedAt).toBeDefined()
          // … no hearing is before the order started …
          for (const hearing of current.hearings) expect(hearing.at.getTime()).toBeGreaterThanOrEqual(base)
          // … and breaches are recorded only within the term.
          for (const breach of current.breaches) {
            expect(breach.at.getTime()).toBeGreaterThanOrEqual(current.issuedAt!.getTime())
          }
        }
        expect(ProtectionOrder.Status.literals).toContain(current.status)
      }),
    )
  })
})

describe("deadlines and reminders (profile numbers, Europe/Belgrade)", () => {
  it("the court decides an emergency order within 24 hours and a protection order within 15 days", () => {
    expect(
      ProtectionOrderDeadlines.decisionDue(requested("emergency-protection-order", d("2026-03-28T10:00:00Z")), profile),
    ).toEqual(d("2026-03-29T10:00:00Z"))
    // 15 local days across the switch to summer time (29 March): 10:00 stays 10:00 local.
    expect(
      ProtectionOrderDeadlines.decisionDue(requested("protection-order", d("2026-03-20T09:00:00Z")), profile),
    ).toEqual(d("2026-04-04T08:00:00Z"))
  })

  it("reminds about an emergency order's extension two days before it expires", () => {
    const issued = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(
        requested("emergency-protection-order", d("2026-03-10T08:00:00Z")),
        Event.Issued({ at: d("2026-03-10T12:00:00Z") }),
        0,
        profile,
      ),
    )
    expect(ProtectionOrderDeadlines.reminders(issued, profile)).toEqual([
      { kind: "extension-reminder", at: d("2026-03-23T12:00:00Z"), title: "case.order.reminder.extension-reminder" },
      { kind: "expiry", at: d("2026-03-25T12:00:00Z"), title: "case.order.reminder.expiry" },
    ])
  })

  it("a requested order has its decision reminder and knows when it is overdue", () => {
    const pending = requested("emergency-protection-order", d("2026-03-10T08:00:00Z"))
    expect(ProtectionOrderDeadlines.reminders(pending, profile)).toEqual([
      { kind: "decision-due", at: d("2026-03-11T08:00:00Z"), title: "case.order.reminder.decision-due" },
    ])
    expect(ProtectionOrderDeadlines.decisionOverdue(pending, d("2026-03-11T07:59:00Z"), profile)).toBe(false)
    expect(ProtectionOrderDeadlines.decisionOverdue(pending, d("2026-03-11T08:01:00Z"), profile)).toBe(true)
  })

  it("follows a changed profile (unconfirmed numbers are settings)", () => {
    const kinds = profile.protectionOrders.kinds
    const changed = {
      ...profile,
      protectionOrders: {
        ...profile.protectionOrders,
        kinds: {
          ...kinds,
          "emergency-protection-order": {
            ...kinds["emergency-protection-order"]!,
            decisionWithin: { value: 48, unit: "hours" as const, confirmed: true, source: "test" },
          },
        },
      },
    }
    expect(
      ProtectionOrderDeadlines.decisionDue(requested("emergency-protection-order", d("2026-03-10T08:00:00Z")), changed),
    ).toEqual(d("2026-03-12T08:00:00Z"))
  })

  it("reminds about the hearing in force the day before, at the same local time", () => {
    const pending = requested("emergency-protection-order", d("2026-03-10T08:00:00Z"))
    const withHearing = (order: ProtectionOrder.ProtectionOrder, at: string, hearingAt: string) =>
      Either.getOrThrow(
        ProtectionOrderLifecycle.apply(
          order,
          Event.HearingScheduled({ at: d(at), hearingAt: d(hearingAt) }),
          0,
          profile,
        ),
      )
    const first = withHearing(pending, "2026-03-10T09:00:00Z", "2026-03-13T09:00:00Z")
    // A rescheduled hearing: only the one in force is reminded of.
    const moved = withHearing(first, "2026-03-10T15:00:00Z", "2026-03-17T13:00:00Z")
    expect(ProtectionOrderDeadlines.reminders(moved, profile)).toEqual([
      { kind: "decision-due", at: d("2026-03-11T08:00:00Z"), title: "case.order.reminder.decision-due" },
      { kind: "hearing", at: d("2026-03-16T13:00:00Z"), title: "case.order.reminder.hearing" },
    ])
    const issued = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(moved, Event.Issued({ at: d("2026-03-10T16:00:00Z") }), 0, profile),
    )
    expect(ProtectionOrderDeadlines.reminders(issued, profile).map((r) => r.kind)).toEqual([
      "hearing",
      "extension-reminder",
      "expiry",
    ])
    const rejected = Either.getOrThrow(
      ProtectionOrderLifecycle.apply(moved, Event.Rejected({ at: d("2026-03-10T16:00:00Z") }), 0, profile),
    )
    expect(ProtectionOrderDeadlines.reminders(rejected, profile)).toEqual([])
  })

  it("the hearing reminder keeps the local time across the clock changes in Europe/Belgrade", () => {
    const reminderOf = (hearingAt: string) =>
      ProtectionOrderDeadlines.hearingReminder(
        { hearings: [{ at: d(hearingAt), scheduledAt: d("2026-01-05T09:00:00Z") }] },
        profile,
      )
    // Summer time starts on Sunday 29 March 2026 at 02:00 (CET, UTC+1 → CEST, UTC+2).
    // A hearing on the Sunday at 10:00 CEST: Saturday at 10:00 CET, 23 hours before.
    expect(reminderOf("2026-03-29T08:00:00Z")).toEqual(d("2026-03-28T09:00:00Z"))
    // On the Monday at 09:00 CEST: Sunday at 09:00 CEST, 24 hours before.
    expect(reminderOf("2026-03-30T07:00:00Z")).toEqual(d("2026-03-29T07:00:00Z"))
    // Summer time ends on Sunday 25 October 2026 at 03:00 (CEST → CET).
    // A hearing on the Sunday at 10:00 CET: Saturday at 10:00 CEST, 25 hours before.
    expect(reminderOf("2026-10-25T09:00:00Z")).toEqual(d("2026-10-24T08:00:00Z"))
    // On the Monday at 09:00 CET: Sunday at 09:00 CET, 24 hours before.
    expect(reminderOf("2026-10-26T08:00:00Z")).toEqual(d("2026-10-25T08:00:00Z"))
    expect(ProtectionOrderDeadlines.hearingReminder({ hearings: [] }, profile)).toBeUndefined()
  })

  it("property: the hearing reminder is never after the hearing, whatever the profile's lead", () => {
    const lead = fc.constantFrom(
      { value: 1, unit: "days" as const },
      { value: 0, unit: "days" as const },
      { value: 0, unit: "hours" as const },
      { value: 24, unit: "hours" as const },
      { value: 2, unit: "working-days" as const },
      { value: 1, unit: "weeks" as const },
      { value: 1, unit: "months" as const },
    )
    // Every minute of 2024–2030, and every minute around the 2026 clock changes.
    const around = (iso: string) =>
      fc.integer({ min: -3 * 86_400, max: 3 * 86_400 }).map((m) => d(iso).getTime() + m * 60_000)
    const instant = fc.oneof(
      fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
      around("2026-03-29T01:00:00Z"),
      around("2026-10-25T01:00:00Z"),
    )
    fc.assert(
      fc.property(lead, instant, (before, t) => {
        const changed = {
          ...profile,
          protectionOrders: {
            ...profile.protectionOrders,
            hearingReminderBefore: { ...before, confirmed: true, source: "test" },
          },
        }
        const hearingAt = new Date(t)
        const reminder = ProtectionOrderDeadlines.hearingReminder(
          { hearings: [{ at: hearingAt, scheduledAt: d("2024-01-01T00:00:00Z") }] },
          changed,
        )!
        expect(reminder.getTime()).toBeLessThanOrEqual(hearingAt.getTime())
        // With the Kosovo default, a local day: 24 hours, 23 or 25 across a clock change.
        if (before.unit === "days" && before.value === 1)
          expect(hearingAt.getTime() - reminder.getTime()).toBeGreaterThanOrEqual(22 * 3_600_000)
      }),
      { numRuns: 2000 },
    )
  })

  it("property: the extension reminder falls before the expiry, two local days before at the same local time", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }), (t) => {
        const expiresAt = new Date(t)
        const reminder = ProtectionOrderDeadlines.extensionReminder(
          { kind: "emergency-protection-order", expiresAt },
          profile,
        )!
        const gap = expiresAt.getTime() - reminder.getTime()
        // 48 hours, or 47/49 across a daylight-saving change.
        expect([47, 48, 49].map((h) => h * 3_600_000)).toContain(gap)
      }),
    )
  })
})
