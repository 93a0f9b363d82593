/**
 * The use cases of corrections: correct a person (the fields in the clear —
 * sex, birth year, age band, community, disabilities, relationship — and the
 * identifying details), correct an incident's facts, and list the case's
 * corrections (its history of changed facts); correct a protection order's
 * conditions.
 *
 * - Correcting is the access policy's `case.write` on an open case
 *   (`case.closed.read-only`), naming the case version it was decided on
 *   (`If-Match`; a stale one is a 412), with a reason
 *   (`case.correction.reason.required`, field `reason`) and a change
 *   (`case.correction.nothing-changed`). Correcting identifying details is
 *   also `case.personal.write` for the purpose that person's details are
 *   written for. The corrected record passes the same rules as when it was
 *   recorded (`Person.validate`, `Incident.validate`, the team's rules), the
 *   field named as the input names it (`person.relationship`).
 * - The history is the case team's full-access members'
 *   (`policy.access.summary-only`): a reason may name people.
 *
 * Each correction commits the record's new value, the correction (its
 * previous values and reason sealed), its audit entry and the outbox event
 * (`case.person.corrected`, `case.incident.corrected`,
 * `case.protection-order.conditions-corrected`: ids and field names only) together, with the case's version. Every correction listed is an
 * audited read (of the person's data, when a person was corrected).
 */
import { CivilDate, Cursor, Errors, Id, JurisdictionProfile, Municipality, Pagination, Span } from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Either, Schema } from "effect"
import * as Case from "./Case"
import { aggregateType } from "./CaseEvents"
import { CorrectionReason } from "./CaseNote"
import { CaseRepository } from "./CaseRepository"
import * as CaseTeam from "./CaseTeam"
import * as Correction from "./Correction"
import { CorrectionRepository } from "./CorrectionRepository"
import * as Incident from "./Incident"
import * as CaseAuthority from "./internal/CaseAuthority"
import { decode } from "./internal/Input"
import * as PageCursor from "./internal/PageCursor"
import { subjectOfRole, writtenFor } from "./internal/PersonalPurpose"
import * as OrderCondition from "./OrderCondition"
import * as Person from "./Person"
import * as PersonalData from "./PersonalData"
import * as Relationship from "./Relationship"

const ExpectedVersion = Schema.Int.pipe(Schema.positive())

/**
 * The fields of a person in the clear a correction may change (the role may
 * not: a victim recorded as a child is a new person).
 */
export const PersonChange = Schema.Struct({
  sex: Schema.optional(Person.Sex),
  birthYear: Schema.optional(Person.BirthYear),
  ageBand: Schema.optional(Person.AgeBand),
  community: Schema.optional(Person.Community),
  disabilities: Schema.optional(Schema.Array(Person.Disability)),
  relationship: Schema.optional(Relationship.Relationship),
})

/**
 * Input of {@link correctPerson}: the new values (of the fields in the clear,
 * of the identifying details, or both) and the reason.
 */
export const CorrectPerson = Schema.Struct({
  caseId: Id.CaseId,
  personId: Id.PersonId,
  expectedVersion: ExpectedVersion,
  person: Schema.optionalWith(PersonChange, { default: () => ({}) }),
  details: Schema.optional(Person.PersonalDetails),
  reason: CorrectionReason,
})

export type CorrectPerson = typeof CorrectPerson.Encoded

/**
 * The facts of an incident a correction may change (when it was recorded may
 * not).
 */
export const IncidentChange = Schema.Struct({
  occurredOn: Schema.optional(CivilDate.CivilDate),
  municipality: Schema.optional(Municipality.MunicipalityCode),
  place: Schema.optional(Incident.Place),
  forms: Schema.optional(Schema.NonEmptyArray(Incident.ViolenceForm)),
  children: Schema.optional(Incident.ChildrenExposure),
  perpetrators: Schema.optional(Schema.Array(Id.PersonId)),
  source: Schema.optional(Incident.IncidentSource),
  sourceInstitution: Schema.optional(Id.InstitutionId),
  sourceReference: Schema.optional(Incident.SourceReference),
})

/**
 * Input of {@link correctIncident}.
 */
