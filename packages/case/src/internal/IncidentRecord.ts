// What recording an incident writes, the same whether one is recorded
// (`recordIncident`) or a page of them (`importIncidents`): the incident from
// the command's fields, and its outbox event (ids and codes only, with the
// grounds for a conference the case has once the incident is in).
import type { Id } from "@bashke/kernel"
import type * as Case from "../Case"
import type { RecordIncident } from "../CaseCommands"
import * as ConferenceEligibility from "../ConferenceEligibility"
import type * as Incident from "../Incident"
import type { Event } from "./CaseChange"
import type { Situation } from "./Steps"

/** @internal The fields of a decoded `RecordIncident` an incident is made of. */
export type Fields = Omit<typeof RecordIncident.Type, "caseId" | "expectedVersion">

/** @internal The incident `input` records, with its id, recorded at `at`. */
export const incidentOf = (input: Fields, id: Id.IncidentId, at: Date): Incident.Incident => {
  const { place, sourceInstitution, sourceReference } = input
  return {
    id,
    occurredOn: input.occurredOn,
    municipality: input.municipality,
    ...(place === undefined ? {} : { place }),
    forms: input.forms,
    children: input.children,
    perpetrators: input.perpetrators,
    source: input.source,
    ...(sourceInstitution === undefined ? {} : { sourceInstitution }),
    ...(sourceReference === undefined ? {} : { sourceReference }),
    recordedAt: at,
  }
}

/** @internal The event of `incident`, recorded in the case `after` now is, in the situation `s`. */
export const recorded = (incident: Incident.Incident, after: Case.Case, s: Situation): Event => ({
  topic: "case.incident.recorded",
  payload: {
    incidentId: incident.id,
    occurredOn: incident.occurredOn,
    municipality: incident.municipality,
    forms: incident.forms,
    children: incident.children,
    source: incident.source,
    conferenceReasons: ConferenceEligibility.reasons(after, s.at, s.profile),
  },
})
