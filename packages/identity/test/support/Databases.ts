// The databases the SQL suites run on (a SQLite file, a PostgreSQL schema),
// migrated with every table this package needs, and its stores over them.
// Each build of `services(db)` is a new, empty database.
import { Id } from "@bashke/kernel"
import { persistenceMigrations, Throttle } from "@bashke/persistence"
import { type TestDatabase, testDatabases } from "@bashke/persistence/testing"
import { AuditLog, BlindIndex, securityMigrations, Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Layer } from "effect"
import {
  Credentials,
  identityMigrations,
  Passkeys,
  People,
  ProviderFlows,
  ProviderSubjects,
  Sessions,
  SignInLinks,
} from "../../src"

export const databases: ReadonlyArray<TestDatabase.TestDatabase> = await testDatabases({
  migrations: [persistenceMigrations, securityMigrations, identityMigrations],
})

export const services = (
  db: TestDatabase.TestDatabase,
): Layer.Layer<
  | People.People
  | Sessions.Sessions
  | SignInLinks.SignInLinks
  | Credentials.Credentials
  | Passkeys.Passkeys
  | Throttle.Throttle
  | ProviderFlows.ProviderFlows
  | ProviderSubjects.ProviderSubjects
  | BlindIndex.BlindIndex
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Vault.Vault
  | Id.IdGenerator
> =>
  Layer.mergeAll(
    Sessions.layerSql,
    SignInLinks.layerSql,
    Credentials.layerSql,
    Passkeys.layerSql,
    Throttle.layerSql,
    ProviderFlows.layerSql,
    ProviderSubjects.layerSql,
  ).pipe(
    Layer.provideMerge(People.layerSql),
    Layer.provideMerge(AuditLog.layer),
    Layer.provideMerge(Layer.mergeAll(db.layer, Vault.layerTest, BlindIndex.layerTest, Id.layer)),
  )
