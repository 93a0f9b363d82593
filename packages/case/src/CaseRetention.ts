/**
 * The retention job: a round finds the closed cases past their retention
 * period (`Retention.isPastRetention`, the profile's periods from the
 * closure) and erases each by crypto-shredding (ADR 0012), as the platform
 * (`Principal.platformId`), with the reason `retention`. Like order expiry, it
 * runs every minute on Node (`bashke serve`, `bashke worker`) and on every
 * Cron Trigger on Workers; the round reads time from the `Clock` (a
 * `TestClock` in tests).
 *
 * Each case is erased in its own transaction; a case changed concurrently
 * (reopened, transferred) is weighed again next round, and a reopened case is
 * no longer closed, so it is not erased.
 */
import { Errors, Instant, JurisdictionProfile, Principal, Span } from "@bashke/kernel"
import { Effect, Option } from "effect"
import { CaseRepository } from "./CaseRepository"
import { ErasableRecords } from "./ErasableRecords"
import * as Erasure from "./internal/Erasure"
import * as Retention from "./Retention"

/**
 * How many cases one round erases at most: a backlog drains over rounds.
 */
export const roundSize = 50

/**
 * The reason the audit log records for an erasure by the retention job.
 */
export const reason = "retention period ended (jurisdiction profile, retention)"

/**
 * One round: erases every closed case past its retention (up to
 * {@link roundSize}) and answers how many it erased.
 */
export const eraseDue: Effect.Effect<number, never, Erasure.Requirements> = Effect.gen(function* () {
  const now = yield* Instant.now
  const profile = yield* JurisdictionProfile.CurrentJurisdiction
  const records = yield* ErasableRecords
  const cases = yield* CaseRepository
  const candidates = yield* records.candidates(Retention.closedNoLaterThan(now, profile), roundSize)
  let erased = 0
  for (const candidate of candidates) {
    if (!Retention.isPastRetention(candidate.closedAt, now, profile)) continue
    const found = yield* cases.find(candidate.caseId)
    if (Option.isNone(found)) continue
    const aCase = found.value
    if (aCase.status !== "closed" || aCase.erasedAt !== undefined) continue
    const done = yield* Erasure.erase(aCase, aCase.version, {
      principalId: Principal.platformId,
      reason,
      automatic: true,
      at: now,
    }).pipe(
      Effect.as(true),
      // Claimed concurrently: next round weighs it again.
      Effect.catchIf(
        (error): error is Errors.Conflict | Errors.NotFound =>
          error instanceof Errors.Conflict || error instanceof Errors.NotFound,
        () => Effect.succeed(false),
      ),
      // Never expected from the job's own entry; a defect to look into, not a reason to stop the round.
      Effect.catchTag("InvalidInput", () => Effect.logWarning("case.retention.refused").pipe(Effect.as(false))),
    )
    if (done) erased += 1
  }
  return erased
}).pipe(Span.untraced("CaseRetention.eraseDue"))
