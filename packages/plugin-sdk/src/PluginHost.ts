/**
 * The host that runs plugins, over the application's `SqlClient`, the
 * security `Vault` and the kernel's `IdGenerator`.
 *
 * - **Pulls** run on their schedule with the last saved cursor; the records
 *   they return are written to the inbox (multi-row insert, duplicates
 *   dropped by `(plugin, source, record_id)`) and the next cursor is saved in
 *   the same transaction: after a crash a pull resumes exactly where the last
 *   committed one ended.
 * - **The inbox** holds each record with its payload sealed by the vault (one
 *   sealed value per imported batch) until `process` has applied it — at
 *   least once, in arrival order, retried with backoff, dead after the retry
 *   policy's attempts (at once on a permanent failure). A batch's payload is
 *   deleted when every record of it is processed.
 * - **Subscriptions** get the outbox's committed events at least once: each
 *   subscription keeps its own position in the outbox and its own delivery
 *   rows (retries, backoff, dead letters), so plugins never compete for an
 *   event and a slow one delays no other.
 * - **Webhooks** are answered by {@link Service.dispatch}: a framework-free
 *   `Request → Response` under `/v1/plugins/<id>/`, signature checked first.
 * - **Isolation**: every hook call has its time limit and its circuit breaker;
 *   {@link Service.health} reports each plugin `ok` or `degraded` and never
 *   fails.
 *
 * ```ts
 * const host = PluginHost.layer({ plugins: [police], config }).pipe(
 *   Layer.provide(Layer.mergeAll(database, Vault.layerConfig(), Id.layer, capabilityProviders)),
 * )
 * ```
 */
import { Catalogue, Errors, Id } from "@bashke/kernel"
import { Outbox, SqlValues } from "@bashke/persistence"
import { Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Clock, Context, Duration, Effect, Layer, Option, Queue, Ref, Schedule, Schema, type Scope } from "effect"
import type * as Capability from "./Capability"
import type { DeadLetter, Replay } from "./DeadLetter"
import type { ImportedRecord, InboxRecord, WebhookMethod, WebhookRequest, WebhookResponse } from "./Hooks"
import type * as HostConfig from "./HostConfig"
import * as BatchPayload from "./internal/BatchPayload"
import * as Startup from "./internal/Startup"
import * as Store from "./internal/Store"
import * as Webhooks from "./internal/Webhooks"
import type * as Plugin from "./Plugin"
import type * as PluginFailure from "./PluginFailure"
import { pluginSdkMessages } from "./PluginSdkMessages"
import type { PluginStartError } from "./PluginStartError"
import { RecordId, SourceName } from "./RecordRef"
import * as WebhookSignature from "./WebhookSignature"

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

export class PluginHost extends Context.Tag("@bashke/plugin-sdk/PluginHost")<PluginHost, Service>() {}

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

/** The services the host runs on. */
export type Requirements = SqlClient.SqlClient | Vault.Vault | Id.IdGenerator

const defaultPollInterval = Duration.seconds(5)
const defaultSettle = Duration.seconds(60)
const leaseMillis = 5 * 60_000
const scanLimit = 1000
const maxDrainRounds = 1000

const aadOf = (plugin: string, batchId: string) => `plugin-inbox:${plugin}:${batchId}`

// The lowest ULID of a millisecond: a position that precedes every id made in it.
const positionAt = (millis: number): string => Id.ulidAt(Math.max(0, Math.floor(millis)), new Uint8Array(10))

const problem = (status: number, rule: Catalogue.Key<typeof pluginSdkMessages>, extra: Record<string, unknown> = {}) =>
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

const verdictRules = {
  missing: "plugin.webhook.signature-missing",
  malformed: "plugin.webhook.signature-malformed",
  stale: "plugin.webhook.signature-stale",
  mismatch: "plugin.webhook.signature-invalid",
} as const

const isRecordId = Schema.is(RecordId)
const isSourceName = Schema.is(SourceName)

/**
 * Starts the configured plugins and returns the host; the schedules run once
 * `start` is forked into a scope. Fails with the first plugin that cannot
 * start.
 */
