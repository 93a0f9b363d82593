/**
 * A member's representative contacts are replaced (sealed) by someone who
 * keeps the mechanism's contacts. The contacts, the audit entry of the write
 * and the outbox event are written in one transaction. Who may is checked
 * before anything is read, so a stranger learns nothing of which memberships
 * exist.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`
 * (`mechanism.contacts.forbidden`) or `NotFound`.
 */
import { type Errors, Id, type Principal } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Contacts from "./Contacts"
import { useCase } from "./internal/Input"
import { emit, findMembership, type Requirements, record, requireContactsKeeper, seal } from "./internal/Steps"
import * as MechanismEvents from "./MechanismEvents"
import { MechanismRepository } from "./MechanismRepository"

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
 * Replaces the contacts.
 */
export const replace: (
  input: ReplaceContacts,
) => Effect.Effect<
  void,
  Errors.InvalidInput | Errors.NotFound | Errors.Forbidden,
  Requirements | Principal.CurrentPrincipal
> = useCase({
  span: "MechanismService.replaceContacts",
  command: ReplaceContacts,
  load: (input) =>
    Effect.all({
      principal: requireContactsKeeper(input.mechanismId, "mechanism.contacts.write"),
      membership: findMembership(input.mechanismId, input.membershipId),
    }),
  decide: () => Effect.void,
  write: (_, { principal, membership }, input) =>
    Effect.gen(function* () {
      const sealed = yield* seal(membership.id, input.contacts)
      yield* (yield* MechanismRepository).replaceContacts(membership.id, sealed)
      yield* record(principal, input.mechanismId, "write")
      yield* emit(MechanismEvents.topics.contactsReplaced, input.mechanismId, {
        mechanismId: input.mechanismId,
        membershipId: membership.id,
        institutionId: membership.institutionId,
      })
    }),
})
