/**
 * `/v1/plugins`: what people do about plugins. Coordinators and
 * administrators work the review queue (records a plugin could not place:
 * listed without details, read one by a safe POST that is audited, resolve it
 * with the case and person it is, or the new case opened for it — which
 * attaches the plugin's proposal, the incident or order update, to that case
 * under the coordinator's own access to it);
 * administrators see the dead letters and replay them. Every other path
 * under `/v1/plugins/<id>/…` is a plugin's own webhook, answered by the host
 * (so `reviews` and `dead-letters` cannot be plugin ids).
 */
import { Cursor, Errors, Pagination, Principal } from "@bashke/kernel"
import { DeadLetter, PluginPolicy } from "@bashke/plugin-sdk"
import { Effect, Schema } from "effect"
import { LoadedPlugins } from "../plugins/GatewayPlugins"
import * as ReviewItems from "../plugins/ReviewItems"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "plugins"

const ReviewPath = Schema.Struct({ reviewId: Schema.String.pipe(Schema.pattern(/^[0-9A-HJKMNP-TV-Z]{26}$/)) })

/** Coordinators and administrators (`PluginPolicy.requireReviewer`). */
const reviewers = (action: string) =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) => PluginPolicy.requireReviewer(principal, action))

const ReviewQuery = Keyset.query({
  state: Schema.optionalWith(Schema.Literal("open", "all"), { default: () => "open" as const }),
})

const listReviews = Route.make({
  method: "get",
  path: "/v1/plugins/reviews",
  operationId: "listPluginReviews",
  tag,
  summary: "The plugins' review queue (ids and reasons, no details)",
  querySchema: ReviewQuery,
  success: { status: 200, schema: Keyset.pageSchema(ReviewItems.ReviewSummary, "PluginReviewPage") },
  handle: ({ query }) =>
    Effect.gen(function* () {
      const principal = yield* reviewers("plugin.review.list")
      const after = query.after === undefined ? undefined : yield* Cursor.decode(query.after)
      const rows = yield* ReviewItems.list({
        scope: PluginPolicy.reviewScope(principal),
        open: query.state === "open",
        limit: query.limit + 1,
        after: after === undefined ? undefined : String(after[0]),
      })
      return Pagination.paginate(rows, query.limit, (row) => [row.id])
    }),
})

const readReview = Route.make({
  method: "post",
  path: "/v1/plugins/reviews/:reviewId/read",
  operationId: "readPluginReview",
  tag,
  summary: "One review item with its details (audited)",
  safe: true,
  pathSchema: ReviewPath,
  success: { status: 200, schema: ReviewItems.ReviewDetail },
  handle: ({ path }) =>
    Effect.gen(function* () {
      const principal = yield* reviewers("plugin.review.read")
      return yield* ReviewItems.read(path.reviewId, principal)
    }),
})

const resolveReview = Route.make({
  method: "post",
  path: "/v1/plugins/reviews/:reviewId/resolution",
  operationId: "resolvePluginReview",
  tag,
  summary:
    "Resolve a review item: the case (and person) it is, a new case opened, or dismissed; with a case, the plugin's proposal is attached to it",
  pathSchema: ReviewPath,
  bodySchema: ReviewItems.Resolution,
  success: { status: 200, schema: ReviewItems.ReviewResolved },
  handle: ({ path, body }) =>
    Effect.gen(function* () {
      const principal = yield* reviewers("plugin.review.resolve")
      const resolution = yield* Schema.decodeUnknown(ReviewItems.Resolution)(body).pipe(
        Effect.mapError(() => new Errors.InvalidInput({ field: "body", rule: "gateway.input.invalid" })),
      )
      return yield* ReviewItems.resolve(path.reviewId, resolution, principal)
    }),
})

const administrators = (action: string) => Principal.requireRole("administrator", action)

const PluginName = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9@/._-]{1,214}$/))

const DeadLetterQuery = Schema.Struct({
  plugin: Schema.optional(PluginName),
  limit: Keyset.limit,
})

const DeadLetters = Schema.Struct({ items: Schema.Array(DeadLetter.DeadLetter) }).annotations({
  identifier: "PluginDeadLetters",
})

const listDeadLetters = Route.make({
  method: "get",
  path: "/v1/plugins/dead-letters",
  operationId: "listPluginDeadLetters",
  tag,
  summary: "Records and events the plugins gave up on (codes, never payloads)",
  querySchema: DeadLetterQuery,
  success: { status: 200, schema: DeadLetters },
  handle: ({ query }) =>
    Effect.gen(function* () {
      yield* administrators("plugin.dead-letter.list")
      const { host } = yield* LoadedPlugins
      if (host === undefined) return { items: [] }
      const items = yield* host.deadLetters({
        limit: query.limit,
        ...(query.plugin === undefined ? {} : { plugin: query.plugin }),
      })
      return { items }
    }),
})

// Which dead letter: its reference, or the item exactly as the list answered it
// (an administrator replays what they were shown, without trimming it first).
const Replay = Schema.Union(
  Schema.TaggedStruct("DeadRecord", { plugin: PluginName, inboxId: Schema.String }),
  Schema.TaggedStruct("DeadEvent", { plugin: PluginName, subscription: Schema.String, eventId: Schema.String }),
  DeadLetter.DeadRecord,
  DeadLetter.DeadEvent,
).annotations({ identifier: "PluginReplay" })

/** The reference of the dead letter a replay names. */
const referenceOf = (letter: typeof Replay.Type): DeadLetter.Replay =>
  letter._tag === "DeadRecord"
    ? { _tag: "DeadRecord", plugin: letter.plugin, inboxId: letter.inboxId }
    : { _tag: "DeadEvent", plugin: letter.plugin, subscription: letter.subscription, eventId: letter.eventId }

const Replayed = Schema.Struct({ replayed: Schema.Boolean }).annotations({ identifier: "PluginReplayed" })

const replayDeadLetter = Route.make({
  method: "post",
  path: "/v1/plugins/dead-letters/replay",
  operationId: "replayPluginDeadLetter",
  tag,
  summary: "Replay a dead letter (its reference, or the item as listed): it is tried again from its first attempt",
  bodySchema: Replay,
  success: { status: 200, schema: Replayed },
  handle: ({ body }) =>
    Effect.gen(function* () {
      yield* administrators("plugin.dead-letter.replay")
      const letter = yield* Schema.decodeUnknown(Replay)(body).pipe(
        Effect.mapError(() => new Errors.InvalidInput({ field: "body", rule: "gateway.input.invalid" })),
      )
      const { host } = yield* LoadedPlugins
      if (host === undefined) return yield* Effect.fail(new Errors.NotFound({ entity: "Plugin", id: letter.plugin }))
      return { replayed: yield* host.replay(referenceOf(letter)) }
    }),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [
  listReviews,
  readReview,
  resolveReview,
  listDeadLetters,
  replayDeadLetter,
]
