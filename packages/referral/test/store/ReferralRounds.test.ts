// The scheduler's service (`ReferralRounds`) and the mechanism's referrals
// for a count outside the package (`ReferralService.ofMechanism`), on both
// dialects: the same due items and cancellations as the use cases they
// assemble, the repository provided inside the service's layer, and a
// cancellation that joins the caller's transaction (rolled back with it).
import { Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import * as ReferralRounds from "../../src/ReferralRounds"
import { ReferralService } from "../../src/ReferralService"
import { directory, ids, services as serviceIds } from "../Fixtures"
import { databases, principals, services } from "./Databases"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)

const sentOnConsent = Effect.gen(function* () {
  yield* TestClock.setTime(Date.parse("2026-03-02T09:00:00Z"))
  const service = yield* ReferralService
  for (const org of directory.organizations) yield* as(principals.administrator)(service.registerOrganization(org))
  for (const loc of directory.locations) yield* as(principals.administrator)(service.registerLocation(loc))
  for (const svc of directory.services) yield* as(principals.administrator)(service.registerService(svc))
  return yield* as(principals.caseManager)(
    service.send({
      case: ids.case,
      service: serviceIds.shelterBeds,
      reason: "shelter-needed",
      basis: { _tag: "Consent", consent: ids.consent(1) },
    }),
  )
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the referrals' rounds service`, () => {
    layer(Layer.provideMerge(ReferralRounds.layerSql, services(db)))((it) => {
      it.effect("answers what is due, lists the mechanism's referrals, and cancels on a withdrawn consent", () =>
        Effect.gen(function* () {
          const referral = yield* sentOnConsent
          const rounds = yield* ReferralRounds.ReferralRounds
          const service = yield* ReferralService
          expect((yield* rounds.due(ids.mechanism)).map((item) => [item.kind, item.dueAt.toISOString()])).toEqual([
            ["referral.acknowledge", "2026-03-02T13:00:00.000Z"],
            ["referral.decide", "2026-03-05T09:00:00.000Z"],
          ])
          expect((yield* service.ofMechanism(ids.mechanism)).map((each) => each.id)).toEqual([referral.id])

          // Cancelled inside a transaction that then fails: nothing stays cancelled.
          const sql = yield* SqlClient.SqlClient
          yield* sql
            .withTransaction(
              Effect.flatMap(rounds.cancelRelyingOn(ids.consent(1)), (cancelled) => {
                expect(cancelled.map((each) => each.id)).toEqual([referral.id])
                return Effect.fail("rolled back" as const)
              }),
            )
            .pipe(Effect.flip)
          expect((yield* service.find(referral.id)).status).toBe("sent")

          const cancelled = yield* rounds.cancelRelyingOn(ids.consent(1))
          expect(cancelled.map((each) => [each.id, each.status])).toEqual([[referral.id, "cancelled"]])
          expect(yield* rounds.due(ids.mechanism)).toEqual([])
          // Counted whatever its state.
          expect((yield* service.ofMechanism(ids.mechanism)).map((each) => each.status)).toEqual(["cancelled"])
        }),
      )
    })
  })
}
