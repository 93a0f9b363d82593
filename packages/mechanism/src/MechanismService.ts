/**
 * The use cases of a mechanism: create it, configure its cadence and quorum,
 * appoint its coordinator, move it through its lifecycle, add and remove
 * members, replace and read their contacts, publish, sign and countersign
 * memorandum versions, and list composition gaps.
 *
 * Every command decodes its input (bad input is an `InvalidInput` naming the
 * field and the rule, a catalogue key), applies the pure rules, and then writes
 * in one transaction: the change, the mechanism's new version (optimistic
 * concurrency: pass `expectedVersion` from an `If-Match`, or leave it out to
 * guard only against a concurrent change during the command), an audit entry
 * when personal data is written or read, and its outbox event. A refused
 * command writes nothing.
 *
 * Commands that touch contacts or a signer's name need the `CurrentPrincipal`:
 * an administrator, or a coordinator or member representative of that
 * mechanism (`mechanism.contacts.forbidden` otherwise). Who records and who
 * countersigns a signature is `MechanismPolicy`'s rule: a signature counts
 * only once countersigned.
 *
 * Each use case is a file run through the one pipeline (`UseCase`: decode,
 * then load, decide and write in one transaction): `CreateMechanism`,
 * `ConfigureMechanism`, `AppointCoordinator`, `ChangeStatus`, `AddMember`,
 * `RemoveMember`, `ReplaceContacts`, `ReadContacts`, `PublishMemorandum`,
 * `SignMemorandum`, `CountersignMemorandum`, `ReadSigner`; `CompositionGaps`
 * is a read. This service assembles them over its dependencies.
 */
