/**
 * What an institution's identity provider says about a person, mapped to a
 * person of Bashkë by the installation's configuration (`BASHKE_OIDC_CLAIMS`):
 * the institution (fixed, when one provider serves one institution, or by the
 * value of a claim) and the grants (by the values of a claim such as
 * `groups`). The provider's claims never name Bashkë's roles themselves: an
 * operator decides which of the provider's groups is a case worker where.
 * Pure rules, decided here and nowhere else.
 */
import { Errors, Id, Locale, Sector } from "@bashke/kernel"
import { Either, Option, Schema } from "effect"
import * as Grants from "./Grants"
import { DisplayName, Email } from "./Person"

/**
 * A claim's name: a top-level claim (`groups`, `https://example.org/roles`)
 * or, when no claim has that exact name, a dotted path into nested objects
 * (`realm_access.roles`).
 */
export const ClaimName = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)).annotations({
  identifier: "ClaimName",
})

/** An institution people of the provider belong to. */
export const Institution = Schema.Struct({
  id: Id.InstitutionId,
  sector: Schema.optional(Sector.Sector),
}).annotations({ identifier: "ProviderInstitution" })

export type Institution = typeof Institution.Type

/**
 * The mapping. `institution`: one institution, or `{ claim, values }` from a
 * claim's value to an institution (absent: people of this provider have no
 * institution, so only installation roles). `roles`: from each value of
 * `claim` to the grants it gives; a person gets the union of their values'.
 * `acr`: when set, the authentication context classes the provider must
 * report in the ID token's `acr` (a second factor there, for instance).
 */
export const Mapping = Schema.Struct({
  institution: Schema.optional(
    Schema.Union(
      Institution,
      Schema.Struct({ claim: ClaimName, values: Schema.Record({ key: Schema.String, value: Institution }) }),
    ),
  ),
  roles: Schema.Struct({
    claim: ClaimName,
    values: Schema.Record({ key: Schema.String, value: Schema.Array(Grants.Grant) }),
  }),
  acr: Schema.optional(Schema.Array(Schema.String).pipe(Schema.minItems(1))),
}).annotations({ identifier: "ProviderClaimMapping" })

export type Mapping = typeof Mapping.Type

/** A mapping from configuration: unknown fields refused (a misspelt key must not pass silently). */
export const decodeMapping = Schema.decodeUnknownEither(Mapping, { onExcessProperty: "error" })

/** A person as the provider describes them, after the mapping. */
export interface Mapped {
  /** The provider's subject (`sub`): who they are there, for ever. */
  readonly subject: string
  readonly displayName: string
  readonly email: string
  /** Whether the provider says it verified the email (`email_verified: true`). */
  readonly emailVerified: boolean
  /** The provider's `locale` when it is one of the four. */
  readonly language: Option.Option<Locale.Locale>
  readonly institution: Option.Option<Institution>
  readonly grants: ReadonlyArray<Grants.Grant>
}

type Claims = Readonly<Record<string, unknown>>

const missing = new Errors.Unauthenticated({ rule: "identity.provider.claims" })
const forbidden = (rule: string) => new Errors.Forbidden({ action: "sign-in", rule })

/** The value of `name` in `claims`: the exact claim, else the dotted path. */
export const claimValue = (claims: Claims, name: string): unknown => {
  if (Object.hasOwn(claims, name)) return claims[name]
  let node: unknown = claims
  for (const part of name.split(".")) {
    if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, part)) return undefined
    node = (node as Claims)[part]
  }
  return node
}

/** A claim's values as strings: a string, or the strings of an array; nothing else counts. */
export const claimStrings = (value: unknown): ReadonlyArray<string> =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((item): item is string => typeof item === "string")
      : []

const decodeName = Schema.decodeUnknownOption(DisplayName)
const decodeEmail = Schema.decodeUnknownOption(Email)
const decodeLocale = Schema.decodeUnknownOption(Locale.Locale)

/**
 * The person `claims` (a verified ID token's) describe under `mapping`:
 * refused when the subject, a name (`name`, else `preferred_username`) or an
 * email is missing (`identity.provider.claims`), when `acr` is required and
 * not met (`identity.provider.acr`), when the institution's claim maps to
 * none (`identity.provider.institution-unmapped`), when no value maps to a
 * grant (`identity.provider.no-role`), or when the grants could not be held
 * together (`Grants.check`).
 */
export const map = (
  mapping: Mapping,
  claims: Claims,
): Either.Either<Mapped, Errors.Unauthenticated | Errors.Forbidden | Errors.InvalidInput> => {
  const subject = claims.sub
  if (typeof subject !== "string" || subject.length === 0 || subject.length > 255) return Either.left(missing)
  const displayName = Option.orElse(decodeName(claims.name), () => decodeName(claims.preferred_username))
  const email = decodeEmail(claims.email)
  if (Option.isNone(displayName) || Option.isNone(email)) return Either.left(missing)
  if (mapping.acr !== undefined && !(typeof claims.acr === "string" && mapping.acr.includes(claims.acr)))
    return Either.left(forbidden("identity.provider.acr"))

  let institution: Option.Option<Institution> = Option.none()
  if (mapping.institution !== undefined) {
    if ("id" in mapping.institution) institution = Option.some(mapping.institution)
    else {
      const { claim, values } = mapping.institution
      const found = claimStrings(claimValue(claims, claim)).flatMap((value) =>
        Object.hasOwn(values, value) ? [values[value] as Institution] : [],
      )
      // Two values naming two institutions: which one is not for us to guess.
      if (new Set(found.map((entry) => entry.id)).size !== 1)
        return Either.left(forbidden("identity.provider.institution-unmapped"))
      institution = Option.some(found[0] as Institution)
    }
  }

  const seen = new Set<string>()
  const grants: Array<Grants.Grant> = []
  for (const value of claimStrings(claimValue(claims, mapping.roles.claim))) {
    if (!Object.hasOwn(mapping.roles.values, value)) continue
    for (const grant of mapping.roles.values[value] ?? []) {
      const key = `${grant.role}\u0000${grant.mechanism ?? ""}`
      if (seen.has(key)) continue
      seen.add(key)
      grants.push(grant)
    }
  }
  if (grants.length === 0) return Either.left(forbidden("identity.provider.no-role"))
  const checked = Grants.check(
    Option.match(institution, { onNone: () => ({}), onSome: (found) => ({ institution: found.id }) }),
    grants,
  )
  if (Either.isLeft(checked)) return Either.left(checked.left)
  return Either.right({
    subject,
    displayName: displayName.value,
    email: email.value,
    emailVerified: claims.email_verified === true,
    language: decodeLocale(claims.locale),
    institution,
    grants,
  })
}
