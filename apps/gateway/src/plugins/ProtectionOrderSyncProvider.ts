/**
 * `protection-orders:sync` over the case package. The case's orders carry no
 * external reference, so the court's `orderReference` is linked to the
 * case's order in `plugin_order_links`, with the instant of the last update
 * applied: an update at or before it is `stale` (a late or replayed message
 * never moves an order backwards). An unknown reference with its case and
 * kind records a new order (requested or issued); without them it is
 * `unmatched`. Hearing dates are not kept by the case package and are
 * ignored here; deadline alerts follow the order's expiry.
 */
import { CaseService } from "@bashke/case"
import { Errors, type Id, JurisdictionProfile, Principal } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import { ProtectionOrderSync } from "@bashke/plugin-sdk"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { actingAs, PluginPrincipals } from "./PluginConfig"

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

interface Link {
  readonly case_id: string
  readonly order_id: string
  readonly last_applied_ms: number | string
}

export const layer: Layer.Layer<
  ProtectionOrderSync.ProtectionOrderSync,
  never,
  CaseService.CaseService | SqlClient.SqlClient | PluginPrincipals
> = Layer.effect(
  ProtectionOrderSync.ProtectionOrderSync,
  Effect.gen(function* () {
    const cases = yield* CaseService.CaseService
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const principals = yield* PluginPrincipals
    const transaction = Transaction.within(sql)

    return {
      forPlugin: (plugin) => ({
        apply: (update) =>
          Effect.gen(function* () {
            const { principal, settings } = yield* actingAs(principals, plugin.name)
            const as = Effect.provideService(Principal.CurrentPrincipal, principal)
            const at = update.at
            return yield* transaction(
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
                if (!isNewer(at, Number(link.last_applied_ms))) return { orderId, outcome: "stale" as const }
                const event = eventOf(update.status)
                if (event !== undefined) {
                  if (event === "extended" && update.expiresAt === undefined)
                    return yield* Effect.fail(
                      new Errors.InvalidInput({ field: "expiresAt", rule: "gateway.input.invalid" }),
                    )
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
                      ...(event === "breach-recorded" ? { reportedBy: principal.institution } : {}),
                    }),
                  )
                }
                yield* sql`UPDATE plugin_order_links SET last_applied_ms = ${at.getTime()},
                    last_source = ${update.source}, last_record_id = ${update.recordId}
                  WHERE plugin = ${plugin.id} AND order_reference = ${update.orderReference}`
                return { orderId, outcome: event === undefined ? ("unchanged" as const) : ("applied" as const) }
              }),
            )
          }),
      }),
    }
  }),
)
