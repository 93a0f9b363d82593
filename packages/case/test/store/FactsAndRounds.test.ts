// What the case package answers callers outside it through its services, on
// both dialects: a case's facts for another package's policy
// (`CaseService.facts`), the review history the action plan's indicators count
// (`CaseService.reviewHistory`, closed cases included), and the background
// rounds as one service (`CaseRounds`), its stores provided inside its layer.
import { Id, Principal } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, Layer, Option, TestClock } from "effect"
import { CaseRepository } from "../../src/CaseRepository"
import * as CaseRounds from "../../src/CaseRounds"
import { CaseService } from "../../src/CaseService"
import * as Dash from "../../src/instruments/Dash"
import {
  databases,
  institutions,
  mechanismId,
  otherMechanismId,
  principals,
  services,
  start,
} from "./support/Databases"
import { seedCases } from "./support/Seed"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)
const { officer, caseManager } = principals

const dashAnswers = (yes: number) =>
  Object.fromEntries(Dash.questionIds.map((id, index) => [id, index < yes ? "yes" : "no"])) as Record<
    string,
    "yes" | "no"
  >

const opened = Effect.gen(function* () {
  const cases = yield* CaseService
  return yield* as(officer)(cases.openCase({ mechanismId, municipality: "GJI", persons: seedCases[0] ?? [] }))
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the case's facts, review history and rounds`, () => {
    layer(Layer.provideMerge(CaseRounds.layerSql, services(db)))((it) => {
      it.effect("answers a case's mechanism, current risk, consents and team; NotFound for an unknown case", () =>
        Effect.gen(function* () {
          yield* start
          const cases = yield* CaseService
          const aCase = yield* opened
          const [victim] = aCase.persons
          if (victim === undefined) throw new Error("the seeded case has a victim")
          expect((yield* cases.facts(aCase.id)).risk).toBeUndefined()
          yield* as(officer)(
            cases.assessRisk({ caseId: aCase.id, instrument: { id: "dash", version: 1 }, answers: dashAnswers(15) }),
          )
          const consent = yield* as(officer)(
            cases.giveConsent({
              caseId: aCase.id,
              givenBy: victim.id,
              institutions: [institutions.socialWork],
              purposes: ["referral"],
              method: "signed-form",
            }),
          )
          const stored = Option.getOrThrow(yield* (yield* CaseRepository).find(aCase.id))
          const facts = yield* cases.facts(aCase.id)
          expect(facts).toEqual({
            mechanismId,
            risk: "high",
            consents: stored.consents,
            team: stored.team,
          })
          expect(facts.consents.map((each) => each.id)).toContain(consent.id)
          const unknown = yield* Effect.exit(cases.facts(Id.ulidAt(1, new Uint8Array(10).fill(99)) as Id.CaseId))
          expect(Exit.isFailure(unknown) && unknown.cause._tag === "Fail" && unknown.cause.error._tag).toBe("NotFound")
        }),
      )

      it.effect(
        "answers every case of the mechanism, closed ones too, with when it opened and whether it was high-risk",
        () =>
          Effect.gen(function* () {
            yield* start
            const cases = yield* CaseService
            const high = yield* opened
            yield* as(officer)(
              cases.assessRisk({ caseId: high.id, instrument: { id: "dash", version: 1 }, answers: dashAnswers(15) }),
            )
            const closed = yield* opened
            for (const command of ["assess", "activate", "monitor", "close"] as const)
              yield* as(caseManager)(cases.transition({ caseId: closed.id, command }))
            const history = yield* cases.reviewHistory(mechanismId)
            const byId = new Map(history.map((each) => [each.caseId, each]))
            expect(byId.get(high.id)).toEqual({
              caseId: high.id,
              openedAt: high.openedAt,
              highRisk: true,
              lastReviewedAt: undefined,
            })
            expect(byId.get(closed.id)).toMatchObject({ caseId: closed.id, highRisk: false })
            // Another mechanism's cases are not this one's.
            expect(yield* cases.reviewHistory(otherMechanismId)).toEqual([])
          }),
      )

      it.effect("runs the order expiry round through the service", () =>
        Effect.gen(function* () {
          yield* start
          const cases = yield* CaseService
          const rounds = yield* CaseRounds.CaseRounds
          const aCase = yield* opened
          const order = yield* as(officer)(
            cases.recordOrder({
              caseId: aCase.id,
              kind: "temporary-emergency-protection-order",
              petitioner: "police",
              issuedAt: "2026-03-02T08:00:00Z",
              conditions: [{ kind: "no-contact" }],
            }),
          )
          const end = order.expiresAt
          if (end === undefined) throw new Error("a police order has an end")
          expect(yield* rounds.expireOrders).toBe(0)
          yield* TestClock.setTime(end.getTime() + 60_000)
          expect(yield* rounds.expireOrders).toBeGreaterThanOrEqual(1)
          const after = Option.getOrThrow(yield* (yield* CaseRepository).find(aCase.id))
          expect(after.orders.find((each) => each.id === order.id)?.status).toBe("expired")
          // No closed case is past its retention yet: the retention round erases nothing.
          expect(yield* rounds.eraseDue).toBe(0)
        }),
      )
    })
  })
}
