/**
 * The failure codes of the police plugin. Codes only: the host stores and
 * logs them, and a message could quote a record.
 *
 * @since 0.1.0
 */
import { PluginFailure } from "@bashke/plugin-sdk"

/**
 * A record that does not decode: permanent (a dead letter at once), naming the
 * field (`record.malformed:victim.birth-date`).
 *
 * @since 0.1.0
 */
export const malformed = (field: string): PluginFailure.PluginFailure =>
  new PluginFailure.PluginFailure({ code: `record.malformed:${field}`, permanent: true })

/**
 * The police API could not be reached, timed out, or answered a status
 * worth retrying: transient.
 *
 * @since 0.1.0
 */
export const unavailable = (code: string): PluginFailure.PluginFailure => new PluginFailure.PluginFailure({ code })

/**
 * The police API refused the request for good (a 4xx other than 408 and
 * 429): permanent.
 *
 * @since 0.1.0
 */
export const refused = (code: string): PluginFailure.PluginFailure =>
  new PluginFailure.PluginFailure({ code, permanent: true })
