/**
 * The upstream identity of an imported record: the source it came from and
 * its id there. Every write a plugin makes through a capability carries one,
 * and the host's services are idempotent on it (with the plugin's name): the
 * same record applied twice changes nothing the second time.
 */
import { Schema } from "effect"

/**
 * A source name: lower-case letters, digits and `. _ : -`, 1 to 100 characters
 * (`incidents-api`, `csv`, `court:webhook`).
 */
export const SourceName = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9][a-z0-9._:-]{0,99}$/),
  Schema.annotations({ identifier: "PluginSourceName" }),
)

/**
 * A record's upstream id: 1 to 200 printable ASCII characters, no spaces. It
 * is stored and logged, so it must not be personal data (a report number is
 * fine; a personal number is not).
 */
export const RecordId = Schema.String.pipe(
  Schema.pattern(/^[\x21-\x7e]{1,200}$/),
  Schema.annotations({ identifier: "PluginRecordId" }),
)

export const RecordRef = Schema.Struct({
  source: SourceName,
  recordId: RecordId,
}).annotations({ identifier: "PluginRecordRef" })

export type RecordRef = typeof RecordRef.Type
