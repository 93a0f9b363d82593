// What the host's parts share: its public shapes (re-exported by
// `PluginHost`), the started plugins and the services they run on, and the
// host's settings with their defaults. Each job of the host is its own module
// beside this one: imports (pulls and the inbox's writes), the inbox's
// processing, event delivery, webhooks, status, and the schedules.
import { Catalogue, Errors, Id } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import type { Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Duration, Effect, type Option, type Ref, Schema, type Scope } from "effect"
import type * as Capability from "../../Capability"
import type { DeadLetter, Replay } from "../../DeadLetter"
import type * as HostConfig from "../../HostConfig"
import type * as Plugin from "../../Plugin"
import type * as PluginFailure from "../../PluginFailure"
import { pluginSdkMessages } from "../../PluginSdkMessages"
import { RecordId, SourceName } from "../../RecordRef"
import type * as Startup from "../Startup"
import type * as Store from "../Store"

/**
 * What one run of a pull did: `Pulled` (records written, duplicates dropped,
 * the cursor now saved), `Failed` (nothing written; the failure's code) or
 * `Refused` (the breaker is open; the pull did not run).
 */
export type PullOutcome =
  | {
      readonly _tag: "Pulled"
      readonly inserted: number
      readonly duplicates: number
      readonly cursor: Option.Option<string>
      readonly more: boolean
    }
  | { readonly _tag: "Failed"; readonly code: string; readonly permanent: boolean }
  | { readonly _tag: "Refused" }

/**
 * What one pass over due inbox records or event deliveries did. `refused`:
 * the breaker stopped the pass.
 */
export interface PassOutcome {
  readonly succeeded: number
  readonly retried: number
  readonly dead: number
  readonly refused: boolean
}

/**
 * The last runs of a pull, as kept in memory.
 */
export interface PullState {
  readonly lastRunAt: Date
  readonly lastOutcome: "pulled" | "failed" | "refused"
  readonly lastError?: string
  readonly consecutiveFailures: number
}

/**
 * A plugin's state for administrators. `reasons` says why it is degraded:
 * `breaker-open:<hook>`, `pull-failing:<name>`, `dead-letters`,
 * `store-unavailable`.
 */
export interface PluginStatus {
  readonly plugin: string
  readonly id: string
  readonly version: string
  readonly status: "ok" | "degraded"
  readonly reasons: ReadonlyArray<string>
  readonly capabilities: ReadonlyArray<Capability.Capability>
  readonly breakers: Readonly<Record<string, "closed" | "open" | "half-open">>
  readonly pulls: Readonly<Record<string, PullState>>
  readonly pendingRecords: number
  readonly deadRecords: number
  readonly pendingDeliveries: number
  readonly deadDeliveries: number
}

/**
 * A started plugin and its hooks.
 */
export interface PluginInfo {
  readonly name: string
  readonly id: string
  readonly version: string
  readonly capabilities: ReadonlyArray<Capability.Capability>
  readonly pulls: ReadonlyArray<string>
  readonly subscriptions: ReadonlyArray<string>
  /** `POST /orders/:reference`, relative to `/v1/plugins/<id>`. */
  readonly routes: ReadonlyArray<string>
  readonly processes: boolean
}

export interface Service {
  readonly plugins: ReadonlyArray<PluginInfo>
  /** Runs one pull once (not its processing). `plugin` is the name or the id. */
  readonly runPull: (plugin: string, pull: string) => Effect.Effect<PullOutcome, Errors.NotFound>
  /** One pass over the plugin's due inbox records. */
  readonly processInbox: (plugin: string) => Effect.Effect<PassOutcome, Errors.NotFound>
  /** Finds new events for each of the plugin's subscriptions and delivers the due ones (one pass). */
  readonly deliverEvents: (plugin: string) => Effect.Effect<PassOutcome, Errors.NotFound>
  /**
   * Answers a webhook call under `prefix` (`/v1/plugins` by default). Never
   * fails: every refusal is an `application/problem+json` answer with a
   * `rule` from `pluginSdkMessages`.
   */
  readonly dispatch: (request: Request, options?: { readonly prefix?: string }) => Effect.Effect<Response>
  /** `plugin:<id>` → `ok` or `degraded`, for the gateway's `/health`. Never fails. */
  readonly health: Effect.Effect<Record<string, "ok" | "degraded">>
  readonly status: Effect.Effect<ReadonlyArray<PluginStatus>>
  /** Dead letters of one plugin (name or id) or of all, oldest first. */
  readonly deadLetters: (options?: {
    readonly plugin?: string
    readonly limit?: number
  }) => Effect.Effect<ReadonlyArray<DeadLetter>, Errors.NotFound>
  /** Makes a dead letter due again with a fresh count of attempts; `false` if there is no such dead letter. */
  readonly replay: (letter: Replay) => Effect.Effect<boolean, Errors.NotFound>
  /** A pull's saved cursor. */
  readonly cursor: (plugin: string, pull: string) => Effect.Effect<Option.Option<string>, Errors.NotFound>
  /** Runs the schedules (pulls, processing, deliveries) until the scope closes. */
  readonly start: Effect.Effect<void, never, Scope.Scope>
}