export const make = (options: Options): Effect.Effect<Service, PluginStartError, Requirements | Scope.Scope> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const vault = yield* Vault.Vault
    const ids = yield* Id.IdGenerator
    const scope = yield* Effect.scope
    const found = yield* Startup.providers
    const running = yield* Startup.startAll(options.plugins, options.config, found, scope)
    const config = options.config
    const batchSize = config.batchSize ?? 500
    const settleMillis = Duration.toMillis(config.settle ?? defaultSettle)
    const pollInterval = config.pollInterval ?? defaultPollInterval
    const deadLetterThreshold = config.deadLetterThreshold ?? 10
    const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024
    const pullStates = yield* Ref.make(new Map<string, PullState>())

    const find = (plugin: string): Effect.Effect<Startup.Running, Errors.NotFound> => {
      const found = running.find((p) => p.identity.name === plugin || p.identity.id === plugin)
      return found === undefined
        ? Effect.fail(new Errors.NotFound({ entity: "Plugin", id: plugin }))
        : Effect.succeed(found)
    }

    const nextId = ids.next

    // Seals the batch, then writes rows, batch and cursor in one transaction.
    const importRecords = (
      p: Startup.Running,
      defaultSource: string,
      records: ReadonlyArray<ImportedRecord>,
      cursor: { readonly name: string; readonly value: string } | undefined,
      pull: string | undefined,
    ): Effect.Effect<Store.Written, PluginFailure.Classified> =>
      Effect.gen(function* () {
        const seen = new Set<string>()
        const accepted: Array<{ readonly source: string; readonly recordId: string; readonly payload: unknown }> = []
        let duplicates = 0
        for (const record of records) {
          const source = record?.source ?? defaultSource
          if (!isSourceName(source) || !isRecordId(record?.recordId))
            return yield* Effect.fail({ permanent: false, code: "record.id-invalid" })
          const key = `${source}\u0000${record.recordId}`
          if (seen.has(key)) {
            duplicates++
            continue
          }
          seen.add(key)
          accepted.push({ source, recordId: record.recordId, payload: record.payload })
        }
        const batchId = yield* nextId
        let sealed = ""
        const rows: Array<Store.NewRecord> = []
        if (accepted.length > 0) {
          const text = yield* Effect.try({
            try: () => BatchPayload.encode(accepted.map((record) => record.payload ?? null)),
            catch: () => ({ permanent: false, code: "record.not-json" }),
          })
          sealed = yield* vault.seal(text, aadOf(p.identity.name, batchId))
          // The batch's id and the position: unique, and in arrival order as text.
          for (const [position, record] of accepted.entries()) {
            rows.push({
              id: `${batchId}-${String(position).padStart(6, "0")}`,
              source: record.source,
              recordId: record.recordId,
              position,
            })
          }
        }
        const probe = options.probe
        const written = yield* Store.writeImport(sql, {
          plugin: p.identity.name,
          batchId,
          sealed,
          records: rows,
          ...(cursor === undefined ? {} : { cursor }),
          ...(probe?.beforeCommit === undefined ? {} : { beforeCommit: probe.beforeCommit(p.identity.name, pull) }),
        }).pipe(
          Effect.catchAllCause((cause) =>
            Effect.logWarning("plugin import not stored").pipe(
              Effect.annotateLogs({ plugin: p.identity.name }),
              Effect.annotateLogs("cause", cause._tag),
              Effect.zipRight(Effect.fail({ permanent: false, code: "store.failed" })),
            ),
          ),
        )
        if (probe?.afterCommit !== undefined) yield* probe.afterCommit(p.identity.name, pull)
        return { inserted: written.inserted, duplicates: written.duplicates + duplicates }
      })

    const recordPull = (p: Startup.Running, pull: string, outcome: PullOutcome) =>
      Effect.gen(function* () {
        const at = yield* SqlValues.currentDate
        const key = `${p.identity.name}\u0000${pull}`
        yield* Ref.update(pullStates, (map) => {
          const before = map.get(key)
          const failed = outcome._tag === "Failed"
          const state: PullState = {
            lastRunAt: at,
            lastOutcome: outcome._tag === "Pulled" ? "pulled" : failed ? "failed" : "refused",
            ...(outcome._tag === "Failed" ? { lastError: outcome.code } : {}),
            consecutiveFailures:
              outcome._tag === "Pulled" ? 0 : (before?.consecutiveFailures ?? 0) + (outcome._tag === "Failed" ? 1 : 0),
          }
          return new Map(map).set(key, state)
        })
        if (outcome._tag === "Failed")
          yield* Effect.logWarning("plugin pull failed").pipe(
            Effect.annotateLogs({ plugin: p.identity.name, pull, code: outcome.code }),
          )
      })

    const pullOnce = (p: Startup.Running, pull: Startup.RunningPull): Effect.Effect<PullOutcome> =>
      Effect.gen(function* () {
        const cursor = yield* Store.readCursor(sql, p.identity.name, pull.name).pipe(Effect.orDie)
        const ran = yield* p.guard.run(`pull:${pull.name}`, p.timeouts.pull, pull.run(cursor))
        if (ran._tag === "Refused") return ran
        if (ran._tag === "Failed") return { _tag: "Failed", ...ran.failure } as const
        const result = ran.value
        if (typeof result !== "object" || result === null || !Array.isArray(result.records))
          return { _tag: "Failed", code: "pull.result-invalid", permanent: false } as const
        if (result.cursor !== undefined && typeof result.cursor !== "string")
          return { _tag: "Failed", code: "pull.cursor-invalid", permanent: false } as const
        const next =
          result.cursor === undefined || Option.contains(cursor, result.cursor)
            ? undefined
            : { name: pull.name, value: result.cursor }
        if (result.records.length === 0 && next === undefined)
          return { _tag: "Pulled", inserted: 0, duplicates: 0, cursor, more: result.more === true } as const
        return yield* importRecords(p, pull.source, result.records, next, pull.name).pipe(
          Effect.map(
            (written): PullOutcome => ({
              _tag: "Pulled",
              ...written,
              cursor: next === undefined ? cursor : Option.some(next.value),
              more: result.more === true,
            }),
          ),
          Effect.catchAll((failure) => Effect.succeed<PullOutcome>({ _tag: "Failed", ...failure })),
        )
      }).pipe(
        Effect.catchAllCause(() =>
          Effect.succeed<PullOutcome>({ _tag: "Failed", code: "host.defect", permanent: false }),
        ),
        Effect.tap((outcome) => recordPull(p, pull.name, outcome)),
      )

    const failureOf = (
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

    const openBatches = (p: Startup.Running, batchIds: ReadonlyArray<string>) =>
      Effect.gen(function* () {
        const sealed = yield* Store.readBatches(sql, batchIds).pipe(Effect.orDie)
        const opened = new Map<string, ReadonlyArray<unknown> | "unreadable">()
        for (const [batchId, value] of sealed) {
          const payloads = yield* vault.open(value, aadOf(p.identity.name, batchId)).pipe(
            Effect.flatMap((text) => Effect.try(() => BatchPayload.decode(text))),
            Effect.orElseSucceed(() => "unreadable" as const),
          )
          opened.set(batchId, payloads)
        }
        return opened
      })

    const processPass = (p: Startup.Running): Effect.Effect<PassOutcome> =>
      Effect.gen(function* () {
        const process = p.process
        if (process === undefined) return { succeeded: 0, retried: 0, dead: 0, refused: false }
        const claimed = yield* Store.claimRecords(sql, p.identity.name, batchSize, leaseMillis).pipe(Effect.orDie)
        if (claimed.length === 0) return { succeeded: 0, retried: 0, dead: 0, refused: false }
        const batchIds = [...new Set(claimed.map((record) => record.batchId))]
        const opened = yield* openBatches(p, batchIds)
        const processed: Array<string> = []
        let retried = 0
        let dead = 0
        const failed = (record: Store.ClaimedRecord, classified: PluginFailure.Classified) =>
          Effect.gen(function* () {
            const failure = failureOf(p.retry, classified, record.attempts, yield* Clock.currentTimeMillis)
            yield* Store.markRecordFailed(sql, record.id, failure).pipe(Effect.orDie)
            if (failure.dead) dead++
            else retried++
            yield* Effect.logWarning("plugin record failed").pipe(
              Effect.annotateLogs({ plugin: p.identity.name, inboxId: record.id, code: failure.code }),
            )
          })
        const readable: Array<{ readonly record: Store.ClaimedRecord; readonly payload: unknown }> = []
        for (const record of claimed) {
          const payloads = opened.get(record.batchId)
          if (payloads === undefined || payloads === "unreadable")
            yield* failed(record, {
              permanent: true,
              code: payloads === undefined ? "payload.missing" : "payload.unreadable",
            })
          else readable.push({ record, payload: payloads[record.position] })
        }
        // In arrival order, each within its time limit; its writes go through
        // capability services, so an interrupted one is let finish rolling back.
        const outcomes = yield* p.guard.sequence(
          "process",
          p.timeouts.process,
          readable.map(
            ({ record, payload }) =>
              () =>
                process({
                  id: record.id,
                  source: record.source,
                  recordId: record.recordId,
                  payload,
                  receivedAt: record.receivedAt,
                  attempts: record.attempts,
                } satisfies InboxRecord),
          ),
        )
        let refused = false
        for (const [index, ran] of outcomes.entries()) {
          const record = (readable[index] as (typeof readable)[number]).record
          if (ran._tag === "Succeeded") processed.push(record.id)
          else if (ran._tag === "Failed") yield* failed(record, ran.failure)
          else refused = true
        }
        if (refused) {
          const rest = readable.slice(outcomes.length - 1).map(({ record }) => record.id)
          yield* Store.releaseRecords(sql, rest).pipe(Effect.orDie)
        }
        yield* Store.markProcessed(sql, processed, batchIds).pipe(Effect.orDie)
        return { succeeded: processed.length, retried, dead, refused }
      })

    const deliverPass = (p: Startup.Running): Effect.Effect<PassOutcome> =>
      Effect.gen(function* () {
        let succeeded = 0
        let retried = 0
        let dead = 0
        let refused = false
        for (const subscription of p.subscriptions) {
          const name = p.identity.name
          const now = yield* Clock.currentTimeMillis
          const cutoff = positionAt(now - settleMillis)
          const saved = yield* Store.readPosition(sql, name, subscription.name).pipe(Effect.orDie)
          const position = Option.getOrElse(saved, () => (subscription.from === "beginning" ? "" : cutoff))
          const scanned = yield* Store.scanOutbox(sql, position, subscription.topics, scanLimit).pipe(Effect.orDie)
          yield* Store.insertDeliveries(
            sql,
            name,
            subscription.name,
            scanned.events.map((event) => event.id),
          ).pipe(Effect.orDie)
          // Never past an event that may still be committing: at most the settle cut-off.
          const last = scanned.last ?? cutoff
          // Positions are ULIDs (or ""), ordered as strings: the later of the old
          // position and the earlier of the last event scanned and the cut-off.
          const next = [position, [last, cutoff].sort()[0] as string].sort()[1] as string
          if (Option.isNone(saved) || next !== position)
            yield* Store.savePosition(sql, name, subscription.name, next).pipe(Effect.orDie)

          const claimed = yield* Store.claimDeliveries(sql, name, subscription.name, batchSize, leaseMillis).pipe(
            Effect.orDie,
          )
          const delivered: Array<string> = []
          for (const [index, event] of claimed.entries()) {
            const ran = yield* p.guard.run(
              `event:${subscription.name}`,
              p.timeouts.event,
              subscription.handle({
                id: event.eventId,
                topic: event.topic,
                aggregateType: event.aggregateType,
                aggregateId: event.aggregateId,
                payload: event.payload,
                occurredAt: event.occurredAt,
                attempts: event.attempts,
              }),
            )
            if (ran._tag === "Succeeded") delivered.push(event.eventId)
            else if (ran._tag === "Failed") {
              const failure = failureOf(p.retry, ran.failure, event.attempts, yield* Clock.currentTimeMillis)
              yield* Store.markDeliveryFailed(sql, name, subscription.name, event.eventId, failure).pipe(Effect.orDie)
              if (failure.dead) dead++
              else retried++
              yield* Effect.logWarning("plugin event delivery failed").pipe(
                Effect.annotateLogs({
                  plugin: name,
                  subscription: subscription.name,
                  eventId: event.eventId,
                  code: failure.code,
                }),
              )
            } else {
              refused = true
              yield* Store.releaseDeliveries(
                sql,
                name,
                subscription.name,
                claimed.slice(index).map((rest) => rest.eventId),
              ).pipe(Effect.orDie)
              break
            }
          }
          yield* Store.markDelivered(sql, name, subscription.name, delivered).pipe(Effect.orDie)
          succeeded += delivered.length
        }
        return { succeeded, retried, dead, refused }
      })

    const headersOf = (request: Request): Record<string, string> => {
      const out: Record<string, string> = {}
      request.headers.forEach((value, key) => {
        out[key.toLowerCase()] = value
      })
      return out
    }

    const dispatch: Service["dispatch"] = (request, dispatchOptions) =>
      Effect.gen(function* () {
        const prefix = (dispatchOptions?.prefix ?? "/v1/plugins").replace(/\/+$/, "")
        const url = new URL(request.url)
        if (!url.pathname.startsWith(`${prefix}/`)) return problem(404, "plugin.webhook.not-found")
        const [id = "", ...rest] = url.pathname.slice(prefix.length + 1).split("/")
        const p = running.find((candidate) => candidate.identity.id === id)
        if (p === undefined || p.routes.length === 0 || p.webhook === undefined)
          return problem(404, "plugin.webhook.not-found")
        const method = request.method.toUpperCase()
        const matched = Webhooks.match(p.routes, method, `/${rest.join("/")}`)
        if (matched._tag === "NotFound") return problem(404, "plugin.webhook.not-found")
        if (matched._tag === "MethodNotAllowed") {
          const response = problem(405, "plugin.webhook.method-not-allowed")
          response.headers.set("allow", matched.allow.join(", "))
          return response
        }
        const declared = Number(request.headers.get("content-length") ?? "0")
        if (Number.isFinite(declared) && declared > maxBodyBytes) return problem(413, "plugin.webhook.body-too-large")
        const buffer = yield* Effect.tryPromise(() => request.arrayBuffer()).pipe(Effect.option)
        if (Option.isNone(buffer)) return problem(400, "plugin.webhook.body-unreadable")
        const body = new Uint8Array(buffer.value)
        if (body.length > maxBodyBytes) return problem(413, "plugin.webhook.body-too-large")
        const headers = headersOf(request)
        const verdict = yield* WebhookSignature.verify({
          secrets: p.webhook.secrets,
          ...(p.webhook.toleranceSeconds === undefined ? {} : { toleranceSeconds: p.webhook.toleranceSeconds }),
          headers,
          body,
          nowMillis: yield* Clock.currentTimeMillis,
        })
        if (verdict !== "valid") return problem(401, verdictRules[verdict])

        const text = () => new TextDecoder().decode(body)
        const webhookRequest: WebhookRequest = {
          method: method as WebhookMethod,
          path: `/${rest.join("/")}`,
          params: matched.params,
          query: Object.fromEntries(url.searchParams),
          headers,
          body,
          text,
          json: () => {
            try {
              return JSON.parse(text()) as unknown
            } catch {
              return undefined
            }
          },
        }
        const ran = yield* p.guard.run("webhook", p.timeouts.webhook, matched.route.handle(webhookRequest))
        if (ran._tag === "Refused") {
          const seconds = Math.max(1, Math.ceil((yield* p.guard.retryAfter("webhook")) / 1000))
          const response = problem(503, "plugin.unavailable")
          response.headers.set("retry-after", String(seconds))
          return response
        }
        if (ran._tag === "Failed")
          return ran.failure.permanent
            ? problem(422, "plugin.webhook.rejected", { code: ran.failure.code })
            : problem(503, "plugin.webhook.failed", { code: ran.failure.code })
        const answer: WebhookResponse = ran.value
        if (
          typeof answer !== "object" ||
          answer === null ||
          !Number.isInteger(answer.status) ||
          answer.status < 200 ||
          answer.status > 599
        )
          return problem(500, "plugin.webhook.answer-invalid")
        if (answer.records !== undefined && answer.records.length > 0) {
          const stored = yield* importRecords(
            p,
            matched.route.source ?? "webhook",
            answer.records,
            undefined,
            undefined,
          ).pipe(Effect.either)
          if (stored._tag === "Left") return problem(503, "plugin.webhook.store-failed", { code: stored.left.code })
        }
        if (answer.status === 204 || answer.status === 205 || answer.status === 304)
          return new Response(null, { status: answer.status })
        const json = JSON.stringify(answer.body ?? null)
        return new Response(json, { status: answer.status, headers: { "content-type": "application/json" } })
      }).pipe(Effect.catchAllCause(() => Effect.succeed(problem(500, "plugin.webhook.answer-invalid"))))

    const status: Service["status"] = Effect.gen(function* () {
      const names = running.map((p) => p.identity.name)
      const counted = yield* Store.counts(sql, names).pipe(Effect.timeout(Duration.seconds(2)), Effect.option)
      const pulls = yield* Ref.get(pullStates)
      const out: Array<PluginStatus> = []
      for (const p of running) {
        const breakers = Object.fromEntries(yield* p.guard.breakers)
        const pullsOf: Record<string, PullState> = {}
        for (const pull of p.pulls) {
          const state = pulls.get(`${p.identity.name}\u0000${pull.name}`)
          if (state !== undefined) pullsOf[pull.name] = state
        }
        const counts = Option.map(counted, (map) => map.get(p.identity.name))
        const reasons: Array<string> = []
        for (const [key, state] of Object.entries(breakers)) if (state === "open") reasons.push(`breaker-open:${key}`)
        for (const [name, state] of Object.entries(pullsOf))
          if (state.consecutiveFailures > 0) reasons.push(`pull-failing:${name}`)
        const c = Option.getOrUndefined(counts)
        if (c === undefined) reasons.push("store-unavailable")
        else if (c.deadRecords + c.deadDeliveries >= deadLetterThreshold) reasons.push("dead-letters")
        out.push({
          plugin: p.identity.name,
          id: p.identity.id,
          version: p.identity.version,
          status: reasons.length === 0 ? "ok" : "degraded",
          reasons,
          capabilities: p.granted,
          breakers,
          pulls: pullsOf,
          pendingRecords: c?.pendingRecords ?? 0,
          deadRecords: c?.deadRecords ?? 0,
          pendingDeliveries: c?.pendingDeliveries ?? 0,
          deadDeliveries: c?.deadDeliveries ?? 0,
        })
      }
      return out
    }).pipe(Effect.orDie)

    const health: Service["health"] = status.pipe(
      Effect.map((list) => Object.fromEntries(list.map((entry) => [`plugin:${entry.id}`, entry.status]))),
      Effect.catchAllCause(() =>
        Effect.succeed(Object.fromEntries(running.map((p) => [`plugin:${p.identity.id}`, "degraded" as const]))),
      ),
    )

    const drain = (p: Startup.Running) =>
      Effect.gen(function* () {
        for (let round = 0; round < maxDrainRounds; round++) {
          const pass = yield* processPass(p)
          if (pass.refused || pass.succeeded + pass.retried + pass.dead < batchSize) return
        }
      })

    /**
     * One scheduled run of a pull: every page until the upstream has no more,
     * with the records processed alongside. Processing one page while the
     * next is on its way keeps the host busy during the upstream's latency;
     * each page is committed (records and cursor) before it is processed, so
     * nothing changes for a crash.
     */
    const pullCycle = (p: Startup.Running, pull: Startup.RunningPull): Effect.Effect<void> =>
      Effect.gen(function* () {
        // `true` after each committed page, `false` once pulling ended.
        const pages = yield* Queue.unbounded<boolean>()
        const pullAll = Effect.gen(function* () {
          for (let round = 0; round < maxDrainRounds; round++) {
            const outcome = yield* pullOnce(p, pull)
            if (outcome._tag === "Pulled" && outcome.inserted > 0) yield* Queue.offer(pages, true)
            if (outcome._tag !== "Pulled" || !outcome.more) break
          }
        }).pipe(Effect.ensuring(Queue.offer(pages, false)))
        const processAlongside = Effect.gen(function* () {
          let pulling = true
          for (;;) {
            const pass = yield* processPass(p)
            if (pass.refused) return
            if (pass.succeeded + pass.retried + pass.dead < batchSize) {
              // Caught up: wait for the next page, or stop once pulling ended and a last pass found nothing.
              if (!pulling && pass.succeeded + pass.retried + pass.dead === 0) return
              if (pulling) pulling = yield* Queue.take(pages)
            }
          }
        })
        yield* p.process === undefined
          ? pullAll
          : Effect.asVoid(Effect.all([pullAll, processAlongside], { concurrency: 2 }))
      })

    const guarded = (what: string, plugin: string, effect: Effect.Effect<unknown>) =>
      effect.pipe(
        Effect.catchAllCause((cause) =>
          Effect.logError(`plugin ${what} stopped by a defect`).pipe(
            Effect.annotateLogs({ plugin, cause: cause._tag }),
          ),
        ),
      )

    const start: Service["start"] = Effect.gen(function* () {
      for (const p of running) {
        const name = p.identity.name
        for (const pull of p.pulls) {
          yield* Effect.forkScoped(
            Effect.repeat(guarded("pull", name, pullCycle(p, pull)), Schedule.spaced(pull.every)),
          )
        }
        if (p.process !== undefined)
          yield* Effect.forkScoped(Effect.repeat(guarded("processing", name, drain(p)), Schedule.spaced(pollInterval)))
        if (p.subscriptions.length > 0)
          yield* Effect.forkScoped(
            Effect.repeat(guarded("delivery", name, deliverPass(p)), Schedule.spaced(pollInterval)),
          )
      }
    })

    const plugins: ReadonlyArray<PluginInfo> = running.map((p) => ({
      name: p.identity.name,
      id: p.identity.id,
      version: p.identity.version,
      capabilities: p.granted,
      pulls: p.pulls.map((pull) => pull.name),
      subscriptions: p.subscriptions.map((subscription) => subscription.name),
      routes: p.routes.map(
        (compiled) => `${compiled.route.method} /${compiled.route.path.split("/").filter(Boolean).join("/")}`,
      ),
      processes: p.process !== undefined,
    }))

    const pullOf = (p: Startup.Running, name: string) => {
      const pull = p.pulls.find((candidate) => candidate.name === name)
      return pull === undefined
        ? Effect.fail(new Errors.NotFound({ entity: "PluginPull", id: `${p.identity.id}/${name}` }))
        : Effect.succeed(pull)
    }

    return {
      plugins,
      runPull: (plugin, pull) =>
        Effect.flatMap(find(plugin), (p) => Effect.flatMap(pullOf(p, pull), (found) => pullOnce(p, found))),
      processInbox: (plugin) => Effect.flatMap(find(plugin), processPass),
      deliverEvents: (plugin) => Effect.flatMap(find(plugin), deliverPass),
      dispatch,
      health,
      status,
      deadLetters: (deadOptions) =>
        Effect.gen(function* () {
          const names =
            deadOptions?.plugin === undefined
              ? running.map((p) => p.identity.name)
              : [(yield* find(deadOptions.plugin)).identity.name]
          return yield* Store.deadLetters(sql, names, deadOptions?.limit ?? 100).pipe(Effect.orDie)
        }),
      replay: (letter) =>
        Effect.gen(function* () {
          const p = yield* find(letter.plugin)
          return yield* (
            letter._tag === "DeadRecord"
              ? Store.replayRecord(sql, p.identity.name, letter.inboxId)
              : Store.replayDelivery(sql, p.identity.name, letter.subscription, letter.eventId)
          ).pipe(Effect.orDie)
        }),
      cursor: (plugin, pull) =>
        Effect.gen(function* () {
          const p = yield* find(plugin)
          const found = yield* pullOf(p, pull)
          return yield* Store.readCursor(sql, p.identity.name, found.name).pipe(Effect.orDie)
        }),
      start,
    } satisfies Service
  })

/**
 * The host as a layer. With `start` (the default) its schedules run until the
 * layer is released; tests pass `start: false` and drive it step by step.
 * Capability providers are taken from the layer's input when present
 * (`Layer.provide(IncidentImport.layer…)`), so the application wires only
 * the capabilities it has.
 */
export const layer = (
  options: Options & { readonly start?: boolean },
): Layer.Layer<PluginHost, PluginStartError, Requirements> =>
  Layer.scoped(
    PluginHost,
    Effect.gen(function* () {
      const host = yield* make(options)
      if (options.start !== false) yield* host.start
      return host
    }),
  )
