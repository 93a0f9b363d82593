/**
 * The outbox topics of the referral package. Payloads hold ids, codes and
 * times only.
 */
import type { CommandTag } from "./ReferralLifecycle"

/**
 * The topic of each lifecycle command's event.
 */
export const transitionTopics: Readonly<Record<CommandTag, string>> = {
  Acknowledge: "referral.referral.acknowledged",
  Accept: "referral.referral.accepted",
  Decline: "referral.referral.declined",
  StartService: "referral.referral.service-started",
  Complete: "referral.referral.completed",
  Cancel: "referral.referral.cancelled",
  Revoke: "referral.referral.revoked",
}

/**
 * The other topics.
 */
export const topics = {
  sent: "referral.referral.sent",
  overdue: "referral.referral.overdue",
  serviceRegistered: "referral.service.registered",
  capacityUpdated: "referral.service.capacity-updated",
} as const
