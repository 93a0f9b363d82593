// The views read what the case package's own service writes: a case opened,
// its incidents, consent and order recorded through `CaseService` (not by SQL),
// then counted by the reporting service, on SQLite and PostgreSQL.
import { CaseService, Signatories } from "@bashke/case"
import { Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { AuditLog, BlindIndex, Vault } from "@bashke/security"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import * as PlanImplementation from "../src/PlanImplementation"
import * as ReportingService from "../src/ReportingService"
import * as SqlStatistics from "../src/SqlStatistics"
import { databases } from "./support/Databases"
import { national } from "./support/Principals"
import { find, nonZero } from "./support/Tables"

const id = (n: number) => Id.ulidAt(1_767_225_600_000 + n, new Uint8Array(10).fill(n))
const mechanismId = id(1) as Id.MechanismId
const police = id(2) as Id.InstitutionId
const socialWork = id(3) as Id.InstitutionId

const officer: Principal.Principal = {
  id: id(4) as Id.PrincipalId,
  kind: "user",
  institution: police,
  sector: "police",
  roles: ["case-worker"],
  mechanisms: [mechanismId],
}

const everything: JurisdictionProfile.JurisdictionProfile = {
  ...JurisdictionProfile.kosovo,
  statistics: {
    ...JurisdictionProfile.kosovo.statistics,
    smallCellThreshold: { ...JurisdictionProfile.kosovo.statistics.smallCellThreshold, value: 1 },
  },
}

for (const db of databases) {
  describe.skipIf(db.skip !== undefined)(`${db.name}: cases written by CaseService`, () => {
    const services = Layer.mergeAll(CaseService.layerSql, SqlStatistics.layer, PlanImplementation.layerTest([])).pipe(
      Layer.provideMerge(AuditLog.layer),
      Layer.provideMerge(
        Layer.mergeAll(
          db.layer,
          Vault.layerTest,
          BlindIndex.layerTest,
          Id.layer,
          Signatories.layerTest([
            {
              mechanismId,
              signatories: [
                { institution: police, sector: "police" },
                { institution: socialWork, sector: "social-work" },
              ],
            },
          ]),
        ),
      ),
    )
    layer(services)((it) => {
      it.effect("are counted by form, age, relationship, children, order and consent", () =>
        Effect.gen(function* () {
          yield* TestClock.setTime(Date.parse("2026-03-02T09:00:00Z"))
          const cases = yield* CaseService.CaseService
          const opened = yield* cases.openCase({
            mechanismId,
            municipality: "GJI",
            persons: [
              { role: "victim", sex: "female", birthYear: 1990, details: { givenName: "Arbëresha" } },
              {
                role: "alleged-perpetrator",
                sex: "male",
                ageBand: "35-44",
                relationship: { kind: "married", time: "former" },
              },
            ],
          })
          const victim = opened.persons.find((p) => p.role === "victim")!
          const perpetrator = opened.persons.find((p) => p.role === "alleged-perpetrator")!
          yield* cases.recordIncident({
            caseId: opened.id,
            occurredOn: "2026-03-01",
            municipality: "GJI",
            forms: ["physical", "economic"],
            children: "witnessed",
            perpetrators: [perpetrator.id],
            source: "police-report",
          })
          yield* cases.giveConsent({
            caseId: opened.id,
            givenBy: victim.id,
            institutions: [socialWork],
            purposes: ["case-management", "statistics"],
            method: "signed-form",
          })
          yield* cases.recordOrder({
            caseId: opened.id,
            kind: "protection-order",
            petitioner: "victim",
            requestedAt: "2026-03-02T08:00:00.000Z",
          })

          const consentRequired: JurisdictionProfile.JurisdictionProfile = {
            ...everything,
            statistics: {
              ...everything.statistics,
              consentRequired: { ...everything.statistics.consentRequired, value: true },
            },
          }
          for (const profile of [everything, consentRequired]) {
            const report = yield* ReportingService.yearly({ year: 2026 }).pipe(
              Effect.provideService(Principal.CurrentPrincipal, national),
              Effect.provideService(JurisdictionProfile.CurrentJurisdiction, profile),
            )
            expect(nonZero(find(report, "cases-by-form"))).toEqual([
              ["physical", 1, 0, 0, 1],
              ["economic", 1, 0, 0, 1],
              ["total", 2, 0, 0, 2],
            ])
            expect(nonZero(find(report, "victims-by-age"))).toEqual([
              ["35-44", 1, 0, 0, 1],
              ["total", 1, 0, 0, 1],
            ])
            expect(nonZero(find(report, "perpetrators-by-relationship"))).toEqual([
              ["married", 1, 0, 0, 1],
              ["total", 1, 0, 0, 1],
            ])
            expect(nonZero(find(report, "cases-by-children"))).toEqual([
              ["witnessed", 1, 0, 0, 1],
              ["total", 1, 0, 0, 1],
            ])
            expect(nonZero(find(report, "protection-orders"))).toEqual([
              ["protection-order", 1, 0, 0, 0, 0, 0, 1],
              ["total", 1, 0, 0, 0, 0, 0, 1],
            ])
          }
        }).pipe(Effect.provideService(Principal.CurrentPrincipal, officer)),
      )

      // The views read facts kept at write time (case migration 17): a later
      // incident and a withdrawn consent reach the next report.
      it.effect("follow later writes: incidents recorded one by one, a consent given then withdrawn", () =>
        Effect.gen(function* () {
          yield* TestClock.setTime(Date.parse("2027-03-02T09:00:00Z"))
          const cases = yield* CaseService.CaseService
          const opened = yield* cases.openCase({
            mechanismId,
            municipality: "GJI",
            persons: [
              { role: "victim", sex: "female", birthYear: 2000 },
              { role: "alleged-perpetrator", sex: "male", relationship: { kind: "married", time: "current" } },
            ],
          })
          const report = (consent: boolean) =>
            ReportingService.yearly({ year: 2027 }).pipe(
              Effect.provideService(Principal.CurrentPrincipal, national),
              Effect.provideService(JurisdictionProfile.CurrentJurisdiction, {
                ...everything,
                statistics: {
                  ...everything.statistics,
                  consentRequired: { ...everything.statistics.consentRequired, value: consent },
                },
              }),
            )
          expect(nonZero(find(yield* report(false), "cases-by-children"))).toEqual([
            ["not-known", 1, 0, 0, 1],
            ["total", 1, 0, 0, 1],
          ])
          expect(nonZero(find(yield* report(true), "victims-by-age"))).toEqual([])
          const victim = opened.persons.find((p) => p.role === "victim")!
          const perpetrator = opened.persons.find((p) => p.role === "alleged-perpetrator")!
          const incident = (form: "physical" | "sexual", children: "none" | "present", version: number) =>
            cases.recordIncident({
              caseId: opened.id,
              expectedVersion: version,
              occurredOn: "2027-03-01",
              municipality: "GJI",
              forms: [form],
              children,
              perpetrators: [perpetrator.id],
              source: "police-report",
            })
          yield* incident("physical", "none", opened.version)
          yield* incident("sexual", "present", opened.version + 1)
          const consent = yield* cases.giveConsent({
            caseId: opened.id,
            expectedVersion: opened.version + 2,
            givenBy: victim.id,
            institutions: [socialWork],
            purposes: ["case-management", "statistics"],
            method: "signed-form",
          })
          const before = yield* report(true)
          expect(nonZero(find(before, "victims-by-age"))).toEqual([
            ["25-34", 1, 0, 0, 1],
            ["total", 1, 0, 0, 1],
          ])
          expect(nonZero(find(before, "cases-by-form"))).toEqual([
            ["physical", 1, 0, 0, 1],
            ["sexual", 1, 0, 0, 1],
            ["total", 2, 0, 0, 2],
          ])
          expect(nonZero(find(before, "cases-by-children"))).toEqual([
            ["present", 1, 0, 0, 1],
            ["total", 1, 0, 0, 1],
          ])
          yield* cases.withdrawConsent({
            caseId: opened.id,
            consentId: consent.id,
            expectedVersion: opened.version + 3,
          })
          expect(nonZero(find(yield* report(true), "victims-by-age"))).toEqual([])
        }).pipe(Effect.provideService(Principal.CurrentPrincipal, officer)),
      )
    })
  })
}
