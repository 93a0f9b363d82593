/**
 * The hooks a plugin's `setup` returns, and what the host hands them.
 *
 * - **pulls** (`schedule:pull`): every `every`, the host calls `run` with the
 *   last saved cursor; the records it returns go to the plugin's inbox and
 *   the next cursor is saved in the same transaction.
 * - **process**: the host applies each inbox record through it, at least once
 *   and in arrival order, until it succeeds (or the record is dead).
 * - **processBatch** (optional, beside `process`): the host hands it a page of
 *   due records at once, in one database transaction with their marking as
 *   processed; when it fails the page is rolled back and each record goes
 *   through `process` instead (ADR 0028).
 * - **subscriptions** (`events:subscribe`): the outbox's committed events of
 *   the given topics, at least once, with retries and dead letters.
 * - **webhooks** (`routes:webhook`): routes under `/v1/plugins/<id>/`, called
 *   only with a valid signature; records they return go to the inbox before
 *   the answer is sent.
 *
 * Every hook runs with its time limit, behind a circuit breaker, with an
 * empty Effect context: it reaches the host only through the context `setup`
 * received.
 */
import type { Duration, Effect, Option } from "effect"
import type { NonEmptyReadonlyArray } from "effect/Array"
import type { Capability } from "./Capability"
import type { HookError } from "./PluginFailure"

/**
 * A record a pull or a webhook imports. `recordId` is its upstream id (not
 * personal data: it is stored in clear and logged); `payload` is the record
 * itself (JSON-ready), sealed by the host's vault before it is stored.
 * `source` defaults to the pull's or the route's source.
 */
export interface ImportedRecord {
  readonly recordId: string
  readonly payload: unknown
  readonly source?: string
}

/**
 * What a pull returns: records, the cursor to resume from next time
 * (left out, or `undefined`, keeps the current one) and whether more are
 * waiting now (the host pulls again at once).
 */
export interface PullResult {
  readonly records: ReadonlyArray<ImportedRecord>
  readonly cursor?: string | undefined
  readonly more?: boolean
}

/**
 * A scheduled pull. `name` keys its cursor (`plugin_cursors`): renaming a pull
 * starts it from nothing.
 */
export interface Pull {
  readonly name: string
  /** How long between two pulls. */
  readonly every: Duration.DurationInput
  /** The inbox source of its records, unless a record names its own; the pull's name by default. */
  readonly source?: string
  readonly run: (cursor: Option.Option<string>) => Effect.Effect<PullResult, HookError>
}

/**
 * An inbox record handed to `process`. `attempts` counts earlier failed
 * attempts; `receivedAt` is when the host stored it.
 */
export interface InboxRecord {
  readonly id: string
  readonly source: string
  readonly recordId: string
  readonly payload: unknown
  readonly receivedAt: Date
  readonly attempts: number
}

/**
 * Applies one inbox record. Make it idempotent by `source` + `recordId` (the
 * capability services are): it may run again after a crash.
 */
export type Process = (record: InboxRecord) => Effect.Effect<void, HookError>

/**
 * Applies a page of inbox records (in arrival order) all or nothing. The host
 * runs it in ONE database transaction that capability calls join and that
 * also marks the page processed: it commits whole, or rolls back whole and
 * the host applies each record through `process` instead, so a bad record is
 * still the only one that fails. Fail it on any record it cannot apply; the
 * per-record path decides that record's retry or dead letter. Only
 * capability calls belong in it: anything it does outside the database
 * (an upstream call) is not undone by the rollback.
 */
export type ProcessBatch = (records: NonEmptyReadonlyArray<InboxRecord>) => Effect.Effect<void, HookError>

/**
 * An outbox event delivered to a subscription. `attempts` counts earlier
 * failed deliveries of it to this subscription.
 */
