// Values shared by the tests. Ids are fixed ULIDs so a failing example reads the
// same on every run.
import type { Consent } from "@bashke/case"
import { Id, JurisdictionProfile, Municipality } from "@bashke/kernel"
import type * as Directory from "../src/Directory"
import type * as Referral from "../src/Referral"

const gjilan = Municipality.MunicipalityCode.make("GJI")

export const profile = JurisdictionProfile.kosovo

const idAt = (n: number) => Id.ulidAt(1_767_225_600_000 + n, new Uint8Array(10))

export const ids = {
  case: idAt(1) as Id.CaseId,
  otherCase: idAt(2) as Id.CaseId,
  mechanism: idAt(3) as Id.MechanismId,
  victim: idAt(4) as Id.PersonId,
  principal: idAt(5) as Id.PrincipalId,
  consent: (n: number) => idAt(300 + n) as Id.ConsentId,
  referral: (n: number) => idAt(400 + n) as Id.ReferralId,
  service: (n: number) => idAt(500 + n) as Id.ServiceId,
  location: (n: number) => idAt(600 + n) as Directory.LocationId,
}

export const institutions = {
  socialWork: idAt(10) as Id.InstitutionId,
  shelter: idAt(11) as Id.InstitutionId,
  legalAid: idAt(12) as Id.InstitutionId,
}

export const services = {
  shelterBeds: ids.service(1),
  legalAid: ids.service(2),
  closed: ids.service(3),
}

export const directory: Directory.Directory = {
  organizations: [
    { institution: institutions.shelter, name: "Strehimorja e Gjilanit" },
    { institution: institutions.legalAid, name: "Zyra për Ndihmë Juridike Falas" },
  ],
  locations: [{ id: ids.location(1), institution: institutions.legalAid, name: "Zyra Gjilan", municipality: gjilan }],
  services: [
    {
      id: services.shelterBeds,
      institution: institutions.shelter,
      name: "Strehim emergjent",
      type: "shelter",
      municipality: gjilan,
      languages: ["sq", "sr-Latn"],
      eligibility: "Gra dhe fëmijë në rrezik",
      capacity: { unit: "beds", available: 3, total: 12, updatedAt: new Date("2026-03-01T08:00:00Z") },
      locations: [],
      active: true,
    },
    {
      id: services.legalAid,
      institution: institutions.legalAid,
      name: "Ndihmë juridike falas",
      type: "legal-aid",
      municipality: gjilan,
      languages: ["sq", "sr-Latn", "tr"],
      locations: [ids.location(1)],
      active: true,
    },
    {
      id: services.closed,
      institution: institutions.legalAid,
      name: "Shërbim i mbyllur",
      type: "education",
      municipality: gjilan,
      languages: ["sq"],
      locations: [],
      active: false,
    },
  ],
}

export const actor = (institution: Id.InstitutionId = institutions.shelter): Referral.Actor => ({
  principal: ids.principal,
  institution,
})

export const consent = (overrides: Partial<Consent.Consent> = {}): Consent.Consent => ({
  id: ids.consent(1),
  givenBy: ids.victim,
  institutions: [institutions.shelter],
  sectors: [],
  purposes: ["referral"],
  from: new Date("2026-01-01T00:00:00Z"),
  needsConfirmation: false,
  ...overrides,
})

export const sent = (
  at: Date = new Date("2026-03-02T09:00:00Z"),
  overrides: Partial<Referral.Referral> = {},
): Referral.Referral => ({
  id: ids.referral(1),
  mechanism: ids.mechanism,
  case: ids.case,
  from: institutions.socialWork,
  to: institutions.shelter,
  service: services.shelterBeds,
  reason: "shelter-needed",
  urgency: "standard",
  basis: { _tag: "Consent", consent: ids.consent(1) },
  status: "sent",
  history: [{ status: "sent", at, actor: actor(institutions.socialWork) }],
  version: 0,
  ...overrides,
})
