/**
 * A member's representative contacts are read by someone who keeps the
 * mechanism's contacts. The read is recorded with the read: the audit entry
 * is written in the transaction that reads the sealed contacts, so no entry,
 * no data.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`
 * (`mechanism.contacts.forbidden`) or `NotFound`.
 */
import { type Errors, Id, type Principal } from "@bashke/kernel"
import { Vault } from "@bashke/security"
import { Effect, Schema } from "effect"
import * as Contacts from "./Contacts"
import { useCase } from "./internal/Input"
import { findMembership, type Requirements, record, requireContactsKeeper } from "./internal/Steps"
import { MechanismRepository } from "./MechanismRepository"

/**
 * Input of `readContacts`.
 */
export const ReadContacts = Schema.Struct({ mechanismId: Id.MechanismId, membershipId: Id.MembershipId })

export type ReadContacts = typeof ReadContacts.Encoded

/**
 * The contacts, opened.
 */
export const read: (
  input: ReadContacts,
) => Effect.Effect<
  Contacts.Contacts,
  Errors.InvalidInput | Errors.NotFound | Errors.Forbidden,
  Requirements | Principal.CurrentPrincipal
> = useCase({
  span: "MechanismService.readContacts",
  command: ReadContacts,
  load: (input) =>
    Effect.gen(function* () {
      const principal = yield* requireContactsKeeper(input.mechanismId, "mechanism.contacts.read")
      const membership = yield* findMembership(input.mechanismId, input.membershipId)
      return { principal, sealed: yield* (yield* MechanismRepository).sealedContacts(membership.id) }
    }),
  decide: () => Effect.void,
  write: (_, { principal, sealed }, input) =>
    Effect.gen(function* () {
      yield* record(principal, input.mechanismId, "read")
      const vault = yield* Vault.Vault
      const opened: Partial<Record<Contacts.Field, string>> = {}
      for (const [field, value] of Object.entries(sealed) as Array<[Contacts.Field, string]>)
        opened[field] = yield* vault.open(value, Contacts.aad(input.membershipId, field)).pipe(Effect.orDie)
      const contacts = Contacts.fromFields(opened)
      if (contacts === undefined) return yield* Effect.dieMessage("a membership without a representative's name")
      return contacts
    }),
})
