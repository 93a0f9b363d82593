/**
 * The case: one survivor's record shared by a case team — its reference, its
 * status, the persons (identifying details sealed elsewhere), incidents, risk
 * assessments, protection orders, the safety plan and the survivor's consents.
 * This module holds the aggregate's schema and the rules that need all of it:
 * the current risk, the validation of a whole case, lifecycle commands with
 * their guards, and the resource the access policy decides on.
 */
import { CivilDate, Errors, Id, type JurisdictionProfile, type Sector } from "@bashke/kernel"
import type { AccessPolicy, BreakGlass, Purpose } from "@bashke/security"
import { Either, Schema } from "effect"
import * as CaseLifecycle from "./CaseLifecycle"
import { CaseReference } from "./CaseReference"
import * as CaseTeam from "./CaseTeam"
import * as Consent from "./Consent"
import * as Incident from "./Incident"
import { Instant } from "./internal/Instant"
import * as Person from "./Person"
import * as ProtectionOrder from "./ProtectionOrder"
import * as RiskAssessment from "./RiskAssessment"
import type * as RiskInstrument from "./RiskInstrument"
import * as SafetyPlan from "./SafetyPlan"

/**
 * How a case was closed: when, and why (the reason may be absent for a case
 * that was not high risk).
 */
export const Closure = Schema.Struct({
  closedAt: Instant,
  reason: Schema.optional(CaseLifecycle.ClosureReason),
}).annotations({ identifier: "CaseClosure" })

export type Closure = typeof Closure.Type

/**
 * A case. `closure` is present while the case is closed; `lastReviewedAt` is the
 * mechanism's last case-conference review; `erasedAt` is when its personal
 * data was erased (its data key destroyed, ADR 0012: what remains is
 * pseudonymous); `version` counts changes, for optimistic concurrency.
 */
export const Case = Schema.Struct({
  id: Id.CaseId,
  mechanismId: Id.MechanismId,
  reference: CaseReference,
  status: CaseLifecycle.Status,
  closure: Schema.optional(Closure),
  team: CaseTeam.CaseTeam,
  persons: Schema.Array(Person.Person),
  incidents: Schema.Array(Incident.Incident),
  assessments: Schema.Array(RiskAssessment.RiskAssessment),
  orders: Schema.Array(ProtectionOrder.ProtectionOrder),
  safetyPlan: SafetyPlan.SafetyPlan,
  consents: Schema.Array(Consent.Consent),
  openedAt: Instant,
  lastReviewedAt: Schema.optional(Instant),
  erasedAt: Schema.optional(Instant),
  version: Schema.Int.pipe(Schema.nonNegative()),
}).annotations({ identifier: "Case" })

export type Case = typeof Case.Type

/**
 * Whether the case involves a child at `year`: a person in the child role, or
 * a victim under 18.
 */
export const hasChild = (aCase: Pick<Case, "persons">, year: number): boolean =>
  aCase.persons.some((person) => person.role !== "alleged-perpetrator" && Person.isMinor(person, year))

/**
 * The case's current risk level: the latest assessment's level, raised to
 * `high` by a breach of a protection order recorded after that assessment (a
 * breach with no assessment yet makes it `high` too). Undefined for a case
 * never assessed and never breached.
 */
export const currentRisk = (aCase: Pick<Case, "assessments" | "orders">): RiskInstrument.RiskLevel | undefined => {
  const latest = RiskAssessment.latest(aCase.assessments)
  const breach = ProtectionOrder.lastBreach(aCase.orders)
  const breachedSince = breach !== undefined && (latest === undefined || breach.getTime() > latest.assessedAt.getTime())
  if (breachedSince) return "high"
  return latest?.level
}

/**
 * What validating a whole case needs besides the case: the institutions that
 * are members of its mechanism, the day (in the jurisdiction's zone) and the
 * jurisdiction profile (communities, the child-protection sector).
 */
export interface Context {
  readonly mechanismMembers: ReadonlySet<Id.InstitutionId>
  readonly today: CivilDate.CivilDate
  readonly profile: JurisdictionProfile.JurisdictionProfile
}

const leftOf = <E>(result: Either.Either<unknown, E>): E | undefined =>
  Either.isLeft(result) ? result.left : undefined

const firstError = <A>(
  items: ReadonlyArray<A>,
  check: (item: A, index: number) => Either.Either<unknown, Errors.InvalidInput>,
): Errors.InvalidInput | undefined => {
  for (const [index, item] of items.entries()) {
    const error = leftOf(check(item, index))
    if (error !== undefined) return error
  }
  return undefined
}

/**
 * Every rule on the case at once, the first broken one as `InvalidInput`:
 * exactly one victim (`case.person.one-victim`), each person, incident, order,
 * consent and safety measure by its own rules, and the team's rules (a child
 * requires social work). Used before a case is written, so a broken case is
 * never stored.
 */
