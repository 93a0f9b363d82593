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
import * as CaseUseCase from "../internal/CaseUseCase"
import { admit, type Changing, claim, emit, loadCase } from "../internal/Steps"

/** Records the incident and answers it. */
export const recordIncident: CaseUseCase.Of<typeof RecordIncident, Incident.Incident, Changing> = CaseUseCase.change({
  span: "CaseService.recordIncident",
  command: RecordIncident,
  load: (input) => loadCase(input.caseId),
  decide: (loaded, input) =>
    Effect.gen(function* () {
      const { aCase, s } = loaded
      yield* admit(loaded)
      const incident: Incident.Incident = {
        id: yield* Id.IncidentId.generate,
        occurredOn: input.occurredOn,
        municipality: input.municipality,
        ...(input.place === undefined ? {} : { place: input.place }),
        forms: input.forms,
        children: input.children,
        perpetrators: input.perpetrators,
        source: input.source,
        ...(input.sourceInstitution === undefined ? {} : { sourceInstitution: input.sourceInstitution }),
        ...(input.sourceReference === undefined ? {} : { sourceReference: input.sourceReference }),
        recordedAt: s.at,
      }
      const perpetrators = new Set<string>(
        aCase.persons.filter((p) => p.role === "alleged-perpetrator").map((p) => p.id),
      )
      yield* Incident.validate(incident, aCase.incidents.length, s.today, perpetrators)
      const updated: Case.Case = { ...aCase, incidents: [...aCase.incidents, incident] }
      return { incident, updated }
    }),
  write: ({ incident, updated }, { aCase, s }, input) =>
    Effect.gen(function* () {
      yield* claim(updated, input.expectedVersion, aCase)
      yield* (yield* CaseRepository).insertIncident(aCase.id, incident)
      yield* emit("case.incident.recorded", aCase.id, {
        incidentId: incident.id,
        occurredOn: incident.occurredOn,
        municipality: incident.municipality,
        forms: incident.forms,
        children: incident.children,
        source: incident.source,
        conferenceReasons: ConferenceEligibility.reasons(updated, s.at, s.profile),
      })
      return incident
    }),
})
