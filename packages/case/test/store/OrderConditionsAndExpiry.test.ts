// Protection orders on both dialects: their conditions recorded as data (and
// refused, naming the field and writing nothing, when they break the
// profile's rules), and orders past their end expiring by themselves in a
// round — at their end date, with the history's entry and an event — with
// time from the TestClock.
import { Principal } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Option, TestClock } from "effect"
import { CaseRepository } from "../../src/CaseRepository"
import { CaseService } from "../../src/CaseService"
import * as OrderExpiry from "../../src/OrderExpiry"
import { databases, mechanismId, outbox, principals, services, snapshot, start } from "./support/Databases"
import { seedCases } from "./support/Seed"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)
const { officer } = principals

const opened = Effect.gen(function* () {
  yield* start
  const cases = yield* CaseService
  const aCase = yield* as(officer)(cases.openCase({ mechanismId, municipality: "GJI", persons: seedCases[0] ?? [] }))
  const child = aCase.persons.find((person) => person.role === "child")
  const perpetrator = aCase.persons.find((person) => person.role === "alleged-perpetrator")
  if (child === undefined || perpetrator === undefined) throw new Error("the seeded case has a child and a perpetrator")
  return { aCase, child, perpetrator }
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: protection order conditions and expiry`, () => {
    layer(services(db))((it) => {
      it.effect("records an order's conditions as data and reads them back", () =>
        Effect.gen(function* () {
          const { aCase, child } = yield* opened
          const cases = yield* CaseService
          const conditions = [
            { kind: "no-contact" },
            { kind: "stay-away", distanceMeters: 200, places: ["home", "school"] as const },
            { kind: "temporary-custody", children: [child.id] },
            { kind: "surrender-of-weapons" },
          ]
          const order = yield* as(officer)(
            cases.recordOrder({
              caseId: aCase.id,
              kind: "temporary-emergency-protection-order",
              petitioner: "police",
              issuedAt: "2026-03-02T08:00:00Z",
              conditions,
            }),
          )
          expect(order.conditions).toEqual(conditions)
          const read = yield* as(officer)(cases.read({ caseId: aCase.id }))
          expect(read.orders[0]?.conditions).toEqual(conditions)
        }),
      )

      it.effect("refuses conditions that break the profile's rules, naming the field, writing nothing", () =>
        Effect.gen(function* () {
          const { aCase, perpetrator } = yield* opened
          const cases = yield* CaseService
          for (const [conditions, field, rule] of [
            [[{ kind: "curfew" }], "conditions.0.kind", "case.order.condition.unknown"],
            [
              [{ kind: "stay-away", places: ["home"] }],
              "conditions.0.distanceMeters",
              "case.order.condition.distance-required",
            ],
            [
              [{ kind: "stay-away", distanceMeters: 100 }],
              "conditions.0.places",
              "case.order.condition.places-required",
            ],
            [
              [{ kind: "no-contact", distanceMeters: 100 }],
              "conditions.0.distanceMeters",
              "case.order.condition.not-applicable",
            ],
            [
              [{ kind: "temporary-custody", children: [perpetrator.id] }],
              "conditions.0.children.0",
              "case.order.condition.child-unknown",
            ],
            [[{ kind: "no-contact" }, { kind: "no-contact" }], "conditions.1.kind", "case.order.condition.duplicate"],
          ] as const) {
            const before = yield* snapshot
            const error = yield* Effect.flip(
              as(officer)(
                cases.recordOrder({
                  caseId: aCase.id,
                  kind: "temporary-emergency-protection-order",
                  petitioner: "police",
                  issuedAt: "2026-03-02T08:00:00Z",
                  conditions: conditions as never,
                }),
              ),
            )
            expect(JSON.parse(JSON.stringify(error)), JSON.stringify(conditions)).toMatchObject({ field, rule })
            expect(yield* snapshot).toEqual(before)
          }
        }),
      )

      it.effect("orders past their end expire by themselves, at their end date, with an entry and an event", () =>
        Effect.gen(function* () {
          const { aCase } = yield* opened
          const cases = yield* CaseService
          const repository = yield* CaseRepository
          // The police's order lasts one working day; the court's emergency order fifteen days.
          const short = yield* as(officer)(
            cases.recordOrder({
              caseId: aCase.id,
              kind: "temporary-emergency-protection-order",
              petitioner: "police",
              issuedAt: "2026-03-02T08:00:00Z",
              conditions: [{ kind: "no-contact" }],
            }),
          )
          const long = yield* as(officer)(
            cases.recordOrder({
              caseId: aCase.id,
              kind: "emergency-protection-order",
              petitioner: "victim",
              requestedAt: "2026-03-02T08:30:00Z",
            }),
          )
          yield* as(officer)(
            cases.recordOrderEvent({ caseId: aCase.id, orderId: long.id, event: "issued", at: "2026-03-02T08:45:00Z" }),
          )
          const shortEnd = short.expiresAt
          if (shortEnd === undefined) throw new Error("a police order has an end")
          // Before its end: nothing to expire.
          expect(yield* OrderExpiry.expireDue).toBe(0)
          const versionBefore = Option.getOrThrow(yield* repository.find(aCase.id)).version
          yield* TestClock.setTime(shortEnd.getTime() + 60_000)
          // Earlier tests' police orders in this database end at the same time.
          expect(yield* OrderExpiry.expireDue).toBeGreaterThanOrEqual(1)
          const after = Option.getOrThrow(yield* repository.find(aCase.id))
          expect(after.version).toBe(versionBefore + 1)
          expect(after.orders.find((order) => order.id === short.id)?.status).toBe("expired")
          expect(after.orders.find((order) => order.id === long.id)?.status).toBe("issued")
          expect((yield* repository.orderEvents(short.id)).at(-1)).toMatchObject({ event: "expired", at: shortEnd })
          const event = (yield* outbox).filter((e) => e.topic === "case.protection-order.expired").at(-1)
          expect(event?.payload).toMatchObject({
            orderId: short.id,
            automatic: true,
            expiresAt: shortEnd.toISOString(),
          })
          // A second round finds nothing; fifteen days on, the court's order expires too.
          expect(yield* OrderExpiry.expireDue).toBe(0)
          yield* TestClock.adjust("15 days")
          expect(yield* OrderExpiry.expireDue).toBeGreaterThanOrEqual(1)
          expect(Option.getOrThrow(yield* repository.find(aCase.id)).orders.map((order) => order.status)).toEqual([
            "expired",
            "expired",
          ])
        }),
      )
    })
  })
}
