/**
 * The court's push of order changes:
 *
 * ```
 * POST /v1/plugins/court/orders/changes
 * X-Bashke-Timestamp: <Unix seconds>
 * X-Bashke-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>." + raw body)>
 *
 * { …OrderChange… }  or  { "changes": [ … ] }  or  [ … ]
 * → 202 { "accepted": <number of changes> }
 * ```
 *
 * The host checks the signature before this runs and stores the returned
 * records in the inbox before it answers (a `503` means: send it again —
 * a repeat is harmless).
 */
import type { Hooks } from "@bashke/plugin-sdk"
import { Effect } from "effect"
import * as ChangeRecords from "./ChangeRecords"

/**
 * The changes a body carries, or `undefined` when it is neither a change, a
 * batch nor a list.
 */
export const changesOf = (body: unknown): ReadonlyArray<unknown> | undefined => {
  if (Array.isArray(body)) return body
  if (typeof body !== "object" || body === null) return undefined
  const batch = (body as { changes?: unknown }).changes
  if (batch === undefined) return [body]
  return Array.isArray(batch) ? batch : undefined
}

/**
 * Answers a verified call: `202` with the changes as inbox records, or `400`
 * (`webhook.body-malformed`) for a body that is not JSON or carries no change.
 */
export const handle = (request: Hooks.WebhookRequest): Effect.Effect<Hooks.WebhookResponse> => {
  const changes = changesOf(request.json())
  if (changes === undefined) return Effect.succeed({ status: 400, body: { code: "webhook.body-malformed" } })
  return Effect.map(ChangeRecords.toRecords(changes), (records) => ({
    status: 202,
    body: { accepted: records.length },
    records,
  }))
}
