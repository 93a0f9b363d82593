/**
 * An incident is recorded on the case (`case.write`): its perpetrators are
 * alleged perpetrators of the case, and it cannot be in the future. The case's
 * new version, the incident and the outbox event (with the grounds for a
 * conference it gives) are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`, `NotFound` or
 * `Conflict` (`version.stale`).
 */
import { Id } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Case from "../Case"
import { RecordIncident } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as ConferenceEligibility from "../ConferenceEligibility"
import * as Incident from "../Incident"
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import type { Changing } from "../internal/Steps"

/** Records the incident and answers it. */
export const recordIncident: CaseUseCase.Of<typeof RecordIncident, Incident.Incident, Changing> = CaseChange.make({
  span: "CaseService.recordIncident",
  command: RecordIncident,
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const { place, sourceInstitution, sourceReference } = input
      const incident: Incident.Incident = {
        id: yield* Id.IncidentId.generate,
        occurredOn: input.occurredOn,
        municipality: input.municipality,
        ...(place === undefined ? {} : { place }),
        forms: input.forms,
        children: input.children,
        perpetrators: input.perpetrators,
        source: input.source,
        ...(sourceInstitution === undefined ? {} : { sourceInstitution }),
        ...(sourceReference === undefined ? {} : { sourceReference }),
        recordedAt: s.at,
      }
      const perpetrators = new Set<string>(
        aCase.persons.filter((p) => p.role === "alleged-perpetrator").map((p) => p.id),
      )
      yield* Incident.validate(incident, aCase.incidents.length, s.today, perpetrators)
      const updated: Case.Case = { ...aCase, incidents: [...aCase.incidents, incident] }
      return { incident, updated }
    }),
  write: ({ incident }, { aCase }) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) => cases.insertIncident(aCase.id, incident)),
      incident,
    ),
  events: ({ incident, updated }, { s }) => [
    {
      topic: "case.incident.recorded",
      payload: {
        incidentId: incident.id,
        occurredOn: incident.occurredOn,
        municipality: incident.municipality,
        forms: incident.forms,
        children: incident.children,
        source: incident.source,
        conferenceReasons: ConferenceEligibility.reasons(updated, s.at, s.profile),
      },
    },
  ],
})