export interface DeliveredEvent {
  readonly id: string
  readonly topic: string
  readonly aggregateType: string
  readonly aggregateId: string
  readonly payload: unknown
  readonly occurredAt: Date
  readonly attempts: number
}

/**
 * A subscription to outbox topics. A topic is exact (`referral.referral.sent`)
 * or a prefix ending in `.*` (`referral.*`). `from: "beginning"` delivers
 * events committed before the plugin was first started; by default a new
 * subscription starts from now.
 */
export interface Subscription {
  readonly name: string
  readonly topics: NonEmptyReadonlyArray<string>
  readonly from?: "now" | "beginning"
  readonly handle: (event: DeliveredEvent) => Effect.Effect<void, HookError>
}

/**
 * An HTTP method a webhook route answers.
 */
export type WebhookMethod = "POST" | "PUT" | "PATCH" | "DELETE" | "GET"

/**
 * A verified webhook call. `path` is the part after `/v1/plugins/<id>`
 * (`/orders/123`); `params` the route's `:name` segments; `headers` have
 * lower-case names; `body` is the raw body the signature was checked over.
 */
export interface WebhookRequest {
  readonly method: WebhookMethod
  readonly path: string
  readonly params: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, string>>
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array
  /** The body as UTF-8 text. */
  readonly text: () => string
  /** The body parsed as JSON; `undefined` when it is not JSON. */
  readonly json: () => unknown
}

/**
 * A webhook's answer: a status and a JSON body. `records` go to the plugin's
 * inbox (in one transaction) before the answer is sent; if they cannot be
 * stored the caller gets 503 and should retry.
 */
export interface WebhookResponse {
  readonly status: number
  readonly body?: unknown
  readonly records?: ReadonlyArray<ImportedRecord>
}

/**
 * A webhook route. `path` starts with `/` and may have `:name` segments
 * (`/orders/:reference`).
 */
export interface WebhookRoute {
  readonly method: WebhookMethod
  readonly path: string
  /** The inbox source of the records it returns, unless a record names its own; `webhook` by default. */
  readonly source?: string
  readonly handle: (request: WebhookRequest) => Effect.Effect<WebhookResponse, HookError>
}

/**
 * Every hook, as the host reads them.
 */
export interface AnyHooks {
  readonly process?: Process
  readonly processBatch?: ProcessBatch
  readonly pulls?: ReadonlyArray<Pull>
  readonly subscriptions?: ReadonlyArray<Subscription>
  readonly webhooks?: ReadonlyArray<WebhookRoute>
}

type Allows<Capabilities extends Capability, C extends Capability> = [Extract<Capabilities, C>] extends [never]
  ? false
  : true

/**
 * The hooks a plugin with these capabilities may return: `pulls` only with
 * `schedule:pull`, `subscriptions` only with `events:subscribe`, `webhooks`
 * only with `routes:webhook`.
 */
export type Hooks<Capabilities extends Capability> = {
  readonly process?: Process
  readonly processBatch?: ProcessBatch
} & (Allows<Capabilities, "schedule:pull"> extends true
  ? { readonly pulls?: ReadonlyArray<Pull> }
  : { readonly pulls?: never }) &
  (Allows<Capabilities, "events:subscribe"> extends true
    ? { readonly subscriptions?: ReadonlyArray<Subscription> }
    : { readonly subscriptions?: never }) &
  (Allows<Capabilities, "routes:webhook"> extends true
    ? { readonly webhooks?: ReadonlyArray<WebhookRoute> }
    : { readonly webhooks?: never })

/**
 * A pull, typed where it is written (keeps `every: "5 minutes"` a duration
 * inside an Effect that builds the hooks).
 */
export const pull = (pull: Pull): Pull => pull

/**
 * A subscription, typed where it is written.
 */
export const subscription = (subscription: Subscription): Subscription => subscription

/**
 * A webhook route, typed where it is written (keeps `method: "POST"`).
 */
export const webhook = (route: WebhookRoute): WebhookRoute => route
