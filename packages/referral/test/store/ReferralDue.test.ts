// The repository reads behind the due items and the consent withdrawal, on
// both dialects: the referrals still waiting for an answer (one query), and a
// withdrawn consent cancelling the open referrals that relied on it — once,
// with the reason code, announced with the receiver — while a referral on
// another basis is left alone.
import { Principal } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import * as ConsentWithdrawal from "../../src/ConsentWithdrawal"
import * as DueReferrals from "../../src/DueReferrals"
import * as ReferralDue from "../../src/ReferralDue"
import { ReferralRepository } from "../../src/ReferralRepository"
import { ReferralService } from "../../src/ReferralService"
import { directory, ids, institutions, services as serviceIds } from "../Fixtures"
import { databases, outbox, principals, services } from "./Databases"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)
const hour = 3_600_000

const seeded = Effect.gen(function* () {
  yield* TestClock.setTime(Date.parse("2026-03-02T09:00:00Z"))
  const service = yield* ReferralService
  for (const org of directory.organizations) yield* as(principals.administrator)(service.registerOrganization(org))
  for (const loc of directory.locations) yield* as(principals.administrator)(service.registerLocation(loc))
  for (const svc of directory.services) yield* as(principals.administrator)(service.registerService(svc))
  return service
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: due referrals and consent withdrawal`, () => {
    layer(services(db))((it) => {
      it.effect("lists the referrals waiting for an answer and what they make due", () =>
        Effect.gen(function* () {
          const service = yield* seeded
          const referral = yield* as(principals.caseManager)(
            service.send({
              case: ids.case,
              service: serviceIds.shelterBeds,
              reason: "shelter-needed",
              basis: { _tag: "Consent", consent: ids.consent(1) },
            }),
          )
          const repository = yield* ReferralRepository
          expect(yield* repository.awaitingAnswer(ids.mechanism)).toEqual([ReferralDue.awaiting(referral)])
          const items = yield* DueReferrals.forMechanism(ids.mechanism)
          expect(items.map((item) => [item.kind, item.dueAt.toISOString()])).toEqual([
            ["referral.acknowledge", "2026-03-02T13:00:00.000Z"],
            ["referral.decide", "2026-03-05T09:00:00.000Z"],
          ])
          yield* TestClock.adjust(hour)
          yield* as(principals.shelterWorker)(service.transition(referral.id, { _tag: "Accept" }, referral.version))
          expect(yield* repository.awaitingAnswer(ids.mechanism)).toEqual([])
          expect(yield* DueReferrals.forMechanism(ids.mechanism)).toEqual([])
        }),
      )
    })

    layer(services(db))((it) => {
      it.effect("a withdrawn consent cancels the open referrals relying on it, once, announced with the receiver", () =>
        Effect.gen(function* () {
          const service = yield* seeded
          const onConsent = yield* as(principals.caseManager)(
            service.send({
              case: ids.case,
              service: serviceIds.shelterBeds,
              reason: "shelter-needed",
              basis: { _tag: "Consent", consent: ids.consent(1) },
            }),
          )
          yield* TestClock.adjust(hour)
          const cancelled = yield* ConsentWithdrawal.cancelRelyingOn(ids.consent(1))
          expect(cancelled.map((r) => [r.id, r.status, r.history.at(-1)?.code])).toEqual([
            [onConsent.id, "cancelled", "consent-withdrawn"],
          ])
          expect(cancelled[0]?.history.at(-1)?.actor).toEqual({
            principal: Principal.platformId,
            institution: institutions.socialWork,
          })
          expect((yield* (yield* ReferralRepository).find(onConsent.id)).status).toBe("cancelled")
          // Again: nothing left to cancel, nothing announced twice.
          expect(yield* ConsentWithdrawal.cancelRelyingOn(ids.consent(1))).toEqual([])
          const announced = (yield* outbox).filter((event) => event.topic === "referral.referral.cancelled")
          expect(announced.map((event) => event.payload)).toEqual([
            {
              referral: onConsent.id,
              mechanism: ids.mechanism,
              case: ids.case,
              to: institutions.shelter,
              status: "cancelled",
              at: "2026-03-02T10:00:00.000Z",
              code: "consent-withdrawn",
            },
          ])
          // Another consent's withdrawal touches nothing.
          expect(yield* ConsentWithdrawal.cancelRelyingOn(ids.consent(2))).toEqual([])
        }),
      )
    })
  })
}
