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
import { type Hooks, IncidentImport, PersonMatch, type PluginFailure, type ReviewQueue } from "@bashke/plugin-sdk"
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

// The report a record holds, or the failure that makes it a dead letter.
const reportOf = (record: Hooks.InboxRecord): Either.Either<PoliceRecord.PoliceRecord, PluginFailure.PluginFailure> => {
  const payload = record.payload
  if (typeof payload === "object" && payload !== null && "csvColumns" in payload)
    return Either.left(PoliceFailure.malformed("csv-columns"))
  return Either.mapLeft(PoliceRecord.decode(payload), PoliceFailure.malformed)
}

// What an unmatched or uncertain report becomes: a review item carrying the incident as a proposal.
const reviewOf = (
  record: Hooks.InboxRecord,
  incident: ReturnType<typeof incidentOf>,
  match: Exclude<PersonMatch.MatchResult, { readonly _tag: "Matched" }>,
): ReviewQueue.ReviewItem => {
  const proposal = { _tag: "Incident", incident } as const
  const { source, recordId, payload } = record
  return match._tag === "Uncertain"
    ? { source, recordId, reason: reasons.uncertain, candidates: match.candidates, details: payload, proposal }
    : { source, recordId, reason: reasons.noMatch, details: payload, proposal }
}

// The incident of a matched report, with the perpetrator when the host is
// certain it is a person of the same case (otherwise recorded without the link).
const matchedIncident = (
  incident: ReturnType<typeof incidentOf>,
  caseId: Id.CaseId,
  perpetrator: PersonMatch.MatchResult | undefined,
): IncidentImport.ImportedIncident =>
  perpetrator?._tag === "Matched" && perpetrator.caseId === caseId
    ? { ...incident, caseId, perpetrators: [perpetrator.personId] }
    : { ...incident, caseId }

/**
 * Applies one inbox record. Written with `flatMap` rather than `Effect.gen`:
 * it runs once per imported report, and the generator's cost showed in the
 * import benchmark.
 */
export const apply =
  (services: Services) =>
  (record: Hooks.InboxRecord): Effect.Effect<Outcome, PluginFailure.PluginFailure | Errors.DomainError> => {
    const decoded = reportOf(record)
    if (Either.isLeft(decoded)) return Effect.fail(decoded.left)
    const report = decoded.right
    const incident = incidentOf(record.source, record.recordId, report)
    return Effect.flatMap(services.persons.match(queryOf(report.victim)), (match) => {
      if (match._tag !== "Matched")
        return Effect.as(
          services.reviewQueue.submit(reviewOf(record, incident, match)),
          match._tag === "Uncertain" ? ("review:uncertain" as const) : ("review:no-match" as const),
        )
      const perpetrator = report.perpetrator
      const recorded = (perpetratorMatch: PersonMatch.MatchResult | undefined) =>
        Effect.as(
          services.incidents.record(matchedIncident(incident, match.caseId, perpetratorMatch)),
          "recorded" as const,
        )
      return perpetrator?.personalNumber === undefined
        ? recorded(undefined)
        : Effect.flatMap(services.persons.match(queryOf(perpetrator)), recorded)
    })
  }

/**
 * Applies a page of inbox records as {@link apply} applies each, set-based:
 * the victims matched in one call (`persons.matchMany` when the host has it),
 * the perpetrators of the matched reports in a second, the unmatched and
 * uncertain reports handed to the review queue, and the incidents recorded
 * in one call (`incidents.recordMany`). Any record that fails (a malformed
 * report, a refused case) fails the page: the host runs it in one
 * transaction and, on a failure, rolls it back and applies each record
 * through {@link apply} instead (ADR 0028), so the outcome is the per-record
 * path's.
 */
export const applyAll =
  (services: Services) =>
  (records: ReadonlyArray<Hooks.InboxRecord>): Effect.Effect<void, PluginFailure.PluginFailure | Errors.DomainError> =>
    Effect.suspend((): Effect.Effect<unknown, PluginFailure.PluginFailure | Errors.DomainError> => {
      const reports: Array<PoliceRecord.PoliceRecord> = []
      for (const record of records) {
        const decoded = reportOf(record)
        if (Either.isLeft(decoded)) return Effect.fail(decoded.left)
        reports.push(decoded.right)
      }
      const victims = reports.map((report) => queryOf(report.victim))
      return Effect.flatMap(PersonMatch.matchAll(services.persons, victims), (matches) => {
        // The perpetrators asked about: those of the matched reports that name a personal number.
        const asked: Array<number> = []
        for (const [index, match] of matches.entries())
          if (match._tag === "Matched" && reports[index]?.perpetrator?.personalNumber !== undefined) asked.push(index)
        const perpetratorQueries = asked.map((index) =>
          queryOf((reports[index] as PoliceRecord.PoliceRecord).perpetrator as PoliceRecord.ReportedPerson),
        )
        return Effect.flatMap(PersonMatch.matchAll(services.persons, perpetratorQueries), (found) => {
          const perpetratorOf = new Map<number, PersonMatch.MatchResult>()
          for (const [n, index] of asked.entries()) perpetratorOf.set(index, found[n] as PersonMatch.MatchResult)
          const incidents: Array<IncidentImport.ImportedIncident> = []
          const reviews: Array<ReviewQueue.ReviewItem> = []
          for (const [index, record] of records.entries()) {
            const match = matches[index] as PersonMatch.MatchResult
            const incident = incidentOf(record.source, record.recordId, reports[index] as PoliceRecord.PoliceRecord)
            if (match._tag === "Matched")
              incidents.push(matchedIncident(incident, match.caseId, perpetratorOf.get(index)))
            else reviews.push(reviewOf(record, incident, match))
          }
          return Effect.zipRight(
            Effect.forEach(reviews, services.reviewQueue.submit, { discard: true }),
            IncidentImport.recordAll(services.incidents, incidents),
          )
        })
      })
    }).pipe(Effect.asVoid)
