/**
 * The use cases: register directory entries and capacity, send a referral
 * through the guards, move it through its lifecycle, list and announce overdue
 * referrals, and compute response times. Each command decodes its input, runs
 * the pure rules, and writes the row and its outbox event in one transaction; a
 * refused command writes nothing.
 *
 * Who may act: the receiving institution acknowledges, accepts, declines,
 * starts and completes; the sending institution cancels and revokes; an
 * institution's directory entries and capacity are written by the institution
 * itself or an administrator (`DirectoryPolicy`). A consent
 * override is written to the audit log flagged as break-glass, with the ground
 * and the reason code.
 *
 * Each use case is a file run through the one pipeline (`UseCase`):
 * `RegisterDirectoryEntry`, `ReportCapacity`, `SendReferral`,
 * `TransitionReferral`, `AnnounceOverdue`; the lists are `ReferralLists`. This
 * service assembles them over its dependencies (callers never read the
 * repository); the principal stays the caller's.
 */
import { Errors, Id, type Pagination, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, Option } from "effect"
import * as AnnounceOverdue from "./AnnounceOverdue"
import { CaseFacts } from "./CaseFacts"
import type * as Directory from "./Directory"
import * as DirectoryPages from "./DirectoryPages"
import type * as Referral from "./Referral"
import type * as ReferralDeadlines from "./ReferralDeadlines"
import type * as ReferralLifecycle from "./ReferralLifecycle"
import * as ReferralLists from "./ReferralLists"
import * as ReferralPolicy from "./ReferralPolicy"
import { ReferralRepository } from "./ReferralRepository"
import * as RegisterDirectoryEntry from "./RegisterDirectoryEntry"
import * as ReportCapacity from "./ReportCapacity"
import * as ResponseTimes from "./ResponseTimes"
import * as SendReferral from "./SendReferral"
import * as SqlReferralRepository from "./SqlReferralRepository"
import * as TransitionReferral from "./TransitionReferral"

/**
 * The input of `send`.
 */
export const SendInput = SendReferral.SendInput

export type SendInput = SendReferral.SendInput

/**
 * The override policy in force: the kernel's profile does not carry one yet, so
 * the app provides it (default: no override).
 */
export const CurrentOverridePolicy = SendReferral.CurrentOverridePolicy

export type CurrentOverridePolicy = SendReferral.CurrentOverridePolicy

type Failure = Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden | Errors.InvalidTransition

export interface Service {
  /** Registers the principal's own institution (an administrator: any) as a provider (`DirectoryPolicy`). */
  readonly registerOrganization: (
    input: typeof Directory.Organization.Encoded,
  ) => Effect.Effect<Directory.Organization, Errors.InvalidInput | Errors.Forbidden, Principal.CurrentPrincipal>
  /** Registers a location of the principal's own institution (an administrator: any institution's). */
  readonly registerLocation: (
    input: typeof Directory.Location.Encoded,
  ) => Effect.Effect<Directory.Location, Errors.InvalidInput | Errors.Forbidden, Principal.CurrentPrincipal>
  /** Registers a service of the principal's own institution (an administrator: any institution's). */
  readonly registerService: (
    input: typeof Directory.Service.Encoded,
  ) => Effect.Effect<Directory.Service, Errors.InvalidInput | Errors.Forbidden, Principal.CurrentPrincipal>
  /**
   * The provider's capacity report (the providing institution, or an
   * administrator); a report older than the one held changes nothing.
   */
  readonly reportCapacity: (
    service: Id.ServiceId,
    input: typeof Directory.Capacity.Encoded,
  ) => Effect.Effect<
    Directory.Service,
    Errors.InvalidInput | Errors.NotFound | Errors.Forbidden,
    Principal.CurrentPrincipal
  >
  readonly directory: Effect.Effect<Directory.Directory>
  readonly send: (input: SendInput) => Effect.Effect<Referral.Referral, Failure, Principal.CurrentPrincipal>
  readonly transition: (
    id: Id.ReferralId,
    command: ReferralLifecycle.CommandInput,
    expectedVersion: number,
  ) => Effect.Effect<Referral.Referral, Failure, Principal.CurrentPrincipal>
  readonly find: (id: Id.ReferralId) => Effect.Effect<Referral.Referral, Errors.NotFound>
  /**
   * The referral, when the principal may know it exists (`ReferralPolicy.mayKnowOf`);
   * `NotFound`, as for an unknown id and after the same one read, otherwise.
   */
  readonly findKnown: (
    id: Id.ReferralId,
    principal: Principal.Principal,
  ) => Effect.Effect<Referral.Referral, Errors.NotFound>
  /** Every referral of the case, for a decision outside the package (a notice's `NoticePolicy`). */
  readonly ofCase: (caseId: Id.CaseId) => Effect.Effect<ReadonlyArray<Referral.Referral>>
  /**
   * Every referral of the mechanism, whatever its state, for a count outside
   * the package (the action plan's indicators): no principal is asked; the
   * caller answers figures, never the referrals.
   */
  readonly ofMechanism: (mechanism: Id.MechanismId) => Effect.Effect<ReadonlyArray<Referral.Referral>>
  /**
   * A page of the case's referrals, those `visible` lets the caller see
   * (`ReferralLists.forCase`: the caller's `ReferralPolicy.mayRead`).
   */
  readonly caseReferrals: <E, R>(
    caseId: Id.CaseId,
    query: ReferralLists.PageQuery,
    visible: (referral: Referral.Referral) => Effect.Effect<boolean, E, R>,
  ) => Effect.Effect<Pagination.Page<Referral.Referral>, E | Errors.InvalidInput, R>
  /**
   * A page of the mechanism's referrals on the principal's list, of `status`
   * when given (`ReferralLists.forMechanism`: `ReferralPolicy.listed`).
   */
  readonly mechanismReferrals: (
    principal: Principal.Principal,
    mechanismId: Id.MechanismId,
    status: Referral.Status | undefined,
    query: ReferralLists.PageQuery,
  ) => Effect.Effect<Pagination.Page<Referral.Referral>, Errors.InvalidInput>
  /** The overdue referrals of a mechanism; announces each newly overdue step once on the outbox. */
  readonly overdueFor: (mechanism: Id.MechanismId) => Effect.Effect<ReadonlyArray<ReferralDeadlines.Overdue>>
  readonly responseTimes: (mechanism: Id.MechanismId) => Effect.Effect<{
    readonly perInstitution: ReadonlyArray<ResponseTimes.ResponseTimes<Id.InstitutionId>>
    readonly perService: ReadonlyArray<ResponseTimes.ResponseTimes<Id.ServiceId>>
  }>
  /**
   * The service directory's pages (`DirectoryPages`), paged in SQL: its
   * organizations, locations and services. The directory is public to every
   * signed-in caller, so no principal is asked.
   */
  readonly directoryPages: UseCase.Provided<
    Pick<typeof DirectoryPages, "organizations" | "locations" | "services">,
    ReferralRepository
  >
}

