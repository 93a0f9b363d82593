/**
 * The court's record of one change to a protection order, as this plugin
 * expects it by pull and by webhook, and its translation into the host's
 * `OrderUpdate`.
 *
 * ```json
 * {
 *   "changeId": "CHG-2026-000123",
 *   "orderReference": "C-1234/2026",
 *   "caseId": "01JC0000000000000000000001",
 *   "status": "extended",
 *   "decidedAt": "2026-03-01T09:30:00Z",
 *   "orderKind": "protection-order",
 *   "expiresAt": "2026-09-01T00:00:00+02:00",
 *   "hearingAt": null
 * }
 * ```
 */
import { Id } from "@bashke/kernel"
import { PluginFailure, ProtectionOrderSync, RecordRef } from "@bashke/plugin-sdk"
import { Effect, ParseResult, Schema } from "effect"

/**
 * An instant with its offset (`2026-03-01T09:30:00Z`, `…+01:00`). A bare date
 * or a local time is refused: the order of updates depends on it.
 */
export const Timestamp = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/),
  // `Date` rolls 30 February over into March: a day the month lacks is refused.
  Schema.filter((text) => {
    const [year, month, day] = text.slice(0, 10).split("-").map(Number) as [number, number, number]
    return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
  }),
  Schema.compose(Schema.Date),
  Schema.annotations({ identifier: "CourtTimestamp" }),
)

/**
 * One change. `changeId` is the court's id of the change (not of the order):
 * the plugin applies each once. `orderReference` is the court's case number
 * for the order; `caseId`, the Bashkë case, when the court knows it. Optional
 * fields may be absent or `null`.
 */
export const OrderChange = Schema.Struct({
  changeId: RecordRef.RecordId,
  orderReference: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9/.-]{0,59}$/)),
  caseId: Schema.optionalWith(Id.CaseId, { nullable: true }),
  status: ProtectionOrderSync.OrderStatus,
  decidedAt: Timestamp,
  // A code, not free text: the case package's kind codes (a key of the
  // jurisdiction profile's order kinds, which the case package checks).
  orderKind: Schema.optionalWith(
    Schema.String.pipe(Schema.pattern(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/), Schema.maxLength(60)),
    { nullable: true },
  ),
  expiresAt: Schema.optionalWith(Timestamp, { nullable: true }),
  hearingAt: Schema.optionalWith(Timestamp, { nullable: true }),
}).annotations({ identifier: "CourtOrderChange" })

export type OrderChange = typeof OrderChange.Type

export type OrderChangeEncoded = typeof OrderChange.Encoded

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)

/**
 * The failure code of a malformed change: `change.malformed:<field>` (the
 * first offending field, kebab-case), or `change.malformed` when the record is
 * not an object. Never a value: codes are stored and logged.
 */
export const malformedCode = (error: ParseResult.ParseError): string => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const field = issue?.path[0]
  return typeof field === "string" && field in OrderChange.fields
    ? `change.malformed:${kebab(field)}`
    : "change.malformed"
}

/**
 * Decodes a change. A malformed one fails permanently — the same record
 * cannot get better, so the host makes it a dead letter at once — with a code
 * naming the field.
 */
export const decode = (payload: unknown): Effect.Effect<OrderChange, PluginFailure.PluginFailure> =>
  Schema.decodeUnknown(OrderChange, { errors: "first" })(payload).pipe(
    Effect.mapError((error) => new PluginFailure.PluginFailure({ code: malformedCode(error), permanent: true })),
  )

/**
 * The host's update for a change from `source`. The change id is the update's
 * record id, so the host's service is idempotent on it.
 */
export const toOrderUpdate = (source: string, change: OrderChange): ProtectionOrderSync.OrderUpdate => ({
  source,
  recordId: change.changeId,
  orderReference: change.orderReference,
  status: change.status,
  at: change.decidedAt,
  ...(change.caseId === undefined ? {} : { caseId: change.caseId }),
  ...(change.orderKind === undefined ? {} : { kind: change.orderKind }),
  ...(change.expiresAt === undefined ? {} : { expiresAt: change.expiresAt }),
  ...(change.hearingAt === undefined ? {} : { hearingAt: change.hearingAt }),
})
