/**
 * An institution's membership of a mechanism: which institution, for which
 * sector, from which day until which day. The people who represent it (the
 * representative and the deputy) are personal data and are not part of this
 * model: they live sealed beside it (`Contacts`) and are read through an
 * audited use case of their own.
 *
 * A membership covers the days `[joinedOn, leftOn)`: an institution removed on
 * 10 May is a member up to and including 9 May. An institution may leave and
 * join again (a new membership); its memberships never overlap.
 */
import { CivilDate, Id, Sector } from "@bashke/kernel"
import { Schema } from "effect"

/**
 * A membership as every reader of the mechanism may see it: no names, no contacts.
 */
export const Membership = Schema.Struct({
  id: Id.MembershipId,
  mechanismId: Id.MechanismId,
  institutionId: Id.InstitutionId,
  /** The sector the institution covers in this mechanism. */
  sector: Sector.Sector,
  /** The first day of membership. */
  joinedOn: CivilDate.CivilDate,
  /** The first day the institution is no longer a member; absent while it is. */
  leftOn: Schema.optional(CivilDate.CivilDate),
}).annotations({ identifier: "Membership" })

export type Membership = typeof Membership.Type

/**
 * Whether a membership covers `day`: `joinedOn <= day < leftOn`.
 */
export const isCurrent = (membership: Membership, day: CivilDate.CivilDate): boolean =>
  membership.joinedOn <= day && (membership.leftOn === undefined || day < membership.leftOn)

/**
 * The memberships that cover `day`, in the order given.
 */
export const current = (memberships: ReadonlyArray<Membership>, day: CivilDate.CivilDate): ReadonlyArray<Membership> =>
  memberships.filter((membership) => isCurrent(membership, day))

/**
 * Whether `institutionId` is a member on `day` (some membership of it covers that day).
 */
export const isMember = (
  memberships: ReadonlyArray<Membership>,
  institutionId: Id.InstitutionId,
  day: CivilDate.CivilDate,
): boolean => memberships.some((membership) => membership.institutionId === institutionId && isCurrent(membership, day))

/**
 * The membership of `institutionId` that covers `day`, if any.
 */
export const membershipOf = (
  memberships: ReadonlyArray<Membership>,
  institutionId: Id.InstitutionId,
  day: CivilDate.CivilDate,
): Membership | undefined =>
  memberships.find((membership) => membership.institutionId === institutionId && isCurrent(membership, day))

/**
 * Whether two memberships share at least one day.
 */
export const overlaps = (
  a: { readonly joinedOn: CivilDate.CivilDate; readonly leftOn?: CivilDate.CivilDate | undefined },
  b: { readonly joinedOn: CivilDate.CivilDate; readonly leftOn?: CivilDate.CivilDate | undefined },
): boolean =>
  (a.leftOn === undefined || b.joinedOn < a.leftOn) &&
  (b.leftOn === undefined || a.joinedOn < b.leftOn) &&
  // An empty membership (left the day it joined) shares no day with anything.
  (a.leftOn === undefined || a.joinedOn < a.leftOn) &&
  (b.leftOn === undefined || b.joinedOn < b.leftOn)

/**
 * The sectors covered on `day` by current members, each once, in `Sector.all` order.
 */
export const sectorsCovered = (
  memberships: ReadonlyArray<Membership>,
  day: CivilDate.CivilDate,
): ReadonlyArray<Sector.Sector> => {
  const covered = new Set(current(memberships, day).map((membership) => membership.sector))
  return Sector.all.filter((sector) => covered.has(sector))
}
