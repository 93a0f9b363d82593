// The rules of an order's conditions: kinds from the profile, each once, each
// stating exactly what its kind needs, children of the case only; and when an
// order is due to expire.
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as OrderCondition from "../../src/OrderCondition"
import * as OrderExpiry from "../../src/OrderExpiry"
import type * as ProtectionOrder from "../../src/ProtectionOrder"
import { ids, profile } from "./Fixtures"

const persons = [
  { id: ids.victim, role: "victim" as const },
  { id: ids.child, role: "child" as const },
  { id: ids.perpetrator, role: "alleged-perpetrator" as const },
]
const kinds = Object.keys(profile.protectionOrders.conditions)

const condition = fc.record(
  {
    kind: fc.constantFrom(...kinds, "curfew"),
    distanceMeters: fc.integer({ min: 1, max: 500 }),
    places: fc.array(fc.constantFrom("home" as const, "school" as const), { maxLength: 2 }),
    children: fc.array(fc.constantFrom(ids.child, ids.perpetrator), { maxLength: 2 }),
  },
  { requiredKeys: ["kind"] },
)

/** The rule restated: what `validate` must accept. */
const acceptable = (conditions: ReadonlyArray<OrderCondition.Condition>): boolean => {
  const seen = new Set<string>()
  return conditions.every((c) => {
    const kind = profile.protectionOrders.conditions[c.kind]
    if (kind === undefined || seen.has(c.kind)) return false
    seen.add(c.kind)
    const stated = {
      distance: c.distanceMeters !== undefined,
      places: (c.places ?? []).length > 0,
      children: (c.children ?? []).length > 0,
    }
    return (
      (["distance", "places", "children"] as const).every((need) => kind.needs.includes(need) === stated[need]) &&
      (c.children ?? []).every((child) => child === ids.child)
    )
  })
}

describe("OrderCondition", () => {
  it("accepts the law's conditions stating what each needs", () => {
    const conditions = [
      { kind: "no-contact" },
      { kind: "stay-away", distanceMeters: 300, places: ["home", "workplace"] as const },
      { kind: "temporary-custody", children: [ids.child] },
    ]
    expect(OrderCondition.validate(conditions, profile, persons)).toEqual(Either.right(conditions))
  })

  it("names the field of the first broken rule", () => {
    const refused = OrderCondition.validate(
      [{ kind: "no-contact" }, { kind: "stay-away", places: ["home"] }],
      profile,
      persons,
    )
    expect(Either.isLeft(refused) && refused.left).toMatchObject({
      field: "conditions.1.distanceMeters",
      rule: "case.order.condition.distance-required",
    })
  })

  it("property: validate accepts exactly the conditions the rule allows", () => {
    fc.assert(
      fc.property(fc.array(condition, { maxLength: 4 }), (conditions) => {
        expect(Either.isRight(OrderCondition.validate(conditions, profile, persons))).toBe(acceptable(conditions))
      }),
    )
  })
})

describe("OrderExpiry.isDue", () => {
  const order = (status: ProtectionOrder.Status, expiresAt?: Date) => ({
    status,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  })

  it("is due at and after its end, in force only", () => {
    const end = new Date("2026-03-03T08:00:00Z")
    expect(OrderExpiry.isDue(order("issued", end), new Date("2026-03-03T07:59:59Z"))).toBe(false)
    expect(OrderExpiry.isDue(order("issued", end), end)).toBe(true)
    expect(OrderExpiry.isDue(order("extended", end), new Date("2026-04-01T00:00:00Z"))).toBe(true)
    expect(OrderExpiry.isDue(order("requested"), new Date("2030-01-01T00:00:00Z"))).toBe(false)
  })

  it("property: due exactly when in force by status and past its end", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ProtectionOrder.Status>("requested", "issued", "rejected", "extended", "expired"),
        fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: undefined }),
        fc.integer({ min: 0, max: 1e12 }),
        (status, end, now) => {
          const due = OrderExpiry.isDue(order(status, end === undefined ? undefined : new Date(end)), new Date(now))
          expect(due).toBe((status === "issued" || status === "extended") && end !== undefined && end <= now)
        },
      ),
    )
  })
})
