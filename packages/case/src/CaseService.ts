/**
 * The use cases of a case: open it, add persons, record incidents, assess risk,
 * record protection orders and their events, keep the safety plan, give and
 * withdraw consent, change the team, move the case through its lifecycle,
 * read its pseudonymised summary (conference reviews: `CaseReviews`), and read a
 * person's identifying details for a stated purpose.
 *
 * Every use case runs the same way:
 *
 * 1. decode the input (bad input is `InvalidInput` naming the field and the
 *    rule, a catalogue key, never the value);
 * 2. load the case and ask `AccessPolicy` whether the `CurrentPrincipal` may do
 *    it, with the signatories of the memorandum in force (the `Signatories`
 *    port), the case team and the consents;
 * 3. apply the pure rules of the model;
 * 4. write in ONE transaction: the case's new version (optimistic concurrency —
 *    pass `expectedVersion` from an `If-Match`, or leave it out to guard only
 *    against a concurrent change during the command), the rows, an audit entry
 *    for every read or write of personal details, and the outbox event.
 *
 * A refused command writes nothing. Outbox payloads carry ids and codes only,
 * never personal data.
 *
 * Decisions where the issue is silent:
 *
 * - Opening a case is `case.create` on the mechanism; the persons' details
 *   given at opening are written without a consent check (recording what the
 *   opening institution already holds is the act of opening), but audited.
 *   Later personal writes and every personal read need the policy's consent.
 * - The opening institution joins the team with full access; the lead defaults
 *   to the signatory of the profile's lead sector (the centre for social work),
 *   else to the opening institution.
 * - Team changes need `case.write` and the lead institution or the mechanism's
 *   coordinator (`case.team.lead-only`).
 * - A closed case refuses changes (`case.closed.read-only`) except reopening,
 *   and a consent can be withdrawn at any time.
 * - A case moves to `assessed` only once it has the assessments its incidents
 *   require (`case.risk.assessment-required`: the police early assessment on
 *   every police-reported case).
 * - A denied personal read writes nothing (it read nothing); a break-glass read
 *   denied by the policy is announced on the outbox
 *   (`case.break-glass.denied`, ids and the rule only) in its own transaction,
 *   so that an alert can follow: the audit log has no action for a denial.
 * - A break-glass read allowed by the policy (a case worker of a full-access
 *   team institution, with a reason code and a sentence) commits, with its
 *   flagged audit entry, a review on the mechanism's list
 *   (`BreakGlassReviewRepository`) and the alert `case.break-glass.alert` for
 *   the coordinator and the case lead.
 * - A consent is recorded by the lead institution or the institution that took
 *   it (`consent.record`), with how it was given and who took it; one that
 *   widens the recorder's own institution's access counts only once a second
 *   person (the coordinator, or the lead for another institution's) confirms
 *   it (`confirmConsent`, `consent.confirm`). Recording, confirming and
 *   withdrawing each tell the case lead (`case.consent.lead-notice`).
 * - The alleged perpetrator's details are read and written under the
 *   `protection` purpose by a sector the profile gives a legal basis
 *   (`caseTeam.protectionSectors`), never under the victim's consent
 *   (ADR 0004).
 */
import { CivilDate, Errors, Id, Instant, JurisdictionProfile, Id as KernelId, Principal, Span } from "@bashke/kernel"
import { OptimisticConcurrency, Outbox, Transaction } from "@bashke/persistence"
import { AccessPolicy, AuditEntry, AuditLog, type BlindIndex, CaseKeys, type Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Either, Layer, Option } from "effect"
import * as BreakGlassReview from "./BreakGlassReview"
import { BreakGlassReviewRepository } from "./BreakGlassReviewRepository"
import * as Case from "./Case"
import {
  AddMeasure,
  AddPerson,
  AssessRisk,
  ChangeTeam,
  ConfirmConsent,
  FindPersons,
  GiveConsent,
  type NewPerson,
  OpenCase,
  type OrderEventName,
  type PersonFound,
  ReadOrder,
  ReadPersonalData,
  ReadSummary,
  RecordIncident,
  RecordOrder,
  RecordOrderEvent,
  Transition,
  UpdateMeasure,
  WithdrawConsent,
} from "./CaseCommands"
import { aggregateType, type Topic } from "./CaseEvents"
import * as CaseLifecycle from "./CaseLifecycle"
import * as CaseReference from "./CaseReference"
import { CaseRepository, type OpenPage, type OrderEvent } from "./CaseRepository"
import * as CaseSummary from "./CaseSummary"
import * as CaseTeam from "./CaseTeam"
import * as ConferenceEligibility from "./ConferenceEligibility"
import * as Consent from "./Consent"
import * as Incident from "./Incident"
import * as Dash from "./instruments/Dash"
import * as KosovoPoliceEarlyAssessment from "./instruments/KosovoPoliceEarlyAssessment"
import * as CaseAuthority from "./internal/CaseAuthority"
import { decode } from "./internal/Input"
import { subjectOfRole, writtenFor } from "./internal/PersonalPurpose"
import * as OrderCondition from "./OrderCondition"
import * as Person from "./Person"
import * as PersonalData from "./PersonalData"
import type * as ProtectionOrder from "./ProtectionOrder"
import * as ProtectionOrderLifecycle from "./ProtectionOrderLifecycle"
import * as ReferenceSequence from "./ReferenceSequence"
import * as RiskAssessment from "./RiskAssessment"
import * as RiskInstrument from "./RiskInstrument"
import * as SafetyPlan from "./SafetyPlan"
import { Signatories, type Signatory } from "./Signatories"
import * as SqlBreakGlassReviewRepository from "./SqlBreakGlassReviewRepository"
import * as SqlCaseRepository from "./SqlCaseRepository"

type Refusal = Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict
type Changing = Refusal | Errors.InvalidTransition

