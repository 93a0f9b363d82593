// The caller themselves: everyone may ask who they are, set their language,
// password and authenticator, and sign out (every caller of the matrix is a
// person, the stranger too; a connector's token, which is none, is refused in
// routes/SignIn.test.ts).
import { SignInLinks } from "@bashke/identity"
import { Effect } from "effect"
import { type Scenario, statuses } from "./Matrix"

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
      const me = await world.gateway.request("GET", "/v1/me", { token: world.tokens[caller] })
      const { id } = (await me.json()) as { id: string }
      const token = await world.gateway.runtime.runPromise(
        Effect.flatMap(SignInLinks.SignInLinks, (links) => links.issue(id as never, "sign-in")),
      )
      const signedIn = await world.gateway.request("POST", "/v1/sign-in/link", {
        body: { token },
        headers: { origin: "http://localhost", "x-bashke-request": "1" },
      })
      return {
        method: "DELETE",
        path: "/v1/me/sessions",
        cookie: (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string,
      }
    },
    expect: statuses(200),
  },
]
