/**
 * Many incidents recorded at once (a plugin's import: a page of police
 * reports), each exactly as `recordIncident` records it — the same
 * admission on its case (`case.write`: the principal on the case's team, the
 * case of its mechanisms, neither erased nor closed), the same rules, the
 * same incident row and the same outbox event — in one transaction and
 * set-based: each case read once and decided once, its new version claimed
 * once, the incidents and the events written in multi-row statements. The
 * statistics facts follow from the rows by trigger (ADR 0019, 0029): on
 * PostgreSQL once per statement for all its cases.
 *
 * All or nothing: a refusal of any incident (its case's admission first,
 * then the rules in the order of the incidents) refuses the whole import and
 * nothing is written; a caller that wants the others
 * recorded records them one by one (the plugin host does, ADR 0028).
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`, `NotFound` or
 * `Conflict` (`version.stale`).
 */
import { Errors, Id, Principal } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import { Effect, Either } from "effect"
import type * as Case from "../Case"
import { ImportIncidents } from "../CaseCommands"
import { aggregateType } from "../CaseEvents"
import { CaseRepository } from "../CaseRepository"
import type * as Incident from "../Incident"
import * as CaseUseCase from "../internal/CaseUseCase"
import * as IncidentRecord from "../internal/IncidentRecord"
import * as IncidentSeries from "../internal/IncidentSeries"
import { admit, type Changing, type Situation, situation } from "../internal/Steps"

/** The incidents recorded, in the order given. */
export const importIncidents: CaseUseCase.Of<
  typeof ImportIncidents,
  ReadonlyArray<Incident.Incident>,
  Changing
> = CaseUseCase.change({
  span: "CaseService.importIncidents",
  command: ImportIncidents,
  // Every case once; one of another mechanism is, to the caller, a case that does not exist.
  load: ({ incidents }) =>
    Effect.gen(function* () {
      const principal = yield* Principal.CurrentPrincipal
      const ids = [...new Set(incidents.map((incident) => incident.caseId))]
      const cases = new Map<string, Case.Case>()
      for (const aCase of yield* (yield* CaseRepository).findMany(ids))
        if (Principal.belongsTo(principal, aCase.mechanismId)) cases.set(aCase.id, aCase)
      const situations = new Map<string, Situation>()
      for (const aCase of cases.values())
        if (!situations.has(aCase.mechanismId)) situations.set(aCase.mechanismId, yield* situation(aCase.mechanismId))
      return { cases, situations }
    }),
  decide: ({ cases, situations }, { incidents }) =>
    Effect.gen(function* () {
      const situationOf = (aCase: Case.Case) => situations.get(aCase.mechanismId) as Situation
      // Each case admitted once, in the order its first incident comes.
      const admitted = new Set<string>()
      const entries: Array<IncidentSeries.Entry> = []
      // The incidents' ids in one draw (an effect per id cost more than the id).
      const ids = yield* Id.nextMany(incidents.length)
      for (const [index, input] of incidents.entries()) {
        const aCase = cases.get(input.caseId)
        if (aCase === undefined) return yield* new Errors.NotFound({ entity: "Case", id: input.caseId })
        const s = situationOf(aCase)
        if (!admitted.has(aCase.id)) {
          yield* admit({ aCase, s })
          admitted.add(aCase.id)
        }
        entries.push({
          caseId: aCase.id,
          incident: IncidentRecord.incidentOf(
            { ...input, perpetrators: input.perpetrators ?? [] },
            ids[index] as Id.IncidentId,
            s.at,
          ),
        })
      }
      const decided = IncidentSeries.decide(cases, entries, (aCase) => situationOf(aCase).today)
      if (Either.isLeft(decided)) return yield* decided.left
      return { entries, decided: decided.right }
    }),
  write: ({ entries, decided }, { cases, situations }) =>
    Effect.gen(function* () {
      const repository = yield* CaseRepository
      // Each case's new version, claimed against the version read, in one statement: an
      // incident changes no column of the case row, only its version.
      yield* repository.claimVersions(
        [...decided.cases.keys()].map((caseId) => {
          const aCase = cases.get(caseId) as Case.Case
          return { id: aCase.id, version: aCase.version }
        }),
      )
      yield* repository.insertIncidents(entries)
      yield* Outbox.appendAll(
        decided.accepted.map(({ incident, after }) => {
          const event = IncidentRecord.recorded(incident, after, situations.get(after.mechanismId) as Situation)
          // As `emit` writes a case's event: the case first, then the event's own fields.
          return {
            topic: event.topic,
            aggregateType,
            aggregateId: after.id,
            payload: { caseId: after.id, ...event.payload },
          }
        }),
      )
      return decided.accepted.map(({ incident }) => incident)
    }),
})
