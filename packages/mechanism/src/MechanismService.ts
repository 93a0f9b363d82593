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
 */
import {
  CivilDate,
  Errors,
  Id,
  Instant,
  JurisdictionProfile,
  Municipality,
  Principal,
  Sector,
  Span,
} from "@bashke/kernel"
import { Outbox, Transaction } from "@bashke/persistence"
import { AuditEntry, AuditLog, type Purpose, Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, Option, Schema } from "effect"
import * as Contacts from "./Contacts"
import * as CountersignMemorandum from "./CountersignMemorandum"
import { decode } from "./internal/Input"
import * as Mechanism from "./Mechanism"
import * as MechanismEvents from "./MechanismEvents"
import * as MechanismLifecycle from "./MechanismLifecycle"
import * as MechanismPolicy from "./MechanismPolicy"
import { MechanismRepository, type SealedContacts } from "./MechanismRepository"
import * as Mechanisms from "./Mechanisms"
import * as Membership from "./Membership"
import * as Memorandum from "./Memorandum"
import * as SqlMechanismRepository from "./SqlMechanismRepository"

const ExpectedVersion = Schema.optional(Schema.Int.pipe(Schema.positive()))

/**
 * Input of `create`. Cadence and quorum default to the jurisdiction profile's.
 */
export const CreateMechanism = Schema.Struct({
  municipality: Municipality.MunicipalityCode,
  name: Mechanism.Name,
  minimumMeetingsPerYear: Schema.optional(Mechanism.MeetingsPerYear),
  quorum: Schema.optional(JurisdictionProfile.Quorum),
})

export type CreateMechanism = typeof CreateMechanism.Encoded

/**
 * Input of `configure`: the fields to change.
 */
export const ConfigureMechanism = Schema.Struct({
  mechanismId: Id.MechanismId,
  minimumMeetingsPerYear: Schema.optional(Mechanism.MeetingsPerYear),
  quorum: Schema.optional(JurisdictionProfile.Quorum),
  expectedVersion: ExpectedVersion,
})

export type ConfigureMechanism = typeof ConfigureMechanism.Encoded

/**
 * Input of `appointCoordinator`.
 */
export const AppointCoordinator = Schema.Struct({
  mechanismId: Id.MechanismId,
  membershipId: Id.MembershipId,
  expectedVersion: ExpectedVersion,
})

export type AppointCoordinator = typeof AppointCoordinator.Encoded

/**
 * Input of `activate`, `suspend` and `resume`.
 */
export const ChangeStatus = Schema.Struct({ mechanismId: Id.MechanismId, expectedVersion: ExpectedVersion })

export type ChangeStatus = typeof ChangeStatus.Encoded

/**
 * Input of `addMember`. `joinedOn` defaults to today.
 */
export const AddMember = Schema.Struct({
  mechanismId: Id.MechanismId,
  institutionId: Id.InstitutionId,
  sector: Sector.Sector,
  joinedOn: Schema.optional(CivilDate.CivilDate),
  contacts: Contacts.Contacts,
  expectedVersion: ExpectedVersion,
})

export type AddMember = typeof AddMember.Encoded

/**
 * Input of `removeMember`. `leftOn` (the first day it is no longer a member)
 * defaults to today.
 */
export const RemoveMember = Schema.Struct({
  mechanismId: Id.MechanismId,
  membershipId: Id.MembershipId,
  leftOn: Schema.optional(CivilDate.CivilDate),
  expectedVersion: ExpectedVersion,
})

export type RemoveMember = typeof RemoveMember.Encoded

/**
 * Input of `replaceContacts`.
 */
export const ReplaceContacts = Schema.Struct({
  mechanismId: Id.MechanismId,
  membershipId: Id.MembershipId,
  contacts: Contacts.Contacts,
})

export type ReplaceContacts = typeof ReplaceContacts.Encoded

/**
 * Input of `readContacts`.
 */
export const ReadContacts = Schema.Struct({ mechanismId: Id.MechanismId, membershipId: Id.MembershipId })

export type ReadContacts = typeof ReadContacts.Encoded

/**
 * Input of `publishMemorandum`.
 */
export const PublishMemorandum = Schema.Struct({
  mechanismId: Id.MechanismId,
  effectiveFrom: CivilDate.CivilDate,
  documentHash: Memorandum.DocumentHash,
  expectedSectors: Memorandum.ExpectedSectors,
  expectedVersion: ExpectedVersion,
})

export type PublishMemorandum = typeof PublishMemorandum.Encoded

