/**
 * The repository port of the case aggregate: the case row and its team, its
 * persons (identifying details sealed), incidents, risk assessments,
 * protection orders with their event history and hearings, safety-plan
 * measures, consents and lifecycle transitions. Methods fail only with the
 * kernel's `NotFound` and `Conflict`; a database failure is a defect. Personal
 * details cross this port sealed only: the port never sees a name.
 *
 * Every change to a case goes through {@link Service.update} first, which bumps
 * the case's version (optimistic concurrency) and so also serializes
 * concurrent changes to one case; the child-row writes that follow run in the
 * same transaction (the service opens it).
 *
 * The SQL adapter is `SqlCaseRepository`; a test may provide another.
 */
import type { Errors, Id, Municipality } from "@bashke/kernel"
import type { BlindIndex } from "@bashke/security"
import { Context, type Effect, type Option } from "effect"
import type * as Case from "./Case"
import type * as CaseLifecycle from "./CaseLifecycle"
import type * as CaseTeam from "./CaseTeam"
import type * as Consent from "./Consent"
import type * as Incident from "./Incident"
import type * as OrderCondition from "./OrderCondition"
import type * as Person from "./Person"
import type * as PersonalData from "./PersonalData"
import type * as ProtectionOrder from "./ProtectionOrder"
import type * as RiskAssessment from "./RiskAssessment"
import type * as RiskInstrument from "./RiskInstrument"
import type * as SafetyPlan from "./SafetyPlan"

/**
 * Where a new case sits in its mechanism's register: the municipality and
 * year of its reference and its sequence number.
 */
export interface Placement {
  readonly municipality: Municipality.MunicipalityCode
  readonly year: number
  readonly sequence: number
}

/**
 * What happened to a protection order, as kept in its history.
 */
export type OrderEventKind =
  | "requested"
  | "issued"
  | "rejected"
  | "extended"
  | "expired"
  | "breach-recorded"
  | "hearing-scheduled"

/**
 * One entry of a protection order's history: when it happened (`at`), the new
 * expiry of an extension (`until`), who reported a breach, when a scheduled
 * hearing is held (`hearingAt`) and by which court, and when it was recorded.
 */
export interface OrderEvent {
  readonly event: OrderEventKind
  readonly at: Date
  readonly until?: Date | undefined
  readonly reportedBy?: Id.InstitutionId | undefined
  readonly hearingAt?: Date | undefined
  readonly court?: Id.InstitutionId | undefined
  readonly recordedAt: Date
}

/**
 * One lifecycle transition, kept as the case's history.
 */
export interface Transition {
  readonly command: CaseLifecycle.CommandName
  readonly from: CaseLifecycle.Status
  readonly to: CaseLifecycle.Status
  /** The closure or reopen reason (a code), when one was given. */
  readonly reason?: string | undefined
  readonly at: Date
  readonly principalId: Id.PrincipalId
  readonly institutionId?: Id.InstitutionId | undefined
}

/**
 * A person found by the blind index of a personal number.
 */
export interface PersonMatch {
  readonly caseId: Id.CaseId
  readonly personId: Id.PersonId
}

/**
 * Which page of a mechanism's open cases: after a case id, how many, and
 * optionally only those of one risk level, one open status and one lead
 * institution.
 */
/**
 * A case as far as deciding who may learn of its persons needs it: the
 * case's identity, its team, its consents, its persons and whether it was
 * erased (a bulk import's match reads only this, ADR 0040, and so does a
 * read of a person's details, ADR 0042).
 */
export type CaseAccess = Pick<
  Case.Case,
  "id" | "mechanismId" | "reference" | "team" | "consents" | "persons" | "erasedAt"
>

export interface OpenPage {
  readonly after?: Id.CaseId | undefined
  readonly limit: number
  readonly riskLevel?: RiskInstrument.RiskLevel | undefined
  readonly status?: CaseLifecycle.OpenStatus | undefined
  readonly leadInstitution?: Id.InstitutionId | undefined
}

