/**
 * The plugin's configuration, the `config` of its entry in the host
 * configuration:
 *
 * ```json
 * {
 *   "baseUrl": "https://court.example/api",
 *   "apiKey": "…",
 *   "apiKeyHeader": "x-api-key",
 *   "timeoutMillis": 10000
 * }
 * ```
 */
import { Schema } from "effect"

export const CourtConfig = Schema.Struct({
  /** The court API's base URL; the pull asks `{baseUrl}/orders/changes`. */
  baseUrl: Schema.String.pipe(Schema.pattern(/^https?:\/\/[^\s]+$/)),
  /** Sent in `apiKeyHeader` on every call; never logged. */
  apiKey: Schema.Redacted(Schema.String.pipe(Schema.minLength(1))),
  /** The header that carries the key; `x-api-key` by default. */
  apiKeyHeader: Schema.optionalWith(Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9-]{1,64}$/)), {
    default: () => "x-api-key",
  }),
  /**
   * How long one call to the court may take, headers and body, in
   * milliseconds (10 s by default). The host's own time limit on a pull
   * (30 s) still applies above it.
   */
  timeoutMillis: Schema.optionalWith(Schema.Int.pipe(Schema.between(100, 120_000)), { default: () => 10_000 }),
}).annotations({ identifier: "CourtConfig" })

export type CourtConfig = typeof CourtConfig.Type