/**
 * Points at which a test (or a metric) can step in. `beforeCommit` runs
 * inside an import's transaction after its records are written and before the
 * cursor is saved: a failure there rolls both back, as a crash would.
 * `afterCommit` runs once it committed.
 */
export interface Probe {
  readonly beforeCommit?: (plugin: string, pull: string | undefined) => Effect.Effect<void>
  readonly afterCommit?: (plugin: string, pull: string | undefined) => Effect.Effect<void>
}

export interface Options {
  readonly plugins: ReadonlyArray<Plugin.Any>
  readonly config: HostConfig.HostConfig
  /** Largest webhook body in bytes: 1 MiB. */
  readonly maxBodyBytes?: number
  readonly probe?: Probe
}

/**
 * @internal The started host's shared state, built once by `PluginHost.make`.
 */
export interface Host {
  readonly sql: SqlClient.SqlClient
  readonly vault: Vault.Service
  readonly nextId: Effect.Effect<string>
  readonly running: ReadonlyArray<Startup.Running>
  readonly options: Options
  readonly batchSize: number
  readonly settleMillis: number
  readonly pollInterval: Duration.Duration
  readonly deadLetterThreshold: number
  readonly maxBodyBytes: number
  readonly pullStates: Ref.Ref<Map<string, PullState>>
}

/** @internal The settings with their defaults. */
export const settings = (options: Options) => ({
  batchSize: options.config.batchSize ?? 500,
  settleMillis: Duration.toMillis(options.config.settle ?? defaultSettle),
  pollInterval: options.config.pollInterval ?? defaultPollInterval,
  deadLetterThreshold: options.config.deadLetterThreshold ?? 10,
  maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
})

/** @internal The started plugin by name or id. */
export const find = (host: Host, plugin: string): Effect.Effect<Startup.Running, Errors.NotFound> => {
  const found = host.running.find((p) => p.identity.name === plugin || p.identity.id === plugin)
  return found === undefined
    ? Effect.fail(new Errors.NotFound({ entity: "Plugin", id: plugin }))
    : Effect.succeed(found)
}

const defaultPollInterval = Duration.seconds(5)
const defaultSettle = Duration.seconds(60)
/** @internal */
export const leaseMillis = 5 * 60_000
/** @internal */
export const scanLimit = 1000
/** @internal */
export const maxDrainRounds = 1000

/** @internal */
export const aadOf = (plugin: string, batchId: string) => `plugin-inbox:${plugin}:${batchId}`

// The lowest ULID of a millisecond: a position that precedes every id made in it.
/** @internal */
export const positionAt = (millis: number): string => Id.ulidAt(Math.max(0, Math.floor(millis)), new Uint8Array(10))

/** @internal */
export const problem = (
  status: number,
  rule: Catalogue.Key<typeof pluginSdkMessages>,
  extra: Record<string, unknown> = {},
) =>
  new Response(
    JSON.stringify({
      type: "about:blank",
      title: Catalogue.format(pluginSdkMessages, "en", rule),
      status,
      rule,
      ...extra,
    }),
    { status, headers: { "content-type": "application/problem+json" } },
  )

/** @internal */
export const verdictRules = {
  missing: "plugin.webhook.signature-missing",
  malformed: "plugin.webhook.signature-malformed",
  stale: "plugin.webhook.signature-stale",
  mismatch: "plugin.webhook.signature-invalid",
} as const

/** @internal */
export const isRecordId = Schema.is(RecordId)
/** @internal */
export const isSourceName = Schema.is(SourceName)

/** @internal A failed attempt: dead when permanent or out of attempts, else due again after the backoff. */
export const failureOf = (
  policy: Outbox.RetryPolicy,
  failure: PluginFailure.Classified,
  attemptsBefore: number,
  now: number,
): Store.Failure => {
  const attempts = attemptsBefore + 1
  return {
    code: failure.code,
    dead: failure.permanent || attempts >= policy.maxAttempts,
    nextAttemptAt: new Date(now + Duration.toMillis(Outbox.backoff(policy, attempts))),
  }
}
