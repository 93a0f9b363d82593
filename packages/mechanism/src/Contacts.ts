/**
 * The people who represent a member institution in the mechanism: the
 * representative and, optionally, a deputy, each with a name and how to reach
 * them. This is personal data: it is sealed with `@bashke/security`'s `Vault`
 * field by field (additional data `membership:<id>:<field>`, so a value copied
 * to another membership or field does not open), every write and read of it is
 * recorded in the audit log in the same transaction, and it never appears in a
 * listing, an error, a log line or an event.
 */
import type { Id } from "@bashke/kernel"
import { Schema } from "effect"

const Name = Schema.String.pipe(
  Schema.filter((s) => s.trim().length > 0 && s.length <= 200, {
    identifier: "PersonName",
    message: () => "mechanism.contact.name.invalid",
  }),
)

const Phone = Schema.String.pipe(
  Schema.filter((s) => /^\+?[0-9][0-9 ()./-]{4,30}$/.test(s.trim()), {
    identifier: "PhoneNumber",
    message: () => "mechanism.contact.phone.invalid",
    // Generated directly: random strings almost never look like a phone number.
    arbitrary: () => (fc) => fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `+383 44 ${n}`),
  }),
)

const Email = Schema.String.pipe(
  Schema.filter((s) => s.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim()), {
    identifier: "EmailAddress",
    message: () => "mechanism.contact.email.invalid",
    arbitrary: () => (fc) => fc.emailAddress().filter((s) => s.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)),
  }),
)

/**
 * One person: a name, and a phone number and e-mail address when known.
 */
export const Contact = Schema.Struct({
  name: Name,
  phone: Schema.optional(Phone),
  email: Schema.optional(Email),
}).annotations({ identifier: "Contact" })

export type Contact = typeof Contact.Type

/**
 * A member institution's representative and deputy.
 */
export const Contacts = Schema.Struct({
  representative: Contact,
  deputy: Schema.optional(Contact),
}).annotations({ identifier: "Contacts" })

export type Contacts = typeof Contacts.Type

/**
 * The sealed fields of a membership's contacts, as stored.
 */
export const fields = [
  "representative-name",
  "representative-phone",
  "representative-email",
  "deputy-name",
  "deputy-phone",
  "deputy-email",
] as const

export type Field = (typeof fields)[number]

/**
 * The additional authenticated data a field is sealed with:
 * `membership:<id>:representative-name`.
 */
export const aad = (membershipId: Id.MembershipId, field: Field): string => `membership:${membershipId}:${field}`

/**
 * Contacts as one value per field (absent fields left out), the form they are sealed in.
 */
export const toFields = (contacts: Contacts): Partial<Record<Field, string>> => {
  const out: Partial<Record<Field, string>> = { "representative-name": contacts.representative.name.trim() }
  if (contacts.representative.phone !== undefined) out["representative-phone"] = contacts.representative.phone.trim()
  if (contacts.representative.email !== undefined) out["representative-email"] = contacts.representative.email.trim()
  if (contacts.deputy !== undefined) {
    out["deputy-name"] = contacts.deputy.name.trim()
    if (contacts.deputy.phone !== undefined) out["deputy-phone"] = contacts.deputy.phone.trim()
    if (contacts.deputy.email !== undefined) out["deputy-email"] = contacts.deputy.email.trim()
  }
  return out
}

/**
 * Contacts back from their fields; `undefined` when the representative's name is missing.
 */
export const fromFields = (values: Partial<Record<Field, string>>): Contacts | undefined => {
  const name = values["representative-name"]
  if (name === undefined) return undefined
  const person = (n: string, phone: string | undefined, email: string | undefined): Contact => ({
    name: n,
    ...(phone === undefined ? {} : { phone }),
    ...(email === undefined ? {} : { email }),
  })
  const deputyName = values["deputy-name"]
  return {
    representative: person(name, values["representative-phone"], values["representative-email"]),
    ...(deputyName === undefined ? {} : { deputy: person(deputyName, values["deputy-phone"], values["deputy-email"]) }),
  }
}
