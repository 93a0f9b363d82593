/**
 * Everything due in a mechanism: the due items of each domain package,
 * through their public entries only (`DueCases`, and the `ReferralRounds` and
 * `MeetingRounds` services), composed into one list. The scheduler reminds
 * people of these; each person's worklist shows them. Neither decides anything of its own about
 * what is due.
 */
import { CaseDue, DueCases, type OpenCases } from "@bashke/case"
import type { Due, Id } from "@bashke/kernel"
import { MeetingDue, MeetingRounds } from "@bashke/meeting"
import { ReferralDue, ReferralRounds } from "@bashke/referral"
import { Effect } from "effect"

/**
 * What reading the due items needs: each domain's port.
 */
export type Sources = OpenCases.OpenCases | ReferralRounds.ReferralRounds | MeetingRounds.MeetingRounds

/**
 * Every kind of item the domains make due, by domain.
 */
export const kinds: ReadonlyArray<string> = [...CaseDue.kinds, ...ReferralDue.kinds, ...MeetingDue.kinds]

/**
 * Everything due in `mechanism`, with the jurisdiction profile in effect.
 */
export const forMechanism = (mechanism: Id.MechanismId): Effect.Effect<ReadonlyArray<Due.Item>, never, Sources> =>
  Effect.map(
    Effect.all([
      DueCases.forMechanism(mechanism),
      Effect.flatMap(ReferralRounds.ReferralRounds, (referrals) => referrals.due(mechanism)),
      Effect.flatMap(MeetingRounds.MeetingRounds, (meetings) => meetings.due(mechanism)),
    ]),
    (parts) => parts.flat(),
  ).pipe(Effect.withSpan("DueItems.forMechanism"))
