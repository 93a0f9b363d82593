// The dates an order's outbox events carry, as ISO strings or null: the same
// three on every event of the order's lifecycle.
import type * as ProtectionOrder from "../ProtectionOrder"

/** @internal */
export const orderDates = (
  order: ProtectionOrder.ProtectionOrder,
): { readonly requestedAt: string | null; readonly issuedAt: string | null; readonly expiresAt: string | null } => ({
  requestedAt: order.requestedAt?.toISOString() ?? null,
  issuedAt: order.issuedAt?.toISOString() ?? null,
  expiresAt: order.expiresAt?.toISOString() ?? null,
})
