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
 * 4. write — with the loading and the checks before it, in ONE transaction:
 *    the case's new version (optimistic concurrency —
 *    pass `expectedVersion` from an `If-Match`, or leave it out to guard only
 *    against a concurrent change during the command), the rows, an audit entry
 *    for every read or write of personal details, and the outbox event.
 *
 * A refused command writes nothing. Outbox payloads carry ids and codes only,
 * never personal data.
 *
 * Each use case is a file under `usecases/` run through the one pipeline
 * (`UseCase`: decode, then load, decide and write in one transaction; a read
 * takes the same steps in no transaction of the pipeline's): `OpenCase`,
 * `AddPerson`, `RecordIncident`, `AssessRisk`, `RecordOrder`,
 * `RecordOrderEvent`, `AddMeasure`, `UpdateMeasure`, `GiveConsent`,
 * `ConfirmConsent`, `WithdrawConsent`, `ChangeTeam`, `Transition`, `ReadCase`,
 * `ReadOrder`, `ReadSummary`, `ReadPersonalData`, `FindPersons`, `Summaries`;
 * the steps they share are in `internal/Steps.ts`, and a command on one case
 * names only its rules, rows and events (`internal/CaseChange.ts`: load,
 * admit, rules, version claim, rows, events). This service assembles
 * them over its dependencies; the principal stays the caller's.
 *
 * Each use case has two entries. The methods of {@link Service} take the
 * encoded command (what a plugin, a test or the CLI holds) and decode it once
 * with its `CaseCommands` schema; {@link Service.decoded} takes the command
 * already decoded with that schema (the gateway decodes each body once) and
 * does not decode it again. Both run the same steps: a refusal has the same
 * type and rule.
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
import { type Errors, Id, JurisdictionProfile, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type BlindIndex, CaseKeys, type Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, type Schema } from "effect"
import { BreakGlassReviewRepository } from "./BreakGlassReviewRepository"
import type * as Case from "./Case"
import type {
  AddMeasure,
  AddPerson,
  AssessRisk,
  ChangeTeam,
  ConfirmConsent,
  FindManyPersons,
  FindPersons,
  GiveConsent,
  ImportIncidents,
  OpenCase,
  PersonFound,
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
import { CaseRepository, type OpenPage } from "./CaseRepository"
import type * as CaseSummary from "./CaseSummary"
import type * as CaseTeam from "./CaseTeam"
import type * as Consent from "./Consent"
import type * as Incident from "./Incident"
import * as Instruments from "./internal/Instruments"
import type * as Steps from "./internal/Steps"
import type * as Person from "./Person"
import * as PersonalData from "./PersonalData"
import type * as ProtectionOrder from "./ProtectionOrder"
import type * as RiskAssessment from "./RiskAssessment"
import type * as RiskInstrument from "./RiskInstrument"
import type * as SafetyPlan from "./SafetyPlan"
import { Signatories } from "./Signatories"
import * as SqlBreakGlassReviewRepository from "./SqlBreakGlassReviewRepository"
import * as SqlCaseRepository from "./SqlCaseRepository"
import { addMeasure } from "./usecases/AddMeasure"
import { addPerson } from "./usecases/AddPerson"
import { assessRisk } from "./usecases/AssessRisk"
import { changeTeam } from "./usecases/ChangeTeam"
import { confirmConsent } from "./usecases/ConfirmConsent"
import { type Facts, facts } from "./usecases/Facts"
import { findManyPersons } from "./usecases/FindManyPersons"
import { findPersons } from "./usecases/FindPersons"
import { giveConsent } from "./usecases/GiveConsent"
import { importIncidents } from "./usecases/ImportIncidents"
import { openCase } from "./usecases/OpenCase"
import { read } from "./usecases/ReadCase"
import { readOrder } from "./usecases/ReadOrder"
import { readPersonalData } from "./usecases/ReadPersonalData"
import { readSummary } from "./usecases/ReadSummary"
import { recordIncident } from "./usecases/RecordIncident"
import { recordOrder } from "./usecases/RecordOrder"
import { recordOrderEvent } from "./usecases/RecordOrderEvent"
import { type Reviewed, reviewHistory } from "./usecases/ReviewHistory"
import { summaries, summaryPage } from "./usecases/Summaries"
import { transition } from "./usecases/Transition"
import { updateMeasure } from "./usecases/UpdateMeasure"
import { withdrawConsent } from "./usecases/WithdrawConsent"

type Refusal = Errors.InvalidInput | Errors.Forbidden | Errors.NotFound | Errors.Conflict
type Changing = Refusal | Errors.InvalidTransition

/** A use case on the command `I`, answering `A` to the current principal or refusing with `E`. */
type ByPrincipal<I, A, E = Changing> = (input: I) => Effect.Effect<A, E, Principal.CurrentPrincipal>

export interface Service {
  readonly openCase: ByPrincipal<OpenCase, Case.Case, Refusal>
  readonly addPerson: ByPrincipal<AddPerson, Person.Person>
  readonly recordIncident: ByPrincipal<RecordIncident, Incident.Incident>
  /**
   * Many incidents at once (a plugin's import), in one transaction, each as
   * `recordIncident` records it; all or none (the first refusal refuses them all).
   */
  readonly importIncidents: ByPrincipal<ImportIncidents, ReadonlyArray<Incident.Incident>>
  readonly assessRisk: ByPrincipal<AssessRisk, RiskAssessment.RiskAssessment>
  /**
   * The risk instruments `assessRisk` accepts under the jurisdiction in force,
   * the default first: what a form asks, so it asks what will be accepted.
   */
  readonly acceptedInstruments: Effect.Effect<ReadonlyArray<RiskInstrument.Instrument>>
  readonly recordOrder: ByPrincipal<RecordOrder, ProtectionOrder.ProtectionOrder>
  readonly recordOrderEvent: ByPrincipal<RecordOrderEvent, ProtectionOrder.ProtectionOrder>
  readonly addMeasure: ByPrincipal<AddMeasure, SafetyPlan.Measure>
  readonly updateMeasure: ByPrincipal<UpdateMeasure, SafetyPlan.Measure>
  readonly giveConsent: ByPrincipal<GiveConsent, Consent.Consent>
  /** A second person confirms a consent that widened its recorder's own institution's access. */
  readonly confirmConsent: ByPrincipal<ConfirmConsent, Consent.Consent>
  readonly withdrawConsent: ByPrincipal<WithdrawConsent, Consent.Consent>
  readonly changeTeam: ByPrincipal<ChangeTeam, CaseTeam.CaseTeam>
  readonly transition: ByPrincipal<Transition, Case.Case>
  /**
   * The whole case without identifying details (they are never part of it), for
   * full-access team members (`policy.access.summary-only` otherwise).
   */
  readonly read: ByPrincipal<ReadSummary, Case.Case, Refusal>
  /**
   * One protection order, for any team member (`case.summary.read`): an order
   * holds codes and dates only, no identifying detail. What a court's sync
   * compares an update with (its hearing in force).
   */
  readonly readOrder: ByPrincipal<ReadOrder, ProtectionOrder.ProtectionOrder, Refusal>
  readonly readSummary: ByPrincipal<ReadSummary, CaseSummary.CaseSummary, Refusal>
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
  /**
   * A case's mechanism, current risk, consents and team, for another
   * package's port (a referral's `CaseFacts`): no identifying detail, so no
   * principal is asked; the caller applies its own policy. `NotFound` for an
   * unknown case.
   */
  readonly facts: (caseId: Id.CaseId) => Effect.Effect<Facts, Errors.NotFound>
  /**
   * When each case of a mechanism (closed ones too) was opened and last
   * reviewed, and whether it was ever high-risk: for the action plan's
   * indicators. Pseudonymised, so no principal is asked.
   */
  readonly reviewHistory: (mechanismId: Id.MechanismId) => Effect.Effect<ReadonlyArray<Reviewed>>
  readonly readPersonalData: ByPrincipal<ReadPersonalData, Person.PersonalDetails, Refusal>
  readonly findPersons: (
    input: FindPersons,
  ) => Effect.Effect<ReadonlyArray<PersonFound>, Errors.InvalidInput, Principal.CurrentPrincipal>
  /**
   * `findPersons` for several personal numbers: one answer per number, in
   * order, each what `findPersons` answers for it (every hit audited).
   */
  readonly findManyPersons: (
    input: FindManyPersons,
  ) => Effect.Effect<ReadonlyArray<ReadonlyArray<PersonFound>>, Errors.InvalidInput, Principal.CurrentPrincipal>
  /**
   * The same use cases taking the command already decoded with its
   * `CaseCommands` schema (the gateway decodes a request's body once): not
   * decoded again. Untrusted input goes to the methods above.
   */
  readonly decoded: Decoded
}

/** The schema of each use case's command. */
interface Commands {
  readonly openCase: typeof OpenCase
  readonly addPerson: typeof AddPerson
  readonly recordIncident: typeof RecordIncident
  readonly importIncidents: typeof ImportIncidents
  readonly assessRisk: typeof AssessRisk
  readonly recordOrder: typeof RecordOrder
  readonly recordOrderEvent: typeof RecordOrderEvent
  readonly addMeasure: typeof AddMeasure
  readonly updateMeasure: typeof UpdateMeasure
  readonly giveConsent: typeof GiveConsent
  readonly confirmConsent: typeof ConfirmConsent
  readonly withdrawConsent: typeof WithdrawConsent
  readonly changeTeam: typeof ChangeTeam
  readonly transition: typeof Transition
  readonly read: typeof ReadSummary
  readonly readOrder: typeof ReadOrder
  readonly readSummary: typeof ReadSummary
  readonly readPersonalData: typeof ReadPersonalData
  readonly findPersons: typeof FindPersons
  readonly findManyPersons: typeof FindManyPersons
}

/**
 * The use cases of {@link Service} over the decoded command (each schema's
 * `Type`: ids branded, instants `Date`s, defaults filled in), answering and
 * refusing as the method of the same name.
 */
export type { Facts, Reviewed }

export type Decoded = {
  readonly [K in keyof Commands]: (command: Schema.Schema.Type<Commands[K]>) => ReturnType<Service[K]>
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
): ReadonlyArray<RiskInstrument.Instrument> => Instruments.defaults(profile)

/** What the service's layers need: its repositories, personal data, signatories, the audit log, SQL and ids. */
export type LayerRequirements = Steps.Services

/**
 * The use cases over the repository, personal data, the signatories port, the
 * audit log and the outbox.
 */
export const make = (options: Options = {}): Effect.Effect<Service, never, LayerRequirements> =>
  Effect.gen(function* () {
    const instruments = options.instruments ?? Instruments.defaults
    // Exactly the service's own dependencies, and the instruments it was built
    // with: the principal and the jurisdiction stay the caller's.
    const own = UseCase.provide(
      Context.add(
        yield* UseCase.services(
          CaseRepository,
          BreakGlassReviewRepository,
          PersonalData.PersonalData,
          Signatories,
          AuditLog.AuditLog,
          SqlClient.SqlClient,
          Id.IdGenerator,
        ),
        Instruments.Instruments,
        instruments,
      ),
    )
    return {
      openCase: own(openCase.input),
      addPerson: own(addPerson.input),
      recordIncident: own(recordIncident.input),
      importIncidents: own(importIncidents.input),
      assessRisk: own(assessRisk.input),
      acceptedInstruments: Effect.map(JurisdictionProfile.CurrentJurisdiction, instruments),
      recordOrder: own(recordOrder.input),
      recordOrderEvent: own(recordOrderEvent.input),
      addMeasure: own(addMeasure.input),
      updateMeasure: own(updateMeasure.input),
      giveConsent: own(giveConsent.input),
      confirmConsent: own(confirmConsent.input),
      withdrawConsent: own(withdrawConsent.input),
      changeTeam: own(changeTeam.input),
      transition: own(transition.input),
      read: own(read.input),
      readOrder: own(readOrder.input),
      readSummary: own(readSummary.input),
      summaries: own(summaries),
      summaryPage: own(summaryPage),
      facts: own(facts),
      reviewHistory: own(reviewHistory),
      readPersonalData: own(readPersonalData.input),
      findPersons: own(findPersons.input),
      findManyPersons: own(findManyPersons.input),
      decoded: {
        openCase: own(openCase.command),
        addPerson: own(addPerson.command),
        recordIncident: own(recordIncident.command),
        importIncidents: own(importIncidents.command),
        assessRisk: own(assessRisk.command),
        recordOrder: own(recordOrder.command),
        recordOrderEvent: own(recordOrderEvent.command),
        addMeasure: own(addMeasure.command),
        updateMeasure: own(updateMeasure.command),
        giveConsent: own(giveConsent.command),
        confirmConsent: own(confirmConsent.command),
        withdrawConsent: own(withdrawConsent.command),
        changeTeam: own(changeTeam.command),
        transition: own(transition.command),
        read: own(read.command),
        readOrder: own(readOrder.command),
        readSummary: own(readSummary.command),
        readPersonalData: own(readPersonalData.command),
        findPersons: own(findPersons.command),
        findManyPersons: own(findManyPersons.command),
      },
    }
  })

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
  Signatories | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator | Vault.Vault | BlindIndex.BlindIndex
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
  Signatories | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator | Vault.Vault | BlindIndex.BlindIndex
> = layerSqlWith({})
