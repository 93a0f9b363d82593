import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Catalogue, JurisdictionProfile, kernelMessages } from "@bashke/kernel"
import { securityMessages } from "@bashke/security"
import { describe, expect, it } from "@effect/vitest"
import * as CaseLifecycle from "../../src/CaseLifecycle"
import { caseMessages } from "../../src/CaseMessages"
import * as ConferenceEligibility from "../../src/ConferenceEligibility"
import * as Consent from "../../src/Consent"
import * as Incident from "../../src/Incident"
import * as Dash from "../../src/instruments/Dash"
import * as KosovoPoliceEarlyAssessment from "../../src/instruments/KosovoPoliceEarlyAssessment"
import * as Person from "../../src/Person"
import * as ProtectionOrder from "../../src/ProtectionOrder"
import * as Relationship from "../../src/Relationship"
import * as RiskAssessment from "../../src/RiskAssessment"
import * as RiskInstrument from "../../src/RiskInstrument"
import * as SafetyPlan from "../../src/SafetyPlan"

// The files of the pure model (the store's files name their keys in CaseStoreMessages).
const modelFiles = [
  "Case.ts",
  "CaseLifecycle.ts",
  "CaseReference.ts",
  "CaseSummary.ts",
  "CaseTeam.ts",

  "ConferenceEligibility.ts",
  "Consent.ts",
  "Incident.ts",
  "Person.ts",
  "ProtectionOrder.ts",
  "ProtectionOrderDeadlines.ts",
  "ProtectionOrderLifecycle.ts",
  "Relationship.ts",
  "RiskAssessment.ts",
  "RiskInstrument.ts",
  "SafetyPlan.ts",
  "instruments/Dash.ts",
  "instruments/KosovoPoliceEarlyAssessment.ts",
  "internal/Input.ts",
  "internal/Instant.ts",
]

const has = (key: string) => Catalogue.has(caseMessages, key)

describe("caseMessages", () => {
  it("has every message in sq, sr-Latn, sr-Cyrl and en, parsing, with the same placeholders", () => {
    expect(Catalogue.check(caseMessages).map(Catalogue.describeProblem)).toEqual([])
  })

  it("merges with the kernel's and the security package's messages without a duplicate key", () => {
    expect(() => Catalogue.merge(kernelMessages, securityMessages, caseMessages)).not.toThrow()
  })

  it("holds every rule the model's sources name", () => {
    const named = new Set<string>()
    for (const file of modelFiles)
      for (const match of readFileSync(join(import.meta.dirname, "..", "..", "src", file), "utf8").matchAll(
        /"(case\.[a-z0-9-]+(?:\.[a-z0-9-]+)+)"/g,
      ))
        named.add(match[1]!)
    expect([...named].filter((key) => !has(key))).toEqual([])
    expect(named.size).toBeGreaterThan(50)
  })

  it("labels every status, command, reason, kind and question", () => {
    const keys = [
      ...CaseLifecycle.Status.literals.map(CaseLifecycle.statusLabelKey),
      ...CaseLifecycle.CommandName.literals.map((c) => `case.command.${c}`),
      ...CaseLifecycle.ClosureReason.literals.map((r) => `case.closure.${r}`),
      ...CaseLifecycle.ReopenReason.literals.map((r) => `case.reopen.${r}`),
      ...ConferenceEligibility.Reason.literals.map(ConferenceEligibility.reasonLabelKey),
      ...Consent.ConsentPurpose.literals.map(Consent.purposeLabelKey),
      ...Incident.ViolenceForm.literals.map(Incident.formLabelKey),
      ...Incident.IncidentSource.literals.map(Incident.sourceLabelKey),
      ...Incident.Place.literals.map((p) => `case.incident.place.${p}`),
      ...Incident.ChildrenExposure.literals.map((c) => `case.incident.children.${c}`),
      ...Person.PersonRole.literals.map(Person.roleLabelKey),
      ...Person.Sex.literals.map((s) => `case.person.sex.${s}`),
      ...Person.AgeBand.literals.map((a) => `case.person.age-band.${a}`),
      ...Person.Disability.literals.map((d) => `case.person.disability.${d}`),
      ...JurisdictionProfile.kosovo.communities.value.map((c) => `case.community.${c}`),
      ...Relationship.kinds.map(Relationship.labelKey),
      ...Relationship.RelationshipTime.literals.map((t) => `case.relationship.time.${t}`),
      ...ProtectionOrder.Status.literals.map(ProtectionOrder.statusLabelKey),
      ...ProtectionOrder.Petitioner.literals.map((p) => `case.order.petitioner.${p}`),
      ...["decision-due", "extension-reminder", "expiry", "hearing"].map((r) => `case.order.reminder.${r}`),
      ...RiskInstrument.levels.map(RiskInstrument.levelLabelKey),
      ...RiskInstrument.Answer.literals.map((a) => `case.risk.answer.${a}`),
      ...RiskAssessment.JudgementReason.literals.map(RiskAssessment.judgementLabelKey),
      ...Dash.instrument.questions.map((q) => q.text),
      ...KosovoPoliceEarlyAssessment.instrument.questions.map((q) => q.text),
      Dash.instrument.title,
      KosovoPoliceEarlyAssessment.instrument.title,
      ...SafetyPlan.MeasureKind.literals.map(SafetyPlan.kindLabelKey),
      ...SafetyPlan.MeasureStatus.literals.map((s) => `case.safety.status.${s}`),
    ]
    expect(keys.filter((key) => !has(key))).toEqual([])
    expect(Dash.instrument.questions).toHaveLength(24)
  })

  it("reads well in every locale", () => {
    expect(
      Catalogue.format(caseMessages, "sr-Cyrl", "case.order.reminder.extension-reminder", {
        reference: "GJI-2026-0042",
      }),
    ).toBe("GJI-2026-0042: наредба за заштиту ускоро истиче, затражите продужење")
    expect(
      Catalogue.format(caseMessages, "sr-Cyrl", "case.order.reminder.hearing", { reference: "GJI-2026-0042" }),
    ).toBe("GJI-2026-0042: приближава се рочиште о наредби за заштиту")
    expect(Catalogue.format(caseMessages, "sr-Latn", "case.summary.open-actions", { count: 3 })).toBe("3 otvorene mere")
    expect(Catalogue.format(caseMessages, "sq", "case.summary.open-actions", { count: 1 })).toBe("1 masë e hapur")
    expect(Catalogue.format(caseMessages, "sr-Cyrl", "case.relationship.unknown")).toContain("03/L-182")
    expect(Catalogue.format(caseMessages, "sr-Cyrl", "case.risk.instrument.dash")).toContain("DASH")
    expect(Catalogue.format(caseMessages, "sr-Cyrl", "case.reference.malformed")).toContain("GJI-2026-0042")
  })
})
