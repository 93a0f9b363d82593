/**
 * Applies one imported police report: decode it, find the victim's case by
 * the personal number's blind index, then
 *
 * - `Matched` → record the incident in that case (the host stamps the
 *   provenance: this plugin, the source, the report id, the import time);
 * - `Uncertain` → the review queue, with the candidates: a person decides,
 *   nothing is merged automatically;
 * - `NoMatch` → the review queue (`no-match`): a caseworker decides whether
 *   to open a case. The plugin never opens one itself — opening a case is a
 *   decision about a survivor (consent, the right mechanism, whether a case
 *   already exists under another name) that a police report alone cannot make.
 *
 * Both review items carry the incident as a proposal: once a person chooses
 * the case, the host records it there under this record's id, exactly as a
 * match would have (so the report arriving again is not a second incident).
 * The perpetrator is left out: the person the report names is not certain.
 *
 * Idempotent by source and report id: the capability services are, so a
 * record applied twice (after a crash) changes nothing the second time.
 */
import type { Errors, Id } from "@bashke/kernel"
import type { Hooks, IncidentImport, PersonMatch, PluginFailure, ReviewQueue } from "@bashke/plugin-sdk"
import { Effect, Either, type Types } from "effect"
import * as PoliceFailure from "./PoliceFailure"
import * as PoliceRecord from "./PoliceRecord"

/**
 * The capability services the import uses.
 */
export interface Services {
  readonly incidents: IncidentImport.Service
  readonly persons: PersonMatch.Service
  readonly reviewQueue: ReviewQueue.Service
}

/**
 * What became of a report.
 */
export type Outcome = "recorded" | "review:uncertain" | "review:no-match"

/**
 * The incident a report records, without its case: what a match records
 * (with the case) and what a review item proposes.
 */
export const incidentOf = (
  source: string,
  recordId: string,
  report: PoliceRecord.PoliceRecord,
): Omit<IncidentImport.ImportedIncident, "caseId" | "perpetrators"> => {
  // Assigned rather than spread in: this runs for every imported report, and
  // conditional spreads cost about a microsecond each there.
  const incident: Types.Mutable<Omit<IncidentImport.ImportedIncident, "caseId" | "perpetrators">> = {
    source,
    recordId,
    occurredOn: report.occurredOn,
    municipality: report.municipality,
    forms: report.forms,
  }
  if (report.children !== undefined) incident.children = report.children
  if (report.place !== undefined) incident.place = report.place
  if (report.reportNumber !== undefined) incident.sourceReference = report.reportNumber
  return incident
}

const queryOf = (person: PoliceRecord.ReportedPerson): PersonMatch.PersonQuery => {
  const query: Types.Mutable<PersonMatch.PersonQuery> = {}
  if (person.personalNumber !== undefined) query.personalNumber = person.personalNumber
  if (person.givenName !== undefined) query.givenName = person.givenName
  if (person.familyName !== undefined) query.familyName = person.familyName
  if (person.birthDate !== undefined) query.birthDate = person.birthDate
  return query
}

/**
 * The review reasons.
 */
export const reasons = { uncertain: "person.match-uncertain", noMatch: "no-match" } as const

/**
 * Applies one inbox record. Written with `flatMap` rather than `Effect.gen`:
 * it runs once per imported report, and the generator's cost showed in the
 * import benchmark.
 */
export const apply =
  (services: Services) =>
  (record: Hooks.InboxRecord): Effect.Effect<Outcome, PluginFailure.PluginFailure | Errors.DomainError> => {
    const payload = record.payload
    if (typeof payload === "object" && payload !== null && "csvColumns" in payload)
      return Effect.fail(PoliceFailure.malformed("csv-columns"))
    const decoded = PoliceRecord.decode(payload)
    if (Either.isLeft(decoded)) return Effect.fail(PoliceFailure.malformed(decoded.left))
    const report = decoded.right
    const source = record.source
    const recordId = record.recordId
    const incident = incidentOf(source, recordId, report)
    const proposal = { _tag: "Incident", incident } as const
    return Effect.flatMap(services.persons.match(queryOf(report.victim)), (match) => {
      switch (match._tag) {
        case "Uncertain":
          return Effect.as(
            services.reviewQueue.submit({
              source,
              recordId,
              reason: reasons.uncertain,
              candidates: match.candidates,
              details: payload,
              proposal,
            }),
            "review:uncertain" as const,
          )
        case "NoMatch":
          return Effect.as(
            services.reviewQueue.submit({ source, recordId, reason: reasons.noMatch, details: payload, proposal }),
            "review:no-match" as const,
          )
        case "Matched":
          return Effect.flatMap(perpetratorIn(services, report, match.caseId), (perpetrators) =>
            Effect.as(
              services.incidents.record(
                perpetrators.length === 0
                  ? { ...incident, caseId: match.caseId }
                  : { ...incident, caseId: match.caseId, perpetrators },
              ),
              "recorded" as const,
            ),
          )
      }
    })
  }

/**
 * Applies a page of inbox records, in order, stopping at the first that
 * fails: the host runs the page in one transaction and, on a failure, rolls
 * it back and applies each record through {@link apply} instead.
 */
export const applyAll =
  (services: Services) =>
  (records: ReadonlyArray<Hooks.InboxRecord>): Effect.Effect<void, PluginFailure.PluginFailure | Errors.DomainError> =>
    Effect.forEach(records, apply(services), { discard: true })

const none: ReadonlyArray<Id.PersonId> = []

// The perpetrator is linked only when the host is certain it is a person of
// the same case; otherwise the incident is recorded without the link.
const perpetratorIn = (
  services: Services,
  report: PoliceRecord.PoliceRecord,
  caseId: Id.CaseId,
): Effect.Effect<ReadonlyArray<Id.PersonId>, Errors.DomainError> => {
  const perpetrator = report.perpetrator
  if (perpetrator?.personalNumber === undefined) return Effect.succeed(none)
  return Effect.map(services.persons.match(queryOf(perpetrator)), (match) =>
    match._tag === "Matched" && match.caseId === caseId ? [match.personId] : none,
  )
}