export const CorrectIncident = Schema.Struct({
  caseId: Id.CaseId,
  incidentId: Id.IncidentId,
  expectedVersion: ExpectedVersion,
  incident: IncidentChange,
  reason: CorrectionReason,
})

export type CorrectIncident = typeof CorrectIncident.Encoded

/**
 * Input of {@link correctOrderConditions}: the order's conditions as they
 * should be (all of them: the list replaces the previous one) and the reason.
 */
export const CorrectOrderConditions = Schema.Struct({
  caseId: Id.CaseId,
  orderId: Id.ProtectionOrderId,
  expectedVersion: ExpectedVersion,
  conditions: Schema.Array(OrderCondition.Condition),
  reason: CorrectionReason,
})

export type CorrectOrderConditions = typeof CorrectOrderConditions.Encoded

/**
 * Input of {@link list}.
 */
export const ListCorrections = Schema.Struct({
  caseId: Id.CaseId,
  limit: Schema.optionalWith(Pagination.Limit, { default: () => Pagination.defaultLimit }),
  after: Schema.optional(Cursor.Cursor),
})

export type ListCorrections = typeof ListCorrections.Encoded

/**
 * What the use cases need.
 */
export type Requirements =
  | CaseAuthority.Requirements
  | CorrectionRepository
  | PersonalData.PersonalData
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

type Refusal = Errors.Forbidden | Errors.InvalidInput | Errors.NotFound

const entry = (
  authorized: CaseAuthority.Authorized,
  action: "read" | "write",
  personId: Id.PersonId | undefined,
): AuditEntry.Draft => ({
  ...AuditEntry.actor(authorized.principal),
  mechanismId: authorized.aCase.mechanismId,
  caseId: authorized.aCase.id,
  ...(personId === undefined ? {} : { personId }),
  action,
  purpose: "case-management",
})

/** A record's own rule, with the field named as the correction's input names it. */
const asInput = <A>(kind: Correction.RecordKind, checked: Either.Either<A, Errors.InvalidInput>) =>
  Either.mapLeft(
    checked,
    (error) => new Errors.InvalidInput({ ...error, field: Correction.inputField(kind, error.field) }),
  )

const topics = {
  person: "case.person.corrected",
  incident: "case.incident.corrected",
  "protection-order": "case.protection-order.conditions-corrected",
} as const

