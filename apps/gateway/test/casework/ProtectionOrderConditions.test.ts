// Protection order conditions and automatic expiry through HTTP, on SQLite
// and PostgreSQL: the police record an order with what it forbids (no
// contact, stay away 200 m from home and school, surrender of weapons) and
// every full-access member reads it; bad conditions are refused naming the
// field, writing nothing; a correction keeps the previous conditions with
// who and why; and an order past its end expires by itself in the gateway's
// round (time from a TestClock), with an event.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import * as OrderExpiryRunner from "../../src/OrderExpiryRunner"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { roundAt } from "../support/Rounds"
import { counts, outboxPayloads } from "../support/Rows"

const written = ["protection_orders", "protection_order_events", "case_corrections", "audit_log", "bashke_outbox"]
const conditions = [
  { kind: "no-contact" },
  { kind: "stay-away", distanceMeters: 200, places: ["home", "school"] },
  { kind: "surrender-of-weapons" },
]
const reason = "The court's written decision sets 300 metres, not 200, and adds her workplace."

interface Order {
  readonly id: string
  readonly status: string
  readonly expiresAt?: string
  readonly conditions?: ReadonlyArray<unknown>
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: protection order conditions and expiry`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let order: Order
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["policeOfficer", "caseManager", "shelterWorker", "teacher"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const path = () => `/v1/cases/${seeded.cases?.highRisk.caseId}`
    const read = async (who: PersonName = "caseManager") => {
      const response = await gateway.request("GET", path(), { token: as(who) })
      return { body: await response.json(), etag: response.headers.get("etag") as string }
    }
    const orderOf = async (who: PersonName = "caseManager") =>
      ((await read(who)).body.orders as ReadonlyArray<Order>).find((each) => each.id === order.id) as Order
    const issue = async (body: Record<string, unknown>) =>
      gateway.request("POST", `${path()}/protection-orders`, {
        token: as("policeOfficer"),
        ifMatch: (await read()).etag,
        body: {
          kind: "temporary-emergency-protection-order",
          petitioner: "police",
          issuedAt: new Date(Date.now() - 3_600_000).toISOString(),
          ...body,
        },
      })
    const correct = async (body: Record<string, unknown>) =>
      gateway.request("POST", `${path()}/protection-orders/${order.id}/conditions/corrections`, {
        token: as("caseManager"),
        ifMatch: (await read()).etag,
        body,
      })

    it("refuses bad conditions naming the field, writing nothing", async () => {
      const before = await counts(gateway, written)
      for (const [bad, field] of [
        [[{ kind: "curfew" }], "conditions.0.kind"],
        [[{ kind: "stay-away", places: ["home"] }], "conditions.0.distanceMeters"],
        [[{ kind: "stay-away", distanceMeters: 0, places: ["home"] }], "conditions.0.distanceMeters"],
        [[{ kind: "stay-away", distanceMeters: 100, places: ["Rruga e Dardanisë 4"] }], "conditions.0.places"],
        [[{ kind: "temporary-custody", children: [seeded.cases?.highRisk.victim] }], "conditions.0.children.0"],
      ] as const) {
        const refused = await issue({ conditions: bad })
        expect(refused.status, JSON.stringify(bad)).toBe(422)
        expect(String((await refused.json()).field)).toMatch(new RegExp(`^${field.replace(/\./g, "\\.")}`))
      }
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("the police record an order with its conditions; the team reads what it forbids", async () => {
      const issued = await issue({ conditions })
      expect(issued.status).toBe(201)
      order = await issued.json()
      expect(order).toMatchObject({ status: "issued", conditions })
      for (const who of ["policeOfficer", "shelterWorker"] as const)
        expect((await orderOf(who)).conditions).toEqual(conditions)
    })

    it("corrects the conditions with a reason, keeping the previous ones; bad corrections write nothing", async () => {
      const corrected = [
        { kind: "no-contact" },
        { kind: "stay-away", distanceMeters: 300, places: ["home", "school", "workplace"] },
        { kind: "surrender-of-weapons" },
      ]
      const before = await counts(gateway, written)
      for (const [body, field] of [
        [{ conditions: corrected }, "reason"],
        [{ conditions, reason }, "conditions"],
        [{ conditions: [{ kind: "curfew" }], reason }, "conditions.0.kind"],
      ] as const) {
        const refused = await correct(body)
        expect(refused.status, JSON.stringify(body)).toBe(422)
        expect(String((await refused.json()).field)).toMatch(new RegExp(`^${field.replace(/\./g, "\\.")}`))
      }
      expect(await counts(gateway, written)).toEqual(before)
      const made = await correct({ conditions: corrected, reason })
      expect(made.status).toBe(201)
      expect(await made.json()).toMatchObject({ kind: "protection-order", recordId: order.id, fields: ["conditions"] })
      expect((await orderOf("policeOfficer")).conditions).toEqual(corrected)
      const history = await gateway.request("GET", `${path()}/corrections`, { token: as("caseManager") })
      const item = (await history.json()).items.find((each: { recordId: string }) => each.recordId === order.id)
      expect(item).toMatchObject({ previous: { conditions }, reason })
      const event = (await outboxPayloads(gateway, "case.protection-order.conditions-corrected")).at(-1)
      expect(event).toMatchObject({ recordId: order.id, fields: ["conditions"] })
    })

    it("expires by itself once past its end, with an event, in the gateway's round", async () => {
      const end = Date.parse(order.expiresAt as string)
      const round = (at: number) => roundAt(gateway, OrderExpiryRunner.expireOrders, at)
      expect(await round(end - 60_000)).toBe(0)
      expect((await orderOf()).status).toBe("issued")
      const { etag } = await read()
      expect(await round(end + 60_000)).toBeGreaterThanOrEqual(1)
      expect((await orderOf()).status).toBe("expired")
      // The case moved: an edit decided before the expiry is stale.
      expect((await read()).etag).not.toBe(etag)
      const event = (await outboxPayloads(gateway, "case.protection-order.expired")).at(-1)
      expect(event).toMatchObject({ orderId: order.id, automatic: true, expiresAt: order.expiresAt })
      expect(await round(end + 120_000)).toBe(0)
    })
  })
}