const SignerName = Schema.String.pipe(
  Schema.filter((s) => s.trim().length > 0 && s.length <= 200, { message: () => "mechanism.contact.name.invalid" }),
)

/**
 * Input of `signMemorandum`: the institution that signs, the name of the person
 * who signed for it (sealed), and the day (default today).
 */
export const SignMemorandum = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: Schema.Int.pipe(Schema.positive()),
  institutionId: Id.InstitutionId,
  signer: SignerName,
  signedOn: Schema.optional(CivilDate.CivilDate),
  expectedVersion: ExpectedVersion,
})

export type SignMemorandum = typeof SignMemorandum.Encoded

/**
 * Input of `readSigner`.
 */
export const ReadSigner = Schema.Struct({
  mechanismId: Id.MechanismId,
  memorandumId: Id.MemorandumId,
  version: Schema.Int.pipe(Schema.positive()),
  institutionId: Id.InstitutionId,
})

export type ReadSigner = typeof ReadSigner.Encoded

/**
 * The composition check on a day: the memorandum version in force (absent
 * before the first takes effect), the sectors it expects, and those no
 * signatory member covers.
 */
export const Composition = Schema.Struct({
  day: CivilDate.CivilDate,
  memorandumId: Schema.optional(Id.MemorandumId),
  version: Schema.optional(Schema.Int),
  expectedSectors: Schema.Array(Sector.Sector),
  gaps: Schema.Array(Sector.Sector),
}).annotations({ identifier: "MechanismComposition" })

export type Composition = typeof Composition.Type

/**
 * The purpose contacts and signers are audited with: keeping the mechanism's
 * membership, not working on a case.
 */
export const contactsPurpose: Purpose.Purpose = "mechanism-administration"

export interface Service {
  readonly create: (input: CreateMechanism) => Effect.Effect<Mechanism.Mechanism, Errors.InvalidInput | Errors.Conflict>
  readonly configure: (
    input: ConfigureMechanism,
  ) => Effect.Effect<Mechanism.Mechanism, Errors.InvalidInput | Errors.NotFound | Errors.Conflict>
  readonly appointCoordinator: (
    input: AppointCoordinator,
  ) => Effect.Effect<Mechanism.Mechanism, Errors.InvalidInput | Errors.NotFound | Errors.Conflict>
  readonly activate: (
    input: ChangeStatus,
  ) => Effect.Effect<
    Mechanism.Mechanism,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition
  >
  readonly suspend: (
    input: ChangeStatus,
  ) => Effect.Effect<
    Mechanism.Mechanism,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition
  >
  readonly resume: (
    input: ChangeStatus,
  ) => Effect.Effect<
    Mechanism.Mechanism,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.InvalidTransition
  >
  readonly addMember: (
    input: AddMember,
  ) => Effect.Effect<
    Membership.Membership,
    Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden,
    Principal.CurrentPrincipal
  >
  readonly removeMember: (
    input: RemoveMember,
  ) => Effect.Effect<Membership.Membership, Errors.InvalidInput | Errors.NotFound | Errors.Conflict>
  readonly replaceContacts: (
    input: ReplaceContacts,
  ) => Effect.Effect<void, Errors.InvalidInput | Errors.NotFound | Errors.Forbidden, Principal.CurrentPrincipal>
  readonly readContacts: (
    input: ReadContacts,
  ) => Effect.Effect<
    Contacts.Contacts,
    Errors.InvalidInput | Errors.NotFound | Errors.Forbidden,
    Principal.CurrentPrincipal
  >
  readonly publishMemorandum: (
    input: PublishMemorandum,
  ) => Effect.Effect<Memorandum.MemorandumVersion, Errors.InvalidInput | Errors.NotFound | Errors.Conflict>
  readonly signMemorandum: (
    input: SignMemorandum,
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
    input: ReadSigner,
  ) => Effect.Effect<string, Errors.InvalidInput | Errors.NotFound | Errors.Forbidden, Principal.CurrentPrincipal>
  readonly compositionGaps: (
    mechanismId: string,
    at: Mechanisms.Day,
  ) => Effect.Effect<Composition, Errors.InvalidInput | Errors.NotFound>
}

export class MechanismService extends Context.Tag("@bashke/mechanism/MechanismService")<MechanismService, Service>() {}

const MechanismIdInput = Schema.Struct({ mechanismId: Id.MechanismId })

/**
 * The use cases over the repository, the vault, the audit log and the outbox.
 */
