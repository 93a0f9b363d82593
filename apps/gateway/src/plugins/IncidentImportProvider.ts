/**
 * `incidents:import` over the case package: each imported record becomes an
 * incident of its case, recorded by the plugin's principal, once. The
 * provenance (plugin, source, record id, import time, incident id) is kept in
 * `plugin_imported_incidents`, whose key makes a re-delivered record a no-op.
 */
import { type CaseCommands, CaseService } from "@bashke/case"
import { type Id, Principal } from "@bashke/kernel"
import { SqlValues, Transaction } from "@bashke/persistence"
import { IncidentImport } from "@bashke/plugin-sdk"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { actingAs, PluginPrincipals } from "./PluginConfig"

// The plugin's strings are checked by the case service's own decoding (an
// unknown form is `InvalidInput` naming the field), so they are passed as given.
type Input = CaseCommands.RecordIncident

export const layer: Layer.Layer<
  IncidentImport.IncidentImport,
  never,
  CaseService.CaseService | SqlClient.SqlClient | PluginPrincipals
> = Layer.effect(
  IncidentImport.IncidentImport,
  Effect.gen(function* () {
    const cases = yield* CaseService.CaseService
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const principals = yield* PluginPrincipals

    const previous = (plugin: string, incident: IncidentImport.ImportedIncident) =>
      sql<{ readonly incident_id: string }>`SELECT incident_id FROM plugin_imported_incidents
        WHERE plugin = ${plugin} AND source = ${incident.source} AND record_id = ${incident.recordId}`.pipe(
        Effect.orDie,
        Effect.map((rows) => rows[0]?.incident_id),
      )

    return {
      forPlugin: (plugin) => ({
        record: (incident) =>
          Effect.gen(function* () {
            const { principal } = yield* actingAs(principals, plugin.name)
            const known = yield* previous(plugin.id, incident)
            if (known !== undefined) return { incidentId: known as Id.IncidentId, outcome: "unchanged" as const }
            // One transaction: the incident and its provenance, or neither.
            return yield* Transaction.within(sql)(
              Effect.gen(function* () {
                const recorded = yield* cases
                  .recordIncident({
                    caseId: incident.caseId,
                    occurredOn: incident.occurredOn,
                    municipality: incident.municipality,
                    forms: incident.forms as Input["forms"],
                    children: (incident.children ?? "not-known") as Input["children"],
                    ...(incident.place === undefined ? {} : { place: incident.place as NonNullable<Input["place"]> }),
                    ...(incident.perpetrators === undefined ? {} : { perpetrators: incident.perpetrators }),
                    source: "police-report",
                    sourceInstitution: principal.institution,
                    ...(incident.sourceReference === undefined ? {} : { sourceReference: incident.sourceReference }),
                  })
                  .pipe(Effect.provideService(Principal.CurrentPrincipal, principal))
                const at = yield* SqlValues.currentDate
                yield* sql`INSERT INTO plugin_imported_incidents
                  (plugin, source, record_id, case_id, incident_id, imported_at)
                  VALUES (${plugin.id}, ${incident.source}, ${incident.recordId}, ${incident.caseId},
                    ${recorded.id}, ${SqlValues.toSql(at)})`.pipe(Effect.orDie)
                return { incidentId: recorded.id, outcome: "created" as const }
              }),
            )
          }),
      }),
    }
  }),
)
