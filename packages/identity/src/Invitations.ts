/**
 * Inviting people and accepting an invitation. `invite`, as the current
 * principal, adds the person with their grants (audited with who did it) and
 * issues the one-time invitation link — the `SignInLinks` store's, stored as
 * its hash, single use, expiring after `SignInLink.defaultLifetime`. `accept`
 * redeems it and starts the person's first session: at the `enrolment` stage
 * when their roles need a second factor (`Grants.needsSecondFactor`), acting
 * with no role until they sign in again with the passkey or authenticator app
 * they set up.
 */
import { Errors, type Id, Principal, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Duration, Effect, Option } from "effect"
import * as Grants from "./Grants"
import * as Invitation from "./Invitation"
import { MemberInstitutions } from "./MemberInstitutions"
import { People } from "./People"
import type { PersonId } from "./Person"
import * as Session from "./Session"
import { Sessions } from "./Sessions"
import type { SignedIn } from "./SignIn"
import * as SignInLink from "./SignInLink"
import { SignInLinks } from "./SignInLinks"

/**
 * An invitation sent: the person's id, the link's secret (shown once, to be
 * passed on to the person), and when it expires.
 */
export interface Issued {
  readonly person: PersonId
  readonly token: string
  readonly expiresAt: Date
}

/**
 * Invites a person as the current principal (see `Invitation.mayInvite`). A
 * mechanism the actor does not belong to answers as unknown (`NotFound`);
 * grants beyond the actor's reach, or an institution that is no member, are
 * `Forbidden` (`identity.invitation.forbidden`); an email already taken is a
 * `Conflict` naming no address.
 */
export const invite = (
  invitation: Invitation.NewInvitation,
): Effect.Effect<
  Issued,
  Errors.NotFound | Errors.Forbidden | Errors.InvalidInput | Errors.Conflict,
  People | SignInLinks | MemberInstitutions | SqlClient.SqlClient | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const actor = yield* Principal.CurrentPrincipal
    const { grants, ...person } = invitation
    const mechanisms = [...new Set(grants.flatMap((grant) => (grant.mechanism === null ? [] : [grant.mechanism])))]
    const administrator = actor.roles.includes("administrator")
    const outside = mechanisms.find((mechanism) => !actor.mechanisms.includes(mechanism))
    if (!administrator && outside !== undefined)
      return yield* Effect.fail(new Errors.NotFound({ entity: "mechanism", id: outside }))
    const institution = person.institution
    const members = yield* MemberInstitutions
    const institutionIsMember =
      institution !== undefined &&
      (yield* Effect.forEach(mechanisms, (mechanism: Id.MechanismId) =>
        members.isMember(mechanism, institution),
      )).every(Boolean)
    if (!Invitation.mayInvite(actor, grants, institutionIsMember))
      return yield* Effect.fail(new Errors.Forbidden({ action: "invite", rule: "identity.invitation.forbidden" }))

    const lifetime = SignInLink.defaultLifetime.invitation
    const expiresAt = new Date((yield* SqlValues.currentDate).getTime() + Duration.toMillis(lifetime))
    const sql = yield* SqlClient.SqlClient
    const links = yield* SignInLinks
    const people = yield* People
    // The person and their link together, or neither.
    return yield* sql
      .withTransaction(
        Effect.gen(function* () {
          const added = yield* people.add(person, grants, actor.id)
          const token = yield* links.issue(added.id, "invitation", lifetime)
          return { person: added.id, token, expiresAt }
        }),
      )
      .pipe(Effect.catchTag("SqlError", Effect.die))
  }).pipe(Span.untraced("Invitations.invite"))

/**
 * The first session, from an invitation.
 */
export interface Accepted extends SignedIn {
  readonly stage: Session.Stage
}

/**
 * Accepts an invitation with its link's secret; ends `previous` (the session
 * the browser held). A used, unknown or deactivated person's link is
 * `identity.link.invalid`, an expired one `identity.link.expired`.
 */
export const accept = (
  token: string,
  previous: Option.Option<string> = Option.none(),
): Effect.Effect<Accepted, Errors.Unauthenticated, SignInLinks | Sessions | People> =>
  Effect.gen(function* () {
    const person = yield* (yield* SignInLinks).redeem(token, "invitation")
    // Redeem checked the person is active.
    const principal = yield* (yield* People).principal(person).pipe(Effect.map(Option.getOrThrow), Effect.orDie)
    const stage: Session.Stage = Grants.needsSecondFactor(principal) ? "enrolment" : "signed-in"
    const sessions = yield* Sessions
    if (Option.isSome(previous)) yield* sessions.end(previous.value, "rotated")
    const started = yield* sessions.start(person, stage)
    return { ...started, principal: Session.actingPrincipal(stage, principal), stage }
  }).pipe(Span.untraced("Invitations.accept"))
