/**
 * The limits an operator sets on documents: the largest file accepted and the
 * media types accepted (a subset of `DocumentType.MediaType`). They are
 * operational, not legal, numbers, so they live in configuration rather than
 * in the jurisdiction profile:
 *
 * - `BASHKE_DOCUMENT_MAX_BYTES`: default 64 MiB (a scanned court file of a few
 *   hundred pages; a phone's photo is a few MiB);
 * - `BASHKE_DOCUMENT_TYPES`: a comma list, default every type the bytes can be
 *   told as (PDF, JPEG, PNG, ODT);
 * - `BASHKE_DOCUMENT_ABANDONED_AFTER`: how long an upload may go untouched
 *   before its process counts as dead and its chunks are swept (ADR 0024),
 *   default one hour.
 *
 * Without a layer, the defaults hold (a `Context.Reference`).
 */
import { Config, type ConfigError, Context, Duration, Effect, Layer, Schema } from "effect"
import { MediaType } from "./DocumentType"

export interface Settings {
  /** The largest document accepted, in bytes. */
  readonly maxBytes: number
  /** The media types accepted. */
  readonly mediaTypes: ReadonlyArray<MediaType>
  /** How long an upload goes untouched before it counts as abandoned (one hour when not given). */
  readonly abandonedAfter?: Duration.Duration
}

/**
 * The default limits: 64 MiB, every known type.
 */
export const defaults: Settings = {
  maxBytes: 64 * 1024 * 1024,
  mediaTypes: MediaType.literals,
  abandonedAfter: Duration.hours(1),
}

/**
 * How long an upload goes untouched before it counts as abandoned.
 */
export const abandonedAfterOf = (settings: Settings): Duration.Duration => settings.abandonedAfter ?? Duration.hours(1)

export class DocumentSettings extends Context.Reference<DocumentSettings>()("@bashke/case/DocumentSettings", {
  defaultValue: (): Settings => defaults,
}) {}

/**
 * The settings from `BASHKE_DOCUMENT_MAX_BYTES` and `BASHKE_DOCUMENT_TYPES`,
 * each defaulting when unset. An unknown type or a size below one byte fails
 * the start, naming the variable.
 */
export const config: Config.Config<Settings> = Config.all({
  maxBytes: Config.integer("BASHKE_DOCUMENT_MAX_BYTES").pipe(
    Config.validate({
      message: "BASHKE_DOCUMENT_MAX_BYTES must be a positive number of bytes",
      validation: (n) => n > 0,
    }),
    Config.withDefault(defaults.maxBytes),
  ),
  mediaTypes: Config.array(Config.string(), "BASHKE_DOCUMENT_TYPES").pipe(
    Config.validate({
      message: `BASHKE_DOCUMENT_TYPES must list some of ${MediaType.literals.join(", ")}`,
      validation: (types) => types.length > 0 && types.every(Schema.is(MediaType)),
    }),
    Config.map((types) => types as ReadonlyArray<MediaType>),
    Config.withDefault(defaults.mediaTypes),
  ),
  abandonedAfter: Config.duration("BASHKE_DOCUMENT_ABANDONED_AFTER").pipe(
    Config.validate({
      message: "BASHKE_DOCUMENT_ABANDONED_AFTER must be a duration of at least one second",
      validation: (duration) => Duration.greaterThanOrEqualTo(duration, Duration.seconds(1)),
    }),
    Config.withDefault(abandonedAfterOf(defaults)),
  ),
})

/**
 * The settings from configuration ({@link config}).
 */
export const layerConfig: Layer.Layer<DocumentSettings, ConfigError.ConfigError> = Layer.effect(
  DocumentSettings,
  Effect.map(config, (settings) => settings),
)

/**
 * Given settings (tests, an embedding application).
 */
export const layer = (settings: Settings): Layer.Layer<DocumentSettings> => Layer.succeed(DocumentSettings, settings)
