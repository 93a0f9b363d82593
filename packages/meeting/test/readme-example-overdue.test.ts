// The README's "Overdue referrals on the agenda" wiring, imports pointed at the
// sources, run over a referral service that has one overdue referral.
import { Id } from "@bashke/kernel"
import { type ReferralDeadlines, ReferralService } from "@bashke/referral"
import { expect, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { OverdueReferrals } from "../src/index"

const overdueReferrals = Layer.effect(
  OverdueReferrals.OverdueReferrals,
  Effect.map(ReferralService.ReferralService, (referrals) =>
    OverdueReferrals.OverdueReferrals.of({
      forMechanism: (mechanismId) =>
        Effect.map(referrals.overdueFor(mechanismId), (late) =>
          late.map(({ referral, case: caseId, to, service, step, due }) => ({
            referralId: referral,
            caseId,
            to,
            service,
            step,
            due,
          })),
        ),
    }),
  ),
)

it("the README's wiring hands the referral package's overdue referrals to the agenda, with their case", async () => {
  const late: ReferralDeadlines.Overdue = {
    referral: Id.ReferralId.make("01JR0000000000000000000001"),
    case: Id.CaseId.make("01JC0000000000000000000001"),
    mechanism: Id.MechanismId.make("01JM0000000000000000000001"),
    to: Id.InstitutionId.make("01JB000000000000000000000D"),
    service: Id.ServiceId.make("01JS0000000000000000000001"),
    step: "acknowledge",
    due: new Date("2026-03-02T13:00:00Z"),
  }
  // Only the query the port uses: the rest of the referral service is not reached.
  const referrals = Layer.succeed(ReferralService.ReferralService, {
    overdueFor: (mechanism: Id.MechanismId) => Effect.succeed(mechanism === late.mechanism ? [late] : []),
  } as unknown as ReferralService.Service)
  const answer = await Effect.runPromise(
    Effect.flatMap(OverdueReferrals.OverdueReferrals, (port) => port.forMechanism(late.mechanism, new Date())).pipe(
      Effect.provide(overdueReferrals.pipe(Layer.provide(referrals))),
    ),
  )
  expect(answer).toEqual([
    {
      referralId: late.referral,
      caseId: late.case,
      to: late.to,
      service: late.service,
      step: "acknowledge",
      due: late.due,
    },
  ])
  expect(answer.map((item) => Schema.is(OverdueReferrals.OverdueReferral)(item))).toEqual([true])
})
