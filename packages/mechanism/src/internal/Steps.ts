// The steps the mechanism's use cases share: loading the mechanism and a
// membership (NotFound otherwise), who may touch contacts and signers, the
// audit entry of such a read or write, sealing contacts, and the outbox event.
import { Errors, type Id, Principal } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import { AuditEntry, AuditLog, type Purpose, Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Option } from "effect"
import * as Contacts from "../Contacts"
import type * as Mechanism from "../Mechanism"
import * as MechanismEvents from "../MechanismEvents"
import { MechanismRepository, type SealedContacts } from "../MechanismRepository"
import type * as Membership from "../Membership"

/**
 * @internal What the mechanism's use cases need besides the caller's principal:
 * each use case names this in its type, whether or not it uses every part.
 */
export type Requirements = MechanismRepository | SqlClient.SqlClient | Vault.Vault | AuditLog.AuditLog | Id.IdGenerator

/** @internal */
export const findMechanism = (
  id: Id.MechanismId,
): Effect.Effect<Mechanism.Mechanism, Errors.NotFound, MechanismRepository> =>
  Effect.flatMap(MechanismRepository, (repository) =>
    Effect.flatMap(
      repository.findMechanism(id),
      Option.match({
        onNone: () => Effect.fail(new Errors.NotFound({ entity: "Mechanism", id })),
        onSome: Effect.succeed,
      }),
    ),
  )

/** @internal The membership, when it belongs to the mechanism. */
export const findMembership = (
  mechanismId: Id.MechanismId,
  membershipId: Id.MembershipId,
): Effect.Effect<Membership.Membership, Errors.NotFound, MechanismRepository> =>
  Effect.flatMap(MechanismRepository, (repository) =>
    Effect.flatMap(repository.findMembership(membershipId), (found) =>
      Option.isSome(found) && found.value.mechanismId === mechanismId
        ? Effect.succeed(found.value)
        : Effect.fail(new Errors.NotFound({ entity: "Membership", id: membershipId })),
    ),
  )

/**
 * @internal Contacts and signers are read and written by the mechanism's own
 * people, or by whoever runs the installation.
 */
export const requireContactsKeeper = (
  mechanismId: Id.MechanismId,
  action: string,
): Effect.Effect<Principal.Principal, Errors.Forbidden, Principal.CurrentPrincipal> =>
  Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
    Principal.hasRole(principal, "administrator") ||
    (Principal.hasAnyRole(principal, ["coordinator", "member-representative"]) &&
      Principal.belongsTo(principal, mechanismId))
      ? Effect.succeed(principal)
      : Effect.fail(new Errors.Forbidden({ action, rule: "mechanism.contacts.forbidden" })),
  )

/** @internal Keeping the mechanism's membership, not working on a case. */
export const contactsPurpose: Purpose.Purpose = "mechanism-administration"

/**
 * @internal The audit entry of a read or write of contacts or a signer's name:
 * purpose `mechanism-administration` (keeping the membership, not a case).
 */
export const record = (
  principal: Principal.Principal,
  mechanismId: Id.MechanismId,
  action: "read" | "write",
): Effect.Effect<void, never, AuditLog.AuditLog> =>
  Effect.flatMap(AuditLog.AuditLog, (audit) =>
    audit
      .append({ ...AuditEntry.actor(principal), mechanismId, action, purpose: contactsPurpose })
      // A complete draft cannot be refused: a refusal here is a programming error.
      .pipe(Effect.orDie),
  )

/** @internal Each contact field sealed under its own associated data. */
export const seal = (
  membershipId: Id.MembershipId,
  contacts: Contacts.Contacts,
): Effect.Effect<SealedContacts, never, Vault.Vault> =>
  Effect.gen(function* () {
    const vault = yield* Vault.Vault
    const sealed: SealedContacts = {}
    for (const [field, value] of Object.entries(Contacts.toFields(contacts)) as Array<[Contacts.Field, string]>)
      sealed[field] = yield* vault.seal(value, Contacts.aad(membershipId, field))
    return sealed
  })

/** @internal The associated data a signer's sealed name is bound to. */
export const signerAad = (memorandumId: Id.MemorandumId, version: number, institutionId: Id.InstitutionId): string =>
  `memorandum-signature:${memorandumId}/${version}/${institutionId}:signer`

/** @internal The mechanism's outbox event. */
export const emit = (
  topic: MechanismEvents.Topic,
  mechanismId: Id.MechanismId,
  payload: object,
): Effect.Effect<void, never, SqlClient.SqlClient | Id.IdGenerator> =>
  Effect.asVoid(
    Outbox.append({ topic, aggregateType: MechanismEvents.aggregateType, aggregateId: mechanismId, payload }),
  )
