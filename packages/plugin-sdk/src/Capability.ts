/**
 * Capabilities: what a plugin may do. A manifest lists the capabilities the
 * plugin needs (and those it can do without); the host's configuration grants
 * some of them to it; the plugin gets exactly the granted ones.
 *
 * Two kinds:
 *
 * | capability               | kind    | gives                                                                 |
 * | ------------------------ | ------- | --------------------------------------------------------------------- |
 * | `incidents:import`       | service | `context.incidents`: record incidents in cases                        |
 * | `persons:match`          | service | `context.persons`: find a case person by blind index                  |
 * | `protection-orders:sync` | service | `context.protectionOrders`: apply a court's order updates             |
 * | `review-queue:write`     | service | `context.reviewQueue`: hand a record to a person                      |
 * | `notices:send`           | service | `context.notices`: consent-checked notices to outside institutions   |
 * | `directory:capacity`     | service | `context.capacity`: the capacity of its own institution's services    |
 * | `schedule:pull`          | hook    | the `pulls` hook: scheduled pulls with a persisted cursor             |
 * | `events:subscribe`       | hook    | the `subscriptions` hook: the outbox's events, at least once          |
 * | `routes:webhook`         | hook    | the `webhooks` hook: signed routes under `/v1/plugins/<id>/`          |
 *
 * A service capability adds a key to the setup context, typed and present at
 * run time only when granted; a hook capability adds a hook to what `setup`
 * may return. The `process` hook (applying the inbox) needs none: it only
 * ever sees what the plugin's own pulls and webhooks imported.
 */
import { Schema } from "effect"
import type * as DirectoryCapacity from "./DirectoryCapacity"
import type * as IncidentImport from "./IncidentImport"
import type * as Notices from "./Notices"
import type * as PersonMatch from "./PersonMatch"
import type * as ProtectionOrderSync from "./ProtectionOrderSync"
import type * as ReviewQueue from "./ReviewQueue"

/**
 * Every capability, in the order of the table above.
 */
export const all = [
  "incidents:import",
  "persons:match",
  "protection-orders:sync",
  "review-queue:write",
  "notices:send",
  "directory:capacity",
  "schedule:pull",
  "events:subscribe",
  "routes:webhook",
] as const

export const Capability = Schema.Literal(...all).annotations({ identifier: "PluginCapability" })

export type Capability = (typeof all)[number]

/**
 * The service each service capability adds to the context, under which key.
 */
export interface Services {
  readonly "incidents:import": { readonly key: "incidents"; readonly service: IncidentImport.Service }
  readonly "persons:match": { readonly key: "persons"; readonly service: PersonMatch.Service }
  readonly "protection-orders:sync": {
    readonly key: "protectionOrders"
    readonly service: ProtectionOrderSync.Service
  }
  readonly "review-queue:write": { readonly key: "reviewQueue"; readonly service: ReviewQueue.Service }
  readonly "notices:send": { readonly key: "notices"; readonly service: Notices.Service }
  readonly "directory:capacity": { readonly key: "capacity"; readonly service: DirectoryCapacity.Service }
}

/**
 * A capability that adds a service to the context.
 */
export type ServiceCapability = keyof Services

/**
 * A capability that allows a hook.
 */
export type HookCapability = Exclude<Capability, ServiceCapability>

/**
 * The context key of each service capability.
 */
export const contextKeys: { readonly [C in ServiceCapability]: Services[C]["key"] } = {
  "incidents:import": "incidents",
  "persons:match": "persons",
  "protection-orders:sync": "protectionOrders",
  "review-queue:write": "reviewQueue",
  "notices:send": "notices",
  "directory:capacity": "capacity",
}

/**
 * Whether a capability adds a service to the context.
 */
export const isService = (capability: Capability): capability is ServiceCapability => capability in contextKeys

/**
 * The catalogue key of a capability's label in `pluginSdkMessages`
 * (`schedule:pull` → `plugin.capability.schedule.pull`).
 */
export const labelKey = <C extends Capability>(capability: C): LabelKey<C> =>
  `plugin.capability.${capability.replace(":", ".")}` as LabelKey<C>

export type LabelKey<C extends Capability> = C extends `${infer Area}:${infer Action}`
  ? `plugin.capability.${Area}.${Action}`
  : never

/**
 * Whether `value` names a capability.
 */
export const isCapability: (value: unknown) => value is Capability = Schema.is(Capability)

/**
 * The services of the capabilities `Required` (always there) and `Optional`
 * (there when granted), keyed as in {@link contextKeys}: a capability that is
 * in neither is not a key of the type, so a plugin cannot even name it.
 */
export type ContextServices<Required extends Capability, Optional extends Capability> = {
  readonly [C in Required & ServiceCapability as Services[C]["key"]]: Services[C]["service"]
} & {
  readonly [C in Exclude<Optional, Required> & ServiceCapability as Services[C]["key"]]?: Services[C]["service"]
}
