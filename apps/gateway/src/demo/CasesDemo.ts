/**
 * The demo's cases, at three risk levels, opened and worked through the case
 * service exactly as the API would: a high-risk case reported by the police
 * (police early assessment and DASH, children who witnessed it, consent to
 * share, a protection order issued), a medium-risk self-referral through the
 * victim advocate, and a standard one from the health centre. Every name,
 * number and address is invented.
 */
import { CaseService, Dash, KosovoPoliceEarlyAssessment } from "@bashke/case"
import { CivilDate, type Errors, type Id, Instant, JurisdictionProfile, Principal } from "@bashke/kernel"
import { Effect } from "effect"
import { institutions, principal } from "./World"

/** What the other parts of the demo build on. */
export interface DemoCases {
  readonly highRisk: { readonly caseId: Id.CaseId; readonly victim: Id.PersonId; readonly version: number }
  readonly mediumRisk: { readonly caseId: Id.CaseId; readonly victim: Id.PersonId; readonly version: number }
  readonly standardRisk: { readonly caseId: Id.CaseId; readonly victim: Id.PersonId; readonly version: number }
}

const answers = (ids: ReadonlyArray<string>, yes: number) =>
  Object.fromEntries(ids.map((question, i) => [question, i < yes ? "yes" : "no"] as const))

