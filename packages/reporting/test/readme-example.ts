// Keep in step with the example in README.md (only the import paths differ).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CaseService, caseMigrations, Signatories } from "@bashke/case"
import { Id, Principal } from "@bashke/kernel"
import { meetingMigrations } from "@bashke/meeting"
import { Migrations, persistenceMigrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { referralMigrations } from "@bashke/referral"
import { AuditLog, BlindIndex, securityMigrations, Vault } from "@bashke/security"
import { Effect, Layer, TestClock, TestContext } from "effect"
import { Csv, PlanImplementation, ReportingService, SqlStatistics, Xlsx } from "../src/index"

const mechanismId = Id.MechanismId.make("01JM0000000000000000000001")
const police = Id.InstitutionId.make("01JB000000000000000000000B")
const socialWork = Id.InstitutionId.make("01JB000000000000000000000C")

const officer: Principal.Principal = {
  id: Id.PrincipalId.make("01JP0000000000000000000001"),
  kind: "user",
  institution: police,
  sector: "police",
  roles: ["case-worker"],
  mechanisms: [mechanismId],
}
const nationalCoordinator: Principal.Principal = {
  id: Id.PrincipalId.make("01JP0000000000000000000002"),
  kind: "user",
  roles: ["national-coordinator"],
  mechanisms: [],
}

const program = Effect.gen(function* () {
  // The statistics views come with the case, referral and meeting migrations.
  yield* Migrations.run([
    persistenceMigrations,
    securityMigrations,
    meetingMigrations,
    caseMigrations,
    referralMigrations,
  ])

  // Gjilan's police open 14 cases in 2025: 12 women, 2 men; physical violence
  // in every case, psychological in the women's.
  yield* TestClock.setTime(Date.parse("2025-06-02T09:00:00Z"))
  const cases = yield* CaseService.CaseService
  for (let n = 0; n < 14; n++) {
    const woman = n < 12
    const opened = yield* cases.openCase({
      mechanismId,
      municipality: "GJI",
      persons: [
        { role: "victim", sex: woman ? "female" : "male", birthYear: 1980 + n },
        { role: "alleged-perpetrator", sex: "male", relationship: { kind: "married", time: "current" } },
      ],
    })
    yield* cases.recordIncident({
      caseId: opened.id,
      occurredOn: "2025-06-01",
      municipality: "GJI",
      forms: woman ? ["physical", "psychological"] : ["physical"],
      children: "none",
      source: "police-report",
    })
  }

  // The Agency for Gender Equality's yearly tables: every count under 10 hidden,
  // and whatever would give one away.
  const report = yield* ReportingService.yearly({ year: 2025 }).pipe(
    Effect.provideService(Principal.CurrentPrincipal, nationalCoordinator),
  )
  const byForm = report.tables.find((table) => table.name === "cases-by-form")!
  return {
    csv: Csv.table(byForm, { locale: "sq" }),
    xlsx: Xlsx.report(report, { locale: "sq" }),
  }
}).pipe(Effect.provideService(Principal.CurrentPrincipal, officer))

export const main = async () => {
  const directory = mkdtempSync(join(tmpdir(), "bashke-reporting-"))
  const infrastructure = Layer.mergeAll(
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
  )
  const services = Layer.mergeAll(
    CaseService.layerSql,
    SqlStatistics.layer,
    // The app wires this port to @bashke/action-plan's repository (layerActionPlans).
    PlanImplementation.layerTest([]),
  ).pipe(Layer.provideMerge(AuditLog.layer), Layer.provideMerge(infrastructure))
  try {
    return await Effect.runPromise(
      program.pipe(Effect.provide(services), Effect.provide(TestContext.TestContext), Effect.orDie),
    )
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(({ csv, xlsx }) => {
    process.stdout.write(csv)
    writeFileSync("raporti-2025.xlsx", xlsx)
  })
}
