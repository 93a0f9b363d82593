/**
 * `protection-orders:sync` over the case package. The case's orders carry no
 * external reference, so the court's `orderReference` is linked to the
 * case's order in `plugin_order_links`, with the instant of the last update
 * applied: an update at or before it is `stale` (a late or replayed message
 * never moves an order backwards). An unknown reference with its case and
 * kind records a new order (requested or issued); without them it is
 * `unmatched`.
 *
 * A `hearingAt` is the order's court hearing, scheduled at the update's `at`
 * by the plugin's institution (the court) — the case package's
 * `hearing-scheduled` event, whose deadline alerts remind about it. A hearing
 * has its own order, not the link's: it is compared with the hearing in force
 * on the order (read with `CaseService.readOrder`; {@link hearingOutcome}), so
 *
 * - the hearing in force again (a court record carries the order's hearing on
 *   every change, a replay repeats it) is `unchanged`, even when the status
 *   part of the update is stale;
 * - a hearing scheduled after the one in force is recorded even from an update
 *   whose status is stale (an extension overtook the change that set the
 *   hearing): the status stays, the hearing moves on;
 * - a hearing scheduled at or before the one in force is `stale`.
 *
 * An update whose status the order already has (`issued` again, with a
 * hearing) is a hearing-only update: its status is not applied again. The
 * hearing is recorded before the status event, so a court that rejects or
 * ends the order at the hearing reports both in one update. On a new order a
 * hearing before the update's `at` (its request, as recorded here) is held
 * already and not kept. An update with both parts is `applied` if either
 * applied, else `unchanged` if its hearing is the one in force, else `stale`
 * if either part is.
 */
