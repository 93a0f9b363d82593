/**
 * `incidents:import` — record incidents reported upstream (a police report)
 * in a case. The host application implements it with the case package; the
 * plugin sees it as `context.incidents`.
 *
 * Idempotent on the record: the same `(plugin, source, recordId)` recorded
 * again answers `unchanged` (or `updated` when the upstream record changed),
 * never a second incident. Provenance — the plugin, the source, the record id
 * and the import time — is stamped by the host on what it writes.
 */
import { CivilDate, type Errors, Id, Municipality } from "@bashke/kernel"
import { Context, Effect, Schema } from "effect"
import type { CapabilityProvider } from "./PluginIdentity"
import { RecordId, SourceName } from "./RecordRef"

/**
 * An incident to record. The codes (`forms`, `place`, `children`) are the case
 * package's (`physical`, `home`, `witnessed`, …): the host decodes them with
 * its schemas and answers `InvalidInput` for one it does not know.
 */
export const ImportedIncident = Schema.Struct({
  source: SourceName,
  recordId: RecordId,
  caseId: Id.CaseId,
  occurredOn: CivilDate.CivilDate,
  municipality: Municipality.MunicipalityCode,
  forms: Schema.NonEmptyArray(Schema.String),
  children: Schema.optional(Schema.String),
  place: Schema.optional(Schema.String),
  perpetrators: Schema.optional(Schema.Array(Id.PersonId)),
  /** The upstream's own reference (report number): letters, digits and `/ - .`. */
  sourceReference: Schema.optional(Schema.String),
}).annotations({ identifier: "PluginImportedIncident" })

export type ImportedIncident = typeof ImportedIncident.Type

/**
 * What recording did: `created` a new incident, `updated` the one this record
 * created before, or left it `unchanged`.
 */
export const Recorded = Schema.Struct({
  incidentId: Id.IncidentId,
  outcome: Schema.Literal("created", "updated", "unchanged"),
}).annotations({ identifier: "PluginIncidentRecorded" })

export type Recorded = typeof Recorded.Type

export interface Service {
  readonly record: (incident: ImportedIncident) => Effect.Effect<Recorded, Errors.DomainError>
  /**
   * The batch form (optional; a host without it is asked {@link Service.record}
   * once per incident, see {@link recordAll}): the incidents in order, all or
   * none — one answer each, what `record` would have answered had they been
   * recorded one after another (a record seen before, or twice in the list,
   * `unchanged`); any refusal refuses the whole call and writes nothing. Run
   * in a `processBatch`, a refusal rolls the page back and the host applies
   * it record by record, so only the refused record fails (ADR 0028).
   */
  readonly recordMany?: (
    incidents: ReadonlyArray<ImportedIncident>,
  ) => Effect.Effect<ReadonlyArray<Recorded>, Errors.DomainError>
}

/**
 * Records `incidents`, in order: the host's `recordMany` when it has one,
 * otherwise `record` for each. What a plugin's `processBatch` calls.
 */
export const recordAll = (
  service: Service,
  incidents: ReadonlyArray<ImportedIncident>,
): Effect.Effect<ReadonlyArray<Recorded>, Errors.DomainError> =>
  incidents.length === 0
    ? Effect.succeed([])
    : service.recordMany !== undefined
      ? service.recordMany(incidents)
      : Effect.forEach(incidents, service.record)

/**
 * The host application's provider of the capability.
 */
export class IncidentImport extends Context.Tag("@bashke/plugin-sdk/IncidentImport")<
  IncidentImport,
  CapabilityProvider<Service>
>() {}
