/**
 * Fakes of every capability service for tests: each records what plugins
 * asked of it and answers as the host's real services promise to —
 * idempotently by `(plugin, source, recordId)`, stale order updates ignored.
 * Notices are decided by the host's own rule (`NoticePolicy` of
 * `@bashke/security`) over the cases you describe (`cases`, `actingAs`), so
 * the fakes refuse what the host refuses; `NoticesContract` holds both to it. A review item's proposal can be applied as
 * the host would once a person chooses the case (`resolveReview`).
 *
 * ```ts
 * const fakes = FakeCapabilities.make({ match: () => ({ _tag: "NoMatch" }) })
 * // … run the plugin with fakes.layer …
 * expect(fakes.recorded.incidents).toHaveLength(1)
 * ```
 */
import { Errors, Id, type Principal } from "@bashke/kernel"
import {
  DirectoryCapacity,
  type PluginIdentity as Identity,
  IncidentImport,
  Notices,
  PersonMatch,
  PluginPolicy,
  ProtectionOrderSync,
  ReviewQueue,
} from "@bashke/plugin-sdk"
import { NoticePolicy } from "@bashke/security"
import { Clock, Effect, Either, Layer, ParseResult, Schema } from "effect"

type PluginIdentity = Identity.PluginIdentity

/**
 * How the fakes answer. Each answer may be replaced to simulate the host's
 * refusals (return an Effect that fails with a kernel error).
 */
export interface Answers {
  /** The person match for a query; `NoMatch` by default. */
  readonly match?: (query: PersonMatch.PersonQuery) => PersonMatch.MatchResult
  /**
   * `true` allows the notice; a string refuses it with that rule. When absent,
   * notices about a case in `cases` are decided by the host's `NoticePolicy`
   * as `actingAs`; with no cases described at all, every notice is allowed.
   */
  readonly notice?: (request: Notices.NoticeRequest) => true | string
  /** The principal the plugin acts as (the host's plugin configuration): its institution and mechanisms. */
  readonly actingAs?: Principal.Principal
  /** The cases notices may be about: their mechanism, team, consents and referrals. Change them with `fakes.cases`. */
  readonly cases?: ReadonlyMap<Id.CaseId, NoticePolicy.NoticeCase>
  /** The directory's services and the institution providing each: `directory:capacity` reports only on `actingAs`'s own. */
  readonly services?: ReadonlyMap<Id.ServiceId, Id.InstitutionId>
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
  /** Each service's capacity as it now stands (the latest report by `updatedAt`). */
  readonly capacity: ReadonlyMap<Id.ServiceId, DirectoryCapacity.CapacityReport>
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
  | DirectoryCapacity.DirectoryCapacity

/**
 * What resolving a review item attached to the case: the incident or the
 * order its proposal wrote, or nothing (an item without a proposal).
 */
export type Attached = { readonly incidentId: Id.IncidentId } | { readonly orderId: Id.ProtectionOrderId } | undefined

export interface Fakes {
  readonly recorded: Recorded
  /** The cases notices are decided over (from `answers.cases`): set one to change it (withdraw a consent, close a referral). */
  readonly cases: Map<Id.CaseId, NoticePolicy.NoticeCase>
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
  const cases = new Map(answers.cases ?? [])
  const capacity = new Map<Id.ServiceId, DirectoryCapacity.CapacityReport>()
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
    get capacity() {
      return new Map(capacity)
    },
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

  // The host's rule over the described cases: a refusal's rule, `true` to allow, or an error as the host fails.
  const noticeVerdict = (request: Notices.NoticeRequest): Effect.Effect<true | string, Errors.DomainError> => {
    if (answers.notice !== undefined) return Effect.succeed(answers.notice(request))
    if (cases.size === 0) return Effect.succeed(true)
    const aCase = cases.get(request.caseId)
    if (aCase === undefined) return Effect.fail(new Errors.NotFound({ entity: "Case", id: request.caseId }))
    if (answers.actingAs === undefined) return Effect.fail(PluginPolicy.unattended())
    const actingAs = answers.actingAs
    // The host decides at its clock's time: Effect's `Clock`, the `TestClock` under `TestHost`.
    return Effect.map(Clock.currentTimeMillis, (now) => {
      const notice = { recipient: request.recipient, purpose: request.purpose }
      const decision = NoticePolicy.decide(actingAs, notice, aCase, new Date(now))
      return decision._tag === "Allow" ? true : decision.rule
    })
  }