import { CaseService, ProtectionOrder } from "@bashke/case"
import { Errors, type Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import { ProtectionOrderSync } from "@bashke/plugin-sdk"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { actingAs, type PluginPrincipalSettings, PluginPrincipals } from "./PluginConfig"

type OrderEventName = "issued" | "rejected" | "extended" | "expired" | "breach-recorded"

/** The case package's event for a status the court reports; `requested` has none. */
export const eventOf = (status: ProtectionOrderSync.OrderStatus): OrderEventName | undefined => {
  switch (status) {
    case "requested":
      return undefined
    case "breached":
      return "breach-recorded"
    default:
      return status
  }
}

/** Whether an update at `at` comes after the last applied one. */
export const isNewer = (at: Date, lastAppliedMillis: number): boolean => at.getTime() > lastAppliedMillis

/**
 * What a hearing at `hearingAt`, scheduled at `at`, does to an order whose
 * hearing in force is `inForce`: the same hearing is `unchanged`; one
 * scheduled later is recorded (`apply`); one scheduled at or before it is
 * `stale`.
 */
export const hearingOutcome = (
  inForce: ProtectionOrder.Hearing | undefined,
  update: { readonly at: Date; readonly hearingAt: Date },
): "apply" | "unchanged" | "stale" => {
  if (inForce === undefined) return "apply"
  if (inForce.at.getTime() === update.hearingAt.getTime()) return "unchanged"
  return update.at.getTime() > inForce.scheduledAt.getTime() ? "apply" : "stale"
}

// Whether the order already shows the status an update reports, so that the
// update, carrying a hearing, is about the hearing only.
const alreadyShows = (order: ProtectionOrder.ProtectionOrder, update: ProtectionOrderSync.OrderUpdate): boolean => {
  switch (update.status) {
    case "requested":
    case "breached":
      return false
    case "extended":
      return order.status === "extended" && order.expiresAt?.getTime() === update.expiresAt?.getTime()
    default:
      return order.status === update.status
  }
}

interface Link {
  readonly case_id: string
  readonly order_id: string
  readonly last_applied_ms: number | string
}

/**
 * Who applies an update: `principal` acts (the case package checks its
 * access); `settings` are the plugin's — the petitioner of an order it opens,
 * the institution a breach is reported by. For the plugin's own calls both
 * are the plugin's; for a review item a coordinator resolves, the principal
 * is the coordinator's.
 */
export interface Applier {
  readonly principal: Principal.Principal
  readonly settings: Pick<PluginPrincipalSettings, "institution" | "petitioner">
}

/**
 * Applies `update` of the plugin `pluginId` (its id, the key of its order
 * links) as `actor`, in one transaction (joining the caller's).
 */
export const applyUpdate = (
  pluginId: string,
  update: ProtectionOrderSync.OrderUpdate,
  actor: Applier,
): Effect.Effect<ProtectionOrderSync.Applied, Errors.DomainError, CaseService.CaseService | SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const cases = yield* CaseService.CaseService
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const plugin = { id: pluginId }
    const { principal, settings } = actor
    const as = Effect.provideService(Principal.CurrentPrincipal, principal)
    const at = update.at
    return yield* Transaction.within(sql)(
      Effect.gen(function* () {
        const rows = yield* sql<Link>`SELECT case_id, order_id, last_applied_ms FROM plugin_order_links
            WHERE plugin = ${plugin.id} AND order_reference = ${update.orderReference}`
        const link = rows[0]
        if (link === undefined) {
          const opening = update.status === "requested" || update.status === "issued"
          if (update.caseId === undefined || update.kind === undefined || !opening)
            return { outcome: "unmatched" as const }
          // A court's order starts requested and is issued by an event; a police order starts issued.
          const profile = yield* JurisdictionProfile.CurrentJurisdiction
          const byPolice = profile.protectionOrders.kinds[update.kind]?.issuedBy === "police"
          const expiresAt = update.expiresAt === undefined ? {} : { expiresAt: update.expiresAt.toISOString() }
          const order = yield* as(
            cases.recordOrder({
              caseId: update.caseId,
              kind: update.kind,
              petitioner: settings.petitioner ?? "victim",
              ...(byPolice ? { issuedAt: at.toISOString(), ...expiresAt } : { requestedAt: at.toISOString() }),
            }),
          )
          // A hearing the court held before it told us of the order is past; the
          // case package keeps none before the order's request.
          if (update.hearingAt !== undefined && update.hearingAt.getTime() >= at.getTime())
            yield* as(
              cases.recordOrderEvent({
                caseId: update.caseId,
                orderId: order.id,
                event: "hearing-scheduled",
                at: at.toISOString(),
                hearingAt: update.hearingAt.toISOString(),
                court: settings.institution,
              }),
            )
          if (!byPolice && update.status === "issued")
            yield* as(
              cases.recordOrderEvent({
                caseId: update.caseId,
                orderId: order.id,
                event: "issued",
                at: at.toISOString(),
                ...expiresAt,
              }),
            )
          yield* sql`INSERT INTO plugin_order_links
              (plugin, order_reference, case_id, order_id, last_applied_ms, last_source, last_record_id)
              VALUES (${plugin.id}, ${update.orderReference}, ${update.caseId}, ${order.id}, ${at.getTime()},
                ${update.source}, ${update.recordId})`
          return { orderId: order.id, outcome: "applied" as const }
        }
        const orderId = link.order_id as Id.ProtectionOrderId
        if (update.caseId !== undefined && update.caseId !== link.case_id)
          return yield* Effect.fail(new Errors.InvalidInput({ field: "caseId", rule: "gateway.input.invalid" }))
        const newer = isNewer(at, Number(link.last_applied_ms))
        let hearing: "apply" | "unchanged" | "stale" | undefined
        let hearingOnly = false
        if (update.hearingAt !== undefined) {
          const current = yield* as(cases.readOrder({ caseId: link.case_id, orderId }))
          hearing = hearingOutcome(ProtectionOrder.nextHearing(current), { at, hearingAt: update.hearingAt })
          hearingOnly = alreadyShows(current, update)
          // An order over (rejected, expired) takes no hearing; from a late update that is no news.
          if (hearing === "apply" && !newer && (current.status === "rejected" || current.status === "expired"))
            hearing = "stale"
          if (hearing === "apply")
            yield* as(
              cases.recordOrderEvent({
                caseId: link.case_id,
                orderId,
                event: "hearing-scheduled",
                at: at.toISOString(),
                hearingAt: update.hearingAt.toISOString(),
                court: settings.institution,
              }),
            )
        }
        if (!newer) {
          if (hearing === "apply") return { orderId, outcome: "applied" as const }
          return { orderId, outcome: hearing === "unchanged" ? ("unchanged" as const) : ("stale" as const) }
        }
        const event = hearingOnly ? undefined : eventOf(update.status)
        if (event !== undefined) {
          if (event === "extended" && update.expiresAt === undefined)
            return yield* Effect.fail(new Errors.InvalidInput({ field: "expiresAt", rule: "gateway.input.invalid" }))
          yield* as(
            cases.recordOrderEvent({
              caseId: link.case_id,
              orderId,
              event,
              at: at.toISOString(),
              ...(event === "extended" ? { until: update.expiresAt?.toISOString() } : {}),
              ...(event === "issued" && update.expiresAt !== undefined
                ? { expiresAt: update.expiresAt.toISOString() }
                : {}),
              ...(event === "breach-recorded" ? { reportedBy: settings.institution } : {}),
            }),
          )
        }
        yield* sql`UPDATE plugin_order_links SET last_applied_ms = ${at.getTime()},
              last_source = ${update.source}, last_record_id = ${update.recordId}
            WHERE plugin = ${plugin.id} AND order_reference = ${update.orderReference}`
        if (event !== undefined || hearing === "apply") return { orderId, outcome: "applied" as const }
        return { orderId, outcome: hearing === "stale" ? ("stale" as const) : ("unchanged" as const) }
      }),
    )
  })

export const layer: Layer.Layer<
  ProtectionOrderSync.ProtectionOrderSync,
  never,
  CaseService.CaseService | SqlClient.SqlClient | PluginPrincipals
> = Layer.effect(
  ProtectionOrderSync.ProtectionOrderSync,
  Effect.gen(function* () {
    const context = yield* Effect.context<CaseService.CaseService | SqlClient.SqlClient>()
    const principals = yield* PluginPrincipals
    return {
      forPlugin: (plugin) => ({
        apply: (update) =>
          actingAs(principals, plugin.name).pipe(
            Effect.flatMap((actor) => applyUpdate(plugin.id, update, actor)),
            Effect.provide(context),
          ),
      }),
    }
  }),
)
