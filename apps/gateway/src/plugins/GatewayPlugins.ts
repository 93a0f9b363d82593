/**
 * The plugin host as the gateway runs it: the SDK's `PluginHost` over the
 * gateway's database, vault and id generator, with every capability provided
 * by the domain packages (a plugin still reaches only what its configuration
 * grants: the host hands each plugin only its granted services).
 *
 * On Node the configured packages are imported by name
 * (`PluginRuntime.nodeImporter`); on
 * Workers there is no dynamic import: generate the import list at build time
 * with `PluginLoader.staticImports(config.host)` and pass the modules to
 * `layer({ modules })`.
 */
import type { CaseNoticeFacts, CaseService } from "@bashke/case"
import type { Id } from "@bashke/kernel"
import type {
  DirectoryCapacity,
  IncidentImport,
  Notices,
  PersonMatch,
  Plugin,
  PluginStartError,
  ProtectionOrderSync,
  ReviewQueue,
} from "@bashke/plugin-sdk"
import { PluginHost, PluginLoader } from "@bashke/plugin-sdk"
import type { ReferralService } from "@bashke/referral"
import type { Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import * as DirectoryCapacityProvider from "./DirectoryCapacityProvider"
import * as IncidentImportProvider from "./IncidentImportProvider"
import * as NoticesProvider from "./NoticesProvider"
import * as PersonMatchProvider from "./PersonMatchProvider"
import { type PluginConfig, principalsLayer } from "./PluginConfig"
import * as ProtectionOrderSyncProvider from "./ProtectionOrderSyncProvider"
import * as ReviewQueueProvider from "./ReviewQueueProvider"

/** What the host and its capabilities need from the gateway's services. */
export type Requirements =
  | CaseService.CaseService
  | CaseNoticeFacts.CaseNoticeFacts
  | ReferralService.ReferralService
  | SqlClient.SqlClient
  | Vault.Vault
  | Id.IdGenerator

/** The capability services the gateway provides. */
export type Capabilities =
  | IncidentImport.IncidentImport
  | PersonMatch.PersonMatch
  | ProtectionOrderSync.ProtectionOrderSync
  | ReviewQueue.ReviewQueue
  | Notices.Notices
  | DirectoryCapacity.DirectoryCapacity

/** Every capability the gateway implements, acting as each plugin's configured principal. */
export const capabilities = (config: PluginConfig): Layer.Layer<Capabilities, never, Requirements> =>
  Layer.mergeAll(
    IncidentImportProvider.layer,
    PersonMatchProvider.layer,
    ProtectionOrderSyncProvider.layer,
    ReviewQueueProvider.layer,
    NoticesProvider.layer,
    DirectoryCapacityProvider.layer,
  ).pipe(Layer.provide(principalsLayer(config.principals)))

/** Where the plugins come from: imported by name, given as modules, or given as plugins (tests). */
export type Source =
  | { readonly importer: PluginLoader.Importer }
  | { readonly modules: ReadonlyArray<readonly [packageName: string, module: unknown]> }
  | { readonly plugins: ReadonlyArray<Plugin.Any> }

/** The host, its loops started unless `start: false`, released with the layer. */
export const layer = (
  config: PluginConfig,
  source: Source,
  options: { readonly start?: boolean } = {},
): Layer.Layer<PluginHost.PluginHost, PluginStartError.PluginStartError, Requirements> => {
  const settings = { config: config.host, ...(options.start === undefined ? {} : { start: options.start }) }
  const host =
    "importer" in source
      ? PluginLoader.layerNode({ ...settings, importer: source.importer })
      : "modules" in source
        ? PluginLoader.layerStatic({ ...settings, modules: source.modules })
        : PluginHost.layer({ ...settings, plugins: source.plugins })
  return host.pipe(Layer.provide(capabilities(config)))
}

/**
 * The running host, for the admin routes (dead letters). A reference, not a
 * service: a gateway without plugins answers those routes with an empty list.
 */
export class LoadedPlugins extends Context.Reference<LoadedPlugins>()("@bashke/gateway/LoadedPlugins", {
  defaultValue: (): { readonly host: PluginHost.Service | undefined } => ({ host: undefined }),
}) {}

/** Runs an Effect with the loaded host visible to the admin routes. */
export const withHost =
  (host: PluginHost.Service) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.provideService(effect, LoadedPlugins, { host })
