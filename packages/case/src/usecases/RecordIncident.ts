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
import { RecordIncident } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import type * as Incident from "../Incident"
import * as CaseChange from "../internal/CaseChange"
import type * as CaseUseCase from "../internal/CaseUseCase"
import * as IncidentRecord from "../internal/IncidentRecord"
import * as IncidentSeries from "../internal/IncidentSeries"
import type { Changing } from "../internal/Steps"

/** Records the incident and answers it. */
export const recordIncident: CaseUseCase.Of<typeof RecordIncident, Incident.Incident, Changing> = CaseChange.make({
  span: "CaseService.recordIncident",
  command: RecordIncident,
  decide: ({ aCase, s }, input) =>
    Effect.gen(function* () {
      const incident = IncidentRecord.incidentOf(input, yield* Id.IncidentId.generate, s.at)
      // A series of one: the rules an import decides its page by (`importIncidents`).
      const [accepted] = (yield* IncidentSeries.decide(
        new Map([[aCase.id, aCase]]),
        [{ caseId: aCase.id, incident }],
        () => s.today,
      )).accepted
      return { incident, updated: (accepted as IncidentSeries.Accepted).after }
    }),
  write: ({ incident }, { aCase }) =>
    Effect.as(
      Effect.flatMap(CaseRepository, (cases) => cases.insertIncident(aCase.id, incident)),
      incident,
    ),
  events: ({ incident, updated }, { s }) => [IncidentRecord.recorded(incident, updated, s)],
})
