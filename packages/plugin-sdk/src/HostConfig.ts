/**
 * The host's configuration: which plugins run, what each is granted, its own
 * configuration, its webhook secrets, and its limits. Decode it from JSON
 * (a file, an environment variable) with {@link decode}; durations are
 * milliseconds there, `Duration`s once decoded; secrets become `Redacted`.
 *
 * ```json
 * {
 *   "plugins": [
 *     {
 *       "package": "@bashke/plugin-police",
 *       "grant": ["schedule:pull", "incidents:import", "persons:match", "review-queue:write"],
 *       "config": { "baseUrl": "https://police.example/api" },
 *       "webhook": { "secrets": ["…"] },
 *       "timeouts": { "pull": 30000 },
 *       "breaker": { "threshold": 5, "coolDown": 30000 }
 *     }
 *   ]
 * }
 * ```
 */
import { Duration, Effect, Either, ParseResult, Schema } from "effect"
import { Capability } from "./Capability"
import { PluginStartError } from "./PluginStartError"

const Millis = Schema.DurationFromMillis
const Positive = Schema.Int.pipe(Schema.positive())

/**
 * Time limits per hook kind.
 */
export const Timeouts = Schema.Struct({
  setup: Schema.optional(Millis),
  pull: Schema.optional(Millis),
  process: Schema.optional(Millis),
  event: Schema.optional(Millis),
  webhook: Schema.optional(Millis),
})

export type Timeouts = typeof Timeouts.Type

/**
 * The defaults: setup 10 s, a pull 30 s, processing one record 5 s, one event
 * 10 s, a webhook 5 s.
 */
export const defaultTimeouts: { readonly [K in keyof Timeouts]-?: Duration.Duration } = {
  setup: Duration.seconds(10),
  pull: Duration.seconds(30),
  process: Duration.seconds(5),
  event: Duration.seconds(10),
  webhook: Duration.seconds(5),
}

/**
 * How failed records and events are retried (exponential backoff, as the
 * outbox's `RetryPolicy`) before they become dead letters.
 */
export const Retry = Schema.Struct({
  maxAttempts: Schema.optional(Positive),
  initialDelay: Schema.optional(Millis),
  factor: Schema.optional(Schema.Number.pipe(Schema.greaterThanOrEqualTo(1))),
  maxDelay: Schema.optional(Millis),
})

export type Retry = typeof Retry.Type

/**
 * One plugin's settings. `package` is the npm name (and the manifest's
 * `name`); `grant` the capabilities the plugin may use; `config` what its
 * manifest's schema decodes. `enabled: false` keeps it installed but stopped.
 */
export const PluginSettings = Schema.Struct({
  package: Schema.String,
  enabled: Schema.optional(Schema.Boolean),
  grant: Schema.Array(Capability),
  config: Schema.optional(Schema.Unknown),
  webhook: Schema.optional(
    Schema.Struct({
      /** The signing secrets: the first signs nothing here, every one is accepted (rotation). */
      secrets: Schema.NonEmptyArray(Schema.Redacted(Schema.String.pipe(Schema.minLength(16)))),
      toleranceSeconds: Schema.optional(Positive),
    }),
  ),
  timeouts: Schema.optional(Timeouts),
  breaker: Schema.optional(
    Schema.Struct({
      threshold: Schema.optional(Positive),
      coolDown: Schema.optional(Millis),
    }),
  ),
  retry: Schema.optional(Retry),
  /** Per pull (by name): how often it runs, instead of the plugin's own `every`. */
  pulls: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Struct({ every: Millis }) })),
})

export type PluginSettings = typeof PluginSettings.Type

/**
 * The whole configuration.
 *
 * - `pollInterval`: how often the host looks for due records and events (5 s);
 * - `settle`: how long an outbox event may take to commit after its id was
 *   made (60 s): a subscription's position never passes an event younger
 *   than this, so a slow transaction's event is not skipped;
 * - `deadLetterThreshold`: dead letters at which a plugin shows as degraded (10);
 * - `batchSize`: records or events handled per pass (500).
 */
export const HostConfig = Schema.Struct({
  plugins: Schema.Array(PluginSettings),
  pollInterval: Schema.optional(Millis),
  settle: Schema.optional(Millis),
  deadLetterThreshold: Schema.optional(Positive),
  batchSize: Schema.optional(Positive),
})

export type HostConfig = typeof HostConfig.Type

/**
 * The path and kind of the first problem of a parse error: `{ field:
 * "plugins.0.grant.1", problem: "invalid" }`. Never the value.
 */
export const firstProblem = (
  error: ParseResult.ParseError,
): { readonly field: string; readonly problem: "missing" | "invalid" | "unexpected" } => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const field = issue === undefined || issue.path.length === 0 ? "(root)" : issue.path.map(String).join(".")
  const problem = issue?._tag === "Missing" ? "missing" : issue?._tag === "Unexpected" ? "unexpected" : "invalid"
  return { field, problem }
}

/**
 * Decodes the configuration; a problem stops the host with an error naming
 * the field (`plugins.0.webhook.secrets.0 is invalid`), never its value.
 */
export const decode = (input: unknown): Effect.Effect<HostConfig, PluginStartError> =>
  Either.match(Schema.decodeUnknownEither(HostConfig, { onExcessProperty: "error" })(input), {
    onLeft: (error) => {
      const { field, problem } = firstProblem(error)
      return Effect.fail(
        new PluginStartError({
          plugin: "(host configuration)",
          reason: "config-invalid",
          field,
          detail: `${field} is ${problem}`,
        }),
      )
    },
    onRight: Effect.succeed,
  })