/** The case, authorized for `case.write`, open, with the correcting institution. */
const forCorrection = (caseId: Id.CaseId) =>
  Effect.gen(function* () {
    const authorized = yield* CaseAuthority.authorize(caseId, "case.write")
    yield* CaseAuthority.whileOpen(authorized.aCase)
    const institution = authorized.principal.institution
    // `case.write` needs an institution on the team; the policy has checked it.
    if (institution === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
    return { authorized, institution }
  })

/** What a use case decides of its correction; `commit` adds who, when, where and the id. */
type Decided = Pick<Correction.Correction, "kind" | "recordId" | "fields" | "previous" | "reason">

/**
 * Claims the case at `expectedVersion`, writes the record (`write`, answering
 * its new version), the correction, its audit entry and its event, in one
 * transaction.
 */
const commit = (
  {
    authorized,
    institution,
  }: { readonly authorized: CaseAuthority.Authorized; readonly institution: Id.InstitutionId },
  expectedVersion: number,
  decided: Decided,
  write: Effect.Effect<number, Errors.NotFound | Errors.InvalidInput>,
  previousDetails: PersonalData.SealedFields,
) =>
  Effect.gen(function* () {
    const draft: Omit<Correction.Correction, "version"> = {
      ...decided,
      id: yield* Correction.CorrectionId.generate,
      caseId: authorized.aCase.id,
      correctedBy: authorized.principal.id,
      institution,
      correctedAt: authorized.at,
    }
    const cases = yield* CaseRepository
    const corrections = yield* CorrectionRepository
    const audit = yield* AuditLog.AuditLog
    return yield* Transaction.run(
      Effect.gen(function* () {
        yield* cases.update(authorized.aCase, expectedVersion)
        const version = yield* write
        const correction: Correction.Correction = { ...draft, version }
        yield* corrections.insert(correction, previousDetails)
        const personId = draft.kind === "person" ? (draft.recordId as Id.PersonId) : undefined
        yield* audit.append(entry(authorized, "write", personId)).pipe(Effect.orDie)
        yield* Outbox.append({
          topic: topics[draft.kind],
          aggregateType,
          aggregateId: draft.caseId,
          payload: {
            caseId: draft.caseId,
            mechanismId: authorized.aCase.mechanismId,
            correctionId: draft.id,
            kind: draft.kind,
            recordId: draft.recordId,
            version,
            fields: draft.fields,
            institutionId: draft.institution,
          },
        })
        return correction
      }),
    )
  })

/**
 * A team member corrects a person of the case. Fails with `NotFound` (the
 * case or the person), `Forbidden` (off the team; a personal write the policy
 * refuses), `InvalidInput` (no reason; nothing changed, field `person`; a
 * rule of the person, e.g. `person.relationship`; a closed case) or
 * `Conflict` (`version.stale`).
 */
export const correctPerson = (
  raw: CorrectPerson,
): Effect.Effect<Correction.Correction, Refusal | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(CorrectPerson)(raw)
    const { authorized, institution } = yield* forCorrection(input.caseId)
    const { aCase } = authorized
    const index = aCase.persons.findIndex((person) => person.id === input.personId)
    const before = aCase.persons[index]
    if (before === undefined) return yield* new Errors.NotFound({ entity: "Person", id: input.personId })
    const subject = subjectOfRole(before.role)
    const purpose = writtenFor(subject)
    if (input.details !== undefined) yield* CaseAuthority.also(authorized, "case.personal.write", { purpose, subject })

    const after = Correction.apply(before, input.person)
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const year = CivilDate.year(CivilDate.ofInstant(authorized.at, profile.timezone))
    yield* asInput("person", Person.validate(after, index, year, profile))
    const persons = aCase.persons.map((person) => (person.id === after.id ? after : person))
    yield* CaseTeam.validate(aCase.team, { hasChild: Case.hasChild({ persons }, year) }, profile)

    const clearFields = Correction.changedFields(before, after)
    const detailFields = Person.personalFields.filter((field) => input.details?.[field] !== undefined)
    const fields = yield* Correction.check(
      [...clearFields, ...detailFields.map((field) => `${Correction.detailsPrefix}${field}`)],
      "person",
    )
    const cases = yield* CaseRepository
    const personal = yield* PersonalData.PersonalData
    const sealedBefore = input.details === undefined ? {} : yield* cases.sealedDetails(aCase.id, before.id)
    const previousDetails: PersonalData.SealedFields = Object.fromEntries(
      detailFields.flatMap((field) => (sealedBefore[field] === undefined ? [] : [[field, sealedBefore[field]]])),
    )
    const write = Effect.gen(function* () {
      if (input.details === undefined) return yield* cases.updatePerson(aCase.id, after, undefined)
      const access = {
        principal: authorized.principal,
        mechanismId: aCase.mechanismId,
        caseId: aCase.id,
        personId: before.id,
        purpose,
      }
      // Seals and audits the new values; a personal number that normalizes to
      // nothing is refused before anything is written.
      const written = yield* personal.write(access, input.details)
      return yield* cases.updatePerson(aCase.id, after, {
        fields: { ...sealedBefore, ...written.fields },
        personalNumberIndex: written.personalNumberIndex,
      })
    })
    return yield* commit(
      { authorized, institution },
      input.expectedVersion,
      {
        kind: "person",
        recordId: before.id,
        fields,
        previous: Correction.previousOf(before, clearFields),
        reason: input.reason,
      },
      write,
      previousDetails,
    )
  }).pipe(Span.untraced("Corrections.correctPerson"))

/**
 * A team member corrects an incident's facts. Fails with `NotFound` (the case
 * or the incident), `Forbidden`, `InvalidInput` (no reason; nothing changed,
 * field `incident`; a rule of the incident, e.g. `incident.occurredOn`; a
 * closed case) or `Conflict` (`version.stale`).
 */
