// The open cases as the due rules read them, on both dialects: written through
// the case service (orders requested, issued and heard; a risk assessment),
// read back in a few statements with the reference, lead, team, active orders
// and the day of reassessment; a closed case and a decided order drop out.
import { type Id, Principal } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { CaseService } from "../../src/CaseService"
import * as DueCases from "../../src/DueCases"
import { OpenCases } from "../../src/OpenCases"
import * as SqlOpenCases from "../../src/SqlOpenCases"
import { dashAnswers } from "../model/Fixtures"
import { databases, institutions, mechanismId, principals, services, start } from "./support/Databases"
import { seedCases } from "./support/Seed"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: OpenCases`, () => {
    layer(SqlOpenCases.layer.pipe(Layer.provideMerge(services(db))))((it) => {
      it.effect("reads what the due rules need, and what notifications name", () =>
        Effect.gen(function* () {
          yield* start
          const cases = yield* CaseService
          const open = (persons: (typeof seedCases)[number]) =>
            as(principals.officer)(
              cases.openCase({
                mechanismId,
                municipality: "GJI",
                team: [{ institution: institutions.health, access: "summary" }],
                persons,
              }),
            )
          const first = yield* open(seedCases[0] ?? [])
          const second = yield* open(seedCases[1] ?? [])
          const requested = yield* as(principals.officer)(
            cases.recordOrder({
              caseId: first.id,
              kind: "protection-order",
              petitioner: "victim",
              requestedAt: "2026-03-02T08:00:00Z",
            }),
          )
          yield* as(principals.officer)(
            cases.recordOrderEvent({
              caseId: first.id,
              orderId: requested.id,
              event: "hearing-scheduled",
              at: "2026-03-02T08:30:00Z",
              hearingAt: "2026-03-12T08:00:00Z",
            }),
          )
          const emergency = yield* as(principals.officer)(
            cases.recordOrder({
              caseId: first.id,
              kind: "emergency-protection-order",
              petitioner: "police",
              requestedAt: "2026-03-02T08:00:00Z",
            }),
          )
          yield* as(principals.officer)(
            cases.recordOrderEvent({
              caseId: first.id,
              orderId: emergency.id,
              event: "issued",
              at: "2026-03-02T08:40:00Z",
            }),
          )
          const rejected = yield* as(principals.officer)(
            cases.recordOrder({
              caseId: second.id,
              kind: "protection-order",
              petitioner: "victim",
              requestedAt: "2026-03-02T08:00:00Z",
            }),
          )
          yield* as(principals.officer)(
            cases.recordOrderEvent({
              caseId: second.id,
              orderId: rejected.id,
              event: "rejected",
              at: "2026-03-02T08:45:00Z",
            }),
          )
          yield* as(principals.caseManager)(
            cases.assessRisk({ caseId: first.id, instrument: { id: "dash", version: 1 }, answers: dashAnswers(3) }),
          )

          const port = yield* OpenCases
          const read = yield* port.forMechanism(mechanismId)
          expect(read.map((c) => c.id)).toEqual([first.id, second.id])
          const [one, two] = read
          expect(one).toMatchObject({
            mechanism: mechanismId,
            reference: first.reference,
            lead: institutions.socialWork,
            reassessOn: "2026-04-27",
          })
          expect([...(one?.team ?? [])].sort()).toEqual(
            [institutions.police, institutions.socialWork, institutions.health].sort(),
          )
          expect(one?.orders.map((o) => [o.id, o.status, o.hearings.map((h) => h.at.toISOString())])).toEqual([
            [requested.id, "requested", ["2026-03-12T08:00:00.000Z"]],
            [emergency.id, "issued", []],
          ])
          expect(one?.orders[1]?.expiresAt?.toISOString()).toBe("2026-03-17T08:40:00.000Z")
          expect(two?.orders).toEqual([])
          expect(two?.reassessOn).toBeUndefined()

          const kinds = (yield* DueCases.forMechanism(mechanismId)).map((item) => item.kind)
          expect(kinds).toEqual([
            "case.order.decision",
            "case.order.hearing",
            "case.order.expiry",
            "case.order.extension",
            "case.reassessment",
          ])

          const headings = yield* port.headings([second.id, first.id, second.id])
          expect(headings.get(first.id)).toMatchObject({
            reference: first.reference,
            closed: false,
            lead: institutions.socialWork,
          })
          expect(headings.size).toBe(2)

          yield* as(principals.caseManager)(
            cases.transition({ caseId: second.id, command: "close", reason: "goals-met" }),
          )
          expect((yield* port.forMechanism(mechanismId)).map((c) => c.id)).toEqual([first.id])
          expect((yield* port.headings([second.id])).get(second.id)?.closed).toBe(true)
          expect((yield* port.headings(["01JM0000000000000000000000" as Id.CaseId])).size).toBe(0)
        }),
      )
    })
  })
}
