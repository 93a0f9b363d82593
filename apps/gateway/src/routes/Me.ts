/**
 * The signed-in person: `GET /v1/me` (who, their language, roles, mechanisms
 * and grants — the same whatever the credential), `PUT /v1/me/language`,
 * signing in with a one-time link (`POST /v1/sign-in/link`: the answer sets
 * the session cookie, never shows its secret) and signing out
 * (`POST /v1/sign-out`: the session ends and the browser forgets the cookie).
 * An API token's principal has no person: its name is null and its language
 * the jurisdiction's.
 */
import { Grants, People, Sessions, SignIn } from "@bashke/identity"
import { Errors, Id, JurisdictionProfile, Locale, Principal, Sector } from "@bashke/kernel"
import { Effect, Option, Schema } from "effect"
import * as Route from "../Route"
import { SessionCookie } from "../SessionCookie"

/** The caller as they see themselves. */
export const Me = Schema.Struct({
  id: Id.PrincipalId,
  kind: Principal.Kind,
  /** The person's name as colleagues see it; null for an API token. */
  displayName: Schema.NullOr(Schema.String),
  language: Locale.Locale,
  institution: Schema.optional(Id.InstitutionId),
  sector: Schema.optional(Sector.Sector),
  roles: Schema.Array(Principal.Role),
  mechanisms: Schema.Array(Id.MechanismId),
  /** Each role with the mechanism it is held in (null: the installation). */
  grants: Schema.Array(Grants.Grant),
}).annotations({ identifier: "Me" })

const meOf = (principal: Principal.Principal) =>
  Effect.gen(function* () {
    const people = yield* People.People
    const person = Option.filter(yield* people.find(principal.id), (found) => found.active)
    const language = Option.isSome(person)
      ? person.value.language
      : (yield* JurisdictionProfile.CurrentJurisdiction).languages.defaultLocale
    return {
      id: principal.id,
      kind: principal.kind,
      displayName: Option.isSome(person) ? person.value.displayName : null,
      language,
      ...(principal.institution === undefined ? {} : { institution: principal.institution }),
      ...(principal.sector === undefined ? {} : { sector: principal.sector }),
      roles: principal.roles,
      mechanisms: principal.mechanisms,
      grants: Option.isSome(person) ? yield* people.grants(principal.id) : [],
    }
  })

const me = Route.make({
  method: "get",
  path: "/v1/me",
  operationId: "getMe",
  tag: "me",
  summary: "Who the caller is: name, language, roles, mechanisms",
  success: { status: 200, schema: Me },
  handle: () => Effect.flatMap(Principal.CurrentPrincipal, meOf),
})

const LanguageBody = Schema.Struct({ language: Locale.Locale })

const setLanguage = Route.make({
  method: "put",
  path: "/v1/me/language",
  operationId: "setMyLanguage",
  tag: "me",
  summary: "Change the language the caller reads and is written to in",
  bodySchema: LanguageBody,
  success: { status: 200, schema: Me },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const principal = yield* Principal.CurrentPrincipal
      const { language } = yield* Schema.decodeUnknown(LanguageBody)(body).pipe(Effect.orDie)
      const changed = yield* (yield* People.People).setLanguage(principal.id, language)
      if (!changed) return yield* Effect.fail(new Errors.NotFound({ entity: "person", id: principal.id }))
      return yield* meOf(principal)
    }),
})

const LinkBody = Schema.Struct({ token: Schema.String.pipe(Schema.maxLength(100)) })

const signInWithLink = Route.make({
  method: "post",
  path: "/v1/sign-in/link",
  operationId: "signInWithLink",
  tag: "sign-in",
  summary: "Sign in with a one-time link's token; the answer sets the session cookie",
  public: true,
  credential: true,
  bodySchema: LinkBody,
  success: { status: 200, schema: Me },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const { token } = yield* Schema.decodeUnknown(LinkBody)(body).pipe(Effect.orDie)
      const cookie = yield* SessionCookie
      const signedIn = yield* SignIn.withLink(token, cookie.current)
      yield* cookie.set(signedIn.secret, signedIn.maxAge)
      return yield* meOf(signedIn.principal)
    }),
})

const SignedOut = Schema.Struct({ signedOut: Schema.Boolean }).annotations({ identifier: "SignedOut" })

const signOut = Route.make({
  method: "post",
  path: "/v1/sign-out",
  operationId: "signOut",
  tag: "sign-in",
  summary: "End the caller's session; the browser forgets the cookie",
  credential: true,
  success: { status: 200, schema: SignedOut },
  handle: () =>
    Effect.gen(function* () {
      const cookie = yield* SessionCookie
      const ended = Option.isSome(cookie.current)
        ? yield* (yield* Sessions.Sessions).end(cookie.current.value, "signed-out")
        : false
      yield* cookie.clear
      return { signedOut: ended }
    }),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [me, setLanguage, signInWithLink, signOut]