  const noticesFor = (plugin: PluginIdentity): Notices.Service => ({
    authorize: (request) =>
      Effect.map(noticeVerdict(request), (verdict) => {
        // Asked again for the same case, recipient and reference: the same notice, decided afresh.
        const key = `${plugin.name}\u0000${request.caseId}\u0000${request.reference}\u0000${request.recipient}`
        if (verdict !== true) return { _tag: "Refused", rule: verdict } as const
        const before = notices.get(key)
        if (before !== undefined && before.decision._tag === "Allowed") return before.decision
        const decision: Notices.NoticeDecision = {
          _tag: "Allowed",
          noticeId: fakeId(++counter),
          content: { caseId: request.caseId, kind: request.kind },
        }
        notices.set(key, { plugin: plugin.name, request, decision })
        return decision
      }),
    recordOutcome: (noticeId, outcome) =>
      Effect.suspend(() => {
        const known = [...notices.values()].some(
          (each) =>
            each.plugin === plugin.name && each.decision._tag === "Allowed" && each.decision.noticeId === noticeId,
        )
        if (!known) return Effect.fail(new Errors.NotFound({ entity: "PluginNotice", id: noticeId }))
        noticeOutcomes.push({ noticeId, outcome })
        return Effect.void
      }),
  })

  const decodeReport = Schema.decodeUnknownEither(DirectoryCapacity.CapacityReport)
  // As the host's directory: the report checked, the service known, the plugin's own institution's, newer wins.
  const capacityFor = (_plugin: PluginIdentity): DirectoryCapacity.Service => ({
    report: (input) =>
      Effect.suspend((): Effect.Effect<DirectoryCapacity.Reported, Errors.DomainError> => {
        const decoded = decodeReport(input)
        if (Either.isLeft(decoded)) {
          const issue = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)[0]
          const rule = issue?.message === "referral.capacity.over-total" ? issue.message : "referral.input.invalid"
          return Effect.fail(new Errors.InvalidInput({ field: String(issue?.path[0] ?? ""), rule }))
        }
        const report = decoded.right
        const institution = answers.services?.get(report.service)
        if (institution === undefined)
          return Effect.fail(new Errors.NotFound({ entity: "Service", id: report.service }))
        if (answers.actingAs?.institution !== institution)
          return Effect.fail(
            new Errors.Forbidden({
              action: "referral.capacity.report",
              rule: "referral.directory.not-own-institution",
            }),
          )
        const held = capacity.get(report.service)
        if (held !== undefined && held.updatedAt.getTime() > report.updatedAt.getTime())
          return Effect.succeed({ outcome: "stale" })
        capacity.set(report.service, report)
        return Effect.succeed({ outcome: "applied" })
      }),
  })

  const layer = Layer.mergeAll(
    Layer.succeed(IncidentImport.IncidentImport, { forPlugin: incidentsFor }),
    Layer.succeed(PersonMatch.PersonMatch, { forPlugin: personsFor }),
    Layer.succeed(ProtectionOrderSync.ProtectionOrderSync, { forPlugin: ordersFor }),
    Layer.succeed(ReviewQueue.ReviewQueue, { forPlugin: reviewFor }),
    Layer.succeed(Notices.Notices, { forPlugin: noticesFor }),
    Layer.succeed(DirectoryCapacity.DirectoryCapacity, { forPlugin: capacityFor }),
  )
  return { recorded, cases, layer, resolveReview }
}
