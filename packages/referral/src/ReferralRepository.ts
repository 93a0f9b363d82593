/**
 * The repository port of the directory and the referrals. Effects fail only with
 * kernel errors; a database failure is a defect.
 */
import type { Errors, Id, Municipality } from "@bashke/kernel"
import { Context, type Effect, type Option } from "effect"
import type * as Directory from "./Directory"
import type * as Referral from "./Referral"
import type * as ReferralDeadlines from "./ReferralDeadlines"
import type * as ReferralDue from "./ReferralDue"
import type * as ServiceType from "./ServiceType"

/** One keyset step: at most `limit` rows whose id is after `after`. */
export interface PageStep {
  readonly after?: Id.ReferralId | undefined
  readonly limit: number
}

/** One keyset step of a directory list: at most `limit` entries whose key is after `after`. */
export interface DirectoryStep<Key> {
  readonly after?: Key | undefined
  readonly limit: number
}

/** What a step of the directory's locations keeps: those in one municipality, those of one provider. */
export interface LocationFilter {
  readonly municipality?: Municipality.MunicipalityCode | undefined
  readonly institution?: Id.InstitutionId | undefined
}

/** What a step of the directory's services keeps: by type, municipality, language, provider, activity. */
export interface ServiceFilter {
  readonly type?: ServiceType.ServiceType | undefined
  readonly municipality?: Municipality.MunicipalityCode | undefined
  readonly language?: typeof Directory.Language.Type | undefined
  readonly institution?: Id.InstitutionId | undefined
  readonly active?: boolean | undefined
}

export interface Service {
  readonly insertOrganization: (organization: Directory.Organization) => Effect.Effect<void>
  readonly insertLocation: (location: Directory.Location) => Effect.Effect<void>
  readonly insertService: (service: Directory.Service) => Effect.Effect<void>
  /** Replaces a service's capacity. */
  readonly updateCapacity: (service: Directory.Service) => Effect.Effect<void>
  readonly directory: Effect.Effect<Directory.Directory>
  /** A step of the directory's providers by institution id (the primary key). */
  readonly organizationPage: (
    step: DirectoryStep<Id.InstitutionId>,
  ) => Effect.Effect<ReadonlyArray<Directory.Organization>>
  /** A step of the directory's locations by id, of the filter's (migration 6's indexes). */
  readonly locationPage: (
    step: DirectoryStep<Directory.LocationId> & LocationFilter,
  ) => Effect.Effect<ReadonlyArray<Directory.Location>>
  /** A step of the directory's services by id, of the filter's (migration 6's indexes). */
  readonly servicePage: (
    step: DirectoryStep<Id.ServiceId> & ServiceFilter,
  ) => Effect.Effect<ReadonlyArray<Directory.Service>>
  readonly insert: (referral: Referral.Referral) => Effect.Effect<void>
  /**
   * Writes the status and the steps added since `expectedVersion`, if the stored
   * version is still that one (`Conflict` `version.stale` otherwise).
   */
  readonly update: (
    referral: Referral.Referral,
    expectedVersion: number,
  ) => Effect.Effect<void, Errors.NotFound | Errors.Conflict>
  readonly find: (id: Id.ReferralId) => Effect.Effect<Referral.Referral, Errors.NotFound>
  /** The referral's mechanism, sender and receiver, from its row alone (none for an unknown id). */
  readonly partiesOf: (
    id: Id.ReferralId,
  ) => Effect.Effect<Option.Option<Pick<Referral.Referral, "mechanism" | "from" | "to">>>
  readonly forCase: (caseId: Id.CaseId) => Effect.Effect<ReadonlyArray<Referral.Referral>>
  readonly forMechanism: (mechanismId: Id.MechanismId) => Effect.Effect<ReadonlyArray<Referral.Referral>>
  /** One keyset step of a case's referrals: at most `limit` by id after `after` (migration 4's index). */
  readonly casePage: (caseId: Id.CaseId, page: PageStep) => Effect.Effect<ReadonlyArray<Referral.Referral>>
  /**
   * One keyset step of a mechanism's referrals by id: at most `limit` after
   * `after`, of `status` when given, and only those `party` sent or received
   * when given (migration 4's indexes).
   */
  readonly mechanismPage: (
    mechanismId: Id.MechanismId,
    page: PageStep & { readonly status?: Referral.Status | undefined; readonly party?: Id.InstitutionId | undefined },
  ) => Effect.Effect<ReadonlyArray<Referral.Referral>>
  /** The referrals of a mechanism still waiting for their receiver (sent or acknowledged), oldest first. */
  readonly awaitingAnswer: (mechanismId: Id.MechanismId) => Effect.Effect<ReadonlyArray<ReferralDue.Awaiting>>
  /** The open referrals that rely on a consent, oldest first. */
  readonly relyingOn: (consentId: Id.ConsentId) => Effect.Effect<ReadonlyArray<Referral.Referral>>
  /** The overdue step last announced for each referral of the mechanism. */
  readonly announced: (mechanismId: Id.MechanismId) => Effect.Effect<ReadonlyMap<Id.ReferralId, ReferralDeadlines.Step>>
  readonly markAnnounced: (id: Id.ReferralId, step: ReferralDeadlines.Step) => Effect.Effect<void>
}

export class ReferralRepository extends Context.Tag("@bashke/referral/ReferralRepository")<
  ReferralRepository,
  Service
>() {}
