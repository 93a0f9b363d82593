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
    expect(ProtectionOrderLifecycle.commandsFrom("requested")).toEqual(["issue", "reject"])
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
          // Only listed transitions happen …
          expect(ProtectionOrderLifecycle.transitions[current.status][commandOf[e._tag]]).toBe(next.right.status)
          current = next.right
          // … the dates stay in order …
          expect(Either.isRight(ProtectionOrder.validateDates(current, 0))).toBe(true)
          // … an issued, extended or expired order has been issued; a rejected one has been decided …
          if (current.status !== "requested" && current.status !== "rejected") expect(current.issuedAt).toBeDefined()
          if (current.status === "rejected") expect(current.decidedAt).toBeDefined()
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
