/**
 * The repository port of the mechanism aggregate: the mechanism row, its
 * memberships (with their sealed contacts), its memorandum versions and their
 * signatures (with their sealed signers). Methods fail only with the kernel's
 * `NotFound` and `Conflict`; a database failure is a defect. Personal data
 * crosses this port sealed only: the port never sees a name.
 *
 * The SQL adapter is `SqlMechanismRepository`; a test may provide another.
 */
import type { CivilDate, Errors, Id, Municipality, Sector } from "@bashke/kernel"
import { Context, type Effect, type Option } from "effect"
import type * as Contacts from "./Contacts"
import type { Mechanism } from "./Mechanism"
import type { Status } from "./MechanismLifecycle"
import type { Membership } from "./Membership"
import type * as Memorandum from "./Memorandum"

/**
 * A membership's contact fields as sealed by the vault, absent fields left out.
 */
export type SealedContacts = Partial<Record<Contacts.Field, string>>

/**
 * One keyset step of a list: at most `limit` rows strictly after the sort key
 * `after` (from the first row without it), in sort-key order.
 */
export interface PageStep<Key> {
  readonly after?: Key | undefined
  readonly limit: number
}

/** What a step of the mechanisms' list keeps: one municipality, one status, the mechanisms of `within`. */
export interface MechanismFilter {
  readonly municipality?: Municipality.MunicipalityCode | undefined
  readonly status?: Status | undefined
  /** Only these mechanisms (a caller's own); every mechanism when absent. */
  readonly within?: ReadonlyArray<Id.MechanismId> | undefined
}

/** What a step of a mechanism's memberships keeps: those covering the day `on`, those of one sector. */
export interface MembershipFilter {
  readonly on?: CivilDate.CivilDate | undefined
  readonly sector?: Sector.Sector | undefined
}

export interface Service {
  /** Inserts a new mechanism; `Conflict` (`mechanism.municipality.taken`) when its municipality has one. */
  readonly insertMechanism: (mechanism: Mechanism) => Effect.Effect<void, Errors.Conflict>
  readonly findMechanism: (id: Id.MechanismId) => Effect.Effect<Option.Option<Mechanism>>
  /** Every mechanism, oldest first. */
  readonly listMechanisms: Effect.Effect<ReadonlyArray<Mechanism>>
  /** A step of the mechanisms by id, of the filter's (the primary key and migration 6's status index). */
  readonly mechanismPage: (page: PageStep<Id.MechanismId> & MechanismFilter) => Effect.Effect<ReadonlyArray<Mechanism>>
  /**
   * Writes the mutable fields of `mechanism` (status, coordinator, cadence,
   * quorum) if the stored version is still `expectedVersion`, and returns the
   * mechanism with its new version; `NotFound` or `Conflict` (`version.stale`)
   * otherwise, the row untouched. Also used with no field changed, to claim the
   * aggregate for a change to its members or memoranda.
   */
  readonly updateMechanism: (
    mechanism: Mechanism,
    expectedVersion: number,
  ) => Effect.Effect<Mechanism, Errors.NotFound | Errors.Conflict>
  /** Every membership of a mechanism, past and present, in joining order. */
  readonly memberships: (mechanismId: Id.MechanismId) => Effect.Effect<ReadonlyArray<Membership>>
  /** A step of a mechanism's memberships by (joining day, id), of the filter's (migration 6's indexes). */
  readonly membershipPage: (
    mechanismId: Id.MechanismId,
    page: PageStep<readonly [CivilDate.CivilDate, Id.MembershipId]> & MembershipFilter,
  ) => Effect.Effect<ReadonlyArray<Membership>>
  readonly findMembership: (id: Id.MembershipId) => Effect.Effect<Option.Option<Membership>>
  readonly insertMembership: (membership: Membership, contacts: SealedContacts) => Effect.Effect<void>
  /** Records the day a membership ends; `NotFound` for an unknown id. */
  readonly endMembership: (id: Id.MembershipId, leftOn: string) => Effect.Effect<void, Errors.NotFound>
  /** A membership's sealed contacts; `NotFound` for an unknown id. */
  readonly sealedContacts: (id: Id.MembershipId) => Effect.Effect<SealedContacts, Errors.NotFound>
  /** Replaces a membership's sealed contacts; `NotFound` for an unknown id. */
  readonly replaceContacts: (id: Id.MembershipId, contacts: SealedContacts) => Effect.Effect<void, Errors.NotFound>
  /**
   * A value that changes, in the writing transaction, whenever any membership,
   * memorandum version, signature or countersignature is written (never back
   * to an earlier value): `Mechanisms.layer` keeps the rosters it read under it.
   * Optional: without it, every roster is read afresh.
   */
  readonly rosterVersion?: Effect.Effect<string>
  /** Every published version of a mechanism's memorandum with its signatures, oldest first. */
  readonly memoranda: (mechanismId: Id.MechanismId) => Effect.Effect<ReadonlyArray<Memorandum.MemorandumVersion>>
  /** A step of a mechanism's memorandum versions by number, with their signatures (the `(mechanism_id, version)` key). */
  readonly memorandumPage: (
    mechanismId: Id.MechanismId,
    page: PageStep<number>,
  ) => Effect.Effect<ReadonlyArray<Memorandum.MemorandumVersion>>
  /**
   * Inserts a version (its `signatures` are ignored). The service claims the
   * mechanism's version first, so two publications never race for a number.
   */
  readonly insertMemorandumVersion: (version: Memorandum.MemorandumVersion) => Effect.Effect<void>
  /** Inserts a signature; `Conflict` (`mechanism.memorandum.already-signed`) when the institution signed already. */
  readonly insertSignature: (
    memorandumId: Id.MemorandumId,
    version: number,
    signature: Memorandum.Signature,
    sealedSigner: string,
  ) => Effect.Effect<void, Errors.Conflict>
  /**
   * Inserts the countersignature of `institutionId`'s signature; `Conflict`
   * (`mechanism.memorandum.already-countersigned`) when it has one.
   */
  readonly insertCountersignature: (
    memorandumId: Id.MemorandumId,
    version: number,
    institutionId: Id.InstitutionId,
    countersignature: Memorandum.Countersignature,
    recordedAt: Date,
  ) => Effect.Effect<void, Errors.Conflict>
  /** The sealed name of who signed for an institution; `NotFound` when it did not sign. */
  readonly sealedSigner: (
    memorandumId: Id.MemorandumId,
    version: number,
    institutionId: Id.InstitutionId,
  ) => Effect.Effect<string, Errors.NotFound>
}

export class MechanismRepository extends Context.Tag("@bashke/mechanism/MechanismRepository")<
  MechanismRepository,
  Service
>() {}
