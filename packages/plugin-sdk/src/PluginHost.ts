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
import { Errors, Id } from "@bashke/kernel"
import { Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, Ref, type Scope } from "effect"
import * as Deliveries from "./internal/host/Deliveries"
import {
  find,
  type Host,
  type Options,
  type PluginInfo,
  type PullState,
  type Service,
  settings,
} from "./internal/host/Host"
import * as Imports from "./internal/host/Imports"
import * as Inbox from "./internal/host/Inbox"
import * as Schedules from "./internal/host/Schedules"
import * as Status from "./internal/host/Status"
import * as WebhookDispatch from "./internal/host/WebhookDispatch"
import * as Startup from "./internal/Startup"
import * as Store from "./internal/Store"
import type { PluginStartError } from "./PluginStartError"

export type {
  Options,
  PassOutcome,
  PluginInfo,
  PluginStatus,
  Probe,
  PullOutcome,
  PullState,
  Service,
} from "./internal/host/Host"

export class PluginHost extends Context.Tag("@bashke/plugin-sdk/PluginHost")<PluginHost, Service>() {}

/** The services the host runs on. */
export type Requirements = SqlClient.SqlClient | Vault.Vault | Id.IdGenerator

/**
 * Starts the configured plugins and returns the host; the schedules run once
 * `start` is forked into a scope. Fails with the first plugin that cannot
 * start. The host's jobs are modules of their own (`internal/host`): imports,
 * the inbox's processing, event delivery, webhooks, status and the
 * schedules; this assembles them over the started plugins.
 */
export const make = (options: Options): Effect.Effect<Service, PluginStartError, Requirements | Scope.Scope> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const scope = yield* Effect.scope
    const found = yield* Startup.providers
    const running = yield* Startup.startAll(options.plugins, options.config, found, scope)
    const host: Host = {
      sql,
      vault: yield* Vault.Vault,
      nextId: (yield* Id.IdGenerator).next,
      running,
      options,
      ...settings(options),
      pullStates: yield* Ref.make(new Map<string, PullState>()),
    }
    const { importRecords, pullOnce } = Imports.make(host)
    const { processPass } = Inbox.make(host)
    const { deliverPass } = Deliveries.make(host)
    const { dispatch } = WebhookDispatch.make(host, importRecords)
    const { status, health } = Status.make(host)
    const { start } = Schedules.make(host, { pullOnce, processPass, deliverPass })
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
        Effect.flatMap(find(host, plugin), (p) => Effect.flatMap(pullOf(p, pull), (found) => pullOnce(p, found))),
      processInbox: (plugin) => Effect.flatMap(find(host, plugin), processPass),
      deliverEvents: (plugin) => Effect.flatMap(find(host, plugin), deliverPass),
      dispatch,
      health,
      status,
      deadLetters: (deadOptions) =>
        Effect.gen(function* () {
          const names =
            deadOptions?.plugin === undefined
              ? running.map((p) => p.identity.name)
              : [(yield* find(host, deadOptions.plugin)).identity.name]
          return yield* Store.deadLetters(sql, names, deadOptions?.limit ?? 100).pipe(Effect.orDie)
        }),
      replay: (letter) =>
        Effect.gen(function* () {
          const p = yield* find(host, letter.plugin)
          return yield* (
            letter._tag === "DeadRecord"
              ? Store.replayRecord(sql, p.identity.name, letter.inboxId)
              : Store.replayDelivery(sql, p.identity.name, letter.subscription, letter.eventId)
          ).pipe(Effect.orDie)
        }),
      cursor: (plugin, pull) =>
        Effect.gen(function* () {
          const p = yield* find(host, plugin)
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
