// The README's "Storing cases" example, imports pointed at the sources
// (Readme.test.ts runs it; the README's copy imports "@bashke/case").
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Catalogue, Id, kernelMessages, Principal } from "@bashke/kernel"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { AuditLog, BlindIndex, securityMessages, securityMigrations, Vault } from "@bashke/security"
import { Effect, Layer } from "effect"
import { CaseService, caseMessages, caseMigrations, caseStoreMessages, Signatories } from "../../src"

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
const caseManager: Principal.Principal = {
  ...officer,
  id: id(5) as Id.PrincipalId,
  institution: socialWork,
  sector: "social-work",
}

const messages = Catalogue.merge(kernelMessages, securityMessages, caseMessages, caseStoreMessages)
// A refusal names its rule (a catalogue key) and never a value.
const ruleOf = (error: { readonly _tag: string; readonly rule?: string }) => error.rule ?? error._tag
const inAlbanian = (rule: string) => (Catalogue.has(messages, rule) ? Catalogue.format(messages, "sq", rule) : rule)

const program = Effect.gen(function* () {
  yield* Migrations.run([persistenceMigrations, securityMigrations, caseMigrations])
  const cases = yield* CaseService.CaseService
  const asOfficer = Effect.provideService(Principal.CurrentPrincipal, officer)
  const asCaseManager = Effect.provideService(Principal.CurrentPrincipal, caseManager)

  // 1. The police open a case: the reference is allocated without gaps, the
  //    details are sealed field by field, the write is audited, the event announced.
  const opened = yield* asOfficer(
    cases.openCase({
      mechanismId,
      municipality: "GJI",
      persons: [
        {
          role: "victim",
          sex: "female",
          birthYear: 1990,
          details: {
            givenName: "Arbëresha",
            familyName: "Krasniqi",
            personalNumber: "1234567890",
            phone: "+383 44 123 456",
          },
        },
      ],
    }),
  )
  const caseId = opened.id
  const [victim] = opened.persons
  if (victim === undefined) throw new Error("the case has its victim")
  const personId = victim.id

  // 2. The survivor consents, on a form she signs at the police station, to share
  //    with the centre for social work (the lead). It does not open the police's
  //    own access, so it needs no second person's confirmation.
  const consent = yield* asOfficer(
    cases.giveConsent({
      caseId,
      givenBy: personId,
      institutions: [socialWork],
      purposes: ["case-management"],
      method: "signed-form",
    }),
  )

  // 3. The case manager reads what she needs, for a stated purpose (audited).
  const details = yield* asCaseManager(
    cases.readPersonalData({ caseId, personId, purpose: "case-management", fields: ["familyName", "phone"] }),
  )

  // 4. Without a purpose: refused by rule, nothing written.
  const noPurpose = yield* Effect.flip(asCaseManager(cases.readPersonalData({ caseId, personId })))

  // 5. Consent withdrawn: the very next read is denied.
  yield* asCaseManager(cases.withdrawConsent({ caseId, consentId: consent.id }))
  const denied = yield* Effect.flip(
    asCaseManager(cases.readPersonalData({ caseId, personId, purpose: "case-management" })),
  )

  // 6. Who saw this survivor's file, and why.
  const whoSaw = (yield* (yield* AuditLog.AuditLog).forPerson(personId)).map(
    (entry) => `${entry.action} by ${entry.institutionId === police ? "police" : "social work"} for ${entry.purpose}`,
  )

  // 7. What a case conference sees: no names.
  const summary = yield* asCaseManager(cases.readSummary({ caseId }))

  return {
    reference: opened.reference,
    lead: opened.team.lead === socialWork ? "social work" : "other",
    details,
    noPurpose: ruleOf(noPurpose),
    denied: ruleOf(denied),
    deniedInAlbanian: inAlbanian(ruleOf(denied)),
    whoSaw,
    summary: { reference: summary.reference, riskLevel: summary.riskLevel, sectors: summary.sectors },
  }
})

export const main = () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-case-"))
  const services = CaseService.layerSql.pipe(
    Layer.provideMerge(AuditLog.layer),
    Layer.provideMerge(
      Layer.mergeAll(
        Database.layer(`sqlite:${join(directory, "bashke.db")}`),
        Vault.layerTest, // fixed, public keys: for examples and tests only
        BlindIndex.layerTest,
        Id.layer,
        // The app wires this port to @bashke/mechanism; here, two signatories.
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
  return Effect.runPromise(program.pipe(Effect.provide(services))).finally(() =>
    rmSync(directory, { recursive: true, force: true }),
  )
}

if (import.meta.url === `file://${process.argv[1]}`)
  main().then((result) => console.log(JSON.stringify(result, null, 2)))
