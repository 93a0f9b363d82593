/**
 * One-time sign-in links: for the demo's people, for an operator helping
 * someone in, and for invitations (the first sign-in, where a second factor is
 * enrolled). A link opens one session, once, before it expires; a used link
 * answers like an unknown one.
 */
import { Duration, Schema } from "effect"

/**
 * What a link is for.
 */
export const Purpose = Schema.Literal("sign-in", "invitation").annotations({ identifier: "LinkPurpose" })

export type Purpose = typeof Purpose.Type

/**
 * How long a link lasts unless its issuer says otherwise: a sign-in link 15
 * minutes (it is sent to be used at once), an invitation 7 days (people read
 * their mail when they can).
 */
export const defaultLifetime: Record<Purpose, Duration.Duration> = {
  "sign-in": Duration.minutes(15),
  invitation: Duration.days(7),
}

/**
 * Whether a link found unused may be redeemed at `now`.
 */
export const redeemable = (link: { readonly expiresAt: Date }, now: Date): boolean =>
  now.getTime() < link.expiresAt.getTime()
