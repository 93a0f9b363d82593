/**
 * Fakes of every capability service for tests: each records what plugins
 * asked of it and answers as the host's real services promise to —
 * idempotently by `(plugin, source, recordId)`, stale order updates ignored,
 * notices refused when told to. A review item's proposal can be applied as
 * the host would once a person chooses the case (`resolveReview`).
 *
 * ```ts
 * const fakes = FakeCapabilities.make({ match: () => ({ _tag: "NoMatch" }) })
 * // … run the plugin with fakes.layer …
 * expect(fakes.recorded.incidents).toHaveLength(1)
 * ```
 */
import { Errors, Id } from "@bashke/kernel"
import {
  type PluginIdentity as Identity,
  IncidentImport,
  Notices,
  PersonMatch,
  ProtectionOrderSync,
  ReviewQueue,
} from "@bashke/plugin-sdk"
import { Effect, Layer } from "effect"

type PluginIdentity = Identity.PluginIdentity

/**
 * How the fakes answer. Each answer may be replaced to simulate the host's
 * refusals (return an Effect that fails with a kernel error).
 */
export interface Answers {
  /** The person match for a query; `NoMatch` by default. */
  readonly match?: (query: PersonMatch.PersonQuery) => PersonMatch.MatchResult
  /** `true` allows the notice; a string refuses it with that rule. Allowed by default. */
  readonly notice?: (request: Notices.NoticeRequest) => true | string
  /** Runs before an incident is recorded: fail it to refuse the incident. */
  readonly beforeIncident?: (incident: IncidentImport.ImportedIncident) => Effect.Effect<void, Errors.DomainError>
  /** Runs before an order update is applied: fail it to refuse the update. */
  readonly beforeOrderUpdate?: (update: ProtectionOrderSync.OrderUpdate) => Effect.Effect<void, Errors.DomainError>
}

/**
 * What the fakes were asked, in order. Each entry names the calling plugin.
 */
export interface Recorded {
  /** Incidents as they now stand, one per `(plugin, source, recordId)`. */
  readonly incidents: ReadonlyArray<{
    readonly plugin: string
    readonly incident: IncidentImport.ImportedIncident
    readonly result: IncidentImport.Recorded
  }>
  /** Every `record` call and its outcome (repeats included). */
  readonly incidentCalls: ReadonlyArray<{ readonly plugin: string; readonly outcome: string }>
  readonly matches: ReadonlyArray<{ readonly plugin: string; readonly query: PersonMatch.PersonQuery }>
  readonly orderUpdates: ReadonlyArray<{
    readonly plugin: string
    readonly update: ProtectionOrderSync.OrderUpdate
    readonly result: ProtectionOrderSync.Applied
  }>
  /** Each order by reference: its last applied status and time. */
  readonly orders: ReadonlyMap<string, { readonly status: ProtectionOrderSync.OrderStatus; readonly at: Date }>
  /** Each item once per `(plugin, source, recordId)`, with its `proposal` as submitted. */
  readonly reviewItems: ReadonlyArray<{ readonly plugin: string; readonly item: ReviewQueue.ReviewItem }>
  readonly notices: ReadonlyArray<{
    readonly plugin: string
    readonly request: Notices.NoticeRequest
    readonly decision: Notices.NoticeDecision
  }>
  readonly noticeOutcomes: ReadonlyArray<{ readonly noticeId: string; readonly outcome: Notices.NoticeOutcome }>
}

/**
 * Every capability provider the fakes implement.
 */
export type Providers =
  | IncidentImport.IncidentImport
  | PersonMatch.PersonMatch
  | ProtectionOrderSync.ProtectionOrderSync
  | ReviewQueue.ReviewQueue
  | Notices.Notices

/**
 * What resolving a review item attached to the case: the incident or the
 * order its proposal wrote, or nothing (an item without a proposal).
 */
export type Attached = { readonly incidentId: Id.IncidentId } | { readonly orderId: Id.ProtectionOrderId } | undefined

