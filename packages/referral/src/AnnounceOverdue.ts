/**
 * The overdue referrals of a mechanism (`ReferralDeadlines`, the deadlines of
 * the jurisdiction profile), each newly overdue step announced once on the
 * outbox (`referral.referral.overdue`): the announcement and the mark that it
 * was made are written in one transaction, so a second run announces nothing
 * twice.
 */
import { type Id, Instant, JurisdictionProfile } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { emit } from "./internal/Events"
import * as ReferralDeadlines from "./ReferralDeadlines"
import { topics } from "./ReferralEvents"
import { ReferralRepository } from "./ReferralRepository"

/**
 * What announcing needs.
 */
export type Requirements = ReferralRepository | SqlClient.SqlClient | Id.IdGenerator

const pipeline = UseCase.make({
  span: "ReferralService.overdueFor",
  decode: (mechanism: Id.MechanismId) => Effect.succeed(mechanism),
  load: (mechanism) =>
    Effect.gen(function* () {
      const repo = yield* ReferralRepository
      return {
        referrals: yield* repo.forMechanism(mechanism),
        announced: yield* repo.announced(mechanism),
        at: yield* Instant.now,
        profile: yield* JurisdictionProfile.CurrentJurisdiction,
      }
    }),
  decide: ({ referrals, at, profile }) => Effect.succeed(ReferralDeadlines.overdue(referrals, at, profile)),
  write: (late, { announced }) =>
    Effect.gen(function* () {
      const repo = yield* ReferralRepository
      for (const item of late) {
        if (announced.get(item.referral) === item.step) continue
        yield* repo.markAnnounced(item.referral, item.step)
        yield* emit(topics.overdue, "Referral", item.referral, {
          referral: item.referral,
          mechanism: item.mechanism,
          to: item.to,
          service: item.service,
          step: item.step,
          due: item.due.toISOString(),
        })
      }
      return late
    }),
})

/**
 * The mechanism's overdue referrals; announces the steps not announced before.
 */
export const overdueFor: (
  mechanism: Id.MechanismId,
) => Effect.Effect<ReadonlyArray<ReferralDeadlines.Overdue>, never, Requirements> = pipeline
