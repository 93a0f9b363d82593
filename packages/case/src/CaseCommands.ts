/**
 * The inputs of `CaseService`'s use cases, as schemas: each decodes untrusted
 * input (an HTTP body, a CLI argument) into a command, and a failed decode
 * names the field and the rule (a catalogue key), never the value. The `…Encoded`
 * types are what a caller passes: ids and dates as strings (a `Date` is
 * accepted too).
 */
import { CivilDate, Id, Instant as KernelInstant, Municipality, Sector } from "@bashke/kernel"
import { AccessPolicy, BreakGlass, Purpose } from "@bashke/security"
import { Schema } from "effect"
import * as CaseLifecycle from "./CaseLifecycle"
import type * as CaseReference from "./CaseReference"
import * as Consent from "./Consent"
import * as Incident from "./Incident"
import * as OrderCondition from "./OrderCondition"
import * as Person from "./Person"
import * as ProtectionOrder from "./ProtectionOrder"
import * as Relationship from "./Relationship"
import * as RiskAssessment from "./RiskAssessment"
import * as RiskInstrument from "./RiskInstrument"
import * as SafetyPlan from "./SafetyPlan"

/**
 * The version a command on a case was decided on (from an `If-Match`): a
 * positive integer, or absent.
 */
export const ExpectedVersion = Schema.optional(Schema.Int.pipe(Schema.positive()))
const Instant = KernelInstant.Instant

/**
 * A person to add: the non-identifying fields in the clear, the identifying
 * `details` to be sealed. `relationship` is required for an alleged
 * perpetrator (`case.person.relationship-required`) and must be on the law's
 * list (`case.relationship.unknown`).
 */
export const NewPerson = Schema.Struct({
  role: Person.PersonRole,
  sex: Person.Sex,
  birthYear: Schema.optional(Person.BirthYear),
  ageBand: Schema.optional(Person.AgeBand),
  community: Schema.optional(Person.Community),
  disabilities: Schema.optionalWith(Schema.Array(Person.Disability), { default: () => [] }),
  relationship: Schema.optional(Relationship.Relationship),
  details: Schema.optional(Person.PersonalDetails),
})

export type NewPerson = typeof NewPerson.Encoded

const TeamInput = Schema.Struct({ institution: Id.InstitutionId, access: AccessPolicy.Access })

/**
 * Input of `openCase`. `persons` must hold exactly one victim. `team` lists
 * further member institutions (each a signatory); the opening institution and
 * the lead join with full access.
 */
export const OpenCase = Schema.Struct({
  mechanismId: Id.MechanismId,
  municipality: Municipality.MunicipalityCode,
  lead: Schema.optional(Id.InstitutionId),
  team: Schema.optionalWith(Schema.Array(TeamInput), { default: () => [] }),
  persons: Schema.Array(NewPerson),
})

export type OpenCase = typeof OpenCase.Encoded

/**
 * Input of `addPerson`.
 */
export const AddPerson = Schema.Struct({ caseId: Id.CaseId, person: NewPerson, expectedVersion: ExpectedVersion })

export type AddPerson = typeof AddPerson.Encoded

/**
 * Input of `recordIncident`. `perpetrators` are alleged perpetrators of the case.
 */
export const RecordIncident = Schema.Struct({
  caseId: Id.CaseId,
  occurredOn: CivilDate.CivilDate,
  municipality: Municipality.MunicipalityCode,
  place: Schema.optional(Incident.Place),
  forms: Schema.NonEmptyArray(Incident.ViolenceForm),
  children: Incident.ChildrenExposure,
  perpetrators: Schema.optionalWith(Schema.Array(Id.PersonId), { default: () => [] }),
  source: Incident.IncidentSource,
  sourceInstitution: Schema.optional(Id.InstitutionId),
  sourceReference: Schema.optional(Incident.SourceReference),
  expectedVersion: ExpectedVersion,
})

export type RecordIncident = typeof RecordIncident.Encoded

/**
 * Input of `importIncidents`: incidents of one or more cases, in order, each
 * what `recordIncident` takes (without a version: an import claims the
 * version it read).
 */
export const ImportIncidents = Schema.Struct({
  incidents: Schema.Array(
    // The perpetrators optional without a default (none is `[]`, as `recordIncident`
    // fills in): a default is a transformation the kernel's compiled decoding does
    // not cover, and a page of a thousand incidents then cost Effect's interpreter.
    Schema.Struct({
      ...RecordIncident.omit("expectedVersion", "perpetrators").fields,
      perpetrators: Schema.optional(Schema.Array(Id.PersonId)),
    }),
  ),
})