export const validate = (aCase: Case, context: Context): Either.Either<Case, Errors.InvalidInput> => {
  const year = CivilDate.year(context.today)
  const victims = aCase.persons.filter((person) => person.role === "victim").length
  if (victims !== 1) return Either.left(new Errors.InvalidInput({ field: "persons", rule: "case.person.one-victim" }))
  const perpetrators = new Set<string>(
    aCase.persons.filter((person) => person.role === "alleged-perpetrator").map((person) => person.id),
  )
  const teamInstitutions = new Set(aCase.team.members.map((member) => member.institution))
  const error =
    firstError(aCase.persons, (person, index) => Person.validate(person, index, year, context.profile)) ??
    firstError(aCase.incidents, (incident, index) => Incident.validate(incident, index, context.today, perpetrators)) ??
    firstError(aCase.orders, (order, index) => ProtectionOrder.validateDates(order, index)) ??
    firstError(aCase.consents, (consent, index) => Consent.validate(consent, index, context.mechanismMembers)) ??
    firstError(aCase.safetyPlan.measures, (measure, index) =>
      teamInstitutions.has(measure.owner)
        ? Either.right(measure)
        : Either.left(
            new Errors.InvalidInput({
              field: `safetyPlan.measures.${index}.owner`,
              rule: "case.safety.owner-not-in-team",
            }),
          ),
    ) ??
    leftOf(CaseTeam.validate(aCase.team, { hasChild: hasChild(aCase, year) }, context.profile))
  return error === undefined ? Either.right(aCase) : Either.left(error)
}

/**
 * The case after a lifecycle command at `at`: the status moves as
 * `CaseLifecycle` allows, with the current risk as the guards' fact; closing
 * records the closure, reopening clears it.
 */
export const transition = (
  aCase: Case,
  command: CaseLifecycle.Command,
  at: Date,
): Either.Either<Case, Errors.InvalidTransition | Errors.InvalidInput> =>
  Either.map(CaseLifecycle.transition(aCase.status, command, { risk: currentRisk(aCase) }), (status) => {
    const { closure: _closed, ...rest } = aCase
    if (command._tag === "close")
      return {
        ...rest,
        status,
        closure: command.reason === undefined ? { closedAt: at } : { closedAt: at, reason: command.reason },
      }
    return { ...rest, status }
  })

/**
 * The consents that count for access decisions: those that needed no second
 * person's confirmation, and those confirmed (`Consent.counts`). What the
 * access policy and the referral guards read.
 */
export const countedConsents = (aCase: Pick<Case, "consents">): ReadonlyArray<Consent.Consent> =>
  aCase.consents.filter(Consent.counts)

/**
 * Whose details a person's are, as the access policy reads it: the alleged
 * perpetrator's (the institution's own legal basis), or the victim's or a
 * child's (the consent rules). An unknown person is treated as the victim's
 * side, the stricter rule for a consent-less read.
 */
export const subjectOf = (aCase: Pick<Case, "persons">, personId: Id.PersonId): AccessPolicy.Subject =>
  aCase.persons.find((person) => person.id === personId)?.role === "alleged-perpetrator"
    ? "alleged-perpetrator"
    : "victim-or-child"

/**
 * The case as the access policy sees it. `signatories` are the institutions
 * that signed the memorandum in force (from the app's `Signatories` port);
 * `purpose` is the purpose the request states (a personal read without one is
 * refused by the policy); `personId` whose details a personal action is about
 * (its role decides the rules: {@link subjectOf}); `protectionSectors` the
 * profile's sectors with a legal basis for the alleged perpetrator's details;
 * only consents given by the case's persons, and that count, are passed
 * ({@link countedConsents}).
 */
export const toPolicyResource = (
  aCase: Pick<Case, "id" | "mechanismId" | "team" | "consents" | "persons">,
  request: {
    readonly signatories: ReadonlyArray<Id.InstitutionId>
    readonly purpose?: Purpose.Purpose | undefined
    readonly personId?: Id.PersonId | undefined
    /** Whose details, when the person is not in the case yet (a person being added). */
    readonly subject?: AccessPolicy.Subject | undefined
    readonly protectionSectors?: ReadonlyArray<Sector.Sector> | undefined
    readonly breakGlassCode?: BreakGlass.ReasonCode | undefined
    readonly breakGlassReason?: string | undefined
    readonly consent?: AccessPolicy.ConsentRecording | undefined
  },
): AccessPolicy.CaseResource => ({
  _tag: "Case",
  caseId: aCase.id,
  mechanismId: aCase.mechanismId,
  leadInstitution: aCase.team.lead,
  team: CaseTeam.toPolicyTeam(aCase.team),
  consents: countedConsents(aCase).map(Consent.toPolicyConsent),
  signatories: request.signatories,
  ...(request.purpose === undefined ? {} : { purpose: request.purpose }),
  ...(request.subject !== undefined
    ? { subject: request.subject }
    : request.personId === undefined
      ? {}
      : { subject: subjectOf(aCase, request.personId) }),
  ...(request.protectionSectors === undefined ? {} : { protectionSectors: request.protectionSectors }),
  ...(request.breakGlassCode === undefined ? {} : { breakGlassCode: request.breakGlassCode }),
  ...(request.breakGlassReason === undefined ? {} : { breakGlassReason: request.breakGlassReason }),
  ...(request.consent === undefined ? {} : { consent: request.consent }),
})

/**
 * The protection orders of the case in force at `at`.
 */
export const ordersInForce = (aCase: Pick<Case, "orders">, at: Date): ReadonlyArray<ProtectionOrder.ProtectionOrder> =>
  aCase.orders.filter((order) => ProtectionOrder.inForce(order, at))

/**
 * The instruments the case still needs an assessment on under `profile` (in
 * Kosovo the police early assessment on a police-reported case).
 */
export const missingRequiredAssessments = (
  aCase: Pick<Case, "incidents" | "assessments">,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<RiskInstrument.InstrumentId> => RiskAssessment.missingRequiredAssessments(aCase, profile)
