/**
 * The demo's mechanism: Gjilan, eight member institutions (each with a
 * fictional representative), the coordinator appointed, a memorandum signed
 * by all but the school — so the demo shows what a non-signatory cannot see —
 * each signature countersigned by the coordinator the day it was given (a
 * signature counts only then), and the mechanism active since a year ago.
 */
import { CivilDate, type Errors, type Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { MechanismService } from "@bashke/mechanism"
import { Effect } from "effect"
import { type InstitutionName, institutions, principal } from "./World"

const representatives: Record<InstitutionName, string> = {
  municipality: "Drita Berisha",
  police: "Arben Gashi",
  socialWork: "Vlora Hoxha",
  health: "Nora Krasniqi",
  shelter: "Teuta Morina",
  victimAdvocacy: "Blerina Shala",
  education: "Ilir Rexhepi",
  legalAid: "Milica Jovanović",
}

export const seedMechanism: Effect.Effect<Id.MechanismId, Errors.DomainError, MechanismService.MechanismService> =
  Effect.gen(function* () {
    const service = yield* MechanismService.MechanismService
    const today = yield* JurisdictionProfile.today
    const joinedOn = CivilDate.addMonths(today, -12)
    const mechanism = yield* service.create({
      municipality: "GJI",
      name: {
        sq: "Mekanizmi lokal i koordinimit kundër dhunës në familje – Gjilan",
        "sr-Latn": "Lokalni mehanizam koordinacije protiv nasilja u porodici – Gnjilane",
        en: "Local coordination mechanism against domestic violence – Gjilan",
      },
    })
    const mechanismId = mechanism.id
    const asCoordinator = Effect.provideService(Principal.CurrentPrincipal, principal("coordinator", mechanismId))
    let coordinatorMembership: Id.MembershipId | undefined
    for (const [name, institution] of Object.entries(institutions) as Array<
      [InstitutionName, (typeof institutions)[InstitutionName]]
    >) {
      const membership = yield* service
        .addMember({
          mechanismId,
          institutionId: institution.id,
          sector: institution.sector,
          joinedOn,
          contacts: {
            representative: { name: representatives[name], email: `${name.toLowerCase()}@gjilan.example` },
          },
        })
        .pipe(asCoordinator)
      if (name === "municipality") coordinatorMembership = membership.id
    }
    if (coordinatorMembership !== undefined) {
      yield* service.appointCoordinator({ mechanismId, membershipId: coordinatorMembership })
    }
    const memorandum = yield* service.publishMemorandum({
      mechanismId,
      effectiveFrom: CivilDate.addDays(joinedOn, 14),
      documentHash: "5d41402abc4b2a76b9719d911017c592aaf0d2b5e1d3f6c2b8a6e0f1c4d9e3a7",
      expectedSectors: ["police", "social-work", "health", "shelter", "victim-advocacy", "municipality"],
    })
    for (const [name, institution] of Object.entries(institutions) as Array<
      [InstitutionName, (typeof institutions)[InstitutionName]]
    >) {
      if (name === "education") continue
      yield* service
        .signMemorandum({
          mechanismId,
          memorandumId: memorandum.memorandumId,
          version: memorandum.version,
          institutionId: institution.id,
          signer: representatives[name],
          signedOn: CivilDate.addDays(joinedOn, 14),
        })
        .pipe(asCoordinator)
      yield* service
        .countersignMemorandum({
          mechanismId,
          memorandumId: memorandum.memorandumId,
          version: memorandum.version,
          institutionId: institution.id,
          countersignedOn: CivilDate.addDays(joinedOn, 14),
        })
        .pipe(asCoordinator)
    }
    yield* service.activate({ mechanismId })
    return mechanismId
  })