export type ImportIncidents = typeof ImportIncidents.Encoded

/**
 * Input of `assessRisk`: the instrument (id and version), the answers, and an
 * optional professional judgement (which may raise the level, never lower it).
 */
export const AssessRisk = Schema.Struct({
  caseId: Id.CaseId,
  instrument: RiskInstrument.InstrumentRef,
  answers: RiskInstrument.Answers,
  judgement: Schema.optional(RiskAssessment.Judgement),
  expectedVersion: ExpectedVersion,
})

export type AssessRisk = typeof AssessRisk.Encoded

/**
 * Input of `recordOrder`: a request to the court (`requestedAt`), or an order
 * the police issued (`issuedAt`, expiry computed from the profile unless given).
 */
export const RecordOrder = Schema.Struct({
  caseId: Id.CaseId,
  kind: ProtectionOrder.OrderKind,
  petitioner: ProtectionOrder.Petitioner,
  requestedAt: Schema.optional(Instant),
  issuedAt: Schema.optional(Instant),
  expiresAt: Schema.optional(Instant),
  conditions: Schema.optional(Schema.Array(OrderCondition.Condition)),
  expectedVersion: ExpectedVersion,
})

export type RecordOrder = typeof RecordOrder.Encoded

/**
 * What happened to an order.
 */
export const OrderEventName = Schema.Literal(
  "issued",
  "rejected",
  "extended",
  "expired",
  "breach-recorded",
  "hearing-scheduled",
)

/**
 * Input of `recordOrderEvent`: `until` is the new expiry of an extension;
 * `expiresAt` overrides the computed expiry of an issued order; `reportedBy` is
 * who reported a breach. A `hearing-scheduled` event needs `hearingAt`, when
 * the hearing is held (`at` is when the court scheduled it), and may name the
 * `court`; it replaces the order's hearing in force and leaves its status.
 */
export const RecordOrderEvent = Schema.Struct({
  caseId: Id.CaseId,
  orderId: Id.ProtectionOrderId,
  event: OrderEventName,
  at: Instant,
  until: Schema.optional(Instant),
  expiresAt: Schema.optional(Instant),
  reportedBy: Schema.optional(Id.InstitutionId),
  hearingAt: Schema.optional(Instant),
  court: Schema.optional(Id.InstitutionId),
  expectedVersion: ExpectedVersion,
})

export type RecordOrderEvent = typeof RecordOrderEvent.Encoded

/**
 * Input of `addMeasure`.
 */
export const AddMeasure = Schema.Struct({
  caseId: Id.CaseId,
  kind: SafetyPlan.MeasureKind,
  owner: Id.InstitutionId,
  reviewOn: CivilDate.CivilDate,
  expectedVersion: ExpectedVersion,
})

export type AddMeasure = typeof AddMeasure.Encoded

/**
 * Input of `updateMeasure`: the fields to change.
 */
export const UpdateMeasure = Schema.Struct({
  caseId: Id.CaseId,
  measureId: SafetyPlan.SafetyMeasureId,
  status: Schema.optional(SafetyPlan.MeasureStatus),
  owner: Schema.optional(Id.InstitutionId),
  reviewOn: Schema.optional(CivilDate.CivilDate),
  expectedVersion: ExpectedVersion,
})

export type UpdateMeasure = typeof UpdateMeasure.Encoded

/**
 * Input of `giveConsent`: who gave it, to whom, for what, and how it was
 * taken — the `method` (a signed form, or verbally before the witness
 * `witnessedBy`) and the institution that took it from the survivor
 * (`takenBy`, the recorder's own by default). `from` defaults to now.
 */
export const GiveConsent = Schema.Struct({
  caseId: Id.CaseId,
  givenBy: Id.PersonId,
  institutions: Schema.optionalWith(Schema.Array(Id.InstitutionId), { default: () => [] }),
  sectors: Schema.optionalWith(Schema.Array(Sector.Sector), { default: () => [] }),
  purposes: Schema.NonEmptyArray(Consent.ConsentPurpose),
  method: Consent.ConsentMethod,
  takenBy: Schema.optional(Id.InstitutionId),
  witnessedBy: Schema.optional(Id.PrincipalId),
  from: Schema.optional(Instant),
  until: Schema.optional(Instant),
  expectedVersion: ExpectedVersion,
})

export type GiveConsent = typeof GiveConsent.Encoded

/**
 * Input of `confirmConsent`: a second person confirms a consent that widened
 * its recorder's own institution's access.
 */
