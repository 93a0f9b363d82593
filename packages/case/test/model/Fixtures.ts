// Values and generators shared by the model's tests. Ids are fixed ULIDs so a
// failing example reads the same on every run.
import { Id, JurisdictionProfile } from "@bashke/kernel"
import { Arbitrary, FastCheck as fc } from "effect"
import type * as Case from "../../src/Case"
import type * as CaseTeam from "../../src/CaseTeam"
import type * as Incident from "../../src/Incident"
import * as Dash from "../../src/instruments/Dash"
import type * as Person from "../../src/Person"
import * as RiskAssessment from "../../src/RiskAssessment"
import * as RiskInstrument from "../../src/RiskInstrument"
import type * as SafetyPlan from "../../src/SafetyPlan"

export const profile = JurisdictionProfile.kosovo

const idAt = (n: number) => Id.ulidAt(1_767_225_600_000 + n, new Uint8Array(10))

export const ids = {
  case: idAt(1) as Id.CaseId,
  mechanism: idAt(2) as Id.MechanismId,
  victim: idAt(3) as Id.PersonId,
  child: idAt(4) as Id.PersonId,
  perpetrator: idAt(5) as Id.PersonId,
  incident: (n: number) => idAt(100 + n) as Id.IncidentId,
  order: (n: number) => idAt(200 + n) as Id.ProtectionOrderId,
  consent: (n: number) => idAt(300 + n) as Id.ConsentId,
  assessment: (n: number) => idAt(400 + n) as RiskAssessment.RiskAssessmentId,
  measure: (n: number) => idAt(500 + n) as SafetyPlan.SafetyMeasureId,
}

export const institutions = {
  socialWork: idAt(10) as Id.InstitutionId,
  police: idAt(11) as Id.InstitutionId,
  health: idAt(12) as Id.InstitutionId,
  shelter: idAt(13) as Id.InstitutionId,
  outsider: idAt(14) as Id.InstitutionId,
}

export const team: CaseTeam.CaseTeam = {
  lead: institutions.socialWork,
  members: [
    { institution: institutions.socialWork, sector: "social-work", access: "full" },
    { institution: institutions.police, sector: "police", access: "full" },
    { institution: institutions.health, sector: "health", access: "summary" },
  ],
}

export const victim: Person.Person = {
  id: ids.victim,
  role: "victim",
  sex: "female",
  birthYear: 1990,
  community: "albanian",
  disabilities: [],
}

export const child: Person.Person = { id: ids.child, role: "child", sex: "male", ageBand: "5-9", disabilities: [] }

export const perpetrator: Person.Person = {
  id: ids.perpetrator,
  role: "alleged-perpetrator",
  sex: "male",
  birthYear: 1986,
  disabilities: [],
  relationship: { kind: "married", time: "current" },
}

export const incident = (
  n: number,
  occurredOn: string,
  source: Incident.IncidentSource = "police-report",
): Incident.Incident => ({
  id: ids.incident(n),
  occurredOn,
  municipality: "GJI" as Incident.Incident["municipality"],
  place: "home",
  forms: ["physical", "psychological"],
  children: "witnessed",
  perpetrators: [ids.perpetrator],
  source,
  sourceInstitution: institutions.police,
  sourceReference: `PK-${n}/2026`,
  recordedAt: new Date(`${occurredOn}T12:00:00Z`),
})

/** DASH answers with `yes` "yes" answers and the rest "no". */
export const dashAnswers = (yes: number): RiskInstrument.Answers =>
  Object.fromEntries(Dash.questionIds.map((id, i) => [id, i < yes ? "yes" : "no"]))

export const dashAssessment = (
  yes: number,
  assessedAt: Date,
  judgement?: RiskAssessment.Judgement,
  n = 0,
): RiskAssessment.RiskAssessment => {
  const result = RiskAssessment.assess(
    Dash.instrument,
    { id: ids.assessment(n), answers: dashAnswers(yes), judgement, assessedAt, assessedBy: institutions.police },
    profile,
  )
  if (result._tag === "Left") throw result.left
  return result.right
}

export const aCase = (overrides: Partial<Case.Case> = {}): Case.Case => ({
  id: ids.case,
  mechanismId: ids.mechanism,
  reference: "GJI-2026-0042" as Case.Case["reference"],
  status: "open",
  team,
  persons: [victim, perpetrator],
  incidents: [incident(1, "2026-03-02")],
  assessments: [],
  orders: [],
  safetyPlan: { measures: [] },
  consents: [],
  openedAt: new Date("2026-03-02T14:00:00Z"),
  version: 0,
  ...overrides,
})

export const mechanismMembers = new Set<Id.InstitutionId>([
  institutions.socialWork,
  institutions.police,
  institutions.health,
  institutions.shelter,
])

/** Instants between 2020 and 2030. */
export const instant = fc.date({
  min: new Date("2020-01-01T00:00:00Z"),
  max: new Date("2030-01-01T00:00:00Z"),
  noInvalidDate: true,
})

export const riskLevel = Arbitrary.make(RiskInstrument.RiskLevel)
