// The caller themselves: everyone may ask who they are and sign out; a
// language is kept for people, so a token whose principal is no person (the
// stranger's) has none to change.
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
    label: "the caller's language: every person; a principal that is no person has none",
    request: async () => ({ method: "PUT", path: "/v1/me/language", body: { language: "sq" } }),
    expect: statuses(200, { stranger: 404 }),
  },
  {
    operationId: "setMyPassword",
    label: "the caller's password: every person",
    request: async () => ({ method: "PUT", path: "/v1/me/password", body: { password: "a long enough passphrase" } }),
    expect: statuses(200, { stranger: 404 }),
  },
  {
    operationId: "startMyTotpEnrolment",
    label: "enrolling an authenticator app: every person",
    request: async () => ({ method: "PUT", path: "/v1/me/totp" }),
    expect: statuses(200, { stranger: 404 }),
  },
  {
    operationId: "confirmMyTotpEnrolment",
    label: "confirming it with a wrong code: refused as invalid for every person",
    request: async () => ({ method: "POST", path: "/v1/me/totp/confirm", body: { code: "000000" } }),
    expect: statuses(422, { stranger: 404 }),
  },
  {
    operationId: "signOut",
    label: "signing out: everyone (a bearer token has no session to end)",
    request: async () => ({ method: "POST", path: "/v1/sign-out" }),
    expect: statuses(200),
  },
]
