/**
 * The failure codes of the police plugin. Codes only: the host stores and
 * logs them, and a message could quote a record.
 */
import { PluginFailure } from "@bashke/plugin-sdk"

/**
 * A record that does not decode: permanent (a dead letter at once), naming the
 * field (`record.malformed:victim.birth-date`).
 */
export const malformed = (field: string): PluginFailure.PluginFailure =>
  new PluginFailure.PluginFailure({ code: `record.malformed:${field}`, permanent: true })

/**
 * The police API could not be reached, timed out, or answered a status
 * worth retrying: transient.
 */
export const unavailable = (code: string): PluginFailure.PluginFailure => new PluginFailure.PluginFailure({ code })

/**
 * The police API refused the request for good (a 4xx other than 408 and
 * 429): permanent.
 */
export const refused = (code: string): PluginFailure.PluginFailure =>
  new PluginFailure.PluginFailure({ code, permanent: true })