export interface Fakes {
  readonly recorded: Recorded
  readonly layer: Layer.Layer<Providers>
  /**
   * Resolves the review item of `record` with `caseId` as the host does: its
   * proposal applied to that case through the fake incidents or orders, in
   * the submitting plugin's name, so the same record arriving later is
   * the same incident or order, never a second. An unknown record fails
   * with `NotFound`.
   */
  readonly resolveReview: (
    record: { readonly source: string; readonly recordId: string },
    caseId: Id.CaseId,
  ) => Effect.Effect<Attached, Errors.DomainError>
}

// Ids the fakes hand out: valid ULIDs, distinct, the same on every run.
const fakeId = (n: number): string => Id.ulidAt(Date.UTC(2026, 0, 1) + n, new Uint8Array(10))

/**
 * New fakes with empty records.
 */
export const make = (answers: Answers = {}): Fakes => {
  const incidents = new Map<
    string,
    { plugin: string; incident: IncidentImport.ImportedIncident; result: IncidentImport.Recorded }
  >()
  const incidentCalls: Array<{ plugin: string; outcome: string }> = []
  const matches: Array<{ plugin: string; query: PersonMatch.PersonQuery }> = []
  const orderUpdates: Array<{
    plugin: string
    update: ProtectionOrderSync.OrderUpdate
    result: ProtectionOrderSync.Applied
  }> = []
  const orders = new Map<string, { status: ProtectionOrderSync.OrderStatus; at: Date; orderId: string }>()
  const reviewItems = new Map<string, { plugin: string; item: ReviewQueue.ReviewItem; reviewId: string }>()
  const notices = new Map<
    string,
    { plugin: string; request: Notices.NoticeRequest; decision: Notices.NoticeDecision }
  >()
  const noticeOutcomes: Array<{ noticeId: string; outcome: Notices.NoticeOutcome }> = []
  let counter = 0

  const recorded: Recorded = {
    get incidents() {
      return [...incidents.values()]
    },
    incidentCalls,
    matches,
    orderUpdates,
    get orders() {
      return new Map([...orders].map(([reference, { status, at }]) => [reference, { status, at }]))
    },
    get reviewItems() {
      return [...reviewItems.values()].map(({ plugin, item }) => ({ plugin, item }))
    },
    get notices() {
      return [...notices.values()]
    },
    noticeOutcomes,
  }

  const incidentsFor = (plugin: PluginIdentity): IncidentImport.Service => ({
    record: (incident) =>
      Effect.gen(function* () {
        if (answers.beforeIncident !== undefined) yield* answers.beforeIncident(incident)
        const key = `${plugin.name}\u0000${incident.source}\u0000${incident.recordId}`
        const before = incidents.get(key)
        // The fake's own ids are valid by construction: not validated again for each record of a bulk import.
        const incidentId = Id.IncidentId.make(before?.result.incidentId ?? fakeId(++counter), {
          disableValidation: true,
        })
        const outcome =
          before === undefined
            ? ("created" as const)
            : JSON.stringify(before.incident) === JSON.stringify(incident)
              ? ("unchanged" as const)
              : ("updated" as const)
        const result: IncidentImport.Recorded = { incidentId, outcome }
        incidents.set(key, { plugin: plugin.name, incident, result })
        incidentCalls.push({ plugin: plugin.name, outcome })
        return result
      }),
  })

  const personsFor = (plugin: PluginIdentity): PersonMatch.Service => ({
    match: (query) =>
      Effect.sync(() => {
        matches.push({ plugin: plugin.name, query })
        return answers.match?.(query) ?? { _tag: "NoMatch" as const }
      }),
  })

  const ordersFor = (plugin: PluginIdentity): ProtectionOrderSync.Service => ({
    apply: (update) =>
      Effect.gen(function* () {
        if (answers.beforeOrderUpdate !== undefined) yield* answers.beforeOrderUpdate(update)
        const current = orders.get(update.orderReference)
        let result: ProtectionOrderSync.Applied
        if (current === undefined && update.caseId === undefined) result = { outcome: "unmatched" }
        else if (current !== undefined && update.at.getTime() < current.at.getTime())
          result = { orderId: Id.ProtectionOrderId.make(current.orderId), outcome: "stale" }
        else if (
          current !== undefined &&
          update.at.getTime() === current.at.getTime() &&
          update.status === current.status
        )
          result = { orderId: Id.ProtectionOrderId.make(current.orderId), outcome: "unchanged" }
        else {
          const orderId = current?.orderId ?? fakeId(++counter)
          orders.set(update.orderReference, { status: update.status, at: update.at, orderId })
          result = { orderId: Id.ProtectionOrderId.make(orderId), outcome: "applied" }
        }
        orderUpdates.push({ plugin: plugin.name, update, result })
        return result
      }),
  })

  const reviewFor = (plugin: PluginIdentity): ReviewQueue.Service => ({
    submit: (item) =>
      Effect.suspend((): Effect.Effect<ReviewQueue.Submitted, Errors.DomainError> => {
        const mismatch = ReviewQueue.proposalMismatch(item)
        if (mismatch !== undefined)
          return Effect.fail(new Errors.InvalidInput({ field: mismatch, rule: "plugin.review.proposal-mismatch" }))
        const key = `${plugin.name}\u0000${item.source}\u0000${item.recordId}`
        const before = reviewItems.get(key)
        if (before !== undefined) return Effect.succeed({ reviewId: before.reviewId, created: false })
        const reviewId = fakeId(++counter)
        reviewItems.set(key, { plugin: plugin.name, item, reviewId })
        return Effect.succeed({ reviewId, created: true })
      }),
  })

  const resolveReview: Fakes["resolveReview"] = (record, caseId) =>
    Effect.suspend(() => {
      const entry = [...reviewItems.values()].find(
        ({ item }) => item.source === record.source && item.recordId === record.recordId,
      )
      if (entry === undefined)
        return Effect.fail(new Errors.NotFound({ entity: "PluginReviewItem", id: record.recordId }))
      const proposal = entry.item.proposal
      const plugin = { name: entry.plugin, version: "0.0.0", id: entry.plugin }
      if (proposal === undefined) return Effect.succeed<Attached>(undefined)
      if (proposal._tag === "Incident")
        return Effect.map(
          incidentsFor(plugin).record({ ...proposal.incident, caseId }),
          ({ incidentId }): Attached => ({ incidentId }),
        )
      // With its case the fake always places an update (the host may still refuse one that opens no order).
      return Effect.map(
        ordersFor(plugin).apply({ ...proposal.update, caseId }),
        (applied): Attached => (applied.orderId === undefined ? undefined : { orderId: applied.orderId }),
      )
    })

  const noticesFor = (plugin: PluginIdentity): Notices.Service => ({
    authorize: (request) =>
      Effect.sync(() => {
        const key = `${plugin.name}\u0000${request.reference}\u0000${request.recipient}`
        const before = notices.get(key)
        if (before !== undefined) return before.decision
        const verdict = answers.notice?.(request) ?? true
        const decision: Notices.NoticeDecision =
          verdict === true
            ? { _tag: "Allowed", noticeId: fakeId(++counter), content: { caseId: request.caseId, kind: request.kind } }
            : { _tag: "Refused", rule: verdict }
        notices.set(key, { plugin: plugin.name, request, decision })
        return decision
      }),
    recordOutcome: (noticeId, outcome) =>
      Effect.sync(() => {
        noticeOutcomes.push({ noticeId, outcome })
      }),
  })

  const layer = Layer.mergeAll(
    Layer.succeed(IncidentImport.IncidentImport, { forPlugin: incidentsFor }),
    Layer.succeed(PersonMatch.PersonMatch, { forPlugin: personsFor }),
    Layer.succeed(ProtectionOrderSync.ProtectionOrderSync, { forPlugin: ordersFor }),
    Layer.succeed(ReviewQueue.ReviewQueue, { forPlugin: reviewFor }),
    Layer.succeed(Notices.Notices, { forPlugin: noticesFor }),
  )
  return { recorded, layer, resolveReview }
}
