// The README's "Overdue referrals on the agenda" wiring, imports pointed at the
// sources; `Readme.test.ts` runs it over a referral service that has one overdue.
import { ReferralService } from "@bashke/referral"
import { Effect, Layer } from "effect"
import { OverdueReferrals } from "../src/index"

export const overdueReferrals = Layer.effect(
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