export interface Service {
  readonly openCase: (input: OpenCase) => Effect.Effect<Case.Case, Refusal, Principal.CurrentPrincipal>
  readonly addPerson: (input: AddPerson) => Effect.Effect<Person.Person, Changing, Principal.CurrentPrincipal>
  readonly recordIncident: (
    input: RecordIncident,
  ) => Effect.Effect<Incident.Incident, Changing, Principal.CurrentPrincipal>
  readonly assessRisk: (
    input: AssessRisk,
  ) => Effect.Effect<RiskAssessment.RiskAssessment, Changing, Principal.CurrentPrincipal>
  /**
   * The risk instruments `assessRisk` accepts under the jurisdiction in force,
   * the default first: what a form asks, so it asks what will be accepted.
   */
  readonly acceptedInstruments: Effect.Effect<ReadonlyArray<RiskInstrument.Instrument>>
  readonly recordOrder: (
    input: RecordOrder,
  ) => Effect.Effect<ProtectionOrder.ProtectionOrder, Changing, Principal.CurrentPrincipal>
  readonly recordOrderEvent: (
    input: RecordOrderEvent,
  ) => Effect.Effect<ProtectionOrder.ProtectionOrder, Changing, Principal.CurrentPrincipal>
  readonly addMeasure: (input: AddMeasure) => Effect.Effect<SafetyPlan.Measure, Changing, Principal.CurrentPrincipal>
  readonly updateMeasure: (
    input: UpdateMeasure,
  ) => Effect.Effect<SafetyPlan.Measure, Changing, Principal.CurrentPrincipal>
  readonly giveConsent: (input: GiveConsent) => Effect.Effect<Consent.Consent, Changing, Principal.CurrentPrincipal>
  /** A second person confirms a consent that widened its recorder's own institution's access. */
  readonly confirmConsent: (
    input: ConfirmConsent,
  ) => Effect.Effect<Consent.Consent, Changing, Principal.CurrentPrincipal>
  readonly withdrawConsent: (
    input: WithdrawConsent,
  ) => Effect.Effect<Consent.Consent, Changing, Principal.CurrentPrincipal>
  readonly changeTeam: (input: ChangeTeam) => Effect.Effect<CaseTeam.CaseTeam, Changing, Principal.CurrentPrincipal>
  readonly transition: (input: Transition) => Effect.Effect<Case.Case, Changing, Principal.CurrentPrincipal>
  /**
   * The whole case without identifying details (they are never part of it), for
   * full-access team members (`policy.access.summary-only` otherwise).
   */
  readonly read: (input: ReadSummary) => Effect.Effect<Case.Case, Refusal, Principal.CurrentPrincipal>
  /**
   * One protection order, for any team member (`case.summary.read`): an order
   * holds codes and dates only, no identifying detail. What a court's sync
   * compares an update with (its hearing in force).
   */
  readonly readOrder: (
    input: ReadOrder,
  ) => Effect.Effect<ProtectionOrder.ProtectionOrder, Refusal, Principal.CurrentPrincipal>
  readonly readSummary: (
    input: ReadSummary,
  ) => Effect.Effect<CaseSummary.CaseSummary, Refusal, Principal.CurrentPrincipal>
  /**
   * The summaries of a mechanism's open cases at `at`, for the meeting
   * package's `CaseSummaries` port. Pseudonymised, so no principal is asked:
   * the agenda is built by the meeting package, which checks its own access.
   */
  readonly summaries: (mechanismId: Id.MechanismId, at: Date) => Effect.Effect<ReadonlyArray<CaseSummary.CaseSummary>>
  /**
   * One page of those summaries by case id, after `after`, at most `limit`
   * (optionally of one risk level, open status and lead institution), paged in SQL (`CaseRepository.openPage`):
   * the case list's read. Who may list is the caller's decision, as for
   * {@link Service.summaries}.
   */
  readonly summaryPage: (
    mechanismId: Id.MechanismId,
    page: OpenPage,
    at: Date,
  ) => Effect.Effect<ReadonlyArray<CaseSummary.CaseSummary>>
  readonly readPersonalData: (
    input: ReadPersonalData,
  ) => Effect.Effect<Person.PersonalDetails, Refusal, Principal.CurrentPrincipal>
  readonly findPersons: (
    input: FindPersons,
  ) => Effect.Effect<ReadonlyArray<PersonFound>, Errors.InvalidInput, Principal.CurrentPrincipal>
}

export class CaseService extends Context.Tag("@bashke/case/CaseService")<CaseService, Service>() {}

/**
 * Options of the service: the risk instruments it accepts (default: the DASH
 * checklist with the profile's thresholds, and the Kosovo police early
 * assessment).
 */
export interface Options {
  readonly instruments?: (profile: JurisdictionProfile.JurisdictionProfile) => ReadonlyArray<RiskInstrument.Instrument>
}

/**
 * The instruments accepted by default.
 */
