// The police import through the gateway's real capabilities, for the import
// benchmark and the kill test: a SQLite file (WAL) migrated and seeded with
// the demo mechanism and `cases` cases (each with a victim whose personal
// number the reports name), a fake police API on 127.0.0.1 serving `total`
// reports in pages, and the plugin host the gateway runs (`GatewayPlugins`:
// incidents, person matching and the review queue over the case package,
// acting as the plugin's configured principal), imported to the end as
// `bashke import police` does (`PluginImport.run`).
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { CaseService } from "@bashke/case"
import { Id, Principal } from "@bashke/kernel"
import { Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import plugin from "@bashke/plugin-police"
import type { Plugin } from "@bashke/plugin-sdk"
import { PluginHost } from "@bashke/plugin-sdk"
import { Clock, Effect, Layer, ManagedRuntime, Redacted } from "effect"
import * as FakePolice from "../../../plugins/police/test/support/FakePolice"
import { seed } from "../src/demo/Seed"
import { institutions, principal } from "../src/demo/World"
import { migrationPlan } from "../src/MigrationPlan"
import * as PdfFontFile from "../src/PdfFontFile"
import * as GatewayPlugins from "../src/plugins/GatewayPlugins"
import type { PluginConfig } from "../src/plugins/PluginConfig"
import * as PluginImport from "../src/plugins/PluginImport"
import * as Services from "../src/Services"

/** The police plugin as the gateway loads it. */
export const policePlugin: Plugin.Any = plugin as Plugin.Any

/** The victim's personal number of the `c`-th case. */
export const victimNumber = (c: number): string => String(1_000_000_000 + c)

/** The `i`-th report (the police plugin's own fixture): its victim is the victim of case `i mod cases`. */
export const report = (i: number, cases: number) => {
  const reported = FakePolice.report(i)
  return { ...reported, victim: { ...reported.victim, personalNumber: victimNumber(i % cases) } }
}

/**
 * The fake police API: `total` reports in pages of `page`, the cursor the
 * next report's number; the reports numbered in `malformed` lack their date.
 */
export const policeApi = async (
  total: number,
  page: number,
  cases: number,
  malformed: ReadonlySet<number> = new Set(),
): Promise<Server & { baseUrl: string }> => {
  // Pages built before timing: the fake server shares the process, and its
  // JSON.stringify is not the import's cost.
  const pages = new Map<number, string>()
  for (let from = 0; from < total; from += page) {
    const records = []
    for (let i = from; i < Math.min(total, from + page); i++) {
      const { occurredOn, ...undated } = report(i, cases)
      records.push(malformed.has(i) ? undated : { occurredOn, ...undated })
    }
    pages.set(from, JSON.stringify({ records, next: String(from + records.length) }))
  }
  const server = createServer((request, response) => {
    const after = Number(new URL(request.url ?? "/", "http://x").searchParams.get("after") ?? "0")
    response.writeHead(200, { "content-type": "application/json" })
    response.end(pages.get(after) ?? JSON.stringify({ records: [], next: null }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return Object.assign(server, { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api` })
}

/** The gateway's services over the SQLite `file` (migrated first), with the public test keys. */
export const gateway = async (
  file: string,
): Promise<ManagedRuntime.ManagedRuntime<Services.GatewayServices, never>> => {
  const database = Layer.orDie(Database.layer(`sqlite:${file}`))
  const layer = Services.layer(Services.testKeys, { pdfFont: PdfFontFile.layer }).pipe(
    Layer.provideMerge(database),
    Layer.orDie,
  )
  const runtime = ManagedRuntime.make(layer)
  await runtime.runPromise(Effect.orDie(Migrations.run(migrationPlan)))
  return runtime
}

/**
 * Seeds the demo and opens `cases` cases as the demo's police officer, each
 * with a victim whose personal number is {@link victimNumber}. Answers the
 * mechanism.
 */
export const seedCases = (file: string, cases: number): Promise<Id.MechanismId> =>
  gateway(file).then((runtime) =>
    runtime
      .runPromise(
        Effect.gen(function* () {
          const seeded = yield* seed
          const service = yield* CaseService.CaseService
          const officer = principal("policeOfficer", seeded.mechanismId)
          for (let c = 0; c < cases; c++)
            yield* service
              .openCase({
                mechanismId: seeded.mechanismId,
                municipality: "GJI",
                persons: [
                  {
                    role: "victim",
                    sex: "female",
                    birthYear: 1990,
                    details: { givenName: "Arta", familyName: "Krasniqi", personalNumber: victimNumber(c) },
                  },
                ],
              })
              .pipe(Effect.provideService(Principal.CurrentPrincipal, officer))
          return seeded.mechanismId
        }),
      )
      .finally(() => runtime.dispose()),
  )

/** The principal the plugin acts as: the demo's police, on the mechanism's cases. */
export const pluginPrincipalId = Id.ulidAt(1_767_225_700_000, new Uint8Array(10).fill(90)) as Id.PrincipalId

/** The host configuration: the police plugin pulling from `baseUrl`, acting as the demo's police. */
export const configFor = (
  mechanismId: Id.MechanismId,
  baseUrl: string,
  page: number,
  variant: Plugin.Any = policePlugin,
): PluginConfig => ({
  host: {
    batchSize: page,
    plugins: [
      {
        package: variant.manifest.name,
        grant: [...variant.manifest.capabilities],
        webhook: { secrets: [Redacted.make("a-bench-webhook-secret-of-32-chars!")] },
        config: { baseUrl, apiKey: "bench-key", pageSize: page, intervalSeconds: 3600 },
      },
    ],
  },
  principals: new Map([
    [
      variant.manifest.name,
      {
        id: pluginPrincipalId,
        institution: institutions.police.id,
        sector: "police",
        mechanisms: [mechanismId],
        petitioner: "police",
      },
    ],
  ]),
})

// The system clock `ahead` milliseconds ahead.
const clockAhead = (clock: Clock.Clock, ahead: number): Clock.Clock => ({
  [Clock.ClockTypeId]: Clock.ClockTypeId,
  unsafeCurrentTimeMillis: () => clock.unsafeCurrentTimeMillis() + ahead,
  currentTimeMillis: Effect.sync(() => clock.unsafeCurrentTimeMillis() + ahead),
  unsafeCurrentTimeNanos: () => clock.unsafeCurrentTimeNanos() + BigInt(ahead) * 1_000_000n,
  currentTimeNanos: Effect.sync(() => clock.unsafeCurrentTimeNanos() + BigInt(ahead) * 1_000_000n),
  sleep: (duration) => clock.sleep(duration),
})

/**
 * Imports everything the API has, to the end, through the gateway's plugin
 * host over `runtime`'s services (its loops not started, as `bashke import`
 * runs it). `progress` hears the processed count after each pass; the clock
 * runs `ahead` milliseconds ahead (a restart after the inbox's lease expired).
 */
export const importAll = (
  runtime: ManagedRuntime.ManagedRuntime<Services.GatewayServices, never>,
  config: PluginConfig,
  variant: Plugin.Any,
  progress: (done: number) => void = () => {},
  ahead = 0,
) =>
  runtime.runPromise(
    Effect.gen(function* () {
      const host = yield* PluginHost.PluginHost
      return yield* PluginImport.run(host, variant.manifest.name, {
        pulled: () => Effect.void,
        processed: (done) => Effect.sync(() => progress(done)),
      })
    }).pipe(
      Effect.provide(GatewayPlugins.layer(config, { plugins: [variant] }, { start: false })),
      Effect.scoped,
      Effect.orDie,
      (effect) =>
        ahead === 0 ? effect : Effect.clockWith((clock) => Effect.withClock(effect, clockAhead(clock, ahead))),
    ),
  )
