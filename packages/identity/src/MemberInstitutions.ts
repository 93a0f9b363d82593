/**
 * The port through which invitations ask whether an institution is a member
 * of a mechanism (the mechanism package knows; the application joins them).
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect } from "effect"

export interface Service {
  /** Whether `institution` is a member of `mechanism` today; an unknown mechanism has none. */
  readonly isMember: (mechanism: Id.MechanismId, institution: Id.InstitutionId) => Effect.Effect<boolean>
}

export class MemberInstitutions extends Context.Tag("@bashke/identity/MemberInstitutions")<
  MemberInstitutions,
  Service
>() {}