export const defaultInstruments = (
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<RiskInstrument.Instrument> => [
  Dash.make(profile),
  KosovoPoliceEarlyAssessment.make(undefined, profile),
]

const institutionIds = (signatories: ReadonlyArray<Signatory>): ReadonlyArray<Id.InstitutionId> =>
  signatories.map((signatory) => signatory.institution)

const closedForChanges = new Errors.InvalidInput({ field: "caseId", rule: "case.closed.read-only" })

/**
 * The use cases over the repository, personal data, the signatories port, the
 * audit log and the outbox.
 */
export const make = (
  options: Options = {},
): Effect.Effect<
  Service,
  never,
  | CaseRepository
  | BreakGlassReviewRepository
  | PersonalData.PersonalData
  | Signatories
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | KernelId.IdGenerator
> =>
  Effect.gen(function* () {
    const repository = yield* CaseRepository
    const reviews = yield* BreakGlassReviewRepository
    const personal = yield* PersonalData.PersonalData
    const signatoriesPort = yield* Signatories
    const audit = yield* AuditLog.AuditLog
    const sql = yield* SqlClient.SqlClient
    const ids = yield* KernelId.IdGenerator
    const instrumentsOf = options.instruments ?? defaultInstruments
    // Outbox.append and ReferenceSequence need these two; provided here so the
    // callers of the service do not.
    const storeContext = Context.make(SqlClient.SqlClient, sql).pipe(Context.add(KernelId.IdGenerator, ids))

    const emit = (topic: Topic, caseId: Id.CaseId, payload: Readonly<Record<string, unknown>>) =>
      Outbox.append({ topic, aggregateType, aggregateId: caseId, payload: { caseId, ...payload } }).pipe(
        Effect.provide(storeContext),
      )

    const transaction = Transaction.within(sql)

    // Ids, the reference sequence and the outbox use the service's own client and
    // id generator, so the callers of the service provide only the principal.
    const run = <A, E>(
      name: string,
      effect: Effect.Effect<A, E, Principal.CurrentPrincipal | SqlClient.SqlClient | KernelId.IdGenerator>,
    ): Effect.Effect<A, E, Principal.CurrentPrincipal> => effect.pipe(Effect.provide(storeContext), Span.untraced(name))

    // A case of another mechanism is, to the caller, a case that does not exist:
    // refused after the same one look-up an unknown id takes (no existence oracle,
    // by status or by time). Every use case on a case is refused to outsiders by
    // the policy anyway (`allow` conceals that refusal the same way).
    const load = (id: Id.CaseId) =>
      Effect.gen(function* () {
        // One statement (the case whole, ADR 0027); a case of a mechanism the
        // principal is not in reads as one that does not exist.
        const found = yield* repository.find(id)
        const principal = yield* Principal.CurrentPrincipal
        if (Option.isSome(found) && Principal.belongsTo(principal, found.value.mechanismId)) return found.value
        return yield* new Errors.NotFound({ entity: "Case", id })
      })

    /** The principal, the time, the profile and the signatories for a command on `aCase`. */
    const situation = (mechanismId: Id.MechanismId) =>
      Effect.gen(function* () {
        const principal = yield* Principal.CurrentPrincipal
        const at = yield* Instant.now
        const profile = yield* JurisdictionProfile.CurrentJurisdiction
        const signatories = yield* signatoriesPort.at(mechanismId, at)
        return { principal, at, profile, signatories, today: CivilDate.ofInstant(at, profile.timezone) }
      })

    type Situation = Effect.Effect.Success<ReturnType<typeof situation>>

    const allow = (
      s: Situation,
      action: typeof AccessPolicy.Action.Type,
      aCase: Case.Case,
      request: Omit<Parameters<typeof Case.toPolicyResource>[1], "signatories" | "protectionSectors"> = {},
    ) =>
      AccessPolicy.enforce(
        s.principal,
        action,
        Case.toPolicyResource(aCase, {
          signatories: institutionIds(s.signatories),
          protectionSectors: s.profile.caseTeam.protectionSectors.value,
          ...request,
        }),
        s.at,
        // Outside the case's mechanism a refusal is a `NotFound`, as for an unknown case id.
      ).pipe(
        Principal.concealOutside(
          s.principal,
          aCase.mechanismId,
          () => new Errors.NotFound({ entity: "Case", id: aCase.id }),
        ),
      )

    /**
     * Loads the case, checks `case.write` (and, when personal details of
     * `personal`'s side are written, `case.personal.write` for the purpose
     * that side is written for) and that it is open.
     */
    const forChange = (
      caseId: Id.CaseId,
      options: { readonly personal?: AccessPolicy.Subject | undefined; readonly whenClosed?: boolean } = {},
    ) =>
      Effect.gen(function* () {
        const aCase = yield* load(caseId)
        const s = yield* situation(aCase.mechanismId)
        yield* allow(s, "case.write", aCase)
        if (options.personal !== undefined)
          yield* allow(s, "case.personal.write", aCase, {
            purpose: writtenFor(options.personal),
            subject: options.personal,
          })
        // An erased case is never changed again, not even reopened: its data key is gone (ADR 0012).
        if (aCase.erasedAt !== undefined) return yield* Effect.fail(CaseAuthority.erased)
        if (aCase.status === "closed" && options.whenClosed !== true) return yield* Effect.fail(closedForChanges)
        return { aCase, s }
      })

    const claim = (aCase: Case.Case, expectedVersion: number | undefined, loaded: Case.Case) =>
      repository.update(aCase, expectedVersion ?? loaded.version)

    const access = (
      s: Situation,
      aCase: Case.Case,
      personId: Id.PersonId,
      role: Person.PersonRole,
    ): PersonalData.Access => ({
      principal: s.principal,
      mechanismId: aCase.mechanismId,
      caseId: aCase.id,
      personId,
      purpose: writtenFor(subjectOfRole(role)),
    })

    const toPerson = (id: Id.PersonId, input: typeof NewPerson.Type): Person.Person => ({
      id,
      role: input.role,
      sex: input.sex,
      ...(input.birthYear === undefined ? {} : { birthYear: input.birthYear }),
      ...(input.ageBand === undefined ? {} : { ageBand: input.ageBand }),
      ...(input.community === undefined ? {} : { community: input.community }),
      disabilities: input.disabilities,
      ...(input.relationship === undefined ? {} : { relationship: input.relationship }),
    })

    // -- open ---------------------------------------------------------------

    const openCase: Service["openCase"] = (raw) =>
      run(
        "CaseService.openCase",
        Effect.gen(function* () {
          const input = yield* decode(OpenCase)(raw)
          const s = yield* situation(input.mechanismId)
          const signatoryIds = institutionIds(s.signatories)
          yield* AccessPolicy.enforce(
            s.principal,
            "case.create",
            { _tag: "Mechanism", mechanismId: input.mechanismId, signatories: signatoryIds },
            s.at,
          )
          const opener = s.principal.institution
          // `case.create` needs an institution; the policy has checked it.
          if (opener === undefined) return yield* Effect.dieMessage("case.create allowed without an institution")

          const earlier = yield* repository.municipalityOf(input.mechanismId)
          if (Option.isSome(earlier) && earlier.value !== input.municipality)
            return yield* Effect.fail(
              new Errors.InvalidInput({ field: "municipality", rule: "case.mechanism.municipality-mismatch" }),
            )

          const sectorOf = new Map(
            s.signatories.map((signatory) => [signatory.institution as string, signatory.sector]),
          )
          const members: Array<CaseTeam.TeamMember> = []
          for (const [index, member] of input.team.entries()) {
            const sector = sectorOf.get(member.institution)
            if (sector === undefined)
              return yield* Effect.fail(
                new Errors.InvalidInput({ field: `team.${index}.institution`, rule: "case.team.member-not-signatory" }),
              )
            members.push({ institution: member.institution, sector, access: member.access })
          }
          const lead = input.lead ?? CaseTeam.defaultLead(s.signatories, s.profile) ?? opener
          for (const institution of [opener, lead]) {
            const sector = sectorOf.get(institution)
            if (sector === undefined)
              return yield* Effect.fail(
                new Errors.InvalidInput({ field: "lead", rule: "case.team.member-not-signatory" }),
              )
            if (!members.some((member) => member.institution === institution))
              members.push({ institution, sector, access: "full" })
          }

          const caseId = yield* Id.CaseId.generate
          const persons: Array<{ readonly person: Person.Person; readonly details?: Person.PersonalDetails }> = []
          for (const entry of input.persons) {
            const person = toPerson(yield* Id.PersonId.generate, entry)
            persons.push(entry.details === undefined ? { person } : { person, details: entry.details })
          }
          const year = CivilDate.year(s.today)
          const draft = (reference: CaseReference.CaseReference, version: number): Case.Case => ({
            id: caseId,
            mechanismId: input.mechanismId,
            reference,
            status: "open",
            team: { lead, members },
            persons: persons.map((entry) => entry.person),
            incidents: [],
            assessments: [],
            orders: [],
            safetyPlan: SafetyPlan.empty,
            consents: [],
            openedAt: s.at,
            version,
          })
          // Every rule before the transaction: the reference is not known yet, so a
          // stand-in of the same form is checked.
          const standIn = yield* CaseReference.format({ municipality: input.municipality, year, sequence: 1 })
          yield* Case.validate(draft(standIn, OptimisticConcurrency.initialVersion), {
            mechanismMembers: new Set(signatoryIds),
            today: s.today,
            profile: s.profile,
          })

          return yield* transaction(
            Effect.gen(function* () {
              const sequence = yield* ReferenceSequence.next(input.mechanismId, year)
              const reference = yield* CaseReference.format({ municipality: input.municipality, year, sequence })
              const aCase = draft(reference, OptimisticConcurrency.initialVersion)
              yield* repository.insert(aCase, { municipality: input.municipality, year, sequence })
              yield* emit("case.case.opened", caseId, {
                mechanismId: aCase.mechanismId,
                reference,
                lead,
                sectors: CaseTeam.sectors(aCase.team),
              })
              for (const { person, details } of persons) {
                const sealed =
                  details === undefined
                    ? { fields: {} }
                    : yield* personal.write(access(s, aCase, person.id, person.role), details)
                yield* repository.insertPerson(caseId, person, sealed, s.at)
                yield* emit("case.person.added", caseId, { personId: person.id, role: person.role })
              }
              return aCase
            }),
          )
        }),
      )

    // -- persons ------------------------------------------------------------

    const addPerson: Service["addPerson"] = (raw) =>
      run(
        "CaseService.addPerson",
        Effect.gen(function* () {
          const input = yield* decode(AddPerson)(raw)
          const { aCase, s } = yield* forChange(input.caseId, {
            personal: input.person.details === undefined ? undefined : subjectOfRole(input.person.role),
          })
          const person = toPerson(yield* Id.PersonId.generate, input.person)
          const year = CivilDate.year(s.today)
          const index = aCase.persons.length
          yield* Person.validate(person, index, year, s.profile)
          if (person.role === "victim" && aCase.persons.some((p) => p.role === "victim"))
            return yield* Effect.fail(new Errors.InvalidInput({ field: "person.role", rule: "case.person.one-victim" }))
          const updated: Case.Case = { ...aCase, persons: [...aCase.persons, person] }
          yield* CaseTeam.validate(updated.team, { hasChild: Case.hasChild(updated, year) }, s.profile)
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              const sealed =
                input.person.details === undefined
                  ? { fields: {} }
                  : yield* personal.write(access(s, aCase, person.id, person.role), input.person.details)
              yield* repository.insertPerson(aCase.id, person, sealed, s.at)
              yield* emit("case.person.added", aCase.id, { personId: person.id, role: person.role })
              return person
            }),
          )
        }),
      )

    // -- incidents ----------------------------------------------------------

    const recordIncident: Service["recordIncident"] = (raw) =>
      run(
        "CaseService.recordIncident",
        Effect.gen(function* () {
          const input = yield* decode(RecordIncident)(raw)
          const { aCase, s } = yield* forChange(input.caseId)
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
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.insertIncident(aCase.id, incident)
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
          )
        }),
      )

    // -- risk ---------------------------------------------------------------

    const acceptedInstruments: Service["acceptedInstruments"] = Effect.map(
      JurisdictionProfile.CurrentJurisdiction,
      instrumentsOf,
    )

    const assessRisk: Service["assessRisk"] = (raw) =>
      run(
        "CaseService.assessRisk",
        Effect.gen(function* () {
          const input = yield* decode(AssessRisk)(raw)
          const { aCase, s } = yield* forChange(input.caseId)
          const instrument = RiskInstrument.find(instrumentsOf(s.profile), input.instrument)
          if (instrument === undefined)
            return yield* Effect.fail(
              new Errors.InvalidInput({ field: "instrument", rule: "case.risk.instrument.unknown" }),
            )
          const assessedBy = s.principal.institution
          if (assessedBy === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
          const assessment = yield* RiskAssessment.assess(
            instrument,
            {
              id: yield* RiskAssessment.RiskAssessmentId.generate,
              answers: input.answers,
              judgement: input.judgement,
              assessedAt: s.at,
              assessedBy,
            },
            s.profile,
          )
          const updated: Case.Case = { ...aCase, assessments: [...aCase.assessments, assessment] }
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.insertAssessment(aCase.id, assessment)
              yield* emit("case.risk.assessed", aCase.id, {
                assessmentId: assessment.id,
                instrument: assessment.instrument,
                computedLevel: assessment.computedLevel,
                level: assessment.level,
                riskLevel: Case.currentRisk(updated) ?? null,
                reassessOn: assessment.reassessOn,
              })
              return assessment
            }),
          )
        }),
      )

    // -- protection orders --------------------------------------------------

    const recordOrder: Service["recordOrder"] = (raw) =>
      run(
        "CaseService.recordOrder",
        Effect.gen(function* () {
          const input = yield* decode(RecordOrder)(raw)
          const { aCase, s } = yield* forChange(input.caseId)
          const started = yield* ProtectionOrderLifecycle.start(
            {
              id: yield* Id.ProtectionOrderId.generate,
              kind: input.kind,
              petitioner: input.petitioner,
              requestedAt: input.requestedAt,
              issuedAt: input.issuedAt,
              expiresAt: input.expiresAt,
            },
            aCase.orders.length,
            s.profile,
          )
          if (input.conditions !== undefined) yield* OrderCondition.validate(input.conditions, s.profile, aCase.persons)
          const order = input.conditions === undefined ? started : { ...started, conditions: input.conditions }
          const updated: Case.Case = { ...aCase, orders: [...aCase.orders, order] }
          const issued = order.status === "issued"
          const event: OrderEvent = issued
            ? { event: "issued", at: order.issuedAt ?? s.at, recordedAt: s.at }
            : { event: "requested", at: order.requestedAt ?? s.at, recordedAt: s.at }
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.insertOrder(aCase.id, order, event)
              yield* emit(issued ? "case.protection-order.issued" : "case.protection-order.requested", aCase.id, {
                orderId: order.id,
                kind: order.kind,
                status: order.status,
                ...orderDates(order),
              })
              return order
            }),
          )
        }),
      )

    const orderDates = (order: ProtectionOrder.ProtectionOrder) => ({
      requestedAt: order.requestedAt?.toISOString() ?? null,
      issuedAt: order.issuedAt?.toISOString() ?? null,
      expiresAt: order.expiresAt?.toISOString() ?? null,
    })

    const orderTopics: Record<typeof OrderEventName.Type, Topic> = {
      issued: "case.protection-order.issued",
      rejected: "case.protection-order.rejected",
      extended: "case.protection-order.extended",
      expired: "case.protection-order.expired",
      "breach-recorded": "case.protection-order.breached",
      "hearing-scheduled": "case.protection-order.hearing-scheduled",
    }

    const recordOrderEvent: Service["recordOrderEvent"] = (raw) =>
      run(
        "CaseService.recordOrderEvent",
        Effect.gen(function* () {
          const input = yield* decode(RecordOrderEvent)(raw)
          const { aCase, s } = yield* forChange(input.caseId)
          const index = aCase.orders.findIndex((order) => order.id === input.orderId)
          const order = aCase.orders[index]
          if (order === undefined)
            return yield* Effect.fail(new Errors.NotFound({ entity: "ProtectionOrder", id: input.orderId }))
          const event = yield* lifecycleEvent(input)
          const changed = yield* ProtectionOrderLifecycle.apply(order, event, index, s.profile)
          const updated: Case.Case = {
            ...aCase,
            orders: aCase.orders.map((o) => (o.id === changed.id ? changed : o)),
          }
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.updateOrder(aCase.id, changed, {
                event: input.event,
                at: input.at,
                until: input.until,
                reportedBy: input.reportedBy,
                hearingAt: input.hearingAt,
                court: input.court,
                recordedAt: s.at,
              })
              yield* emit(orderTopics[input.event], aCase.id, {
                orderId: changed.id,
                kind: changed.kind,
                status: changed.status,
                ...orderDates(changed),
                // A breach raises the risk (see `Case.currentRisk`) and is a ground
                // for a conference: both are announced with it.
                ...(input.event === "breach-recorded"
                  ? {
                      at: input.at.toISOString(),
                      riskLevel: Case.currentRisk(updated) ?? null,
                      conferenceReasons: CaseSummary.summarize(updated, s.at, s.profile).conferenceReasons,
                    }
                  : {}),
                ...(input.event === "hearing-scheduled" && input.hearingAt !== undefined
                  ? {
                      hearingAt: input.hearingAt.toISOString(),
                      scheduledAt: input.at.toISOString(),
                      court: input.court ?? null,
                    }
                  : {}),
              })
              return changed
            }),
          )
        }),
      )

    const lifecycleEvent = (
      input: typeof RecordOrderEvent.Type,
    ): Effect.Effect<ProtectionOrderLifecycle.Event, Errors.InvalidInput> => {
      const { Event } = ProtectionOrderLifecycle
      switch (input.event) {
        case "issued":
          return Effect.succeed(Event.Issued({ at: input.at, expiresAt: input.expiresAt }))
        case "rejected":
          return Effect.succeed(Event.Rejected({ at: input.at }))
        case "extended":
          return input.until === undefined
            ? Effect.fail(new Errors.InvalidInput({ field: "until", rule: "case.input.invalid" }))
            : Effect.succeed(Event.Extended({ at: input.at, until: input.until }))
        case "expired":
          return Effect.succeed(Event.Expired({ at: input.at }))
        case "breach-recorded":
          return Effect.succeed(Event.BreachRecorded({ at: input.at, reportedBy: input.reportedBy }))
        case "hearing-scheduled":
          return input.hearingAt === undefined
            ? Effect.fail(new Errors.InvalidInput({ field: "hearingAt", rule: "case.input.invalid" }))
            : Effect.succeed(Event.HearingScheduled({ at: input.at, hearingAt: input.hearingAt, court: input.court }))
      }
    }

    // -- safety plan --------------------------------------------------------

    const addMeasure: Service["addMeasure"] = (raw) =>
      run(
        "CaseService.addMeasure",
        Effect.gen(function* () {
          const input = yield* decode(AddMeasure)(raw)
          const { aCase, s } = yield* forChange(input.caseId)
          const measure: SafetyPlan.Measure = {
            id: yield* SafetyPlan.SafetyMeasureId.generate,
            kind: input.kind,
            owner: input.owner,
            reviewOn: input.reviewOn,
            status: "open",
          }
          const team = new Set(aCase.team.members.map((member) => member.institution))
          yield* SafetyPlan.validateMeasure(measure, aCase.safetyPlan.measures.length, team, s.today)
          const updated: Case.Case = { ...aCase, safetyPlan: { measures: [...aCase.safetyPlan.measures, measure] } }
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.insertMeasure(aCase.id, measure)
              yield* emit("case.safety-measure.added", aCase.id, {
                measureId: measure.id,
                kind: measure.kind,
                owner: measure.owner,
                reviewOn: measure.reviewOn,
              })
              return measure
            }),
          )
        }),
      )

    const updateMeasure: Service["updateMeasure"] = (raw) =>
      run(
        "CaseService.updateMeasure",
        Effect.gen(function* () {
          const input = yield* decode(UpdateMeasure)(raw)
          const { aCase, s } = yield* forChange(input.caseId)
          const index = aCase.safetyPlan.measures.findIndex((measure) => measure.id === input.measureId)
          const current = aCase.safetyPlan.measures[index]
          if (current === undefined)
            return yield* Effect.fail(new Errors.NotFound({ entity: "SafetyMeasure", id: input.measureId }))
          const measure: SafetyPlan.Measure = {
            ...current,
            ...(input.status === undefined ? {} : { status: input.status }),
            ...(input.owner === undefined ? {} : { owner: input.owner }),
            ...(input.reviewOn === undefined ? {} : { reviewOn: input.reviewOn }),
          }
          const team = new Set(aCase.team.members.map((member) => member.institution))
          // A review day already past is refused only when it is what changes: an
          // overdue measure can still be closed or handed to another member.
          const checkedFrom = input.reviewOn === undefined && measure.reviewOn < s.today ? measure.reviewOn : s.today
          yield* SafetyPlan.validateMeasure(measure, index, team, checkedFrom)
          const updated: Case.Case = {
            ...aCase,
            safetyPlan: { measures: aCase.safetyPlan.measures.map((m) => (m.id === measure.id ? measure : m)) },
          }
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.updateMeasure(aCase.id, measure)
              yield* emit("case.safety-measure.updated", aCase.id, {
                measureId: measure.id,
                kind: measure.kind,
                owner: measure.owner,
                reviewOn: measure.reviewOn,
                status: measure.status,
              })
              return measure
            }),
          )
        }),
      )

    // -- consent ------------------------------------------------------------

    // Every consent recorded, confirmed or withdrawn tells the case lead (ids only).
    const noticeToLead = (
      s: Situation,
      aCase: Case.Case,
      consent: Consent.Consent,
      change: "recorded" | "confirmed" | "withdrawn",
    ) =>
      emit("case.consent.lead-notice", aCase.id, {
        consentId: consent.id,
        lead: aCase.team.lead,
        change,
        awaitingConfirmation: !Consent.counts(consent) && consent.withdrawnAt === undefined,
        principalId: s.principal.id,
        institutionId: s.principal.institution ?? null,
      })

    const giveConsent: Service["giveConsent"] = (raw) =>
      run(
        "CaseService.giveConsent",
        Effect.gen(function* () {
          const input = yield* decode(GiveConsent)(raw)
          const { aCase, s } = yield* forChange(input.caseId)
          const recorder = s.principal.institution
          // `case.write` needs an institution; the policy has checked it.
          if (recorder === undefined) return yield* Effect.dieMessage("case.write allowed without an institution")
          const takenBy = input.takenBy ?? recorder
          yield* allow(s, "consent.record", aCase, { consent: { takenBy } })
          const giver = aCase.persons.find((person) => person.id === input.givenBy)
          if (giver === undefined || giver.role === "alleged-perpetrator")
            return yield* Effect.fail(new Errors.InvalidInput({ field: "givenBy", rule: "case.consent.giver-unknown" }))
          const recorderSector = s.signatories.find((signatory) => signatory.institution === recorder)?.sector
          const scope = { institutions: input.institutions, sectors: input.sectors }
          const consent: Consent.Consent = {
            id: yield* Id.ConsentId.generate,
            givenBy: input.givenBy,
            ...scope,
            purposes: input.purposes,
            from: input.from ?? s.at,
            ...(input.until === undefined ? {} : { until: input.until }),
            recording: {
              method: input.method,
              takenBy,
              recordedBy: s.principal.id,
              recordedFor: recorder,
              ...(input.witnessedBy === undefined ? {} : { witnessedBy: input.witnessedBy }),
            },
            // No one opens their own institution's access alone.
            needsConfirmation:
              Consent.widensAccessOf(scope, recorder, s.principal.sector) ||
              Consent.widensAccessOf(scope, recorder, recorderSector),
          }
          yield* Consent.validate(consent, aCase.consents.length, new Set(institutionIds(s.signatories)))
          const updated: Case.Case = { ...aCase, consents: [...aCase.consents, consent] }
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.insertConsent(aCase.id, consent)
              yield* emit("case.consent.given", aCase.id, {
                consentId: consent.id,
                givenBy: consent.givenBy,
                institutions: consent.institutions,
                sectors: consent.sectors,
                purposes: consent.purposes,
                from: consent.from.toISOString(),
                until: consent.until?.toISOString() ?? null,
                method: input.method,
                takenBy,
                needsConfirmation: consent.needsConfirmation,
              })
              yield* noticeToLead(s, aCase, consent, "recorded")
              return consent
            }),
          )
        }),
      )

    const confirmConsent: Service["confirmConsent"] = (raw) =>
      run(
        "CaseService.confirmConsent",
        Effect.gen(function* () {
          const input = yield* decode(ConfirmConsent)(raw)
          const aCase = yield* load(input.caseId)
          const s = yield* situation(aCase.mechanismId)
          const current = aCase.consents.find((consent) => consent.id === input.consentId)
          // The coordinator confirms off the team: what it may see of the case is checked first.
          if (current === undefined) {
            yield* allow(s, "consent.confirm", aCase, { consent: {} })
            return yield* Effect.fail(new Errors.NotFound({ entity: "Consent", id: input.consentId }))
          }
          const recording = current.recording
          yield* allow(s, "consent.confirm", aCase, {
            consent:
              recording === undefined
                ? {}
                : { takenBy: recording.takenBy, recordedBy: recording.recordedBy, recordedFor: recording.recordedFor },
          })
          if (aCase.status === "closed") return yield* Effect.fail(closedForChanges)
          const confirmed = yield* Consent.confirm(current, {
            confirmedBy: s.principal.id,
            ...(s.principal.institution === undefined ? {} : { confirmedFor: s.principal.institution }),
            confirmedAt: s.at,
          })
          const updated: Case.Case = {
            ...aCase,
            consents: aCase.consents.map((consent) => (consent.id === confirmed.id ? confirmed : consent)),
          }
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.updateConsent(aCase.id, confirmed)
              yield* emit("case.consent.confirmed", aCase.id, {
                consentId: confirmed.id,
                confirmedAt: s.at.toISOString(),
              })
              yield* noticeToLead(s, aCase, confirmed, "confirmed")
              return confirmed
            }),
          )
        }),
      )

    const withdrawConsent: Service["withdrawConsent"] = (raw) =>
      run(
        "CaseService.withdrawConsent",
        Effect.gen(function* () {
          const input = yield* decode(WithdrawConsent)(raw)
          // A survivor may withdraw whatever the case's status.
          const { aCase, s } = yield* forChange(input.caseId, { whenClosed: true })
          const current = aCase.consents.find((consent) => consent.id === input.consentId)
          if (current === undefined)
            return yield* Effect.fail(new Errors.NotFound({ entity: "Consent", id: input.consentId }))
          const withdrawn = yield* Consent.withdraw(current, s.at)
          const updated: Case.Case = {
            ...aCase,
            consents: aCase.consents.map((consent) => (consent.id === withdrawn.id ? withdrawn : consent)),
          }
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.updateConsent(aCase.id, withdrawn)
              yield* emit("case.consent.withdrawn", aCase.id, {
                consentId: withdrawn.id,
                withdrawnAt: s.at.toISOString(),
                // Whom it covered: those who must stop using what was shared under it.
                institutions: withdrawn.institutions,
                sectors: withdrawn.sectors,
              })
              yield* noticeToLead(s, aCase, withdrawn, "withdrawn")
              return withdrawn
            }),
          )
        }),
      )

    // -- team ---------------------------------------------------------------

    const changeTeam: Service["changeTeam"] = (raw) =>
      run(
        "CaseService.changeTeam",
        Effect.gen(function* () {
          const input = yield* decode(ChangeTeam)(raw)
          const { aCase, s } = yield* forChange(input.caseId)
          const coordinator =
            Principal.hasRole(s.principal, "coordinator") && Principal.belongsTo(s.principal, aCase.mechanismId)
          if (s.principal.institution !== aCase.team.lead && !coordinator)
            return yield* Effect.fail(new Errors.Forbidden({ action: "case.team.change", rule: "case.team.lead-only" }))
          const sectorOf = new Map(
            s.signatories.map((signatory) => [signatory.institution as string, signatory.sector]),
          )
          let members = aCase.team.members.filter((member) => !input.remove.includes(member.institution))
          for (const [index, change] of input.set.entries()) {
            const sector = sectorOf.get(change.institution)
            if (sector === undefined)
              return yield* Effect.fail(
                new Errors.InvalidInput({ field: `set.${index}.institution`, rule: "case.team.member-not-signatory" }),
              )
            members = members.some((member) => member.institution === change.institution)
              ? members.map((member) =>
                  member.institution === change.institution ? { ...member, access: change.access } : member,
                )
              : [...members, { institution: change.institution, sector, access: change.access }]
          }
          const team: CaseTeam.CaseTeam = { lead: input.lead ?? aCase.team.lead, members }
          const year = CivilDate.year(s.today)
          yield* CaseTeam.validate(team, { hasChild: Case.hasChild(aCase, year) }, s.profile)
          // Open safety measures stay owned by a member of the team.
          const stranded = aCase.safetyPlan.measures.findIndex(
            (measure) => measure.status === "open" && !CaseTeam.isMember(team, measure.owner),
          )
          if (stranded >= 0)
            return yield* Effect.fail(
              new Errors.InvalidInput({
                field: `safetyPlan.measures.${stranded}.owner`,
                rule: "case.safety.owner-not-in-team",
              }),
            )
          const updated: Case.Case = { ...aCase, team }
          return yield* transaction(
            Effect.gen(function* () {
              yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.saveTeam(aCase.id, team, s.at)
              yield* emit("case.team.changed", aCase.id, {
                lead: team.lead,
                members: team.members.map((member) => ({ institution: member.institution, access: member.access })),
                sectors: CaseTeam.sectors(team),
              })
              return team
            }),
          )
        }),
      )

    // -- lifecycle ----------------------------------------------------------

    const lifecycleCommand = (input: typeof Transition.Type): CaseLifecycle.Command => {
      const { Command } = CaseLifecycle
      switch (input.command) {
        case "assess":
          return Command.assess()
        case "activate":
          return Command.activate()
        case "monitor":
          return Command.monitor()
        case "close":
          return Command.close({ reason: input.reason })
        case "reopen":
          return Command.reopen({ reason: input.reason })
      }
    }

    const transition: Service["transition"] = (raw) =>
      run(
        "CaseService.transition",
        Effect.gen(function* () {
          const input = yield* decode(Transition)(raw)
          const { aCase, s } = yield* forChange(input.caseId, { whenClosed: true })
          const command = lifecycleCommand(input)
          const updated = yield* Case.transition(aCase, command, s.at)
          // A case is assessed only with the assessments its incidents require (the
          // police early assessment on every police-reported case, 2013 SOP).
          const missing = Case.missingRequiredAssessments(aCase, s.profile)
          if (command._tag === "assess" && missing.length > 0)
            return yield* Effect.fail(
              new Errors.InvalidInput({ field: "assessments", rule: "case.risk.assessment-required" }),
            )
          return yield* transaction(
            Effect.gen(function* () {
              const saved = yield* claim(updated, input.expectedVersion, aCase)
              yield* repository.insertTransition(aCase.id, {
                command: command._tag,
                from: aCase.status,
                to: saved.status,
                reason: "reason" in command ? command.reason : undefined,
                at: s.at,
                principalId: s.principal.id,
                institutionId: s.principal.institution,
              })
              yield* emit("case.case.transitioned", aCase.id, {
                command: command._tag,
                from: aCase.status,
                to: saved.status,
                reason: ("reason" in command ? command.reason : undefined) ?? null,
                riskLevel: Case.currentRisk(saved) ?? null,
              })
              return saved
            }),
          )
        }),
      )

    // -- reads --------------------------------------------------------------

    const read: Service["read"] = (raw) =>
      run(
        "CaseService.read",
        Effect.gen(function* () {
          const input = yield* decode(ReadSummary)(raw)
          const aCase = yield* load(input.caseId)
          const s = yield* situation(aCase.mechanismId)
          yield* allow(s, "case.summary.read", aCase)
          // The whole record (answers, incidents, consents) is for full-access
          // members; a summary-access member sees the summary only.
          const member = aCase.team.members.find((m) => m.institution === s.principal.institution)
          if (member?.access !== "full")
            return yield* Effect.fail(new Errors.Forbidden({ action: "case.read", rule: "policy.access.summary-only" }))
          return aCase
        }),
      )

    const readOrder: Service["readOrder"] = (raw) =>
      run(
        "CaseService.readOrder",
        Effect.gen(function* () {
          const input = yield* decode(ReadOrder)(raw)
          const aCase = yield* load(input.caseId)
          const s = yield* situation(aCase.mechanismId)
          yield* allow(s, "case.summary.read", aCase)
          const order = aCase.orders.find((o) => o.id === input.orderId)
          if (order === undefined)
            return yield* Effect.fail(new Errors.NotFound({ entity: "ProtectionOrder", id: input.orderId }))
          return order
        }),
      )

    const readSummary: Service["readSummary"] = (raw) =>
      run(
        "CaseService.readSummary",
        Effect.gen(function* () {
          const input = yield* decode(ReadSummary)(raw)
          const aCase = yield* load(input.caseId)
          const s = yield* situation(aCase.mechanismId)
          yield* allow(s, "case.summary.read", aCase)
          return CaseSummary.summarize(aCase, s.at, s.profile)
        }),
      )

    const summaries: Service["summaries"] = (mechanismId, at) =>
      Effect.gen(function* () {
        const profile = yield* JurisdictionProfile.CurrentJurisdiction
        const cases = yield* repository.list(mechanismId)
        return cases.map((aCase) => CaseSummary.summarize(aCase, at, profile))
      }).pipe(Span.untraced("CaseService.summaries"))

    const summaryPage: Service["summaryPage"] = (mechanismId, page, at) =>
      Effect.gen(function* () {
        const profile = yield* JurisdictionProfile.CurrentJurisdiction
        const cases = yield* repository.openPage(mechanismId, page)
        return cases.map((aCase) => CaseSummary.summarize(aCase, at, profile))
      }).pipe(Span.untraced("CaseService.summaryPage"))

    const readPersonalData: Service["readPersonalData"] = (raw) =>
      run(
        "CaseService.readPersonalData",
        Effect.gen(function* () {
          const input = yield* decode(ReadPersonalData)(raw)
          const aCase = yield* load(input.caseId)
          const s = yield* situation(aCase.mechanismId)
          const breakGlass =
            input.breakGlassReason !== undefined ||
            input.breakGlassCode !== undefined ||
            input.purpose === "break-glass"
          const request = breakGlass
            ? {
                purpose: "break-glass" as const,
                personId: input.personId,
                breakGlassReason: input.breakGlassReason ?? "",
                breakGlassCode: input.breakGlassCode,
              }
            : { purpose: input.purpose, personId: input.personId }
          const decided = yield* Effect.either(
            allow(s, breakGlass ? "break-glass.read" : "case.personal.read", aCase, request),
          )
          if (Either.isLeft(decided)) {
            // An outsider's attempt is announced too, though it answers as an unknown case.
            if (breakGlass && decided.left._tag !== "InvalidInput")
              yield* transaction(
                emit("case.break-glass.denied", aCase.id, {
                  mechanismId: aCase.mechanismId,
                  principalId: s.principal.id,
                  institutionId: s.principal.institution ?? null,
                  rule: decided.left._tag === "Forbidden" ? decided.left.rule : "policy.mechanism.not-member",
                }),
              )
            return yield* Effect.fail(decided.left)
          }
          // Erased: the details no longer open (ADR 0012); the answer says so in words.
          if (aCase.erasedAt !== undefined) return yield* Effect.fail(CaseAuthority.erased)
          const sealed = yield* repository.sealedDetails(aCase.id, input.personId)
          const access: PersonalData.Access = {
            principal: s.principal,
            mechanismId: aCase.mechanismId,
            caseId: aCase.id,
            personId: input.personId,
            purpose: request.purpose,
            breakGlassReason: breakGlass ? input.breakGlassReason : undefined,
          }
          // The read's one write is its audit entry, appended in a transaction of
          // its own after the fields are open: no transaction here holds the
          // connection while WebCrypto works. A break-glass read commits its
          // review and its alert with that entry.
          if (!breakGlass || input.breakGlassCode === undefined || s.principal.institution === undefined)
            return yield* personal.read(access, sealed, input.fields)
          const review: BreakGlassReview.BreakGlassReview = {
            id: yield* BreakGlassReview.BreakGlassReviewId.generate,
            mechanismId: aCase.mechanismId,
            caseId: aCase.id,
            personId: input.personId,
            principalId: s.principal.id,
            institutionId: s.principal.institution,
            code: input.breakGlassCode,
            reason: (input.breakGlassReason ?? "").trim(),
            readAt: s.at,
          }
          return yield* personal.read(access, sealed, input.fields, (append) =>
            transaction(
              Effect.gen(function* () {
                yield* append
                yield* reviews.insert(review)
                yield* emit("case.break-glass.alert", aCase.id, {
                  mechanismId: aCase.mechanismId,
                  lead: aCase.team.lead,
                  reviewId: review.id,
                  personId: review.personId,
                  principalId: review.principalId,
                  institutionId: review.institutionId,
                  code: review.code,
                })
              }),
            ),
          )
        }),
      )

    const findPersons: Service["findPersons"] = (raw) =>
      run(
        "CaseService.findPersons",
        Effect.gen(function* () {
          const input = yield* decode(FindPersons)(raw)
          const purpose = input.purpose
          if (purpose === undefined)
            return yield* Effect.fail(new Errors.InvalidInput({ field: "purpose", rule: "audit.purpose.required" }))
          const index = yield* personal.indexOf(input.personalNumber)
          const principal = yield* Principal.CurrentPrincipal
          const found: Array<PersonFound> = []
          const mechanismOf = new Map<string, Id.MechanismId>()
          for (const match of yield* repository.personsByIndex(index)) {
            // A case of another mechanism is not found for this caller: it is no match.
            const loaded = yield* Effect.option(load(match.caseId))
            if (Option.isNone(loaded)) continue
            const aCase = loaded.value
            const s = yield* situation(aCase.mechanismId)
            const allowed = yield* Effect.either(allow(s, "case.summary.read", aCase))
            const person = aCase.persons.find((p) => p.id === match.personId)
            if (Either.isRight(allowed) && person !== undefined) {
              found.push({ caseId: aCase.id, reference: aCase.reference, personId: person.id, role: person.role })
              mechanismOf.set(aCase.id, aCase.mechanismId)
            }
          }
          // Learning that a person is in a case is a read of personal data: audited.
          yield* transaction(
            Effect.forEach(
              found,
              (hit) =>
                audit
                  .append({
                    ...AuditEntry.actor(principal),
                    ...(mechanismOf.has(hit.caseId) ? { mechanismId: mechanismOf.get(hit.caseId) } : {}),
                    caseId: hit.caseId,
                    personId: hit.personId,
                    action: "read",
                    purpose,
                  })
                  .pipe(Effect.orDie),
              { discard: true },
            ),
          )
          return found
        }),
      )

    return {
      openCase,
      addPerson,
      recordIncident,
      assessRisk,
      acceptedInstruments,
      recordOrder,
      recordOrderEvent,
      addMeasure,
      updateMeasure,
      giveConsent,
      confirmConsent,
      withdrawConsent,
      changeTeam,
      transition,
      read,
      readOrder,
      readSummary,
      summaries,
      summaryPage,
      readPersonalData,
      findPersons,
    }
  })

