/**
 * An institution joins the mechanism, with its representative's contacts
 * (sealed). The principal must keep the mechanism's contacts (an
 * administrator, or its coordinator or a member representative); an
 * institution is a member once at a time. The mechanism's new version, the
 * membership, the audit entry of the contacts written and the outbox event
 * are written in one transaction.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`
 * (`mechanism.contacts.forbidden`), `NotFound` or `Conflict`
 * (`mechanism.membership.duplicate`, `version.stale`).
 */
import { CivilDate, Errors, Id, JurisdictionProfile, type Principal, Sector } from "@bashke/kernel"
import { Effect, Either, Schema } from "effect"
import * as Contacts from "./Contacts"
import { useCase } from "./internal/Input"
import { emit, findMechanism, type Requirements, record, requireContactsKeeper, seal } from "./internal/Steps"
import * as MechanismEvents from "./MechanismEvents"
import { MechanismRepository } from "./MechanismRepository"
import * as Membership from "./Membership"

/**
 * Input of `addMember`. `joinedOn` defaults to today.
 */
export const AddMember = Schema.Struct({
  mechanismId: Id.MechanismId,
  institutionId: Id.InstitutionId,
  sector: Sector.Sector,
  joinedOn: Schema.optional(CivilDate.CivilDate),
  contacts: Contacts.Contacts,
  expectedVersion: Schema.optional(Schema.Int.pipe(Schema.positive())),
})

export type AddMember = typeof AddMember.Encoded

/**
 * Adds the member and answers the membership.
 */
export const add: (
  input: AddMember,
) => Effect.Effect<
  Membership.Membership,
  Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden,
  Requirements | Principal.CurrentPrincipal
> = useCase({
  span: "MechanismService.addMember",
  command: AddMember,
  load: (input) =>
    Effect.gen(function* () {
      const principal = yield* requireContactsKeeper(input.mechanismId, "mechanism.membership.add")
      const mechanism = yield* findMechanism(input.mechanismId)
      const membership: Membership.Membership = {
        id: Id.MembershipId.make(yield* (yield* Id.IdGenerator).next),
        mechanismId: input.mechanismId,
        institutionId: input.institutionId,
        sector: input.sector,
        joinedOn: input.joinedOn ?? (yield* JurisdictionProfile.today),
      }
      return {
        principal,
        mechanism,
        membership,
        memberships: yield* (yield* MechanismRepository).memberships(mechanism.id),
      }
    }),
  decide: ({ mechanism, membership, memberships }) =>
    memberships.some((m) => m.institutionId === membership.institutionId && Membership.overlaps(m, membership))
      ? Either.left(
          new Errors.Conflict({ entity: "Mechanism", id: mechanism.id, rule: "mechanism.membership.duplicate" }),
        )
      : Either.void,
  write: (_, { principal, mechanism, membership }, input) =>
    Effect.gen(function* () {
      const repository = yield* MechanismRepository
      const sealed = yield* seal(membership.id, input.contacts)
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
})
