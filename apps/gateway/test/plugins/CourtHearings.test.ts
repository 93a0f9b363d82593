// Court hearings through `protection-orders:sync`, in both dialects: an
// update's `hearingAt` becomes the hearing in force on the case's order — a
// later one replaces it, the same one again is `unchanged`, one scheduled
// before the hearing in force is `stale`, and a hearing carried by an update
// whose status is stale still moves on. End to end, the court plugin pulls a
// hearing date from the fake court and it ends up on the case's order, with
// its reminder.
import { CaseService, ProtectionOrder, ProtectionOrderDeadlines } from "@bashke/case"
import { type Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { ProtectionOrderSync } from "@bashke/plugin-sdk"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import courtPlugin from "../../../../plugins/court/src/index"
import * as Changes from "../../../../plugins/court/test/support/Changes"
import * as FakeCourt from "../../../../plugins/court/test/support/FakeCourt"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, principal } from "../../src/demo/World"
import * as PluginConfig from "../../src/plugins/PluginConfig"
import * as PluginRuntime from "../../src/plugins/PluginRuntime"
import * as ProtectionOrderSyncProvider from "../../src/plugins/ProtectionOrderSyncProvider"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { identity, makeWorld, type PluginWorld, pluginPrincipalId } from "./PluginWorld"

const d = (iso: string) => new Date(iso)

