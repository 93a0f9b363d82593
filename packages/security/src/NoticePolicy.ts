/**
 * Who may be told about a case by a plugin's notice (`notices:send`): one
 * pure function from (the plugin's principal, the notice, the case, time) to
 * allow or deny, so the host's provider and the plugin SDK's test kit decide
 * alike. Deny by default; the rules, in order:
 *
 * 0. the purpose is one of the policy's purposes (`policy.notice.purpose-unknown`);
 * 1. the plugin acts for an institution (`policy.role.not-permitted`) of the
 *    case's mechanism (`policy.mechanism.not-member`);
 * 2. the **receiver of an open referral** of the case may be told about it:
 *    when the recipient is the institution an open referral goes to, and the
 *    plugin acts for that receiver or for the referral's sender, the team is
 *    not asked (`policy.allow.referral-receiver`) — a shelter's connector
 *    forwards the referral into the shelter's own system without the shelter
 *    being on the case team;
 * 3. otherwise the plugin's institution is on the case team
 *    (`policy.case-team.not-member`) with `full` access
 *    (`policy.access.summary-only`): only the full team sees the consents the
 *    notice rests on;
 * 4. either way, a consent in force covers the recipient for the notice's
 *    purpose (`policy.consent.not-covered`, `policy.consent.withdrawn`,
 *    `policy.consent.not-in-force`) — a referral on an override basis does
 *    not open a notice.
 */
import { type Id, Principal, type Sector } from "@bashke/kernel"
import { Schema } from "effect"
import type { Consent, Decision, TeamMember } from "./AccessPolicy"
import * as AccessPolicy from "./AccessPolicy"
import { Purpose } from "./Purpose"

/**
 * A referral as the notice policy sees it: who sent it, who it goes to, and
 * whether it is still open (sent, acknowledged, accepted or in service).
 */
export interface NoticeReferral {
  readonly from: Id.InstitutionId
  readonly to: Id.InstitutionId
  readonly open: boolean
}

/**
 * The case a notice is about: its mechanism, team, the consents that count,
 * and its referrals.
 */
export interface NoticeCase {
  readonly mechanismId: Id.MechanismId
  readonly team: ReadonlyArray<TeamMember>
  readonly consents: ReadonlyArray<Consent>
  readonly referrals: ReadonlyArray<NoticeReferral>
}

/**
 * Who the notice goes to and why (a consent purpose).
 */
export interface Notice {
  readonly recipient: Id.InstitutionId
  readonly recipientSector?: Sector.Sector | undefined
  /** A purpose code (`referral`); anything else is refused. */
  readonly purpose: string
}

const isPurpose = Schema.is(Purpose)

const deny = (rule: AccessPolicy.DenyRule): AccessPolicy.Deny => ({ _tag: "Deny", rule })

/**
 * Whether the open referrals of the case let `sender` tell `recipient`.
 */
export const isReferralReceiver = (
  referrals: ReadonlyArray<NoticeReferral>,
  sender: Id.InstitutionId,
  recipient: Id.InstitutionId,
): boolean =>
  referrals.some(
    (referral) => referral.open && referral.to === recipient && (referral.to === sender || referral.from === sender),
  )

const consentRule = (aCase: NoticeCase, notice: Notice, purpose: Purpose, at: Date): Decision | undefined => {
  const covering = aCase.consents.filter((consent) =>
    AccessPolicy.covers(consent, notice.recipient, notice.recipientSector, purpose),
  )
  if (covering.some((consent) => AccessPolicy.inForce(consent, at))) return undefined
  if (covering.length === 0) return deny("policy.consent.not-covered")
  const withdrawn = covering.some((c) => c.withdrawnAt !== undefined && c.withdrawnAt.getTime() <= at.getTime())
  return deny(withdrawn ? "policy.consent.withdrawn" : "policy.consent.not-in-force")
}

/**
 * Decides whether a plugin acting as `sender` may send `notice` about
 * `aCase` at `at`. Pure: the same inputs always give the same decision.
 */
export const decide = (sender: Principal.Principal, notice: Notice, aCase: NoticeCase, at: Date): Decision => {
  const purpose = notice.purpose
  if (!isPurpose(purpose)) return deny("policy.notice.purpose-unknown")
  const institution = sender.institution
  if (institution === undefined) return deny("policy.role.not-permitted")
  if (!Principal.belongsTo(sender, aCase.mechanismId)) return deny("policy.mechanism.not-member")
  const receiver = isReferralReceiver(aCase.referrals, institution, notice.recipient)
  if (!receiver) {
    const member = aCase.team.find((each) => each.institution === institution)
    if (member === undefined) return deny("policy.case-team.not-member")
    if (member.access !== "full") return deny("policy.access.summary-only")
  }
  return (
    consentRule(aCase, notice, purpose, at) ?? {
      _tag: "Allow",
      reason: receiver ? "policy.allow.referral-receiver" : "policy.allow.consent",
      breakGlass: false,
    }
  )
}
