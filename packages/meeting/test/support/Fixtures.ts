// Ids, principals and rosters shared by the tests: one mechanism coordinated by
// the municipality, with five member institutions (quorum "more-than-half": 3).
import type { Id, Principal } from "@bashke/kernel"
import type * as ActionItem from "../../src/ActionItem"
import type * as CaseSummaries from "../../src/CaseSummaries"
import type * as MechanismRoster from "../../src/MechanismRoster"

export const ids = {
  mechanism: "01JM0000000000000000000001" as Id.MechanismId,
  otherMechanism: "01JM0000000000000000000002" as Id.MechanismId,
  bimonthly: "01JM0000000000000000000003" as Id.MechanismId,
  municipality: "01JB000000000000000000000A" as Id.InstitutionId,
  police: "01JB000000000000000000000B" as Id.InstitutionId,
  socialWork: "01JB000000000000000000000C" as Id.InstitutionId,
  shelter: "01JB000000000000000000000D" as Id.InstitutionId,
  health: "01JB000000000000000000000E" as Id.InstitutionId,
  outsider: "01JB000000000000000000000F" as Id.InstitutionId,
  coordinatorPrincipal: "01JP0000000000000000000001" as Id.PrincipalId,
  policePrincipal: "01JP0000000000000000000002" as Id.PrincipalId,
  outsiderPrincipal: "01JP0000000000000000000003" as Id.PrincipalId,
  caseA: "01JC0000000000000000000001" as Id.CaseId,
  caseB: "01JC0000000000000000000002" as Id.CaseId,
  caseC: "01JC0000000000000000000003" as Id.CaseId,
  activity: "01JT0000000000000000000001" as Id.ActivityId,
}

export const members: ReadonlyArray<Id.InstitutionId> = [
  ids.municipality,
  ids.police,
  ids.socialWork,
  ids.shelter,
  ids.health,
]

/** Every member signed the memorandum in force but the health centre. */
export const signatories: ReadonlyArray<Id.InstitutionId> = [ids.municipality, ids.police, ids.socialWork, ids.shelter]

export const roster: MechanismRoster.Roster = {
  mechanismId: ids.mechanism,
  coordinator: ids.municipality,
  members,
  signatories,
}

/** A mechanism that set itself six meetings a year, with the same members. */
export const bimonthlyRoster: MechanismRoster.Roster = { ...roster, mechanismId: ids.bimonthly, meetingsPerYear: 6 }

export const coordinator: Principal.Principal = {
  id: ids.coordinatorPrincipal,
  kind: "user",
  institution: ids.municipality,
  sector: "municipality",
  roles: ["coordinator"],
  mechanisms: [ids.mechanism],
}

export const policeRepresentative: Principal.Principal = {
  id: ids.policePrincipal,
  kind: "user",
  institution: ids.police,
  sector: "police",
  roles: ["member-representative"],
  mechanisms: [ids.mechanism],
}

/** The health centre's representative: a member that did not sign the memorandum in force. */
export const healthRepresentative: Principal.Principal = {
  id: "01JP0000000000000000000004" as Id.PrincipalId,
  kind: "user",
  institution: ids.health,
  sector: "health",
  roles: ["member-representative"],
  mechanisms: [ids.mechanism],
}

export const outsider: Principal.Principal = {
  id: ids.outsiderPrincipal,
  kind: "user",
  institution: ids.outsider,
  sector: "civil-society",
  roles: ["member-representative"],
  mechanisms: [],
}

export const cases: ReadonlyArray<CaseSummaries.CaseSummary> = [
  {
    caseId: ids.caseA,
    reference: "GJL-2025-0007",
    riskLevel: "medium",
    hasChildren: true,
    sectors: ["social-work", "police"],
    openedAt: new Date("2025-03-02T10:00:00Z"),
    lastReviewedAt: new Date("2026-01-20T09:00:00Z"),
  },
  {
    caseId: ids.caseB,
    reference: "GJL-2026-0042",
    riskLevel: "high",
    hasChildren: false,
    sectors: ["police", "shelter"],
    openedAt: new Date("2026-02-01T10:00:00Z"),
  },
  {
    caseId: ids.caseC,
    reference: "GJL-2025-0001",
    riskLevel: "standard",
    hasChildren: false,
    sectors: ["health"],
    openedAt: new Date("2025-02-20T10:00:00Z"),
    lastReviewedAt: new Date("2025-11-10T09:00:00Z"),
  },
]

/** Present, with the representative, for each institution given. */
export const present = (...institutions: ReadonlyArray<Id.InstitutionId>) =>
  institutions.map((institution) => ({
    institution,
    presence: "present" as const,
    representedBy: "representative" as const,
  }))

/** An open action item of an earlier meeting, owned by the police, about case A. */
export const openItem = (overrides: Partial<ActionItem.ActionItem> = {}): ActionItem.ActionItem => ({
  id: "01JA0000000000000000000001" as Id.ActionItemId,
  mechanismId: ids.mechanism,
  meetingId: "01JG0000000000000000000001" as Id.MeetingId,
  decidedAt: new Date("2026-01-15T09:00:00Z"),
  owner: ids.police,
  dueDate: "2026-02-01" as ActionItem.DueDate,
  link: { _tag: "case", caseId: ids.caseA },
  description: "Visit the family with the centre for social work",
  status: "open",
  version: 1,
  createdAt: new Date("2026-01-15T10:00:00Z"),
  updatedAt: new Date("2026-01-15T10:00:00Z"),
  ...overrides,
})
