/**
 * A person: one of the staff of a member institution (or of the installation)
 * who signs in. Their display name and email are personal data of staff:
 * sealed at rest, found by the email's blind index, never logged and never in
 * an error. The id is the principal id they act under, so the audit log, the
 * notifications and the worklist name them by it.
 */
import { Id, Locale, Sector } from "@bashke/kernel"
import { Schema } from "effect"

/**
 * A person's id: the principal id they act under.
 */
export const PersonId = Id.PrincipalId

export type PersonId = Id.PrincipalId

/**
 * The name shown to colleagues: 1 to 120 characters, trimmed.
 */
export const DisplayName = Schema.Trim.pipe(Schema.minLength(1), Schema.maxLength(120)).annotations({
  identifier: "DisplayName",
})

/**
 * An email address as people write it (one `@`, no spaces, at most 254
 * characters); compared by its normalized form (`BlindIndex.normalizeEmail`).
 */
export const Email = Schema.Trim.pipe(Schema.maxLength(254), Schema.pattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/)).annotations({
  identifier: "Email",
})

/**
 * A person as the application holds them once opened: never logged, never in
 * an error.
 */
export const Person = Schema.Struct({
  id: PersonId,
  displayName: DisplayName,
  email: Email,
  /** The language of everything the person is shown and sent, one of the four. */
  language: Locale.Locale,
  /** The institution the person works for; none for national and installation roles. */
  institution: Schema.optional(Id.InstitutionId),
  sector: Schema.optional(Sector.Sector),
  /** False once deactivated: every session and credential of theirs stops working. */
  active: Schema.Boolean,
}).annotations({ identifier: "Person" })

export type Person = typeof Person.Type

/**
 * What is needed to add a person (an operator, the demo, an accepted invitation).
 */
export const NewPerson = Schema.Struct({
  displayName: DisplayName,
  email: Email,
  language: Locale.Locale,
  institution: Schema.optional(Id.InstitutionId),
  sector: Schema.optional(Sector.Sector),
}).annotations({ identifier: "NewPerson" })

export type NewPerson = typeof NewPerson.Type