export const ConfirmConsent = Schema.Struct({
  caseId: Id.CaseId,
  consentId: Id.ConsentId,
  expectedVersion: ExpectedVersion,
})

export type ConfirmConsent = typeof ConfirmConsent.Encoded

/**
 * Input of `withdrawConsent`.
 */
export const WithdrawConsent = Schema.Struct({
  caseId: Id.CaseId,
  consentId: Id.ConsentId,
  expectedVersion: ExpectedVersion,
})

export type WithdrawConsent = typeof WithdrawConsent.Encoded

/**
 * Input of `changeTeam`: members to add or whose access changes (`set`),
 * members to remove (`remove`), and a new lead.
 */
export const ChangeTeam = Schema.Struct({
  caseId: Id.CaseId,
  set: Schema.optionalWith(Schema.Array(TeamInput), { default: () => [] }),
  remove: Schema.optionalWith(Schema.Array(Id.InstitutionId), { default: () => [] }),
  lead: Schema.optional(Id.InstitutionId),
  expectedVersion: ExpectedVersion,
})

export type ChangeTeam = typeof ChangeTeam.Encoded

/**
 * Input of `transition`: the command (a {@link CaseLifecycle.CommandName}),
 * with the model's reason for it — a {@link CaseLifecycle.ClosureReason} for
 * `close`, a {@link CaseLifecycle.ReopenReason} for `reopen`, none for the
 * others — so a caller's wrong command or reason is a compile error, and at
 * run time a refusal naming the field (`case.closure.reason-unknown`,
 * `case.reopen.reason-unknown`).
 */
export const Transition = Schema.Union(
  Schema.Struct({
    caseId: Id.CaseId,
    command: CaseLifecycle.CommandName.pipe(Schema.pickLiteral("assess", "activate", "monitor")),
    expectedVersion: ExpectedVersion,
  }),
  Schema.Struct({
    caseId: Id.CaseId,
    command: Schema.Literal("close"),
    reason: Schema.optional(CaseLifecycle.ClosureReason),
    expectedVersion: ExpectedVersion,
  }),
  Schema.Struct({
    caseId: Id.CaseId,
    command: Schema.Literal("reopen"),
    reason: Schema.optional(CaseLifecycle.ReopenReason),
    expectedVersion: ExpectedVersion,
  }),
).annotations({ identifier: "CaseTransition" })

export type Transition = typeof Transition.Encoded

/**
 * Input of `readSummary`.
 */
export const ReadSummary = Schema.Struct({ caseId: Id.CaseId })

export type ReadSummary = typeof ReadSummary.Encoded

/**
 * Input of `readOrder`.
 */
export const ReadOrder = Schema.Struct({ caseId: Id.CaseId, orderId: Id.ProtectionOrderId })

export type ReadOrder = typeof ReadOrder.Encoded

/**
 * Input of `readPersonalData`. `purpose` is required (it is optional here so a
 * missing one is refused by rule, `audit.purpose.required`): `protection` for
 * the alleged perpetrator's details, a consented purpose for the victim's or a
 * child's; `fields` narrows the read (all by default); a `breakGlassCode` or
 * `breakGlassReason` (or the purpose `break-glass`) makes it an emergency
 * read, which needs both.
 */
export const ReadPersonalData = Schema.Struct({
  caseId: Id.CaseId,
  personId: Id.PersonId,
  purpose: Schema.optional(Purpose.Purpose),
  fields: Schema.optional(Schema.Array(Schema.Literal(...Person.personalFields))),
  breakGlassCode: Schema.optional(BreakGlass.ReasonCode),
  breakGlassReason: Schema.optional(Schema.String),
})

export type ReadPersonalData = typeof ReadPersonalData.Encoded

/**
 * Input of `findPersons`: a personal number, as typed, and why it is looked up.
 */
export const FindPersons = Schema.Struct({
  personalNumber: Schema.String,
  purpose: Schema.optional(Purpose.Purpose),
})

export type FindPersons = typeof FindPersons.Encoded

/**
 * Input of `findManyPersons`: several personal numbers, as typed, and why
 * they are looked up (a bulk import's page).
 */
export const FindManyPersons = Schema.Struct({
  personalNumbers: Schema.Array(Schema.String),
  purpose: Schema.optional(Purpose.Purpose),
})

export type FindManyPersons = typeof FindManyPersons.Encoded

/**
 * A person found by personal number, in a case the principal's institution is
 * on the team of: ids and the role only.
 */
export interface PersonFound {
  readonly caseId: Id.CaseId
  readonly reference: CaseReference.CaseReference
  readonly personId: Id.PersonId
  readonly role: Person.PersonRole
}