export class ReferralService extends Context.Tag("@bashke/referral/ReferralService")<ReferralService, Service>() {}

/**
 * The service over its repository, the case facts, the audit log and the SQL
 * client (for the transaction and the outbox).
 */
export const make: Effect.Effect<
  Service,
  never,
  ReferralRepository | CaseFacts | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator
> = Effect.gen(function* () {
  const repo = yield* ReferralRepository
  const context = yield* UseCase.services(
    ReferralRepository,
    CaseFacts,
    AuditLog.AuditLog,
    SqlClient.SqlClient,
    Id.IdGenerator,
  )
  const own = UseCase.provide(context)
  return {
    registerOrganization: own(RegisterDirectoryEntry.organization),
    registerLocation: own(RegisterDirectoryEntry.location),
    registerService: own(RegisterDirectoryEntry.service),
    reportCapacity: own(ReportCapacity.report),
    directory: repo.directory,
    send: own(SendReferral.send),
    transition: own(TransitionReferral.transition),
    find: repo.find,
    findKnown: (id, principal) =>
      Effect.flatMap(repo.partiesOf(id), (parties) =>
        Option.isSome(parties) && ReferralPolicy.mayKnowOf(principal, parties.value)
          ? repo.find(id)
          : Effect.fail(new Errors.NotFound({ entity: "Referral", id })),
      ),
    ofCase: repo.forCase,
    ofMechanism: repo.forMechanism,
    caseReferrals: (caseId, query, visible) =>
      Effect.provideService(ReferralLists.forCase(caseId, query, visible), ReferralRepository, repo),
    mechanismReferrals: own(ReferralLists.forMechanism),
    overdueFor: own(AnnounceOverdue.overdueFor),
    responseTimes: (mechanism) =>
      Effect.map(repo.forMechanism(mechanism), (referrals) => ({
        perInstitution: ResponseTimes.perInstitution(referrals),
        perService: ResponseTimes.perService(referrals),
      })),
    directoryPages: UseCase.provideAll(context, {
      organizations: DirectoryPages.organizations,
      locations: DirectoryPages.locations,
      services: DirectoryPages.services,
    }),
  }
})
/**
 * The service as a layer over a repository.
 */
export const layer: Layer.Layer<
  ReferralService,
  never,
  ReferralRepository | CaseFacts | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator
> = Layer.effect(ReferralService, make)

/**
 * The service over the SQL repository.
 */
export const layerSql: Layer.Layer<
  ReferralService | ReferralRepository,
  never,
  CaseFacts | AuditLog.AuditLog | SqlClient.SqlClient | Id.IdGenerator
> = layer.pipe(Layer.provideMerge(SqlReferralRepository.layer))