describe("hearingOutcome", () => {
  const inForce = { at: d("2026-03-12T09:00:00Z"), scheduledAt: d("2026-03-05T09:00:00Z") }
  it("records the first hearing and a later one; the same one is unchanged; an earlier one is stale", () => {
    const outcome = ProtectionOrderSyncProvider.hearingOutcome
    expect(outcome(undefined, { at: d("2026-03-01T00:00:00Z"), hearingAt: d("2026-03-02T00:00:00Z") })).toBe("apply")
    // The hearing in force, whenever the update was sent.
    for (const at of ["2026-03-01T00:00:00Z", "2026-03-05T09:00:00Z", "2026-04-01T00:00:00Z"])
      expect(outcome(inForce, { at: d(at), hearingAt: inForce.at })).toBe("unchanged")
    expect(outcome(inForce, { at: d("2026-03-06T00:00:00Z"), hearingAt: d("2026-03-20T09:00:00Z") })).toBe("apply")
    expect(outcome(inForce, { at: d("2026-03-05T09:00:00Z"), hearingAt: d("2026-03-20T09:00:00Z") })).toBe("stale")
    expect(outcome(inForce, { at: d("2026-03-04T00:00:00Z"), hearingAt: d("2026-03-20T09:00:00Z") })).toBe("stale")
  })
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: hearings through protection-orders:sync`, () => {
    let world: PluginWorld
    beforeAll(async () => {
      world = await makeWorld(db)
    })
    afterAll(() => world.gateway.close())

    const apply = (update: Partial<ProtectionOrderSync.OrderUpdate> & { readonly at: Date }) =>
      world.run(
        Effect.flatMap(ProtectionOrderSync.ProtectionOrderSync, (provider) =>
          provider.forPlugin(identity).apply({
            source: "court",
            recordId: `C-${update.status ?? "requested"}-${update.at.getTime()}`,
            orderReference: "GJI-2026/H-1",
            status: "requested",
            ...update,
          } as ProtectionOrderSync.OrderUpdate),
        ),
      )
    const orderOf = (orderId: Id.ProtectionOrderId | undefined) =>
      world.gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) => cases.read({ caseId: world.cases.highRisk.caseId })).pipe(
          Effect.map((aCase) => aCase.orders.find((order) => order.id === orderId)),
          Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", world.seeded.mechanismId)),
        ),
      )
    const hearingsOf = async (orderId: Id.ProtectionOrderId | undefined) =>
      (await orderOf(orderId))?.hearings.map((h) => [h.at.toISOString(), h.scheduledAt.toISOString()])

    it("records, replaces and keeps hearings; the same one twice is unchanged; an older one stale", async () => {
      // A new order, requested, with its first hearing: the police's institution is the plugin's.
      const opened = await apply({
        caseId: world.cases.highRisk.caseId,
        kind: "protection-order",
        at: d("2026-03-01T09:30:00Z"),
        hearingAt: d("2026-03-10T08:00:00Z"),
      })
      expect(opened.outcome).toBe("applied")
      const orderId = opened.orderId
      expect(await orderOf(orderId)).toMatchObject({
        status: "requested",
        hearings: [
          { at: d("2026-03-10T08:00:00Z"), scheduledAt: d("2026-03-01T09:30:00Z"), court: institutions.police.id },
        ],
      })
      // The same update again, and the same hearing from a later record: unchanged.
      expect(
        await apply({
          caseId: world.cases.highRisk.caseId,
          kind: "protection-order",
          at: d("2026-03-01T09:30:00Z"),
          hearingAt: d("2026-03-10T08:00:00Z"),
        }),
      ).toEqual({ orderId, outcome: "unchanged" })
      expect(await apply({ at: d("2026-03-02T09:00:00Z"), hearingAt: d("2026-03-10T08:00:00Z") })).toEqual({
        orderId,
        outcome: "unchanged",
      })
      // The court reschedules: the new hearing is in force, the first kept.
      expect(await apply({ at: d("2026-03-05T09:00:00Z"), hearingAt: d("2026-03-12T09:00:00Z") })).toEqual({
        orderId,
        outcome: "applied",
      })
      // A rescheduling sent before that one, arriving late: stale, nothing moves.
      expect(await apply({ at: d("2026-03-04T09:00:00Z"), hearingAt: d("2026-03-11T09:00:00Z") })).toEqual({
        orderId,
        outcome: "stale",
      })
      // Issued at the hearing, the court's record still carrying it: the status moves, the hearing stays.
      expect(
        await apply({ status: "issued", at: d("2026-03-12T11:00:00Z"), hearingAt: d("2026-03-12T09:00:00Z") }),
      ).toEqual({ orderId, outcome: "applied" })
      expect(await hearingsOf(orderId)).toEqual([
        ["2026-03-10T08:00:00.000Z", "2026-03-01T09:30:00.000Z"],
        ["2026-03-12T09:00:00.000Z", "2026-03-05T09:00:00.000Z"],
      ])
      expect((await orderOf(orderId))?.status).toBe("issued")

      // A hearing-only update on the issued order (its status, again): the hearing, no second issue.
      expect(
        await apply({ status: "issued", at: d("2026-04-01T10:00:00Z"), hearingAt: d("2026-06-01T08:00:00Z") }),
      ).toEqual({ orderId, outcome: "applied" })
      // A breach overtakes a rescheduling; the rescheduling arrives late: its hearing still moves on.
      expect(await apply({ status: "breached", at: d("2026-04-05T21:00:00Z") })).toEqual({
        orderId,
        outcome: "applied",
      })
      expect(
        await apply({ status: "issued", at: d("2026-04-03T10:00:00Z"), hearingAt: d("2026-06-08T08:00:00Z") }),
      ).toEqual({ orderId, outcome: "applied" })
      // … but a late update without a hearing is stale, as before.
      expect(await apply({ status: "issued", at: d("2026-04-04T10:00:00Z") })).toEqual({ orderId, outcome: "stale" })
      const order = await orderOf(orderId)
      expect(order?.status).toBe("issued")
      expect(order?.breaches).toHaveLength(1)
      expect(order?.hearings.map((h) => h.at.toISOString())).toEqual([
        "2026-03-10T08:00:00.000Z",
        "2026-03-12T09:00:00.000Z",
        "2026-06-01T08:00:00.000Z",
        "2026-06-08T08:00:00.000Z",
      ])
      // The deadline alert follows the hearing in force: the day before, at the same local time.
      const reminder = ProtectionOrderDeadlines.reminders(order!, JurisdictionProfile.kosovo).find(
        (r) => r.kind === "hearing",
      )
      expect(reminder?.at).toEqual(d("2026-06-07T08:00:00Z"))
    })

    it("an order that is over takes no hearing from a late update", async () => {
      const base = { orderReference: "GJI-2026/H-2" }
      const opened = await apply({
        ...base,
        caseId: world.cases.highRisk.caseId,
        kind: "protection-order",
        at: d("2026-05-01T09:00:00Z"),
      })
      expect(await apply({ ...base, status: "rejected", at: d("2026-05-10T09:00:00Z") })).toEqual({
        orderId: opened.orderId,
        outcome: "applied",
      })
      expect(await apply({ ...base, at: d("2026-05-05T09:00:00Z"), hearingAt: d("2026-05-09T09:00:00Z") })).toEqual({
        orderId: opened.orderId,
        outcome: "stale",
      })
      expect(await hearingsOf(opened.orderId)).toEqual([])
    })
  })

  describe.skipIf(db.skip)(`${db.name}: the court plugin brings a hearing date onto the case's order`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let court: FakeCourt.FakeCourt
    let running: PluginRuntime.RunningPlugins

    beforeAll(async () => {
      court = await FakeCourt.start()
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      const config = await Effect.runPromise(
        PluginConfig.decode({
          plugins: [
            {
              package: courtPlugin.manifest.name,
              grant: ["schedule:pull", "routes:webhook", "protection-orders:sync"],
              config: { baseUrl: court.baseUrl, apiKey: FakeCourt.apiKey },
              webhook: { secrets: ["court-webhook-secret-for-hearings"] },
              principal: {
                id: pluginPrincipalId,
                institution: institutions.police.id,
                sector: "police",
                mechanisms: [seeded.mechanismId],
                petitioner: "police",
              },
            },
          ],
        }),
      )
      running = await PluginRuntime.start(gateway.runtime, config, { plugins: [courtPlugin] }, { start: false })
    })
    afterAll(async () => {
      await running?.close()
      await gateway?.close()
      await court?.close()
    })

    it("pulls the court's changes, and the order shows the rescheduled hearing and its reminder", async () => {
      const caseId = seeded.cases?.highRisk.caseId
      const change = (changeId: string, overrides: Record<string, unknown>) =>
        Changes.change(changeId, { caseId, orderReference: "GJI-C/2026-9", expiresAt: null, ...overrides })
      court.changes = [
        change("CHG-H-1", {
          status: "requested",
          decidedAt: "2026-10-20T09:00:00Z",
          hearingAt: "2026-10-23T08:00:00Z",
        }),
        // Rescheduled to the Monday after the clocks go back (26 October, 09:00 local).
        change("CHG-H-2", {
          status: "requested",
          decidedAt: "2026-10-22T12:00:00Z",
          hearingAt: "2026-10-26T08:00:00Z",
        }),
        // An older rescheduling the court sends again, and the same hearing once more: nothing moves.
        change("CHG-H-3", {
          status: "requested",
          decidedAt: "2026-10-21T12:00:00Z",
          hearingAt: "2026-10-24T08:00:00Z",
        }),
        change("CHG-H-4", {
          status: "requested",
          decidedAt: "2026-10-23T12:00:00Z",
          hearingAt: "2026-10-26T08:00:00Z",
        }),
      ]
      const pull = () => gateway.runtime.runPromise(running.host.runPull(courtPlugin.manifest.name, "order-changes"))
      for (let page = 0; page < 3; page += 1) {
        const pulled = await pull()
        if (pulled._tag !== "Pulled" || !pulled.more) break
      }
      const processed = await gateway.runtime.runPromise(running.host.processInbox(courtPlugin.manifest.name))
      expect(processed).toMatchObject({ succeeded: 4, retried: 0, dead: 0 })

      const aCase = await gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) => cases.read({ caseId: caseId! })).pipe(
          Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", seeded.mechanismId)),
        ),
      )
      const order = aCase.orders.find((each) => each.requestedAt?.toISOString() === "2026-10-20T09:00:00.000Z")
      expect(order?.status).toBe("requested")
      expect(order?.hearings).toEqual([
        { at: d("2026-10-23T08:00:00Z"), scheduledAt: d("2026-10-20T09:00:00Z"), court: institutions.police.id },
        { at: d("2026-10-26T08:00:00Z"), scheduledAt: d("2026-10-22T12:00:00Z"), court: institutions.police.id },
      ])
      expect(ProtectionOrder.nextHearing(order!)?.at).toEqual(d("2026-10-26T08:00:00Z"))
      // The day before across the end of summer time: Sunday 25 October at 09:00 CET, 24 hours before.
      expect(
        ProtectionOrderDeadlines.reminders(order!, JurisdictionProfile.kosovo).find((r) => r.kind === "hearing"),
      ).toEqual({ kind: "hearing", at: d("2026-10-25T08:00:00Z"), title: "case.order.reminder.hearing" })
    })
  })
}