import { type Errors, Id, type Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type Purpose, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import * as AddMember from "./AddMember"
import * as AppointCoordinator from "./AppointCoordinator"
import * as ChangeStatus from "./ChangeStatus"
import * as CompositionGaps from "./CompositionGaps"
import * as ConfigureMechanism from "./ConfigureMechanism"
import type * as Contacts from "./Contacts"
import * as CountersignMemorandum from "./CountersignMemorandum"
import * as CreateMechanism from "./CreateMechanism"
import * as Steps from "./internal/Steps"
import type * as Mechanism from "./Mechanism"
import * as MechanismEvents from "./MechanismEvents"
import * as MechanismLists from "./MechanismLists"
import { MechanismRepository } from "./MechanismRepository"
import * as Mechanisms from "./Mechanisms"
import type * as Membership from "./Membership"
import type * as Memorandum from "./Memorandum"
import * as PublishMemorandum from "./PublishMemorandum"
import * as ReadContacts from "./ReadContacts"
import * as ReadSigner from "./ReadSigner"
import * as RemoveMember from "./RemoveMember"
import * as ReplaceContacts from "./ReplaceContacts"
import * as SignMemorandum from "./SignMemorandum"
import * as SqlMechanismRepository from "./SqlMechanismRepository"

export { AddMember } from "./AddMember"
export { AppointCoordinator } from "./AppointCoordinator"
export { ChangeStatus } from "./ChangeStatus"
export { Composition } from "./CompositionGaps"
export { ConfigureMechanism } from "./ConfigureMechanism"
export { CreateMechanism } from "./CreateMechanism"
export { PublishMemorandum } from "./PublishMemorandum"
export { ReadContacts } from "./ReadContacts"
export { ReadSigner } from "./ReadSigner"
export { RemoveMember } from "./RemoveMember"
export { ReplaceContacts } from "./ReplaceContacts"
export { SignMemorandum } from "./SignMemorandum"

/**
 * The purpose contacts and signers are audited with: keeping the mechanism's
 * membership, not working on a case.
 */
export const contactsPurpose: Purpose.Purpose = Steps.contactsPurpose

export interface Service {
  readonly create: (
    input: CreateMechanism.CreateMechanism,
  ) => Effect.Effect<Mechanism.Mechanism, Errors.InvalidInput | Errors.Conflict>
  readonly configure: (
    input: ConfigureMechanism.ConfigureMechanism,
  ) => Effect.Effect<Mechanism.Mechanism, Errors.InvalidInput | Errors.NotFound | Errors.Conflict>
  readonly appointCoordinator: (
    input: AppointCoordinator.AppointCoordinator,
  ) => Effect.Effect<Mechanism.Mechanism, Errors.InvalidInput | Errors.NotFound | Errors.Conflict>
  readonly activate: (
    input: ChangeStatus.ChangeStatus,
  ) => Effect.Effect<
    Mechanism.Mechanism,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition
  >
  readonly suspend: (
    input: ChangeStatus.ChangeStatus,
  ) => Effect.Effect<
    Mechanism.Mechanism,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition
  >
  readonly resume: (
    input: ChangeStatus.ChangeStatus,
  ) => Effect.Effect<
    Mechanism.Mechanism,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition
  >
  readonly addMember: (
    input: AddMember.AddMember,
  ) => Effect.Effect<
    Membership.Membership,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden,
    Principal.CurrentPrincipal
  >
  readonly removeMember: (
    input: RemoveMember.RemoveMember,
  ) => Effect.Effect<Membership.Membership, Errors.InvalidInput | Errors.NotFound | Errors.Conflict>
  readonly replaceContacts: (
    input: ReplaceContacts.ReplaceContacts,
  ) => Effect.Effect<void, Errors.InvalidInput | Errors.NotFound | Errors.Forbidden, Principal.CurrentPrincipal>
  readonly readContacts: (
    input: ReadContacts.ReadContacts,
  ) => Effect.Effect<
    Contacts.Contacts,
    Errors.InvalidInput | Errors.NotFound | Errors.Forbidden,
    Principal.CurrentPrincipal
  >
  readonly publishMemorandum: (
    input: PublishMemorandum.PublishMemorandum,
  ) => Effect.Effect<Memorandum.MemorandumVersion, Errors.InvalidInput | Errors.NotFound | Errors.Conflict>
  readonly signMemorandum: (
    input: SignMemorandum.SignMemorandum,
  ) => Effect.Effect<
    Memorandum.MemorandumVersion,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden,
    Principal.CurrentPrincipal
  >
  /** The coordinator's (or an administrator's) countersignature: see `CountersignMemorandum`. */
  readonly countersignMemorandum: (
    input: CountersignMemorandum.CountersignMemorandum,
  ) => Effect.Effect<
    Memorandum.MemorandumVersion,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden,
    Principal.CurrentPrincipal
  >
  readonly readSigner: (
    input: ReadSigner.ReadSigner,
  ) => Effect.Effect<string, Errors.InvalidInput | Errors.NotFound | Errors.Forbidden, Principal.CurrentPrincipal>
  readonly compositionGaps: (
    mechanismId: string,
    at: Mechanisms.Day,
  ) => Effect.Effect<CompositionGaps.Composition, Errors.InvalidInput | Errors.NotFound>
  /**
   * The pages of `MechanismLists`, paged in SQL: the mechanisms a principal
   * may see, a mechanism's memberships and its memorandum versions. Who may
   * read a mechanism's lists is the caller's check (`MechanismPolicy`).
   */
  readonly lists: UseCase.Provided<
    Pick<typeof MechanismLists, "mechanisms" | "memberships" | "memoranda">,
    MechanismRepository
  >
}

export class MechanismService extends Context.Tag("@bashke/mechanism/MechanismService")<MechanismService, Service>() {}

/**
 * The use cases over the repository, the vault, the audit log and the outbox.
 */
export const make: Effect.Effect<
  Service,
  never,
  MechanismRepository | SqlClient.SqlClient | Vault.Vault | AuditLog.AuditLog | Id.IdGenerator
> = Effect.gen(function* () {
  const context = yield* UseCase.services(
    MechanismRepository,
    SqlClient.SqlClient,
    Vault.Vault,
    AuditLog.AuditLog,
    Id.IdGenerator,
  )
  const own = UseCase.provide(context)
  return {
    create: own(CreateMechanism.create),
    configure: own(ConfigureMechanism.configure),
    appointCoordinator: own(AppointCoordinator.appoint),
    activate: own(ChangeStatus.changeStatus("activate", MechanismEvents.topics.activated)),
    suspend: own(ChangeStatus.changeStatus("suspend", MechanismEvents.topics.suspended)),
    resume: own(ChangeStatus.changeStatus("resume", MechanismEvents.topics.resumed)),
    addMember: own(AddMember.add),
    removeMember: own(RemoveMember.remove),
    replaceContacts: own(ReplaceContacts.replace),
    readContacts: own(ReadContacts.read),
    publishMemorandum: own(PublishMemorandum.publish),
    signMemorandum: own(SignMemorandum.sign),
    countersignMemorandum: own(CountersignMemorandum.countersign),
    readSigner: own(ReadSigner.read),
    compositionGaps: own(CompositionGaps.compositionGaps),
    lists: UseCase.provideAll(context, {
      mechanisms: MechanismLists.mechanisms,
      memberships: MechanismLists.memberships,
      memoranda: MechanismLists.memoranda,
    }),
  }
})

/**
 * The use cases as a layer over a repository.
 */
export const layer: Layer.Layer<
  MechanismService,
  never,
  MechanismRepository | SqlClient.SqlClient | Vault.Vault | AuditLog.AuditLog | Id.IdGenerator
> = Layer.effect(MechanismService, make)

/**
 * Everything over SQL: the use cases (`MechanismService`), the read side
 * (`Mechanisms`) and the repository they share (`MechanismRepository`). Needs
 * the application's `SqlClient`, `Vault`, `AuditLog` and `IdGenerator`.
 */
export const layerSql: Layer.Layer<
  MechanismService | Mechanisms.Mechanisms | MechanismRepository,
  never,
  SqlClient.SqlClient | Vault.Vault | AuditLog.AuditLog | Id.IdGenerator
> = Layer.mergeAll(layer, Mechanisms.layer).pipe(Layer.provideMerge(SqlMechanismRepository.layer))
