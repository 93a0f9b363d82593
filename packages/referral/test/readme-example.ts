// The README's example, with the import pointed at the sources so the test runs it.
import { Id, JurisdictionProfile } from "@bashke/kernel"
import { Either } from "effect"
import { FhirExport, Referral, ReferralDeadlines, ReferralLifecycle, ResponseTimes } from "../src/index"

export const main = () => {
  const id = (n: number) => Id.ulidAt(1_767_225_600_000 + n, new Uint8Array(10))
  const socialWork = id(10) as Id.InstitutionId
  const shelter = id(11) as Id.InstitutionId
  const profile = JurisdictionProfile.kosovo
  const local = (at: Date) => at.toLocaleString("en-GB", { timeZone: profile.timezone })

  // A high-risk case referred to a shelter at 00:30 local time on the night the clocks go forward.
  const sentAt = new Date("2026-03-28T23:30:00Z")
  const referral: Referral.Referral = {
    id: id(1) as Id.ReferralId,
    mechanism: id(2) as Id.MechanismId,
    case: id(3) as Id.CaseId,
    from: socialWork,
    to: shelter,
    service: id(4) as Id.ServiceId,
    reason: "shelter-needed",
    urgency: Referral.urgencyOf("high"),
    basis: { _tag: "Consent", consent: id(5) as Id.ConsentId },
    status: "sent",
    history: [{ status: "sent", at: sentAt, actor: { principal: id(6) as Id.PrincipalId, institution: socialWork } }],
    version: 1,
  }

  const { acknowledgeBy, decideBy } = ReferralDeadlines.deadlines(sentAt, referral.urgency, profile)
  const overdue = ReferralDeadlines.overdue([referral], new Date("2026-03-29T04:00:00Z"), profile)

  const shelterWorker = { principal: id(7) as Id.PrincipalId, institution: shelter }
  const declined = ReferralLifecycle.transition(referral, { _tag: "Decline" }, shelterWorker, acknowledgeBy)
  const accepted = Either.getOrThrow(
    ReferralLifecycle.transition(referral, { _tag: "Accept" }, shelterWorker, new Date("2026-03-29T01:30:00Z")),
  )

  return {
    acknowledgeBy: local(acknowledgeBy),
    decideBy: local(decideBy),
    overdue: overdue.map((item) => item.step),
    declineWithoutReason: Either.isLeft(declined) && declined.left._tag === "InvalidInput" && declined.left.rule,
    taskStatus: FhirExport.toTask(accepted).status,
    hoursToDecide: ResponseTimes.perInstitution([accepted])[0]?.decide.median,
  }
}
