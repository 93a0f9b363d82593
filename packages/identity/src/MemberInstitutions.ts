/**
 * The port through which invitations ask whether an institution is a member
 * of a mechanism (the mechanism package knows; the application joins them).
 *
 * @since 0.1.0
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect } from "effect"

/**
 * @since 0.1.0
 */
export interface Service {
  /** Whether `institution` is a member of `mechanism` today; an unknown mechanism has none. */
  readonly isMember: (mechanism: Id.MechanismId, institution: Id.InstitutionId) => Effect.Effect<boolean>
}

/**
 * @since 0.1.0
 */
export class MemberInstitutions extends Context.Tag("@bashke/identity/MemberInstitutions")<
  MemberInstitutions,
  Service
>() {}
