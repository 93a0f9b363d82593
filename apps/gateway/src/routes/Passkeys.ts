/**
 * Passkeys: enrolling one as the signed-in person
 * (`POST /v1/me/passkeys/options`, then `POST /v1/me/passkeys` with the
 * browser's answer) and signing in with one (`POST /v1/sign-in/passkey/options`,
 * then `POST /v1/sign-in/passkey`: the answer sets the session cookie). The
 * relying party is the origin browsers reach the gateway at. Checks are
 * `@bashke/identity`'s (`PasskeyEnrolment`, `PasskeySignIn`); every refusal
 * is one problem that echoes nothing.
 */
import { Passkey, PasskeyEnrolment, PasskeySignIn } from "@bashke/identity"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import { SessionCookie } from "../SessionCookie"
import { Me, meOf } from "./Me"

const relyingParty = Effect.map(SessionCookie, (cookie) => Passkey.relyingPartyAt(cookie.origin))

const registrationOptions = Route.make({
  method: "post",
  path: "/v1/me/passkeys/options",
  operationId: "startMyPasskeyEnrolment",
  tag: "me",
  summary: "Options for navigator.credentials.create(): a passkey for the caller, with a one-time challenge",
  credential: true,
  success: { status: 200, schema: Passkey.CreationOptions },
  handle: () => Effect.flatMap(relyingParty, PasskeyEnrolment.options),
})

const PasskeyRegistered = Schema.Struct({ id: Schema.String }).annotations({ identifier: "PasskeyRegistered" })

const register = Route.make({
  method: "post",
  path: "/v1/me/passkeys",
  operationId: "registerMyPasskey",
  tag: "me",
  summary: "Register the passkey the browser created for the options' challenge",
  credential: true,
  bodySchema: Passkey.RegistrationResponse,
  success: { status: 201, schema: PasskeyRegistered },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const response = yield* Schema.decodeUnknown(Passkey.RegistrationResponse)(body).pipe(Effect.orDie)
      return yield* PasskeyEnrolment.register(response, yield* relyingParty)
    }),
})

const signInOptions = Route.make({
  method: "post",
  path: "/v1/sign-in/passkey/options",
  operationId: "startPasskeySignIn",
  tag: "sign-in",
  summary: "Options for navigator.credentials.get(): any passkey of this site, with a one-time challenge",
  public: true,
  credential: true,
  success: { status: 200, schema: Passkey.RequestOptions },
  handle: () => Effect.flatMap(relyingParty, PasskeySignIn.options),
})

const signIn = Route.make({
  method: "post",
  path: "/v1/sign-in/passkey",
  operationId: "signInWithPasskey",
  tag: "sign-in",
  summary: "Sign in with the passkey's answer to the options' challenge; the answer sets the session cookie",
  public: true,
  credential: true,
  bodySchema: Passkey.AuthenticationResponse,
  success: { status: 200, schema: Me },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const response = yield* Schema.decodeUnknown(Passkey.AuthenticationResponse)(body).pipe(Effect.orDie)
      const cookie = yield* SessionCookie
      const signedIn = yield* PasskeySignIn.signIn(response, yield* relyingParty, cookie.clientAddress, cookie.current)
      yield* cookie.set(signedIn.secret, signedIn.maxAge)
      return yield* meOf(signedIn.principal)
    }),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [registrationOptions, register, signInOptions, signIn]