export const correctIncident = (
  raw: CorrectIncident,
): Effect.Effect<Correction.Correction, Refusal | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(CorrectIncident)(raw)
    const { authorized, institution } = yield* forCorrection(input.caseId)
    const { aCase } = authorized
    const index = aCase.incidents.findIndex((incident) => incident.id === input.incidentId)
    const before = aCase.incidents[index]
    if (before === undefined) return yield* new Errors.NotFound({ entity: "Incident", id: input.incidentId })
    const after = Correction.apply(before, input.incident)
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const perpetrators = new Set<string>(
      aCase.persons.filter((person) => person.role === "alleged-perpetrator").map((person) => person.id),
    )
    const today = CivilDate.ofInstant(authorized.at, profile.timezone)
    yield* asInput("incident", Incident.validate(after, index, today, perpetrators))
    const changed = Correction.changedFields(before, after)
    const fields = yield* Correction.check(changed, "incident")
    const cases = yield* CaseRepository
    return yield* commit(
      { authorized, institution },
      input.expectedVersion,
      {
        kind: "incident",
        recordId: before.id,
        fields,
        previous: Correction.previousOf(before, changed),
        reason: input.reason,
      },
      cases.updateIncident(aCase.id, after),
      {},
    )
  }).pipe(Span.untraced("Corrections.correctIncident"))

/**
 * A team member corrects what a protection order forbids or requires. Fails
 * with `NotFound` (the case or the order), `Forbidden`, `InvalidInput` (no
 * reason; nothing changed, field `conditions`; a rule of the conditions, e.g.
 * `conditions.0.distanceMeters`; a closed case) or `Conflict`
 * (`version.stale`).
 */
export const correctOrderConditions = (
  raw: CorrectOrderConditions,
): Effect.Effect<Correction.Correction, Refusal | Errors.Conflict, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(CorrectOrderConditions)(raw)
    const { authorized, institution } = yield* forCorrection(input.caseId)
    const { aCase } = authorized
    const order = aCase.orders.find((each) => each.id === input.orderId)
    if (order === undefined) return yield* new Errors.NotFound({ entity: "ProtectionOrder", id: input.orderId })
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    yield* OrderCondition.validate(input.conditions, profile, aCase.persons)
    const before = { conditions: order.conditions ?? [] }
    const changed = Correction.changedFields(before, { conditions: input.conditions })
    const fields = yield* Correction.check(changed, "conditions")
    const cases = yield* CaseRepository
    return yield* commit(
      { authorized, institution },
      input.expectedVersion,
      {
        kind: "protection-order",
        recordId: order.id,
        fields,
        previous: Correction.previousOf(before, changed),
        reason: input.reason,
      },
      cases.updateOrderConditions(aCase.id, order.id, input.conditions),
      {},
    )
  }).pipe(Span.untraced("Corrections.correctOrderConditions"))

/**
 * The case's corrections, oldest first, a page at a time, for its full-access
 * members; each one shown is audited. Fails with `NotFound`, `Forbidden` (off
 * the team; `policy.access.summary-only`) or `InvalidInput`.
 */
export const list = (
  raw: ListCorrections,
): Effect.Effect<Pagination.Page<Correction.Correction>, Refusal, Requirements> =>
  Effect.gen(function* () {
    const input = yield* decode(ListCorrections)(raw)
    const after = yield* PageCursor.afterId(Correction.CorrectionId, input.after)
    const authorized = yield* CaseAuthority.authorize(input.caseId, "case.summary.read")
    if (authorized.member?.access !== "full")
      return yield* new Errors.Forbidden({ action: "case.summary.read", rule: "policy.access.summary-only" })
    const rows = yield* Effect.flatMap(CorrectionRepository, (repository) =>
      repository.list(input.caseId, { limit: input.limit + 1, after }),
    )
    const page = Pagination.paginate(rows, input.limit, (correction) => [correction.id])
    if (page.items.length > 0) {
      const audit = yield* AuditLog.AuditLog
      yield* Transaction.run(
        Effect.forEach(
          page.items,
          (correction) =>
            audit
              .append(
                entry(
                  authorized,
                  "read",
                  correction.kind === "person" ? (correction.recordId as Id.PersonId) : undefined,
                ),
              )
              .pipe(Effect.orDie),
          { discard: true },
        ),
      )
    }
    return page
  }).pipe(Span.untraced("Corrections.list"))
