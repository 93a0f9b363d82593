// Two gateway instances over one PostgreSQL, as production runs them: two
// runtimes, two connection pools, two apps, in a schema of their own that is
// dropped afterwards. The first migrates and seeds the demo. Registers its
// own beforeAll/afterAll; call it inside a describe.
import { randomBytes } from "node:crypto"
import { Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { TestDatabase } from "@bashke/persistence/testing"
import { afterAll, beforeAll } from "@effect/vitest"
import { Layer, ManagedRuntime } from "effect"
import pg from "pg"
import * as App from "../../src/App"
import { type Seeded, seed } from "../../src/demo/Seed"
import { migrationPlan } from "../../src/MigrationPlan"
import * as RequestFingerprint from "../../src/RequestFingerprint"
import { routes } from "../../src/Routes"
import * as Services from "../../src/Services"

export interface TwoInstances {
  /** Filled before the tests run: instance 0 and instance 1. */
  readonly runtimes: Array<ManagedRuntime.ManagedRuntime<Services.GatewayServices, never>>
  readonly apps: Array<ReturnType<typeof App.make>>
  /** The demo, seeded through instance 0. */
  readonly seeded: () => Seeded
}

export const twoInstances = (
  options: Partial<Omit<App.Options, "run" | "fingerprint" | "routes">> = {},
): TwoInstances => {
  const base = process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl
  const schema = `bashke_test_${randomBytes(6).toString("hex")}`
  const admin = new pg.Client({ connectionString: base })
  const runtimes: TwoInstances["runtimes"] = []
  const apps: TwoInstances["apps"] = []
  let seeded: Seeded | undefined

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    const url = new URL(base)
    url.searchParams.set("options", `-c search_path=${schema}`)
    for (let i = 0; i < 2; i++) {
      const runtime = ManagedRuntime.make(
        Services.layer(Services.testKeys).pipe(
          Layer.provideMerge(Layer.orDie(Database.layer(url.toString(), { postgres: { maxConnections: 4 } }))),
          Layer.orDie,
        ),
      )
      runtimes.push(runtime)
      apps.push(
        App.make({
          run: (effect) => runtime.runPromiseExit(effect),
          fingerprint: await RequestFingerprint.make(new Uint8Array(32).fill(0x33)),
          routes,
          rateLimit: { perMinute: 1_000_000, burst: 1_000_000 },
          ...options,
        }),
      )
    }
    const first = runtimes[0] as (typeof runtimes)[number]
    await first.runPromise(Migrations.run(migrationPlan))
    seeded = await first.runPromise(seed)
  })
  afterAll(async () => {
    for (const runtime of runtimes) await runtime.dispose()
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  })

  return {
    runtimes,
    apps,
    seeded: () => {
      if (seeded === undefined) throw new Error("twoInstances: read the demo inside a test, after beforeAll")
      return seeded
    },
  }
}