export const make: Effect.Effect<
  Service,
  never,
  MechanismRepository | SqlClient.SqlClient | Vault.Vault | AuditLog.AuditLog | Id.IdGenerator
> = Effect.gen(function* () {
  const repository = yield* MechanismRepository
  const sql = yield* SqlClient.SqlClient
  const vault = yield* Vault.Vault
  const audit = yield* AuditLog.AuditLog
  const ids = yield* Id.IdGenerator
  // Outbox.append needs these two; provided here so callers of the service do not.
  const outboxContext = Context.make(SqlClient.SqlClient, sql).pipe(Context.add(Id.IdGenerator, ids))

  const emit = (topic: MechanismEvents.Topic, mechanismId: Id.MechanismId, payload: object) =>
    Outbox.append({ topic, aggregateType: MechanismEvents.aggregateType, aggregateId: mechanismId, payload }).pipe(
      Effect.provide(outboxContext),
    )

  const load = (id: Id.MechanismId) =>
    Effect.flatMap(
      repository.findMechanism(id),
      Option.match({
        onNone: () => Effect.fail(new Errors.NotFound({ entity: "Mechanism", id })),
        onSome: Effect.succeed,
      }),
    )

  const loadMembership = (mechanismId: Id.MechanismId, membershipId: Id.MembershipId) =>
    Effect.flatMap(repository.findMembership(membershipId), (found) =>
      Option.isSome(found) && found.value.mechanismId === mechanismId
        ? Effect.succeed(found.value)
        : Effect.fail(new Errors.NotFound({ entity: "Membership", id: membershipId })),
    )

  // Contacts and signers are read and written by the mechanism's own people, or
  // by whoever runs the installation.
  const authorize = (mechanismId: Id.MechanismId, action: string) =>
    Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
      Principal.hasRole(principal, "administrator") ||
      (Principal.hasAnyRole(principal, ["coordinator", "member-representative"]) &&
        Principal.belongsTo(principal, mechanismId))
        ? Effect.succeed(principal)
        : Effect.fail(new Errors.Forbidden({ action, rule: "mechanism.contacts.forbidden" })),
    )

  const record = (principal: Principal.Principal, mechanismId: Id.MechanismId, action: "read" | "write") =>
    audit
      .append({ ...AuditEntry.actor(principal), mechanismId, action, purpose: contactsPurpose })
      // A complete draft cannot be refused: a refusal here is a programming error.
      .pipe(Effect.orDie)

  const seal = (membershipId: Id.MembershipId, contacts: Contacts.Contacts) =>
    Effect.gen(function* () {
      const sealed: SealedContacts = {}
      for (const [field, value] of Object.entries(Contacts.toFields(contacts)) as Array<[Contacts.Field, string]>)
        sealed[field] = yield* vault.seal(value, Contacts.aad(membershipId, field))
      return sealed
    })

  const signerAad = (memorandumId: Id.MemorandumId, version: number, institutionId: Id.InstitutionId) =>
    `memorandum-signature:${memorandumId}/${version}/${institutionId}:signer`

  // One transaction per command; a database failure is a defect, not a domain error.
  const transaction = Transaction.within(sql)

  const create: Service["create"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(CreateMechanism)(raw)
      const profile = yield* JurisdictionProfile.CurrentJurisdiction
      const minimum = profile.meetings.minimumPerYear.value
      const minimumMeetingsPerYear = input.minimumMeetingsPerYear ?? minimum
      if (minimumMeetingsPerYear < minimum)
        return yield* new Errors.InvalidInput({
          field: "minimumMeetingsPerYear",
          rule: "mechanism.cadence.below-minimum",
        })
      const mechanism: Mechanism.Mechanism = {
        id: Id.MechanismId.make(yield* ids.next),
        municipality: input.municipality,
        name: input.name,
        status: "forming",
        minimumMeetingsPerYear,
        quorum: input.quorum ?? profile.meetings.quorum.value,
        version: 1,
        createdAt: yield* Instant.now,
      }
      return yield* transaction(
        Effect.gen(function* () {
          yield* repository.insertMechanism(mechanism)
          yield* emit(MechanismEvents.topics.created, mechanism.id, { mechanismId: mechanism.id })
          return mechanism
        }),
      )
    }).pipe(Span.untraced("MechanismService.create"))

  const configure: Service["configure"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(ConfigureMechanism)(raw)
      const minimum = (yield* JurisdictionProfile.CurrentJurisdiction).meetings.minimumPerYear.value
      if (input.minimumMeetingsPerYear !== undefined && input.minimumMeetingsPerYear < minimum)
        return yield* new Errors.InvalidInput({
          field: "minimumMeetingsPerYear",
          rule: "mechanism.cadence.below-minimum",
        })
      return yield* transaction(
        Effect.gen(function* () {
          const mechanism = yield* load(input.mechanismId)
          const updated = yield* repository.updateMechanism(
            {
              ...mechanism,
              minimumMeetingsPerYear: input.minimumMeetingsPerYear ?? mechanism.minimumMeetingsPerYear,
              quorum: input.quorum ?? mechanism.quorum,
            },
            input.expectedVersion ?? mechanism.version,
          )
          yield* emit(MechanismEvents.topics.configured, mechanism.id, { mechanismId: mechanism.id })
          return updated
        }),
      )
    }).pipe(Span.untraced("MechanismService.configure"))

  const appointCoordinator: Service["appointCoordinator"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(AppointCoordinator)(raw)
      const today = yield* JurisdictionProfile.today
      return yield* transaction(
        Effect.gen(function* () {
          const mechanism = yield* load(input.mechanismId)
          const membership = yield* loadMembership(input.mechanismId, input.membershipId)
          if (!Membership.isCurrent(membership, today))
            return yield* new Errors.InvalidInput({ field: "membershipId", rule: "mechanism.coordinator.not-member" })
          const updated = yield* repository.updateMechanism(
            { ...mechanism, coordinator: membership.id },
            input.expectedVersion ?? mechanism.version,
          )
          yield* emit(MechanismEvents.topics.coordinatorAppointed, mechanism.id, {
            mechanismId: mechanism.id,
            membershipId: membership.id,
          })
          return updated
        }),
      )
    }).pipe(Span.untraced("MechanismService.appointCoordinator"))

  const changeStatus = (command: MechanismLifecycle.Command, topic: MechanismEvents.Topic) => (raw: ChangeStatus) =>
    Effect.gen(function* () {
      const input = yield* decode(ChangeStatus)(raw)
      const today = yield* JurisdictionProfile.today
      return yield* transaction(
        Effect.gen(function* () {
          const mechanism = yield* load(input.mechanismId)
          const memberships = yield* repository.memberships(mechanism.id)
          const memoranda = yield* repository.memoranda(mechanism.id)
          const coordinator = memberships.find((m) => m.id === mechanism.coordinator)
          const status = yield* MechanismLifecycle.transition(mechanism.id, mechanism.status, command, {
            hasCoordinator: coordinator !== undefined && Membership.isCurrent(coordinator, today),
            memorandumSigned: Mechanisms.memberSignatories(memoranda, memberships, today).length > 0,
          })
          const updated = yield* repository.updateMechanism(
            { ...mechanism, status },
            input.expectedVersion ?? mechanism.version,
          )
          yield* emit(topic, mechanism.id, { mechanismId: mechanism.id })
          return updated
        }),
      )
    }).pipe(Span.untraced(`MechanismService.${command}`))

  const addMember: Service["addMember"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(AddMember)(raw)
      const principal = yield* authorize(input.mechanismId, "mechanism.membership.add")
      const joinedOn = input.joinedOn ?? (yield* JurisdictionProfile.today)
      const membership: Membership.Membership = {
        id: Id.MembershipId.make(yield* ids.next),
        mechanismId: input.mechanismId,
        institutionId: input.institutionId,
        sector: input.sector,
        joinedOn,
      }
      const sealed = yield* seal(membership.id, input.contacts)
      return yield* transaction(
        Effect.gen(function* () {
          const mechanism = yield* load(input.mechanismId)
          const memberships = yield* repository.memberships(mechanism.id)
          if (
            memberships.some((m) => m.institutionId === membership.institutionId && Membership.overlaps(m, membership))
          )
            return yield* new Errors.Conflict({
              entity: "Mechanism",
              id: mechanism.id,
              rule: "mechanism.membership.duplicate",
            })
          yield* repository.updateMechanism(mechanism, input.expectedVersion ?? mechanism.version)
          yield* repository.insertMembership(membership, sealed)
          yield* record(principal, mechanism.id, "write")
          yield* emit(MechanismEvents.topics.membershipAdded, mechanism.id, {
            mechanismId: mechanism.id,
            membershipId: membership.id,
            institutionId: membership.institutionId,
          })
          return membership
        }),
      )
    }).pipe(Span.untraced("MechanismService.addMember"))

  const removeMember: Service["removeMember"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(RemoveMember)(raw)
      const leftOn = input.leftOn ?? (yield* JurisdictionProfile.today)
      return yield* transaction(
        Effect.gen(function* () {
          const mechanism = yield* load(input.mechanismId)
          const membership = yield* loadMembership(mechanism.id, input.membershipId)
          if (membership.leftOn !== undefined)
            return yield* new Errors.Conflict({
              entity: "Membership",
              id: membership.id,
              rule: "mechanism.membership.already-left",
            })
          if (leftOn < membership.joinedOn)
            return yield* new Errors.InvalidInput({ field: "leftOn", rule: "mechanism.membership.left-before-joined" })
          if (mechanism.coordinator === membership.id)
            return yield* new Errors.Conflict({
              entity: "Mechanism",
              id: mechanism.id,
              rule: "mechanism.coordinator.cannot-leave",
            })
          yield* repository.updateMechanism(mechanism, input.expectedVersion ?? mechanism.version)
          yield* repository.endMembership(membership.id, leftOn)
          yield* emit(MechanismEvents.topics.membershipRemoved, mechanism.id, {
            mechanismId: mechanism.id,
            membershipId: membership.id,
            institutionId: membership.institutionId,
          })
          return { ...membership, leftOn }
        }),
      )
    }).pipe(Span.untraced("MechanismService.removeMember"))

  const replaceContacts: Service["replaceContacts"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(ReplaceContacts)(raw)
      const principal = yield* authorize(input.mechanismId, "mechanism.contacts.write")
      const sealed = yield* seal(input.membershipId, input.contacts)
      yield* transaction(
        Effect.gen(function* () {
          const membership = yield* loadMembership(input.mechanismId, input.membershipId)
          yield* repository.replaceContacts(membership.id, sealed)
          yield* record(principal, input.mechanismId, "write")
          yield* emit(MechanismEvents.topics.contactsReplaced, input.mechanismId, {
            mechanismId: input.mechanismId,
            membershipId: membership.id,
            institutionId: membership.institutionId,
          })
        }),
      )
    }).pipe(Span.untraced("MechanismService.replaceContacts"))

  const readContacts: Service["readContacts"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(ReadContacts)(raw)
      const principal = yield* authorize(input.mechanismId, "mechanism.contacts.read")
      const sealed = yield* transaction(
        Effect.gen(function* () {
          const membership = yield* loadMembership(input.mechanismId, input.membershipId)
          const sealed = yield* repository.sealedContacts(membership.id)
          // The read is recorded with the read: no entry, no data.
          yield* record(principal, input.mechanismId, "read")
          return sealed
        }),
      )
      const opened: Partial<Record<Contacts.Field, string>> = {}
      for (const [field, value] of Object.entries(sealed) as Array<[Contacts.Field, string]>)
        opened[field] = yield* vault.open(value, Contacts.aad(input.membershipId, field)).pipe(Effect.orDie)
      const contacts = Contacts.fromFields(opened)
      if (contacts === undefined) return yield* Effect.dieMessage("a membership without a representative's name")
      return contacts
    }).pipe(Span.untraced("MechanismService.readContacts"))

  const publishMemorandum: Service["publishMemorandum"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(PublishMemorandum)(raw)
      const publishedAt = yield* Instant.now
      const freshId = Id.MemorandumId.make(yield* ids.next)
      return yield* transaction(
        Effect.gen(function* () {
          const mechanism = yield* load(input.mechanismId)
          const memoranda = yield* repository.memoranda(mechanism.id)
          yield* Memorandum.checkNewVersion(memoranda, input.effectiveFrom)
          const previous = Memorandum.latest(memoranda)
          const version: Memorandum.MemorandumVersion = {
            memorandumId: Option.match(previous, { onNone: () => freshId, onSome: (v) => v.memorandumId }),
            mechanismId: mechanism.id,
            version: Option.match(previous, { onNone: () => 1, onSome: (v) => v.version + 1 }),
            effectiveFrom: input.effectiveFrom,
            documentHash: input.documentHash,
            expectedSectors: input.expectedSectors,
            publishedAt,
            signatures: [],
          }
          yield* repository.updateMechanism(mechanism, input.expectedVersion ?? mechanism.version)
          yield* repository.insertMemorandumVersion(version)
          yield* emit(MechanismEvents.topics.memorandumPublished, mechanism.id, {
            mechanismId: mechanism.id,
            memorandumId: version.memorandumId,
            version: version.version,
          })
          return version
        }),
      )
    }).pipe(Span.untraced("MechanismService.publishMemorandum"))

  const signMemorandum: Service["signMemorandum"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(SignMemorandum)(raw)
      const principal = yield* MechanismPolicy.requireSignatureRecorder(
        yield* Principal.CurrentPrincipal,
        input.mechanismId,
        input.institutionId,
      )
      const today = yield* JurisdictionProfile.today
      const signedOn = input.signedOn ?? today
      const sealedSigner = yield* vault.seal(
        input.signer.trim(),
        signerAad(input.memorandumId, input.version, input.institutionId),
      )
      return yield* transaction(
        Effect.gen(function* () {
          const mechanism = yield* load(input.mechanismId)
          const memoranda = yield* repository.memoranda(mechanism.id)
          const memberships = yield* repository.memberships(mechanism.id)
          const { version, membership } = yield* Memorandum.checkSignature({
            memoranda,
            memberships,
            memorandumId: input.memorandumId,
            version: input.version,
            institutionId: input.institutionId,
            signedOn,
            today,
          })
          const signature: Memorandum.Signature = {
            membershipId: membership.id,
            institutionId: input.institutionId,
            signedOn,
          }
          yield* repository.updateMechanism(mechanism, input.expectedVersion ?? mechanism.version)
          yield* repository.insertSignature(version.memorandumId, version.version, signature, sealedSigner)
          yield* record(principal, mechanism.id, "write")
          yield* emit(MechanismEvents.topics.memorandumSigned, mechanism.id, {
            mechanismId: mechanism.id,
            memorandumId: version.memorandumId,
            version: version.version,
            membershipId: membership.id,
            institutionId: input.institutionId,
          })
          return { ...version, signatures: [...version.signatures, signature] }
        }),
      )
    }).pipe(Span.untraced("MechanismService.signMemorandum"))

  const countersignMemorandum: Service["countersignMemorandum"] = (input) =>
    CountersignMemorandum.countersign(input).pipe(
      Effect.provideService(MechanismRepository, repository),
      Effect.provide(outboxContext),
    )

  const readSigner: Service["readSigner"] = (raw) =>
    Effect.gen(function* () {
      const input = yield* decode(ReadSigner)(raw)
      const principal = yield* authorize(input.mechanismId, "mechanism.memorandum.signer.read")
      const sealed = yield* transaction(
        Effect.gen(function* () {
          const memoranda = yield* repository.memoranda(input.mechanismId)
          if (!memoranda.some((v) => v.memorandumId === input.memorandumId && v.version === input.version))
            return yield* new Errors.NotFound({
              entity: "MemorandumVersion",
              id: `${input.memorandumId}/${input.version}`,
            })
          const sealed = yield* repository.sealedSigner(input.memorandumId, input.version, input.institutionId)
          yield* record(principal, input.mechanismId, "read")
          return sealed
        }),
      )
      return yield* vault
        .open(sealed, signerAad(input.memorandumId, input.version, input.institutionId))
        .pipe(Effect.orDie)
    }).pipe(Span.untraced("MechanismService.readSigner"))

  const compositionGaps: Service["compositionGaps"] = (mechanismId, at) =>
    Effect.gen(function* () {
      const input = yield* decode(MechanismIdInput)({ mechanismId })
      const day = yield* JurisdictionProfile.dayOf(at)
      const mechanism = yield* load(input.mechanismId)
      const memoranda = yield* repository.memoranda(mechanism.id)
      const memberships = yield* repository.memberships(mechanism.id)
      return Option.match(Memorandum.inForce(memoranda, day), {
        onNone: (): Composition => ({ day, expectedSectors: [], gaps: [] }),
        onSome: (version): Composition => ({
          day,
          memorandumId: version.memorandumId,
          version: version.version,
          expectedSectors: version.expectedSectors,
          gaps: Memorandum.compositionGaps(version, memberships, day),
        }),
      })
    }).pipe(Span.untraced("MechanismService.compositionGaps"))

  return {
    create,
    configure,
    appointCoordinator,
    activate: changeStatus("activate", MechanismEvents.topics.activated),
    suspend: changeStatus("suspend", MechanismEvents.topics.suspended),
    resume: changeStatus("resume", MechanismEvents.topics.resumed),
    addMember,
    removeMember,
    replaceContacts,
    readContacts,
    publishMemorandum,
    signMemorandum,
    countersignMemorandum,
    readSigner,
    compositionGaps,
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
