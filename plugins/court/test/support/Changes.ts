// Court changes for the tests: well-formed unless overridden.
import type { OrderChange } from "../../src/index"

export const caseId = "01JC0000000000000000000001"

export const change = (
  changeId: string,
  overrides: Partial<Record<keyof OrderChange.OrderChangeEncoded, unknown>> = {},
): Record<string, unknown> => ({
  changeId,
  orderReference: "C-1234/2026",
  caseId,
  status: "issued",
  decidedAt: "2026-03-01T09:30:00Z",
  orderKind: "protection-order",
  expiresAt: "2026-09-01T00:00:00+02:00",
  hearingAt: null,
  ...overrides,
})

/** When the tests' clock starts: webhooks are signed at this time. */
export const start = Date.UTC(2026, 2, 2, 8, 0, 0)
