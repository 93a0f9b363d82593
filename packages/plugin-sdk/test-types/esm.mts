// Compiled against the built package (dist) by `check:package`: every namespace
// member that is both a value and a type must be usable as both, from ESM and CJS.
import {
  Capability,
  CircuitBreaker,
  DeadLetter,
  definePlugin,
  type Hooks,
  HostApi,
  HostConfig,
  hostApiVersion,
  type IncidentImport,
  Manifest,
  type Notices,
  type PersonMatch,
  type Plugin,
  PluginFailure,
  PluginHost,
  type PluginIdentity,
  PluginLoader,
  type PluginStartError,
  type ProtectionOrderSync,
  pluginSdkMessages,
  pluginSdkMigrations,
  type RecordRef,
  type ReviewQueue,
  WebhookSignature,
} from "@bashke/plugin-sdk"
import { FakeCapabilities, TestHost } from "@bashke/plugin-sdk/testing"
import { Effect, Schema } from "effect"

export const plugin = definePlugin({
  manifest: {
    name: "@acme/plugin-types",
    version: "0.1.0",
    hostApi: `^${hostApiVersion}`,
    config: Schema.Struct({ baseUrl: Schema.String }),
    capabilities: ["incidents:import", "schedule:pull"],
  },
  setup: (context) => ({
    pulls: [
      { name: "p", every: "5 minutes", run: () => Effect.succeed({ records: [], cursor: undefined }) },
      // Leaving the cursor out keeps it, as the guide says.
      { name: "q", every: "5 minutes", run: () => Effect.succeed({ records: [] }) },
    ],
    process: (record) => Effect.asVoid(context.incidents.record(record.payload as IncidentImport.ImportedIncident)),
  }),
})
export const any: Plugin.Any = plugin
export const capability: Capability.Capability = Schema.decodeSync(Capability.Capability)("schedule:pull")
export const breaker: CircuitBreaker.State = CircuitBreaker.initial
export type Letter = DeadLetter.DeadLetter
export const letter = DeadLetter.DeadLetter
export type AnyHooks = Hooks.AnyHooks
export const ok: boolean = HostApi.satisfies("0.1.0", "^0.1.0")
export const config: Effect.Effect<HostConfig.HostConfig, PluginStartError.PluginStartError> = HostConfig.decode({
  plugins: [],
})
export const match: PersonMatch.MatchResult = { _tag: "NoMatch" }
export const decision: Notices.NoticeDecision = { _tag: "Refused", rule: "case.consent.withdrawn" }
export const status: ProtectionOrderSync.OrderStatus = "issued"
export const ref: RecordRef.RecordRef = { source: "a", recordId: "b" }
export type Review = ReviewQueue.ReviewItem
export type Identity = PluginIdentity.PluginIdentity
export const failure = new PluginFailure.PluginFailure({ code: "upstream.down" })
export const id: string = Manifest.idOf("@bashke/plugin-police")
export const tag = PluginHost.PluginHost
export const loader = PluginLoader.packagesOf
export const signed = WebhookSignature.sign("secret", 0, "")
export const messages = pluginSdkMessages
export const migrations: string = pluginSdkMigrations.package
export const fakes: FakeCapabilities.Fakes = FakeCapabilities.make()
export const database = TestHost.database
