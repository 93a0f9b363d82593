/**
 * Invitations: `POST /v1/mechanisms/{mechanismId}/invitations` (a coordinator
 * invites people of member institutions into their mechanism, an
 * administrator anyone), `POST /v1/invitations` (an administrator, with any
 * grants, installation roles too), and `POST /v1/invitations/accept` (the
 * person's first sign-in: the answer sets the session cookie, at the
 * `enrolment` stage when their roles need a second factor). The decisions are
 * `@bashke/identity`'s (`Invitations`).
 *
 * Issuing answers the link's secret once, to pass on: like a sign-in it is a
 * credential route, so the answer is never stored (no idempotency key: a
 * retried invitation finds the email taken, 409, and adds no one).
 */
import { Invitation, Invitations, Person, Session } from "@bashke/identity"
import { Id, Principal } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import { SessionCookie } from "../SessionCookie"
import { Me, meOf } from "./Me"

const MechanismPath = Schema.Struct({ mechanismId: Id.MechanismId })

const MechanismInvitation = Schema.Struct({
  ...Person.NewPerson.fields,
  /** The roles in this mechanism. */
  roles: Schema.Array(Principal.Role).pipe(Schema.minItems(1), Schema.maxItems(6)),
}).annotations({ identifier: "MechanismInvitation" })

const InvitationIssued = Schema.Struct({
  personId: Person.PersonId,
  /** The one-time link's secret: shown once, for the person alone. */
  token: Schema.String,
  expiresAt: Schema.Date,
}).annotations({ identifier: "InvitationIssued" })

const issuedOf = (issued: Invitations.Issued) => ({
  personId: issued.person,
  token: issued.token,
  expiresAt: issued.expiresAt,
})

const inviteIntoMechanism = Route.make({
  method: "post",
  path: "/v1/mechanisms/:mechanismId/invitations",
  operationId: "inviteIntoMechanism",
  tag: "people",
  summary:
    "Invite a person of a member institution into the mechanism with roles there; the one-time link's secret, shown once",
  credential: true,
  pathSchema: MechanismPath,
  bodySchema: MechanismInvitation,
  success: { status: 201, schema: InvitationIssued },
  handle: ({ path, body }) =>
    Effect.gen(function* () {
      const { roles, ...person } = yield* Schema.decodeUnknown(MechanismInvitation)(body).pipe(Effect.orDie)
      const grants = roles.map((role) => ({ role, mechanism: path.mechanismId }))
      return issuedOf(yield* Invitations.invite({ ...person, grants }))
    }),
})

const invite = Route.make({
  method: "post",
  path: "/v1/invitations",
  operationId: "invitePerson",
  tag: "people",
  summary: "Invite a person with any grants (administrators); the one-time link's secret, shown once",
  credential: true,
  bodySchema: Invitation.NewInvitation,
  success: { status: 201, schema: InvitationIssued },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const invitation = yield* Schema.decodeUnknown(Invitation.NewInvitation)(body).pipe(Effect.orDie)
      return issuedOf(yield* Invitations.invite(invitation))
    }),
})

const AcceptBody = Schema.Struct({ token: Schema.String.pipe(Schema.maxLength(100)) })

const InvitationAccepted = Schema.Struct({
  ...Me.fields,
  /** `enrolment`: set up a passkey, or a password and an authenticator app, then sign in with it. */
  stage: Session.Stage,
}).annotations({ identifier: "InvitationAccepted" })

const accept = Route.make({
  method: "post",
  path: "/v1/invitations/accept",
  operationId: "acceptInvitation",
  tag: "sign-in",
  summary:
    "Accept an invitation with its link's secret: the first sign-in, which sets the session cookie; at the enrolment stage it reads nothing until a second factor is set up and used",
  public: true,
  credential: true,
  bodySchema: AcceptBody,
  success: { status: 200, schema: InvitationAccepted },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const { token } = yield* Schema.decodeUnknown(AcceptBody)(body).pipe(Effect.orDie)
      const cookie = yield* SessionCookie
      const accepted = yield* Invitations.accept(token, cookie.current)
      yield* cookie.set(accepted.secret, accepted.maxAge)
      return { ...(yield* meOf(accepted.principal)), stage: accepted.stage }
    }),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [inviteIntoMechanism, invite, accept]