export interface Service {
  /**
   * Inserts a new case (row and team; its persons, incidents and other parts
   * are inserted by their own methods). `Conflict` (`case.reference.taken`)
   * when its reference or its place in the register is taken.
   */
  readonly insert: (aCase: Case.Case, placement: Placement) => Effect.Effect<void, Errors.Conflict>
  /** The whole case, or `None`. */
  readonly find: (id: Id.CaseId) => Effect.Effect<Option.Option<Case.Case>>
  /** The whole cases of those ids that exist, in one read (a bulk import's cases); in no particular order. */
  readonly findMany: (ids: ReadonlyArray<Id.CaseId>) => Effect.Effect<ReadonlyArray<Case.Case>>
  /**
   * `find`, but only the case's {@link CaseAccess}: its row and the three
   * parts an access decision reads (a read of a person's details).
   */
  readonly findAccess: (id: Id.CaseId) => Effect.Effect<Option.Option<CaseAccess>>
  /**
   * `findMany`, but only each case's {@link CaseAccess}: its row and the three
   * parts an access decision reads, not its incidents, assessments, orders or
   * plan (a bulk import's match); in no particular order.
   */
  readonly findManyAccess: (ids: ReadonlyArray<Id.CaseId>) => Effect.Effect<ReadonlyArray<CaseAccess>>
  /**
   * The mechanism a case belongs to, or `None`: one cheap look-up, so a caller
   * outside the mechanism is refused in the time an unknown id takes.
   */
  readonly mechanismOf: (id: Id.CaseId) => Effect.Effect<Option.Option<Id.MechanismId>>
  /** The cases of a mechanism, oldest first; open ones only unless `includeClosed`. */
  readonly list: (
    mechanismId: Id.MechanismId,
    options?: { readonly includeClosed?: boolean },
  ) => Effect.Effect<ReadonlyArray<Case.Case>>
  /**
   * One page of a mechanism's open cases by id, after `after` (exclusive),
   * `limit` of them at most; with `riskLevel`, only the cases whose current
   * risk level is that one (a case never assessed counts as `standard`, as in
   * its summary); with `status` or `leadInstitution`, only the cases in that
   * status or led by that institution. Paged in SQL by keyset over the index
   * `cases_open_page`, so a page costs the same however many cases the
   * mechanism has. The status and lead filters have no index of their own: the
   * walk from the cursor skips the cases they reject, so a rare status or lead
   * reads more of the index for one page.
   */
  readonly openPage: (mechanismId: Id.MechanismId, page: OpenPage) => Effect.Effect<ReadonlyArray<Case.Case>>
  /** The municipality of the mechanism's earlier cases, if it has any. */
  readonly municipalityOf: (mechanismId: Id.MechanismId) => Effect.Effect<Option.Option<Municipality.MunicipalityCode>>
  /**
   * Writes the case row's mutable fields (status, closure, lead, last review,
   * current risk level) if the stored version is still `expectedVersion`, and
   * returns the case with its new version; `NotFound` or `Conflict`
   * (`version.stale`) otherwise, the row untouched. Called with nothing
   * changed to claim the case for a change to its parts.
   */
  readonly update: (
    aCase: Case.Case,
    expectedVersion: number,
  ) => Effect.Effect<Case.Case, Errors.NotFound | Errors.Conflict>
  /**
   * Moves the case to another mechanism (a transfer accepted): the case row's
   * mechanism; the team is replaced by `saveTeam`, the lead by `update`.
   */
  readonly moveToMechanism: (caseId: Id.CaseId, mechanismId: Id.MechanismId) => Effect.Effect<void>
  /** Replaces the team's members (the lead is on the case row, written by `update`). */
  readonly saveTeam: (caseId: Id.CaseId, team: CaseTeam.CaseTeam, at: Date) => Effect.Effect<void>
  readonly insertPerson: (
    caseId: Id.CaseId,
    person: Person.Person,
    details: PersonalData.SealedDetails,
    at: Date,
  ) => Effect.Effect<void>
  /** A person's sealed details; `NotFound` when the person is not in that case. */
  readonly sealedDetails: (
    caseId: Id.CaseId,
    personId: Id.PersonId,
  ) => Effect.Effect<PersonalData.SealedFields, Errors.NotFound>
  /** The case a person is recorded in, when the person is known (a subject-access request names a person). */
  readonly caseOfPerson: (personId: Id.PersonId) => Effect.Effect<Option.Option<Id.CaseId>>
  /** The persons whose personal number has this blind index, in every case. */
  readonly personsByIndex: (index: BlindIndex.Digest) => Effect.Effect<ReadonlyArray<PersonMatch>>
  /**
   * `personsByIndex` for several indexes in one read: each index's persons,
   * in the same order (an index with none is absent from the map).
   */
  readonly personsByIndexes: (
    indexes: ReadonlyArray<BlindIndex.Digest>,
  ) => Effect.Effect<ReadonlyMap<BlindIndex.Digest, ReadonlyArray<PersonMatch>>>
  /**
   * Writes a corrected person: the fields in the clear and, when given, the
   * sealed details (every field the person now has; the blind index when
   * the personal number changed, else the index is kept).
   * Returns the person's new version; `NotFound` when the person is not in
   * that case.
   */
  readonly updatePerson: (
    caseId: Id.CaseId,
    person: Person.Person,
    details: PersonalData.SealedDetails | undefined,
  ) => Effect.Effect<number, Errors.NotFound>
  readonly insertIncident: (caseId: Id.CaseId, incident: Incident.Incident) => Effect.Effect<void>
  /**
   * A new version for each case whose version is still the one given (a
   * bulk import's claim, nothing else of the case changed), in one
   * statement: fails like `update` (`Conflict` with `version.stale`, or
   * `NotFound`) for a case that changed or vanished, and then claims none.
   */
  readonly claimVersions: (
    claims: ReadonlyArray<{ readonly id: Id.CaseId; readonly version: number }>,
  ) => Effect.Effect<void, Errors.NotFound | Errors.Conflict>
  /** Inserts incidents of several cases, in order, in multi-row statements (a bulk import). */
  readonly insertIncidents: (
    incidents: ReadonlyArray<{ readonly caseId: Id.CaseId; readonly incident: Incident.Incident }>,
  ) => Effect.Effect<void>
  /** Writes a corrected incident; its new version, or `NotFound`. */
  readonly updateIncident: (caseId: Id.CaseId, incident: Incident.Incident) => Effect.Effect<number, Errors.NotFound>
  readonly insertAssessment: (caseId: Id.CaseId, assessment: RiskAssessment.RiskAssessment) => Effect.Effect<void>
  /** Inserts an order with the first entry of its history. */
  readonly insertOrder: (
    caseId: Id.CaseId,
    order: ProtectionOrder.ProtectionOrder,
    event: OrderEvent,
  ) => Effect.Effect<void>
  /**
   * Writes an order's new state and appends the event to its history. A
   * `hearing-scheduled` event (with its `hearingAt`) is the order's new
   * hearing in force.
   */
  readonly updateOrder: (
    caseId: Id.CaseId,
    order: ProtectionOrder.ProtectionOrder,
    event: OrderEvent,
  ) => Effect.Effect<void, Errors.NotFound>
  /** Writes an order's corrected conditions; its new version, or `NotFound`. */
  readonly updateOrderConditions: (
    caseId: Id.CaseId,
    orderId: Id.ProtectionOrderId,
    conditions: ReadonlyArray<OrderCondition.Condition>,
  ) => Effect.Effect<number, Errors.NotFound>
  /**
   * Issued or extended orders whose expiry is at or before `at`, in any
   * case, oldest expiry first, at most `limit`: those to expire now.
   */
  readonly ordersPastExpiry: (
    at: Date,
    limit: number,
  ) => Effect.Effect<ReadonlyArray<{ readonly caseId: Id.CaseId; readonly orderId: Id.ProtectionOrderId }>>
  /** The history of an order, oldest first, its hearings included. */
  readonly orderEvents: (orderId: Id.ProtectionOrderId) => Effect.Effect<ReadonlyArray<OrderEvent>>
  readonly insertMeasure: (caseId: Id.CaseId, measure: SafetyPlan.Measure) => Effect.Effect<void>
  readonly updateMeasure: (caseId: Id.CaseId, measure: SafetyPlan.Measure) => Effect.Effect<void, Errors.NotFound>
  readonly insertConsent: (caseId: Id.CaseId, consent: Consent.Consent) => Effect.Effect<void>
  readonly updateConsent: (caseId: Id.CaseId, consent: Consent.Consent) => Effect.Effect<void, Errors.NotFound>
  readonly insertTransition: (caseId: Id.CaseId, transition: Transition) => Effect.Effect<void>
  /** The lifecycle history of a case, oldest first. */
  readonly transitions: (caseId: Id.CaseId) => Effect.Effect<ReadonlyArray<Transition>>
}

export class CaseRepository extends Context.Tag("@bashke/case/CaseRepository")<CaseRepository, Service>() {}