/** What the service's layers need: its repositories, personal data, signatories, the audit log, SQL and ids. */
export type LayerRequirements =
  | CaseRepository
  | BreakGlassReviewRepository
  | PersonalData.PersonalData
  | Signatories
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | KernelId.IdGenerator

/**
 * The service over the given repository, personal data and signatories,
 * accepting the risk instruments of `options` (`layer` accepts the default
 * ones).
 */
export const layerWith = (options: Options): Layer.Layer<CaseService, never, LayerRequirements> =>
  Layer.effect(CaseService, make(options))

/**
 * The service over the given repository, personal data and signatories, with
 * the default risk instruments. A value, like every domain service's `layer`.
 */
export const layer: Layer.Layer<CaseService, never, LayerRequirements> = layerWith({})

/**
 * `layerSql` accepting the risk instruments of `options`.
 */
export const layerSqlWith = (
  options: Options,
): Layer.Layer<
  CaseService | CaseRepository | BreakGlassReviewRepository | PersonalData.PersonalData | CaseKeys.CaseKeys,
  never,
  Signatories | AuditLog.AuditLog | SqlClient.SqlClient | KernelId.IdGenerator | Vault.Vault | BlindIndex.BlindIndex
> =>
  layerWith(options).pipe(
    Layer.provideMerge(
      Layer.mergeAll(SqlCaseRepository.layer, SqlBreakGlassReviewRepository.layer, PersonalData.layer).pipe(
        Layer.provideMerge(CaseKeys.layer),
      ),
    ),
  )

/**
 * The service with the SQL repositories (cases, break-glass reviews) and
 * personal data over the case keys (`CaseKeys`, made here over the vault),
 * the blind index and the audit log; the
 * application provides the `SqlClient`, the
 * `Signatories` port, `Vault`, `BlindIndex`, `AuditLog` and the `IdGenerator`.
 * A value, like `ReferralService.layerSql` and `MechanismService.layerSql`;
 * `layerSqlWith` takes options.
 */
export const layerSql: Layer.Layer<
  CaseService | CaseRepository | BreakGlassReviewRepository | PersonalData.PersonalData | CaseKeys.CaseKeys,
  never,
  Signatories | AuditLog.AuditLog | SqlClient.SqlClient | KernelId.IdGenerator | Vault.Vault | BlindIndex.BlindIndex
> = layerSqlWith({})
