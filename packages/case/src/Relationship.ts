/**
 * The relationship of an alleged perpetrator to the victim, from the list of
 * Law 03/L-182 art. 2 (the relationships the law covers), each current or
 * former. Only a relationship on the list brings a case under the law, so an
 * unknown one is refused, not stored as "other".
 */
import { Errors } from "@bashke/kernel"
import { Either, Schema } from "effect"

/**
 * The kinds of relationship (Law 03/L-182 art. 2): engaged; married;
 * extramarital union; shared household; relatives by blood, by marriage, by
 * adoption; in-law ties; guardianship; parents of a common child; parties to a
 * family-law dispute. A failed decode reports `case.relationship.unknown`.
 */
export const RelationshipKind = Schema.Literal(
  "engaged",
  "married",
  "extramarital-union",
  "shared-household",
  "relative-blood",
  "relative-marriage",
  "relative-adoption",
  "in-law",
  "guardianship",
  "parents-of-common-child",
  "family-law-dispute-party",
).annotations({
  identifier: "RelationshipKind",
  message: () => ({ message: "case.relationship.unknown", override: true }),
})

export type RelationshipKind = typeof RelationshipKind.Type

/**
 * Whether the relationship still holds or has ended (the law covers both).
 */
export const RelationshipTime = Schema.Literal("current", "former").annotations({
  identifier: "RelationshipTime",
  message: () => ({ message: "case.relationship.unknown", override: true }),
})

export type RelationshipTime = typeof RelationshipTime.Type

/**
 * A perpetrator's relationship to the victim: `{ kind: "married", time: "former" }`
 * is a former spouse.
 */
export const Relationship = Schema.Struct({
  kind: RelationshipKind,
  time: RelationshipTime,
}).annotations({
  identifier: "Relationship",
  // Reported at the relationship itself (`persons.N.relationship`), whichever part is wrong.
  message: () => ({ message: "case.relationship.unknown", override: true }),
})

export type Relationship = typeof Relationship.Type

/**
 * The catalogue key of a kind's label: `labelKey("in-law")` is `"case.relationship.in-law"`.
 */
export const labelKey = (kind: RelationshipKind): `case.relationship.${RelationshipKind}` => `case.relationship.${kind}`

/**
 * Every kind, in the law's order.
 */
export const kinds: ReadonlyArray<RelationshipKind> = RelationshipKind.literals

const isRelationship = Schema.is(Relationship)

/**
 * Reads a relationship given as untrusted input. Anything not on the law's list
 * (or without `current`/`former`) is `InvalidInput` naming `field` and the rule
 * `case.relationship.unknown`; the error never echoes the value.
 */
export const decode = (input: unknown, field: string): Either.Either<Relationship, Errors.InvalidInput> =>
  isRelationship(input)
    ? Either.right({ kind: input.kind, time: input.time })
    : Either.left(new Errors.InvalidInput({ field, rule: "case.relationship.unknown" }))
