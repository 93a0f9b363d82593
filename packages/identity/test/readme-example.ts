// The README's example, imports pointed at the sources: type-checked with the tests, and
// compared with the README by Readme.test.ts so neither drifts.
import type { Errors, Id, Principal } from "@bashke/kernel"
import { Effect, Option } from "effect"
import { People, Sessions, SignIn, SignInLinks } from "../src/index"

const coordinator = "01J9Z3K8V0M6YQ2R7T5W4X1BP9" as Id.PrincipalId

export const program: Effect.Effect<
  Option.Option<ReadonlyArray<Principal.Role>>,
  Errors.InvalidInput | Errors.Conflict | Errors.Unauthenticated,
  People.People | SignInLinks.SignInLinks | Sessions.Sessions
> = Effect.gen(function* () {
  const people = yield* People.People
  // An account: name and email sealed, the email found again by its blind index.
  const person = yield* people.add(
    {
      displayName: "Teuta Morina",
      email: "teuta.morina@gjilan.example",
      language: "sq",
      institution: "01J9Z3K8V0M6YQ2R7T5W4X1BK1" as Id.InstitutionId,
      sector: "social-work",
    },
    [{ role: "case-worker", mechanism: "01J9Z3K8V0M6YQ2R7T5W4X1BM1" as Id.MechanismId }],
    coordinator,
  )
  // A one-time link signs in once; the session's secret goes in the cookie.
  const link = yield* (yield* SignInLinks.SignInLinks).issue(person.id, "sign-in")
  const signedIn = yield* SignIn.withLink(link)
  // Every request: the session's principal as it is now, or none.
  const resolved = yield* (yield* Sessions.Sessions).resolve(signedIn.secret)
  return Option.map(resolved, ({ principal }) => principal.roles)
})
