/**
 * An invitation: a person to be (name, email, language, institution) with the
 * roles they will hold, sent as a one-time, expiring link
 * (`SignInLink`'s `invitation` purpose). Accepting it is the person's first
 * sign-in, at the `enrolment` stage: they set up a second factor before any
 * case data is readable.
 */
import type { Principal } from "@bashke/kernel"
import { Schema } from "effect"
import * as Grants from "./Grants"
import { NewPerson } from "./Person"

/**
 * What an inviter sends: the person and their grants (at least one).
 */
export const NewInvitation = Schema.Struct({
  ...NewPerson.fields,
  grants: Schema.Array(Grants.Grant).pipe(Schema.minItems(1), Schema.maxItems(20)),
}).annotations({ identifier: "NewInvitation" })

export type NewInvitation = typeof NewInvitation.Type

/**
 * Whether `actor` may invite someone with `grants`: an administrator anyone;
 * a coordinator people of member institutions (`institutionIsMember`: the
 * person's institution is a member of every mechanism granted) into their own
 * mechanisms (`Grants.mayAdminister`). Nobody else.
 */
export const mayInvite = (
  actor: Pick<Principal.Principal, "roles" | "mechanisms">,
  grants: ReadonlyArray<Grants.Grant>,
  institutionIsMember: boolean,
): boolean => actor.roles.includes("administrator") || (Grants.mayAdminister(actor, grants) && institutionIsMember)
