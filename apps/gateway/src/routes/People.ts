/**
 * Administering people, and a person's own sessions:
 *
 * - `GET /v1/people`: the people of a mechanism (`mechanismId`) — a
 *   coordinator their own mechanisms', an administrator any, or everyone —
 *   paged, names and emails opened and audited;
 * - `PUT /v1/people/{personId}/roles` (`If-Match`): replaces the person's
 *   grants, audited with who did it; every session of the person ends, and
 *   every API token made for them is revoked (a token carries the roles it was
 *   made with), so no credential outlives the privilege it carried; when the
 *   caller changed their own roles, their session rotates (a new cookie);
 * - `GET /v1/people/{personId}/sign-ins`: the person's sign-in history, latest
 *   first;
 * - `POST /v1/people/{personId}/deactivate`: every session, token and JWT of
 *   theirs stops at the next request, on every instance;
 * - `GET /v1/me/sessions` and `DELETE /v1/me/sessions`: the caller's own
 *   sessions, and signing out everywhere (the browser forgets its cookie).
 *
 * Who may do what is the identity package's (`Grants.mayAdminister`,
 * `ListPeople.scopeOf`); a person out of reach gets the 404 an unknown id gets.
 */
import {
  Administration,
  ChangeRoles,
  Grants,
  ListPeople,
  MySessions,
  Person,
  Session,
  Sessions,
  SignInHistory,
  SignOutEverywhere,
} from "@bashke/identity"
import { Id, Principal } from "@bashke/kernel"
import { Effect, Option, Schema } from "effect"
import { ApiTokens } from "../ApiTokens"
import * as Route from "../Route"
import { SessionCookie } from "../SessionCookie"
import * as Keyset from "./Keyset"

const PersonPath = Schema.Struct({ personId: Person.PersonId })
const Deactivated = Schema.Struct({ deactivated: Schema.Literal(true) }).annotations({ identifier: "Deactivated" })

const deactivate = Route.make({
  method: "post",
  path: "/v1/people/:personId/deactivate",
  operationId: "deactivatePerson",
  tag: "people",
  summary: "Deactivate a person: every session, token and JWT of theirs stops at the next request",
  pathSchema: PersonPath,
  success: { status: 200, schema: Deactivated },
  handle: ({ path }) => Administration.deactivate(path.personId),
})

/** A person in an administrator's list: opened, with their grants and version. */
const ListedPerson = Schema.extend(
  Person.Person,
  Schema.Struct({
    grants: Schema.Array(Grants.Grant),
    /** The version a change of the person's roles names in `If-Match`. */
    version: Schema.Int,
  }),
).annotations({ identifier: "ListedPerson" })

const PeopleQuery = Keyset.query({
  mechanismId: Schema.optional(Id.MechanismId),
})

const listPeople = Route.make({
  method: "get",
  path: "/v1/people",
  operationId: "listPeople",
  tag: "people",
  summary:
    "The people of a mechanism, active and deactivated, with their roles: a coordinator their own mechanisms', an administrator any (or everyone without mechanismId)",
  querySchema: PeopleQuery,
  success: { status: 200, schema: Keyset.pageSchema(ListedPerson, "PeoplePage") },
  handle: ({ query }) =>
    ListPeople.listPeople({ mechanism: query.mechanismId, limit: query.limit, after: query.after }),
})

const RolesBody = Schema.Struct({
  /** Every role the person holds from now on, each with its mechanism (null: the installation). */
  grants: Schema.Array(Grants.Grant).pipe(Schema.maxItems(50)),
})
const RolesChanged = Schema.Struct({
  grants: Schema.Array(Grants.Grant),
  version: Schema.Int,
}).annotations({ identifier: "RolesChanged" })

const changeRoles = Route.make({
  method: "put",
  path: "/v1/people/:personId/roles",
  operationId: "changePersonRoles",
  tag: "people",
  summary:
    "Replace a person's roles (If-Match: their version); audited, their sessions end and their API tokens are revoked",
  pathSchema: PersonPath,
  bodySchema: RolesBody,
  ifMatch: true,
  success: { status: 200, schema: RolesChanged },
  etag: (changed) => changed.version,
  handle: ({ path, body, expectedVersion }) =>
    Effect.gen(function* () {
      const { grants } = yield* Schema.decodeUnknown(RolesBody)(body).pipe(Effect.orDie)
      const changed = yield* ChangeRoles.changeRoles(path.personId, grants, expectedVersion ?? 0)
      // A token carries the roles it was made with: none made for the person outlives the change.
      const tokens = yield* ApiTokens
      for (const token of yield* tokens.list)
        if (token.principal.id === path.personId && token.revokedAt === null) yield* tokens.revoke(token.id)
      // The caller's own roles changed: their session ended with the rest; a new one replaces it.
      const caller = yield* Principal.CurrentPrincipal
      const cookie = yield* SessionCookie
      if (caller.id === path.personId && Option.isSome(cookie.current)) {
        const started = yield* (yield* Sessions.Sessions).start(path.personId)
        yield* cookie.set(started.secret, started.maxAge)
      }
      return changed
    }),
})

const SignInsQuery = Keyset.query({})

const signIns = Route.make({
  method: "get",
  path: "/v1/people/:personId/sign-ins",
  operationId: "listPersonSignIns",
  tag: "people",
  summary: "A person's sign-in history, latest first: when each session started, was last used, ended and why",
  pathSchema: PersonPath,
  querySchema: SignInsQuery,
  success: { status: 200, schema: Keyset.pageSchema(Session.SignInRecord, "SignInHistoryPage") },
  handle: ({ path, query }) => SignInHistory.signInHistory(path.personId, { limit: query.limit, after: query.after }),
})

const MySession = Schema.Struct({
  id: Session.SessionId,
  startedAt: Schema.Date,
  lastSeenAt: Schema.Date,
  stage: Session.Stage,
  /** Whether this request came with this session. */
  current: Schema.Boolean,
}).annotations({ identifier: "MySession" })

const MySessionList = Schema.Struct({ items: Schema.Array(MySession) }).annotations({ identifier: "MySessions" })

const mySessions = Route.make({
  method: "get",
  path: "/v1/me/sessions",
  operationId: "listMySessions",
  tag: "me",
  summary: "The caller's sessions that hold now, latest first, this request's marked",
  success: { status: 200, schema: MySessionList },
  handle: () =>
    Effect.gen(function* () {
      const cookie = yield* SessionCookie
      const current = Option.isSome(cookie.current)
        ? Option.map(yield* (yield* Sessions.Sessions).resolve(cookie.current.value), (held) => held.session.id)
        : Option.none()
      const items = yield* MySessions.mySessions(current)
      return {
        items: items.map((each) => ({
          id: each.id,
          startedAt: each.startedAt,
          lastSeenAt: each.lastSeenAt,
          stage: each.stage,
          current: each.current,
        })),
      }
    }),
})

const SignedOutEverywhere = Schema.Struct({ ended: Schema.Int }).annotations({ identifier: "SignedOutEverywhere" })

const signOutEverywhere = Route.make({
  method: "delete",
  path: "/v1/me/sessions",
  operationId: "signOutEverywhere",
  tag: "me",
  summary: "Sign out everywhere: every session of the caller ends, this one too; the browser forgets the cookie",
  success: { status: 200, schema: SignedOutEverywhere },
  handle: () =>
    Effect.gen(function* () {
      const ended = yield* SignOutEverywhere.signOutEverywhere
      yield* (yield* SessionCookie).clear
      return ended
    }),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [
  listPeople,
  changeRoles,
  signIns,
  deactivate,
  mySessions,
  signOutEverywhere,
]
