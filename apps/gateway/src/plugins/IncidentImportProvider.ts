/**
 * `incidents:import` over the case package: each imported record becomes an
 * incident of its case, recorded by the plugin's principal, once. The
 * provenance (plugin, source, record id, import time, incident id) is kept in
 * `plugin_imported_incidents`, whose key makes a re-delivered record a no-op.
 * The review queue records a proposed incident through the same `recordOnce`
 * when a coordinator chooses its case. `recordMany` (a plugin's page) records
 * through the case package's set-based `importIncidents`, with the same
 * provenance and the same answers.
 */
import { type CaseCommands, CaseService } from "@bashke/case"
import type { Errors, Id } from "@bashke/kernel"
import { Principal } from "@bashke/kernel"
import { SqlValues, Transaction } from "@bashke/persistence"
import { IncidentImport } from "@bashke/plugin-sdk"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option } from "effect"
import { actingAs, type PluginPrincipalSettings, PluginPrincipals } from "./PluginConfig"

// The plugin's strings are checked by the case service's own decoding (an
// unknown form is `InvalidInput` naming the field), so they are passed as given.
type Input = CaseCommands.RecordIncident

/**
 * Who records an incident: `principal` acts (the case package checks its
 * access); `settings.institution` is the plugin's, the institution that
 * reported it. For a plugin's own import both are the plugin's; for a review
 * item a coordinator resolves, the principal is the coordinator's.
 */
export interface Recorder {
  readonly principal: Principal.Principal
  readonly settings: Pick<PluginPrincipalSettings, "institution">
}

/** The incident a record of the plugin `pluginId` (its id) already became, and its case. */
export const provenanceOf = (
  pluginId: string,
  record: { readonly source: string; readonly recordId: string },
): Effect.Effect<
  Option.Option<{ readonly incidentId: Id.IncidentId; readonly caseId: Id.CaseId }>,
  never,
  SqlClient.SqlClient
> =>
  Effect.flatMap(SqlClient.SqlClient, (client) =>
    client.withoutTransforms()<{ readonly incident_id: string; readonly case_id: string }>`SELECT incident_id, case_id
      FROM plugin_imported_incidents
      WHERE plugin = ${pluginId} AND source = ${record.source} AND record_id = ${record.recordId}`.pipe(
      Effect.orDie,
      Effect.map((rows) =>
        Option.map(Option.fromNullable(rows[0]), (row) => ({
          incidentId: row.incident_id as Id.IncidentId,
          caseId: row.case_id as Id.CaseId,
        })),
      ),
    ),
  )

// What the case package records for an imported incident, reported by `actor`'s institution.
const commandOf = (incident: IncidentImport.ImportedIncident, actor: Recorder): Omit<Input, "expectedVersion"> => ({
  caseId: incident.caseId,
  occurredOn: incident.occurredOn,
  municipality: incident.municipality,
  forms: incident.forms as Input["forms"],
  children: (incident.children ?? "not-known") as Input["children"],
  ...(incident.place === undefined ? {} : { place: incident.place as NonNullable<Input["place"]> }),
  ...(incident.perpetrators === undefined ? {} : { perpetrators: incident.perpetrators }),
  source: "police-report",
  sourceInstitution: actor.settings.institution,
  ...(incident.sourceReference === undefined ? {} : { sourceReference: incident.sourceReference }),
})

/**
 * Records `incident` of the plugin `pluginId` as `actor`, once: a record
 * seen before answers `unchanged`; a new one is the incident and its
 * provenance in one transaction (joining the caller's).
 */
export const recordOnce = (
  pluginId: string,
  incident: IncidentImport.ImportedIncident,
  actor: Recorder,
): Effect.Effect<IncidentImport.Recorded, Errors.DomainError, CaseService.CaseService | SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const known = yield* provenanceOf(pluginId, incident)
    if (Option.isSome(known)) return { incidentId: known.value.incidentId, outcome: "unchanged" as const }
    const cases = yield* CaseService.CaseService
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    // One transaction: the incident and its provenance, or neither.
    return yield* Transaction.within(sql)(
      Effect.gen(function* () {
        const recorded = yield* cases
          .recordIncident(commandOf(incident, actor))
          .pipe(Effect.provideService(Principal.CurrentPrincipal, actor.principal))
        const at = yield* SqlValues.currentDate
        yield* sql`INSERT INTO plugin_imported_incidents
          (plugin, source, record_id, case_id, incident_id, imported_at)
          VALUES (${pluginId}, ${incident.source}, ${incident.recordId}, ${incident.caseId},
            ${recorded.id}, ${SqlValues.toSql(at)})`.pipe(Effect.orDie)
        return { incidentId: recorded.id, outcome: "created" as const }
      }),
    )
  })