export const seedCases = (
  mechanismId: Id.MechanismId,
): Effect.Effect<DemoCases, Errors.DomainError, CaseService.CaseService> =>
  Effect.gen(function* () {
    const cases = yield* CaseService.CaseService
    const today = yield* JurisdictionProfile.today
    const now = yield* Instant.now
    const as = (name: Parameters<typeof principal>[0]) =>
      Effect.provideService(Principal.CurrentPrincipal, principal(name, mechanismId))

    // 1. High risk: the police open it after a call-out.
    const high = yield* cases
      .openCase({
        mechanismId,
        municipality: "GJI",
        team: [
          { institution: institutions.shelter.id, access: "full" },
          { institution: institutions.health.id, access: "summary" },
        ],
        persons: [
          {
            role: "victim",
            sex: "female",
            birthYear: 1991,
            relationship: undefined,
            details: {
              givenName: "Arta",
              familyName: "Demaj",
              personalNumber: "1190000001",
              address: "Rr. e Trëndafilave 12, Gjilan",
              phone: "+383 44 000 101",
              safeContact: "Call her sister first; never leave a message.",
            },
          },
          { role: "child", sex: "male", birthYear: 2017 },
          { role: "child", sex: "female", birthYear: 2020 },
          {
            role: "alleged-perpetrator",
            sex: "male",
            birthYear: 1988,
            relationship: { kind: "married", time: "current" },
            details: { givenName: "Bekim", familyName: "Demaj", personalNumber: "1190000002" },
          },
        ],
      })
      .pipe(as("policeOfficer"))
    const victim = high.persons.find((person) => person.role === "victim")
    const perpetrator = high.persons.find((person) => person.role === "alleged-perpetrator")
    let version = high.version
    yield* cases
      .recordIncident({
        caseId: high.id,
        occurredOn: CivilDate.addDays(today, -20),
        municipality: "GJI",
        place: "home",
        forms: ["physical", "psychological"],
        children: "witnessed",
        perpetrators: perpetrator === undefined ? [] : [perpetrator.id],
        source: "police-report",
        sourceInstitution: institutions.police.id,
        expectedVersion: version++,
      })
      .pipe(as("policeOfficer"))
    yield* cases
      .assessRisk({
        caseId: high.id,
        instrument: { id: KosovoPoliceEarlyAssessment.id, version: 1 },
        answers: answers(KosovoPoliceEarlyAssessment.questionIds, KosovoPoliceEarlyAssessment.questionIds.length),
        expectedVersion: version++,
      })
      .pipe(as("policeOfficer"))
    yield* cases
      .assessRisk({
        caseId: high.id,
        instrument: { id: Dash.id, version: 1 },
        answers: answers(Dash.questionIds, 15),
        judgement: { level: "high", reason: "child-at-risk" },
        expectedVersion: version++,
      })
      .pipe(as("caseManager"))
    if (victim !== undefined) {
      yield* cases
        .giveConsent({
          caseId: high.id,
          givenBy: victim.id,
          institutions: [institutions.socialWork.id, institutions.shelter.id, institutions.health.id],
          purposes: ["case-management", "referral", "case-conference"],
          // She signed the police's consent form at the station.
          method: "signed-form",
          expectedVersion: version++,
        })
        .pipe(as("policeOfficer"))
    }
    const order = yield* cases
      .recordOrder({
        caseId: high.id,
        kind: "protection-order",
        petitioner: "police",
        requestedAt: new Date(now.getTime() - 19 * 86_400_000),
        expectedVersion: version++,
      })
      .pipe(as("policeOfficer"))
    yield* cases
      .recordOrderEvent({
        caseId: high.id,
        orderId: order.id,
        event: "issued",
        at: new Date(now.getTime() - 18 * 86_400_000),
        expectedVersion: version++,
      })
      .pipe(as("policeOfficer"))
    yield* cases.transition({ caseId: high.id, command: "assess", expectedVersion: version++ }).pipe(as("caseManager"))
    yield* cases
      .transition({ caseId: high.id, command: "activate", expectedVersion: version++ })
      .pipe(as("caseManager"))

    // 2. Medium risk: she came to the victim advocate herself.
    const medium = yield* cases
      .openCase({
        mechanismId,
        municipality: "GJI",
        persons: [
          {
            role: "victim",
            sex: "female",
            birthYear: 1979,
            details: { givenName: "Shpresa", familyName: "Lila", phone: "+383 45 000 202" },
          },
          {
            role: "alleged-perpetrator",
            sex: "male",
            birthYear: 1975,
            relationship: { kind: "extramarital-union", time: "former" },
          },
        ],
      })
      .pipe(as("advocate"))
    const mediumVictim = medium.persons.find((person) => person.role === "victim")
    let mediumVersion = medium.version
    yield* cases
      .recordIncident({
        caseId: medium.id,
        occurredOn: CivilDate.addDays(today, -9),
        municipality: "GJI",
        forms: ["psychological", "economic"],
        children: "none",
        source: "self-referral",
        expectedVersion: mediumVersion++,
      })
      .pipe(as("advocate"))
    yield* cases
      .assessRisk({
        caseId: medium.id,
        instrument: { id: Dash.id, version: 1 },
        answers: answers(Dash.questionIds, 11),
        expectedVersion: mediumVersion++,
      })
      .pipe(as("advocate"))
    if (mediumVictim !== undefined) {
      yield* cases
        .giveConsent({
          caseId: medium.id,
          givenBy: mediumVictim.id,
          sectors: ["social-work", "legal-aid"],
          purposes: ["case-management", "referral"],
          // She agreed aloud at the advocate's office, with the case manager present as witness.
          method: "verbal-witnessed",
          witnessedBy: principal("caseManager", mechanismId).id,
          expectedVersion: mediumVersion++,
        })
        .pipe(as("advocate"))
    }

    // 3. Standard: the health centre noticed and asked.
    const standard = yield* cases
      .openCase({
        mechanismId,
        municipality: "GJI",
        persons: [
          { role: "victim", sex: "male", birthYear: 1950, details: { givenName: "Rexhep", familyName: "Osmani" } },
          {
            role: "alleged-perpetrator",
            sex: "male",
            birthYear: 1980,
            relationship: { kind: "relative-blood", time: "current" },
          },
        ],
      })
      .pipe(as("nurse"))
    let standardVersion = standard.version
    yield* cases
      .recordIncident({
        caseId: standard.id,
        occurredOn: CivilDate.addDays(today, -3),
        municipality: "GJI",
        forms: ["economic"],
        children: "not-known",
        source: "health",
        expectedVersion: standardVersion++,
      })
      .pipe(as("nurse"))
    yield* cases
      .assessRisk({
        caseId: standard.id,
        instrument: { id: Dash.id, version: 1 },
        answers: answers(Dash.questionIds, 3),
        expectedVersion: standardVersion++,
      })
      .pipe(as("nurse"))

    const first = (persons: typeof high.persons) => persons.find((person) => person.role === "victim")?.id
    return {
      highRisk: { caseId: high.id, victim: first(high.persons) as Id.PersonId, version },
      mediumRisk: { caseId: medium.id, victim: first(medium.persons) as Id.PersonId, version: mediumVersion },
      standardRisk: { caseId: standard.id, victim: first(standard.persons) as Id.PersonId, version: standardVersion },
    }
  })
