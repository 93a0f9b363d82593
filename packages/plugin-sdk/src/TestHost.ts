/**
 * A fake host for one plugin: the real `PluginHost` over a test database
 * (a fresh SQLite file by default), the public test vault keys, fake
 * capability services that record what the plugin asked, and helpers to run
 * a pull, deliver an event, call a webhook with a valid signature, and move
 * Effect's `TestClock`.
 *
 * ```ts
 * import { it } from "@effect/vitest"
 * import { TestHost } from "@bashke/plugin-sdk/testing"
 *
 * it.scoped("imports the upstream's records", () =>
 *   Effect.gen(function* () {
 *     const test = yield* TestHost.make(plugin, { config: { baseUrl: "http://127.0.0.1:4000" } })
 *     yield* test.pullAndProcess()
 *     expect(test.recorded.incidents).toHaveLength(2)
 *   }).pipe(Effect.provide(TestHost.database)),
 * )
 * ```
 */
import { Id } from "@bashke/kernel"
import { Migrations, Outbox, persistenceMigrations } from "@bashke/persistence"
import { TestDatabase } from "@bashke/persistence/testing"
// The SDK through its public entry: the built `testing` entry then imports the
// built main entry instead of carrying a second copy of it (whose types would
// not be the main entry's).
import {
  type Capability,
  type DeadLetter,
  type HostConfig,
  type Plugin,
  PluginHost,
  type PluginStartError,
  pluginSdkMigrations,
  WebhookSignature,
} from "@bashke/plugin-sdk"
import { Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Clock, type Duration, Effect, Layer, type Option, Redacted, type Scope, TestClock } from "effect"
import * as FakeCapabilities from "./FakeCapabilities"

/**
 * The webhook secret the test host configures unless told otherwise.
 */
export const webhookSecret = "test-webhook-secret-0123456789"

/**
 * The migrations a test database needs: the outbox's, then the host's.
 */
export const migrations: ReadonlyArray<Migrations.MigrationSet> = [persistenceMigrations, pluginSdkMigrations]

/**
 * A migrated SQLite file of its own per build, the test vault and a seeded id
 * generator: everything `make` needs.
 */
export const database: Layer.Layer<PluginHost.Requirements> = Layer.mergeAll(Vault.layerTest, Id.layerTest()).pipe(
  Layer.provideMerge(
    Layer.fresh(
      Layer.provideMerge(Layer.effectDiscard(Effect.orDie(Migrations.run(migrations))), TestDatabase.sqliteLayer),
    ),
  ),
)

/**
 * The services `make` needs over a `SqlClient` you bring (a PostgreSQL test
 * database, already migrated with {@link migrations}).
 */
export const servicesOver = (sql: Layer.Layer<SqlClient.SqlClient>): Layer.Layer<PluginHost.Requirements> =>
  Layer.mergeAll(Vault.layerTest, Id.layerTest()).pipe(Layer.provideMerge(sql))

export interface Options {
  /** The plugin's configuration (what its manifest's schema decodes). */
  readonly config?: unknown
  /** The capabilities granted; all the manifest names, by default. */
  readonly grant?: ReadonlyArray<Capability.Capability>
  /** The plugin's other settings (timeouts, breaker, retry, webhook). */
  readonly settings?: Partial<Omit<HostConfig.PluginSettings, "package" | "grant" | "config">>
  /** The host-wide settings (batch size, settle time…). */
  readonly host?: Partial<Omit<HostConfig.HostConfig, "plugins">>
  /** How the fake capability services answer. */
  readonly answers?: FakeCapabilities.Answers
  readonly probe?: PluginHost.Probe
}

/**
 * An inbox row, for assertions.
 */
export interface InboxRow {
  readonly source: string
  readonly recordId: string
  readonly status: "pending" | "processed" | "dead"
  readonly attempts: number
  readonly lastError: string | null
}

/**
 * A webhook's answer, its body parsed.
 */
export interface WebhookAnswer {
  readonly status: number
  readonly body: unknown
  readonly headers: Headers
}

export interface TestHost {
  readonly host: PluginHost.Service
  /** The plugin's name. */
  readonly plugin: string
  /** The plugin's id (its URL segment). */
  readonly id: string
  /** What the fake capability services were asked. */
  readonly recorded: FakeCapabilities.Recorded
  /** A person resolves a review item with a case: its proposal applied as the host would. */
  readonly resolveReview: FakeCapabilities.Fakes["resolveReview"]
  /** Runs a pull once (the plugin's only pull when no name is given). */
  readonly pull: (name?: string) => Effect.Effect<PluginHost.PullOutcome>
  /** One pass over the due inbox records. */
  readonly process: Effect.Effect<PluginHost.PassOutcome>
  /** A pull, then a pass over the inbox. */
  readonly pullAndProcess: (
    name?: string,
  ) => Effect.Effect<{ readonly pull: PluginHost.PullOutcome; readonly process: PluginHost.PassOutcome }>
  /** Appends an event to the outbox (as a domain service would) and runs one delivery pass. */
  readonly deliver: (event: {
    readonly topic: string
    readonly payload: unknown
    readonly aggregateType?: string
    readonly aggregateId?: string
  }) => Effect.Effect<PluginHost.PassOutcome>
  /** One delivery pass without a new event (retries fall due as the clock moves). */
  readonly deliverPending: Effect.Effect<PluginHost.PassOutcome>
  /**
   * Calls a webhook route (`path` relative to the plugin's mount) with a
   * valid signature — unless `secret` or `timestampMillis` say otherwise.
   */
  readonly webhook: (
    method: string,
    path: string,
    body: unknown,
    options?: {
      readonly secret?: string
      readonly timestampMillis?: number
      readonly headers?: Record<string, string>
      /** Sent as is instead of `JSON.stringify(body)`. */
      readonly rawBody?: string
      /** Signed over this instead of the body sent (to tamper with the body). */
      readonly signedBody?: string
      readonly unsigned?: boolean
    },
  ) => Effect.Effect<WebhookAnswer>
  /** Moves the test clock (retries, breakers, schedules fall due). */
  readonly advance: (duration: Duration.DurationInput) => Effect.Effect<void>
  readonly inbox: Effect.Effect<ReadonlyArray<InboxRow>>
  readonly deadLetters: Effect.Effect<ReadonlyArray<DeadLetter.DeadLetter>>
  readonly replay: (letter: DeadLetter.Replay) => Effect.Effect<boolean>
  readonly cursor: (name?: string) => Effect.Effect<Option.Option<string>>
  readonly status: Effect.Effect<PluginHost.PluginStatus>
}

