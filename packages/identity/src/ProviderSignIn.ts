/**
 * Signing in through an institution's identity provider, once the gateway
 * has verified the provider's ID token: the person is the one the provider's
 * subject was linked to; the first time, an existing person whose address
 * the provider says it verified, of the same institution and not yet known
 * to this provider under another subject; otherwise a new person. Never by
 * an address the provider did not verify: that one is a new person, and an
 * address already taken is refused (`identity.person.email-taken`). The
 * person's grants follow the provider's claims at every sign-in (the
 * institution manages its people there), a deactivated person is refused,
 * and the session is new, exactly as with a password.
 */
import { Errors, Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect, Option } from "effect"
import { People } from "./People"
import type { PersonId } from "./Person"
import * as ProviderClaims from "./ProviderClaims"
import { ProviderSubjects } from "./ProviderSubjects"
import { Sessions } from "./Sessions"
import type { SignedIn } from "./SignIn"

/** A provider's verified word about who signed in there. */
export interface Proven {
  /** The provider's issuer, as configured and as the ID token's `iss`. */
  readonly issuer: string
  /** The verified ID token's claims. */
  readonly claims: Readonly<Record<string, unknown>>
  /** The session the browser held, ended by the new one. */
  readonly previous?: Option.Option<string>
}

const deactivated = new Errors.Forbidden({ action: "sign-in", rule: "identity.person.deactivated" })
const linkRefused = new Errors.Forbidden({ action: "sign-in", rule: "identity.provider.link-refused" })

/**
 * Signs in the person `proven` names under `mapping` (`ProviderClaims.map`).
 */
export const withProvider = (
  mapping: ProviderClaims.Mapping,
  proven: Proven,
): Effect.Effect<
  SignedIn,
  Errors.Unauthenticated | Errors.Forbidden | Errors.InvalidInput | Errors.Conflict,
  People | Sessions | ProviderSubjects | Id.IdGenerator
> =>
  Effect.gen(function* () {
    const mapped = yield* ProviderClaims.map(mapping, proven.claims)
    const people = yield* People
    const subjects = yield* ProviderSubjects
    const institution = Option.getOrUndefined(Option.map(mapped.institution, (found) => found.id))

    const linkExisting = (id: PersonId) =>
      Effect.gen(function* () {
        if (!(yield* subjects.link(proven.issuer, mapped.subject, id)))
          return yield* Effect.fail(
            new Errors.Conflict({ entity: "person", id: "-", rule: "identity.provider.linked" }),
          )
        return id
      })

    const firstSignIn = Effect.gen(function* () {
      const byEmail = mapped.emailVerified ? yield* people.findByEmail(mapped.email) : Option.none()
      if (Option.isSome(byEmail)) {
        const person = byEmail.value
        if (!person.active) return yield* Effect.fail(deactivated)
        // A provider vouches for its own institution's people, and for one subject each.
        if (person.institution !== institution || (yield* subjects.linkedFrom(proven.issuer, person.id)))
          return yield* Effect.fail(linkRefused)
        return yield* linkExisting(person.id)
      }
      const id = (yield* Id.next) as PersonId
      const jurisdiction = yield* JurisdictionProfile.CurrentJurisdiction
      const language = Option.getOrElse(mapped.language, () => jurisdiction.languages.defaultLocale)
      const sector = Option.flatMap(mapped.institution, (found) => Option.fromNullable(found.sector))
      yield* people.add(
        {
          displayName: mapped.displayName,
          email: mapped.email,
          language,
          ...(institution === undefined ? {} : { institution }),
          ...(Option.isSome(sector) ? { sector: sector.value } : {}),
        },
        mapped.grants,
        id,
        { id },
      )
      return yield* linkExisting(id)
    })

    const linked = yield* subjects.find(proven.issuer, mapped.subject)
    const id = Option.isSome(linked) ? linked.value : yield* firstSignIn
    const person = yield* people.find(id)
    if (Option.isNone(person) || !person.value.active) return yield* Effect.fail(deactivated)
    // The institution manages its people at its provider: their grants follow it.
    yield* people.alignGrants(id, mapped.grants, id)
    const principal = yield* people.principal(id)
    if (Option.isNone(principal)) return yield* Effect.fail(deactivated)
    const sessions = yield* Sessions
    if (proven.previous !== undefined && Option.isSome(proven.previous))
      yield* sessions.end(proven.previous.value, "rotated")
    return { ...(yield* sessions.start(id)), principal: principal.value }
  })
