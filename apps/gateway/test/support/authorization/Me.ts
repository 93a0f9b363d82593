// The caller themselves: everyone may ask who they are, set their language,
// password and authenticator, and sign out (every caller of the matrix is a
// person, the stranger too; a connector's token, which is none, is refused in
// routes/SignIn.test.ts).
import { SignInLinks } from "@bashke/identity"
import { Effect } from "effect"
import * as SoftwareAuthenticator from "../SoftwareAuthenticator"
import { type Caller, type Scenario, setUp, statuses, type World } from "./Matrix"

export const meScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "getMe",
    label: "who the caller is: everyone",
    request: async () => ({ method: "GET", path: "/v1/me" }),
    expect: statuses(200),
  },
  {
    operationId: "setMyLanguage",
    label: "the caller's language: everyone",
    request: async () => ({ method: "PUT", path: "/v1/me/language", body: { language: "sq" } }),
    expect: statuses(200),
  },
  {
    operationId: "setMyPassword",
    label: "the caller's password: every person",
    request: async () => ({ method: "PUT", path: "/v1/me/password", body: { password: "a long enough passphrase" } }),
    expect: statuses(200),
  },
  {
    operationId: "startMyTotpEnrolment",
    label: "enrolling an authenticator app: every person",
    request: async () => ({ method: "PUT", path: "/v1/me/totp" }),
    expect: statuses(200),
  },
  {
    operationId: "confirmMyTotpEnrolment",
    label: "confirming it with a wrong code: refused as invalid for every person",
    request: async () => ({ method: "POST", path: "/v1/me/totp/confirm", body: { code: "000000" } }),
    expect: statuses(422),
  },
  {
    operationId: "listMySessions",
    label: "the caller's sessions: everyone, their own",
    request: async () => ({ method: "GET", path: "/v1/me/sessions" }),
    expect: statuses(200),
  },
  {
    operationId: "signOut",
    label: "signing out: everyone (a bearer token has no session to end)",
    request: async () => ({ method: "POST", path: "/v1/sign-out" }),
    expect: statuses(200),
  },
  {
    operationId: "signOutEverywhere",
    label: "signing out everywhere: everyone (with a session of its own: every session of the caller ends)",
    request: async (world, caller) => {
      // Who the caller is, then a fresh session of theirs: the one the matrix holds ended at sign-out above.
      return { method: "DELETE", path: "/v1/me/sessions", cookie: await freshSession(world, caller) }
    },
    expect: statuses(200),
  },
]

// Passkeys: every person enrols one and signs in with it, with a real WebAuthn
// ceremony (the software authenticator of test/support) rather than a forged
// answer, so the matrix shows that no caller is refused for who they are.
const local = "http://localhost"

/** A fresh session of the caller's own, so that a sign-in's rotation leaves the matrix's alone. */
const freshSession = async (world: World, caller: Caller): Promise<string> => {
  const me = await world.gateway.request("GET", "/v1/me", { token: world.tokens[caller] })
  const { id } = (await me.json()) as { id: string }
  const token = await world.gateway.runtime.runPromise(
    Effect.flatMap(SignInLinks.SignInLinks, (links) => links.issue(id as never, "sign-in")),
  )
  const signedIn = await world.gateway.request("POST", "/v1/sign-in/link", {
    body: { token },
    headers: { origin: local, "x-bashke-request": "1" },
  })
  return (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string
}

export const passkeyScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "startMyPasskeyEnrolment",
    label: "options for a passkey of the caller's own: every person",
    request: async () => ({ method: "POST", path: "/v1/me/passkeys/options" }),
    expect: statuses(200),
  },
  {
    operationId: "registerMyPasskey",
    label: "registering the passkey a real authenticator made for the caller's challenge: every person",
    request: async (world, caller) => {
      const options = await setUp(world, caller, "POST", "/v1/me/passkeys/options")
      return { method: "POST", path: "/v1/me/passkeys", body: SoftwareAuthenticator.make().create(options.body, local) }
    },
    expect: statuses(201),
  },
  {
    operationId: "startPasskeySignIn",
    label: "options for signing in with a passkey: public",
    request: async () => ({ method: "POST", path: "/v1/sign-in/passkey/options" }),
    expect: statuses(200),
  },
  {
    operationId: "signInWithPasskey",
    label: "signing in with the caller's registered passkey: every person",
    request: async (world, caller) => {
      const authenticator = SoftwareAuthenticator.make()
      const options = await setUp(world, caller, "POST", "/v1/me/passkeys/options")
      await setUp(world, caller, "POST", "/v1/me/passkeys", { body: authenticator.create(options.body, local) })
      const challenge = await setUp(world, caller, "POST", "/v1/sign-in/passkey/options")
      return {
        method: "POST",
        path: "/v1/sign-in/passkey",
        body: authenticator.get(challenge.body, local),
        cookie: await freshSession(world, caller),
      }
    },
    expect: statuses(200),
  },
]