/**
 * Starts `plugin` alone in a host (schedules not running: drive it with the
 * helpers) and returns the test handle. Start-up errors are those of the
 * real host.
 */
export const make = (
  plugin: Plugin.Any,
  options: Options = {},
): Effect.Effect<TestHost, PluginStartError.PluginStartError, PluginHost.Requirements | Scope.Scope> =>
  Effect.gen(function* () {
    const fakes = FakeCapabilities.make(options.answers)
    const manifest = plugin.manifest
    const grant = options.grant ?? [...manifest.capabilities, ...(manifest.optionalCapabilities ?? [])]
    const config: HostConfig.HostConfig = {
      ...options.host,
      plugins: [
        {
          webhook: { secrets: [Redacted.make(webhookSecret)] },
          ...options.settings,
          package: manifest.name,
          grant,
          config: options.config ?? {},
        },
      ],
    }
    const host = yield* PluginHost.make({
      plugins: [plugin],
      config,
      ...(options.probe === undefined ? {} : { probe: options.probe }),
    }).pipe(Effect.provide(fakes.layer))
    const info = host.plugins[0]
    if (info === undefined) return yield* Effect.dieMessage("TestHost: the plugin did not start")
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const services = yield* Effect.context<PluginHost.Requirements>()
    const orDie = <A, E>(effect: Effect.Effect<A, E, never>) => Effect.orDie(effect)

    const onlyPull = (name: string | undefined): string => {
      if (name !== undefined) return name
      if (info.pulls.length !== 1)
        throw new Error(`TestHost: ${info.name} has ${info.pulls.length} pulls; name the one to run`)
      return info.pulls[0] as string
    }

    const pull: TestHost["pull"] = (name) => Effect.suspend(() => orDie(host.runPull(info.name, onlyPull(name))))
    const process = orDie(host.processInbox(info.name))
    const deliverPending = orDie(host.deliverEvents(info.name))

    const webhook: TestHost["webhook"] = (method, path, body, webhookOptions) =>
      Effect.gen(function* () {
        const raw = webhookOptions?.rawBody ?? (body === undefined ? "" : JSON.stringify(body))
        const now = webhookOptions?.timestampMillis ?? (yield* Clock.currentTimeMillis)
        const signed =
          webhookOptions?.unsigned === true
            ? {}
            : yield* WebhookSignature.headers(
                webhookOptions?.secret ?? webhookSecret,
                webhookOptions?.signedBody ?? raw,
                now,
              )
        const request = new Request(`http://127.0.0.1/v1/plugins/${info.id}${path}`, {
          method,
          headers: { "content-type": "application/json", ...signed, ...webhookOptions?.headers },
          ...(method === "GET" || method === "HEAD" ? {} : { body: raw }),
        })
        const response = yield* host.dispatch(request)
        const text = yield* Effect.promise(() => response.text())
        let parsed: unknown = text
        try {
          parsed = text.length === 0 ? undefined : JSON.parse(text)
        } catch {
          // Not JSON: kept as text.
        }
        return { status: response.status, body: parsed, headers: response.headers }
      })

    const inbox: TestHost["inbox"] = sql<Record<string, unknown>>`SELECT source, record_id, status, attempts, last_error
      FROM plugin_inbox WHERE plugin = ${info.name} ORDER BY id`.pipe(
      Effect.map((rows) =>
        rows.map(
          (row): InboxRow => ({
            source: String(row.source),
            recordId: String(row.record_id),
            status: row.status as InboxRow["status"],
            attempts: Number(row.attempts),
            lastError: row.last_error === null || row.last_error === undefined ? null : String(row.last_error),
          }),
        ),
      ),
      Effect.orDie,
    )

    return {
      host,
      plugin: info.name,
      id: info.id,
      recorded: fakes.recorded,
      resolveReview: fakes.resolveReview,
      pull,
      process,
      pullAndProcess: (name) =>
        Effect.gen(function* () {
          const pulled = yield* pull(name)
          const processed = yield* process
          return { pull: pulled, process: processed }
        }),
      deliver: (event) =>
        Outbox.append({
          topic: event.topic,
          aggregateType: event.aggregateType ?? "Test",
          aggregateId: event.aggregateId ?? "test",
          payload: event.payload,
        }).pipe(Effect.provide(services), Effect.zipRight(deliverPending)),
      deliverPending,
      webhook,
      advance: (duration) => TestClock.adjust(duration),
      inbox,
      deadLetters: orDie(host.deadLetters({ plugin: info.name })),
      replay: (letter) => orDie(host.replay(letter)),
      cursor: (name) => Effect.suspend(() => orDie(host.cursor(info.name, onlyPull(name)))),
      status: Effect.map(host.status, (list) => list[0] as PluginHost.PluginStatus),
    } satisfies TestHost
  })
