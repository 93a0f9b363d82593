// Compiled by `tsc` in the package's typecheck (not run): the service's
// commands are typed with the model's (`ReferralLifecycle.Command`,
// `SendInput`, the directory's entries), so an npm consumer's wrong command
// is a compile error. Each `@ts-expect-error` fails the typecheck if the line
// it marks ever compiles.
import type { Id } from "@bashke/kernel"
import type { ReferralService } from "../src/index"

declare const referrals: ReferralService.Service
declare const id: Id.ReferralId
declare const service: Id.ServiceId

export const typed: ReadonlyArray<unknown> = [
  referrals.transition(id, { _tag: "Acknowledge" }, 1),
  referrals.transition(id, { _tag: "Decline", reason: "no-capacity" }, 2),
  referrals.transition(id, { _tag: "Complete", outcome: "service-delivered" }, 3),
  // @ts-expect-error not a command of the referral's lifecycle
  referrals.transition(id, { _tag: "Archive" }, 1),
  // @ts-expect-error a command is a tagged object, not its name
  referrals.transition(id, "Acknowledge", 1),
  // @ts-expect-error a completion's code is its outcome, not a reason
  referrals.transition(id, { _tag: "Complete", reason: "done" }, 1),
  // @ts-expect-error the input of send names the case, the service, the reason and the basis
  referrals.send({ case: "01JC0000000000000000000001" }),
  // @ts-expect-error capacity is a report, not a number
  referrals.reportCapacity(service, 3),
]
