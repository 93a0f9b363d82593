// The README's example, imports pointed at the sources; `Readme.test.ts` runs it.
import { Id, Principal } from "@bashke/kernel"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { AuditLog, securityMigrations, Vault } from "@bashke/security"
import { Effect, Layer } from "effect"
import { MechanismService, Mechanisms, mechanismMigrations } from "../src"

const gjilanMunicipality = "01J9Z3K8V0M6YQ2R7T5W4X1B01" as Id.InstitutionId
const gjilanPolice = "01J9Z3K8V0M6YQ2R7T5W4X1B02" as Id.InstitutionId

const program = Effect.gen(function* () {
  yield* Migrations.run([persistenceMigrations, securityMigrations, mechanismMigrations])
  const service = yield* MechanismService.MechanismService
  const mechanisms = yield* Mechanisms.Mechanisms

  // 1. A mechanism: cadence (4 a year) and quorum (more than half) from the Kosovo profile.
  const mechanism = yield* service.create({
    municipality: "GJI",
    name: {
      sq: "Mekanizmi lokal i koordinimit kundër dhunës në familje – Gjilan",
      "sr-Latn": "Lokalni mehanizam koordinacije protiv nasilja u porodici – Gnjilane",
      en: "Local coordination mechanism against domestic violence – Gjilan",
    },
  })

  // 2. Members. Representatives' names and contacts are sealed and audited, so
  //    these commands need the acting principal.
  const coordinator: Principal.Principal = {
    id: "01J9Z3K8V0M6YQ2R7T5W4X1B03" as Id.PrincipalId,
    kind: "user",
    institution: gjilanMunicipality,
    roles: ["coordinator"],
    mechanisms: [mechanism.id],
  }
  const asCoordinator = Effect.provideService(Principal.CurrentPrincipal, coordinator)
  const office = yield* asCoordinator(
    service.addMember({
      mechanismId: mechanism.id,
      institutionId: gjilanMunicipality,
      sector: "municipality",
      joinedOn: "2026-01-15",
      contacts: { representative: { name: "Gender Equality Officer", email: "geo@example.org" } },
    }),
  )
  yield* asCoordinator(
    service.addMember({
      mechanismId: mechanism.id,
      institutionId: gjilanPolice,
      sector: "police",
      joinedOn: "2026-01-15",
      contacts: { representative: { name: "Police representative" } },
    }),
  )
  yield* service.appointCoordinator({ mechanismId: mechanism.id, membershipId: office.id })

  // 3. The memorandum: publish a version, sign it, countersign the signature
  //    (it counts only then), activate the mechanism.
  const memorandum = yield* service.publishMemorandum({
    mechanismId: mechanism.id,
    effectiveFrom: "2026-02-01",
    documentHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    expectedSectors: ["municipality", "police", "social-work"],
  })
  yield* asCoordinator(
    service.signMemorandum({
      mechanismId: mechanism.id,
      memorandumId: memorandum.memorandumId,
      version: memorandum.version,
      institutionId: gjilanPolice,
      signer: "Police representative",
      signedOn: "2026-02-03",
    }),
  )
  yield* asCoordinator(
    service.countersignMemorandum({
      mechanismId: mechanism.id,
      memorandumId: memorandum.memorandumId,
      version: memorandum.version,
      institutionId: gjilanPolice,
      countersignedOn: "2026-02-03",
    }),
  )
  const active = yield* service.activate({ mechanismId: mechanism.id })

  // 4. What other packages ask.
  return {
    status: active.status, // "active"
    members: (yield* mechanisms.members(mechanism.id, "2026-03-01")).map((m) => m.sector), // ["municipality", "police"]
    policeMaySeeCases: yield* mechanisms.isSignatory(mechanism.id, gjilanPolice, "2026-03-01"), // true
    officeMaySeeCases: yield* mechanisms.isSignatory(mechanism.id, gjilanMunicipality, "2026-03-01"), // false: not signed
    gaps: (yield* service.compositionGaps(mechanism.id, "2026-03-01")).gaps, // ["municipality", "social-work"]
  }
})

export const main = () =>
  Effect.runPromise(
    program.pipe(
      Effect.provide(
        MechanismService.layerSql.pipe(
          Layer.provideMerge(AuditLog.layer),
          Layer.provideMerge(Layer.mergeAll(Database.layer("sqlite::memory:"), Vault.layerTest, Id.layer)),
        ),
      ),
    ),
  )

if (import.meta.url === `file://${process.argv[1]}`) main().then(console.log)
