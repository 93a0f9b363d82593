// The README's example, imports pointed at the sources; `Readme.test.ts` runs it.
import { Id, type Principal } from "@bashke/kernel"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { Effect, Layer } from "effect"
import { AccessPolicy, AuditLog, BlindIndex, securityMigrations, Vault } from "../src/index"

const police = "01J9Z3K8V0M6YQ2R7T5W4X1B0C" as Id.InstitutionId
const mechanism = "01J9Z3K8V0M6YQ2R7T5W4X1B0D" as Id.MechanismId
const caseId = "01J9Z3K8V0M6YQ2R7T5W4X1B0E" as Id.CaseId
const personId = "01J9Z3K8V0M6YQ2R7T5W4X1B0F" as Id.PersonId

const officer: Principal.Principal = {
  id: "01J9Z3K8V0M6YQ2R7T5W4X1B0G" as Principal.Principal["id"],
  kind: "user",
  institution: police,
  sector: "police",
  roles: ["case-worker"],
  mechanisms: [mechanism],
}

const program = Effect.gen(function* () {
  // 1. Encrypt a field, bound to its place: it opens only with the same aad.
  const vault = yield* Vault.Vault
  const aad = `person:${personId}:family-name`
  const sealed = yield* vault.seal("Krasniqi", aad) // "v1.test-current.…"
  const familyName = yield* vault.open(sealed, aad) // "Krasniqi"

  // 2. A blind index finds the person by personal number, however it was typed.
  const index = yield* BlindIndex.BlindIndex
  const typed = yield* index.compute("personal-number", "12 345-678.90")
  const stored = yield* index.compute("personal-number", "1234567890") // === typed

  // 3. The policy: a full-access team member, consent in force, memorandum signed.
  const decision = AccessPolicy.decide(
    officer,
    "case.personal.read",
    {
      _tag: "Case",
      caseId,
      mechanismId: mechanism,
      leadInstitution: police,
      team: [{ institution: police, access: "full" }],
      consents: [
        { institutions: [police], sectors: [], purposes: ["case-management"], from: new Date("2026-01-01T00:00:00Z") },
      ],
      signatories: [police],
      purpose: "case-management",
    },
    new Date("2026-03-01T09:30:00Z"),
  ) // { _tag: "Allow", reason: "policy.allow.consent", breakGlass: false }

  // 4. Record the read in the audit log, then verify the whole chain.
  yield* Migrations.run([persistenceMigrations, securityMigrations])
  const log = yield* AuditLog.AuditLog
  yield* log.append({
    principalId: officer.id,
    institutionId: police,
    mechanismId: mechanism,
    caseId,
    personId,
    action: "read",
    purpose: "case-management",
  })
  const verdict = yield* log.verify // { ok: true, entries: 1, head: { seq: 1, hash: "…" } }
  const whoSawIt = yield* log.forPerson(personId) // who read or wrote, when, and why

  return { familyName, sameIndex: typed === stored, decision, verdict, whoSawIt }
})

export const main = () =>
  Effect.runPromise(
    program.pipe(
      Effect.provide(
        AuditLog.layer.pipe(
          Layer.provideMerge(
            Layer.mergeAll(Database.layer("sqlite::memory:"), Vault.layerTest, BlindIndex.layerTest, Id.layer),
          ),
        ),
      ),
    ),
  )

if (import.meta.url === `file://${process.argv[1]}`) main().then(console.log)
