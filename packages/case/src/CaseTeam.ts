/**
 * A case team: the lead institution (by default the centre for social work,
 * which assigns the case manager) and the member institutions, each with an
 * access level — `full` (personal data, with consent and a purpose) or
 * `summary` (the pseudonymised summary only). When the case has a child, an
 * institution of the profile's child-protection sector (social work in Kosovo)
 * must be on the team.
 *
 * {@link toPolicyTeam} is the one mapping onto `@bashke/security`'s
 * `AccessPolicy.TeamMember`.
 */
import { Errors, Id, type JurisdictionProfile, Sector } from "@bashke/kernel"
import { AccessPolicy } from "@bashke/security"
import { Either, Schema } from "effect"

/**
 * A member institution, its sector, and how much of the case it sees.
 */
export const TeamMember = Schema.Struct({
  institution: Id.InstitutionId,
  sector: Sector.Sector,
  access: AccessPolicy.Access,
}).annotations({ identifier: "CaseTeamMember" })

export type TeamMember = typeof TeamMember.Type

/**
 * The team. The lead is one of the members, with `full` access.
 */
export const CaseTeam = Schema.Struct({
  lead: Id.InstitutionId,
  members: Schema.Array(TeamMember),
}).annotations({ identifier: "CaseTeam" })

export type CaseTeam = typeof CaseTeam.Type

/**
 * The default lead among candidate members: the first whose sector is the
 * profile's `caseTeam.defaultLeadSector` (social work in Kosovo).
 */
export const defaultLead = (
  candidates: ReadonlyArray<Pick<TeamMember, "institution" | "sector">>,
  profile: JurisdictionProfile.JurisdictionProfile,
): Id.InstitutionId | undefined =>
  candidates.find((member) => member.sector === profile.caseTeam.defaultLeadSector.value)?.institution

/**
 * The rules on a team: no institution twice (`case.team.duplicate-member`);
 * the lead is a member (`case.team.lead-not-member`) with full access
 * (`case.team.lead-needs-full-access`); a case with a child has a member of
 * the profile's `caseTeam.childProtectionSector` (social work in Kosovo;
 * `case.team.social-work-required-for-child`).
 */
export const validate = (
  team: CaseTeam,
  facts: { readonly hasChild: boolean },
  profile: JurisdictionProfile.JurisdictionProfile,
): Either.Either<CaseTeam, Errors.InvalidInput> => {
  const childSector = profile.caseTeam.childProtectionSector.value
  const seen = new Set<string>()
  for (const [index, member] of team.members.entries()) {
    if (seen.has(member.institution))
      return Either.left(
        new Errors.InvalidInput({ field: `team.members.${index}.institution`, rule: "case.team.duplicate-member" }),
      )
    seen.add(member.institution)
  }
  const lead = team.members.find((member) => member.institution === team.lead)
  if (lead === undefined)
    return Either.left(new Errors.InvalidInput({ field: "team.lead", rule: "case.team.lead-not-member" }))
  if (lead.access !== "full")
    return Either.left(new Errors.InvalidInput({ field: "team.lead", rule: "case.team.lead-needs-full-access" }))
  if (facts.hasChild && !team.members.some((member) => member.sector === childSector))
    return Either.left(
      new Errors.InvalidInput({ field: "team.members", rule: "case.team.social-work-required-for-child" }),
    )
  return Either.right(team)
}

/**
 * Whether an institution is on the team.
 */
export const isMember = (team: CaseTeam, institution: Id.InstitutionId): boolean =>
  team.members.some((member) => member.institution === institution)

/**
 * The sectors on the team, each once, in the kernel's order of sectors.
 */
export const sectors = (team: CaseTeam): ReadonlyArray<Sector.Sector> =>
  Sector.all.filter((sector) => team.members.some((member) => member.sector === sector))

/**
 * The team as the access policy reads it.
 */
export const toPolicyTeam = (team: CaseTeam): ReadonlyArray<AccessPolicy.TeamMember> =>
  team.members.map((member) => ({ institution: member.institution, access: member.access }))