// Rows a statement: well under SQLite's and PostgreSQL's parameter limits.
const chunk = 500

/** The incidents records of the plugin `pluginId` already became, by `source` and record id. */
const provenanceOfAll = (
  pluginId: string,
  records: ReadonlyArray<{ readonly source: string; readonly recordId: string }>,
): Effect.Effect<ReadonlyMap<string, Id.IncidentId>, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const known = new Map<string, Id.IncidentId>()
    const ids = [...new Set(records.map((record) => record.recordId))]
    for (let from = 0; from < ids.length; from += chunk) {
      const rows = yield* sql<{ readonly source: string; readonly record_id: string; readonly incident_id: string }>`
        SELECT source, record_id, incident_id FROM plugin_imported_incidents
        WHERE plugin = ${pluginId} AND ${sql.in("record_id", ids.slice(from, from + chunk))}`
      for (const row of rows) known.set(keyOf(row.source, row.record_id), row.incident_id as Id.IncidentId)
    }
    return known
  }).pipe(Effect.orDie)

const keyOf = (source: string, recordId: string): string => `${source}\u0000${recordId}`

/**
 * `recordOnce` for many incidents, set-based and all or none: the records
 * seen before (or earlier in the list) answer `unchanged`; the new ones are
 * recorded by the case package's `importIncidents` (one transaction, each
 * case read and claimed once, multi-row inserts) with their provenance rows,
 * joining the caller's transaction. One refused incident refuses them all.
 */
export const recordAllOnce = (
  pluginId: string,
  incidents: ReadonlyArray<IncidentImport.ImportedIncident>,
  actor: Recorder,
): Effect.Effect<
  ReadonlyArray<IncidentImport.Recorded>,
  Errors.DomainError,
  CaseService.CaseService | SqlClient.SqlClient
> =>
  Effect.gen(function* () {
    const known = yield* provenanceOfAll(pluginId, incidents)
    // The answer of each incident: known (an index into `fresh`, or the incident it became before).
    const fresh: Array<IncidentImport.ImportedIncident> = []
    const freshIndex = new Map<string, number>()
    const answers: Array<Id.IncidentId | number> = []
    for (const incident of incidents) {
      const key = keyOf(incident.source, incident.recordId)
      const before = known.get(key) ?? freshIndex.get(key)
      if (before !== undefined) answers.push(before)
      else {
        freshIndex.set(key, fresh.length)
        answers.push(fresh.length)
        fresh.push(incident)
      }
    }
    const cases = yield* CaseService.CaseService
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const recorded =
      fresh.length === 0
        ? []
        : yield* Transaction.within(sql)(
            Effect.gen(function* () {
              const written = yield* cases
                .importIncidents({ incidents: fresh.map((incident) => commandOf(incident, actor)) })
                .pipe(Effect.provideService(Principal.CurrentPrincipal, actor.principal))
              const at = SqlValues.toSql(yield* SqlValues.currentDate)
              const rows = fresh.map((incident, index) => ({
                plugin: pluginId,
                source: incident.source,
                record_id: incident.recordId,
                case_id: incident.caseId,
                incident_id: (written[index] as (typeof written)[number]).id,
                imported_at: at,
              }))
              for (let from = 0; from < rows.length; from += chunk)
                yield* sql`INSERT INTO plugin_imported_incidents ${sql.insert(rows.slice(from, from + chunk))}`.pipe(
                  Effect.orDie,
                )
              return written
            }),
          )
    // The first of a record in the list is `created`; the rest (and records seen before) `unchanged`.
    const created = new Set<number>()
    return answers.map((answer): IncidentImport.Recorded => {
      if (typeof answer !== "number") return { incidentId: answer, outcome: "unchanged" }
      const incidentId = (recorded[answer] as (typeof recorded)[number]).id
      if (created.has(answer)) return { incidentId, outcome: "unchanged" }
      created.add(answer)
      return { incidentId, outcome: "created" }
    })
  })

export const layer: Layer.Layer<
  IncidentImport.IncidentImport,
  never,
  CaseService.CaseService | SqlClient.SqlClient | PluginPrincipals
> = Layer.effect(
  IncidentImport.IncidentImport,
  Effect.gen(function* () {
    const context = yield* Effect.context<CaseService.CaseService | SqlClient.SqlClient>()
    const principals = yield* PluginPrincipals
    return {
      forPlugin: (plugin) => ({
        record: (incident) =>
          actingAs(principals, plugin.name).pipe(
            Effect.flatMap((actor) => recordOnce(plugin.id, incident, actor)),
            Effect.provide(context),
          ),
        recordMany: (incidents) =>
          actingAs(principals, plugin.name).pipe(
            Effect.flatMap((actor) => recordAllOnce(plugin.id, incidents, actor)),
            Effect.provide(context),
          ),
      }),
    }
  }),
)
