/**
 * The signed-in person: `GET /v1/me` (who, their language, roles, mechanisms
 * and grants — the same whatever the credential), `PUT /v1/me/language`,
 * signing in with a one-time link (`POST /v1/sign-in/link`: the answer sets
 * the session cookie, never shows its secret) and signing out
 * (`POST /v1/sign-out`: the session ends and the browser forgets the cookie).
 * An API token's principal has no person: its name is null and its language
 * the jurisdiction's.
 */
import { Credentials, Grants, Password, People, Sessions, SignIn, Totp } from "@bashke/identity"
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

/** How `principal` sees themselves (`GET /v1/me`). */
export const meOf = (principal: Principal.Principal): Effect.Effect<typeof Me.Type, never, People.People> =>
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

const PasswordSignIn = Schema.Struct({
  email: Schema.String.pipe(Schema.maxLength(254)),
  password: Schema.String.pipe(Schema.maxLength(200)),
  /** A TOTP code or a recovery code, for a person with a second factor. */
  code: Schema.optional(Schema.String.pipe(Schema.maxLength(40))),
})

const signInWithPassword = Route.make({
  method: "post",
  path: "/v1/sign-in/password",
  operationId: "signInWithPassword",
  tag: "sign-in",
  summary:
    "Sign in with email, password and the second factor's code; the answer sets the session cookie. An unknown email and a wrong password answer alike",
  public: true,
  credential: true,
  bodySchema: PasswordSignIn,
  success: { status: 200, schema: Me },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const sent = yield* Schema.decodeUnknown(PasswordSignIn)(body).pipe(Effect.orDie)
      const cookie = yield* SessionCookie
      const signedIn = yield* SignIn.withPassword({
        ...sent,
        address: cookie.clientAddress,
        previous: cookie.current,
      })
      yield* cookie.set(signedIn.secret, signedIn.maxAge)
      return yield* meOf(signedIn.principal)
    }),
})

const NewPassword = Schema.Struct({ password: Password.Password })
const PasswordSet = Schema.Struct({ passwordSet: Schema.Boolean }).annotations({ identifier: "PasswordSet" })

/** The person behind the principal, or NotFound (a connector's token has none). */
const personOf = Effect.gen(function* () {
  const principal = yield* Principal.CurrentPrincipal
  const person = yield* (yield* People.People).find(principal.id)
  if (Option.isNone(person) || !person.value.active)
    return yield* Effect.fail(new Errors.NotFound({ entity: "person", id: principal.id }))
  return person.value
})

const setPassword = Route.make({
  method: "put",
  path: "/v1/me/password",
  operationId: "setMyPassword",
  tag: "me",
  summary: "Set the caller's password (12 to 200 characters)",
  bodySchema: NewPassword,
  success: { status: 200, schema: PasswordSet },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const { password } = yield* Schema.decodeUnknown(NewPassword)(body).pipe(Effect.orDie)
      const person = yield* personOf
      yield* (yield* Credentials.Credentials).setPassword(person.id, password)
      return { passwordSet: true }
    }),
})

const TotpEnrolment = Schema.Struct({
  /** The secret in base32, for typing into an app. */
  secret: Schema.String,
  /** The `otpauth://` URI, for a QR code. */
  uri: Schema.String,
}).annotations({ identifier: "TotpEnrolment" })

const startTotp = Route.make({
  method: "put",
  path: "/v1/me/totp",
  operationId: "startMyTotpEnrolment",
  tag: "me",
  summary: "Start (or restart) enrolling an authenticator app: its secret, pending until a first code confirms it",
  success: { status: 200, schema: TotpEnrolment },
  handle: () =>
    Effect.gen(function* () {
      const person = yield* personOf
      const secret = yield* (yield* Credentials.Credentials).startTotp(person.id)
      return { secret, uri: Totp.uri(secret) }
    }),
})

const TotpCode = Schema.Struct({ code: Schema.String.pipe(Schema.maxLength(10)) })
const RecoveryCodes = Schema.Struct({ recoveryCodes: Schema.Array(Schema.String) }).annotations({
  identifier: "RecoveryCodes",
})

const confirmTotp = Route.make({
  method: "post",
  path: "/v1/me/totp/confirm",
  operationId: "confirmMyTotpEnrolment",
  tag: "me",
  summary: "Confirm the authenticator app with a first code; the one-time recovery codes, shown once and never stored",
  credential: true,
  bodySchema: TotpCode,
  success: { status: 200, schema: RecoveryCodes },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const { code } = yield* Schema.decodeUnknown(TotpCode)(body).pipe(Effect.orDie)
      const person = yield* personOf
      return { recoveryCodes: yield* (yield* Credentials.Credentials).confirmTotp(person.id, code) }
    }),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [
  me,
  setLanguage,
  signInWithLink,
  signInWithPassword,
  signOut,
  setPassword,
  startTotp,
  confirmTotp,
]
