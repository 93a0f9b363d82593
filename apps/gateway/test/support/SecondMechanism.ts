// A second mechanism for the demo's world: Ferizaj's, with the municipality,
// the police and social work as members that signed its memorandum, its own
// coordinator and case worker. Where a case moves to when a survivor moves
// (case transfers, in the casework test and the authorization matrix).
import { CivilDate, type Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { MechanismService } from "@bashke/mechanism"
import { Effect } from "effect"
import { institutions, principal } from "../../src/demo/World"
import type * as Services from "../../src/Services"
import { ulid } from "./Gateway"

/** Ferizaj's mechanism, beside the demo's Gjilan one: the municipality, the police and social work, all signed. */
export const seedFerizaj: Effect.Effect<Id.MechanismId, unknown, Services.GatewayServices> = Effect.gen(function* () {
  const service = yield* MechanismService.MechanismService
  const today = yield* JurisdictionProfile.today
  const joinedOn = CivilDate.addMonths(today, -6)
  const mechanism = yield* service
    .create({
      municipality: "FER",
      name: { sq: "Mekanizmi – Ferizaj", "sr-Latn": "Mehanizam – Uroševac", en: "Mechanism – Ferizaj" },
    })
    .pipe(Effect.provideService(Principal.CurrentPrincipal, principal("administrator", ulid(1) as Id.MechanismId)))
  const asCoordinator = Effect.provideService(Principal.CurrentPrincipal, ferizajCoordinator(mechanism.id))
  const members = [institutions.municipality, institutions.police, institutions.socialWork]
  let coordinatorMembership: Id.MembershipId | undefined
  for (const institution of members) {
    const membership = yield* service
      .addMember({
        mechanismId: mechanism.id,
        institutionId: institution.id,
        sector: institution.sector,
        joinedOn,
        contacts: { representative: { name: "A. Representative", email: `${institution.sector}@ferizaj.example` } },
      })
      .pipe(asCoordinator)
    if (institution === institutions.municipality) coordinatorMembership = membership.id
  }
  if (coordinatorMembership !== undefined)
    yield* service.appointCoordinator({ mechanismId: mechanism.id, membershipId: coordinatorMembership })
  const memorandum = yield* service.publishMemorandum({
    mechanismId: mechanism.id,
    effectiveFrom: CivilDate.addDays(joinedOn, 7),
    documentHash: "0f1c4d9e3a75d41402abc4b2a76b9719d911017c592aaf0d2b5e1d3f6c2b8a6e",
    expectedSectors: ["police", "social-work", "municipality"],
  })
  for (const institution of members) {
    const signature = { mechanismId: mechanism.id, memorandumId: memorandum.memorandumId, version: memorandum.version }
    yield* service
      .signMemorandum({
        ...signature,
        institutionId: institution.id,
        signer: "A. Representative",
        signedOn: CivilDate.addDays(joinedOn, 7),
      })
      .pipe(asCoordinator)
    yield* service
      .countersignMemorandum({
        ...signature,
        institutionId: institution.id,
        countersignedOn: CivilDate.addDays(joinedOn, 7),
      })
      .pipe(asCoordinator)
  }
  yield* service.activate({ mechanismId: mechanism.id })
  return mechanism.id
})

/** Ferizaj's coordinator (the municipality's). */
export const ferizajCoordinator = (mechanismId: Id.MechanismId): Principal.Principal => ({
  ...principal("coordinator", mechanismId),
  id: ulid(70) as Id.PrincipalId,
})
/** A case worker of social work in Ferizaj. */
export const ferizajCaseWorker = (mechanismId: Id.MechanismId): Principal.Principal => ({
  ...principal("caseManager", mechanismId),
  id: ulid(71) as Id.PrincipalId,
})
