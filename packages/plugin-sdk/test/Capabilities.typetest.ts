// Compiled by `tsc` in the package's typecheck (not run): a capability the
// manifest does not name is not a key of the context's type, an optional one
// may be absent, and hooks need their capability. Each `@ts-expect-error`
// fails the typecheck if the line it marks ever compiles.
import { Effect, Schema } from "effect"
import { definePlugin, Hooks, type Plugin } from "../src/index"

export const police = definePlugin({
  manifest: {
    name: "@acme/plugin-types",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({ baseUrl: Schema.String }),
    capabilities: ["incidents:import", "schedule:pull"],
    optionalCapabilities: ["notices:send"],
  },
  setup: (context) => {
    // Granted and required: there, typed.
    const record: (typeof context.incidents)["record"] = context.incidents.record
    const baseUrl: string = context.config.baseUrl
    // Optional: possibly absent.
    // @ts-expect-error notices:send is optional, so `notices` may be undefined
    void context.notices.authorize
    void context.notices?.authorize
    // Never asked for: not a key at all.
    // @ts-expect-error protection-orders:sync is not in the manifest
    void context.protectionOrders
    // @ts-expect-error persons:match is not in the manifest
    void context.persons
    // @ts-expect-error review-queue:write is not in the manifest
    void context.reviewQueue
    void record
    void baseUrl
    return {
      pulls: [{ name: "p", every: "1 minute", run: () => Effect.succeed({ records: [], cursor: undefined }) }],
    }
  },
})

export const typed: Plugin.Plugin<{ readonly baseUrl: string }, "incidents:import" | "schedule:pull", "notices:send"> =
  police

// Hooks need their capability.
export const withoutPull: Hooks.Hooks<"incidents:import"> = {
  // @ts-expect-error pulls need schedule:pull
  pulls: [],
}
export const withoutWebhooks: Hooks.Hooks<"schedule:pull"> = {
  // @ts-expect-error webhooks need routes:webhook
  webhooks: [],
}
export const withoutSubscriptions: Hooks.Hooks<"routes:webhook"> = {
  // @ts-expect-error subscriptions need events:subscribe
  subscriptions: [],
}
export const processAlways: Hooks.Hooks<never> = { process: () => Effect.void }

// Inside an Effect, the constructors keep the hooks' literal types.
export const effectful = definePlugin({
  manifest: {
    name: "@acme/plugin-effectful",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({}),
    capabilities: ["schedule:pull", "routes:webhook"],
  },
  setup: () =>
    Effect.gen(function* () {
      const every = yield* Effect.succeed("5 minutes" as const)
      return {
        pulls: [Hooks.pull({ name: "p", every, run: () => Effect.succeed({ records: [], cursor: undefined }) })],
        webhooks: [Hooks.webhook({ method: "POST", path: "/x", handle: () => Effect.succeed({ status: 204 }) })],
      }
    }),
})

// A hook may not require a service of the host: its Effect context must be empty.
const needsAService = () =>
  Effect.flatMap(Effect.context<{ readonly sql: true }>(), () => Effect.succeed({ records: [], cursor: undefined }))

export const noServices = definePlugin({
  manifest: {
    name: "@acme/plugin-no-services",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({}),
    capabilities: ["schedule:pull"],
  },
  setup: () => ({
    pulls: [
      {
        name: "p",
        every: "1 minute",
        // @ts-expect-error the pull asks for a service (R is not never)
        run: needsAService,
      },
    ],
  }),
})

// Capabilities outside the SDK's list are refused.
definePlugin({
  manifest: {
    name: "@acme/plugin-unknown",
    version: "0.1.0",
    hostApi: "^0.1.0",
    config: Schema.Struct({}),
    // @ts-expect-error not a capability
    capabilities: ["database:write"],
  },
  setup: () => ({}),
})
