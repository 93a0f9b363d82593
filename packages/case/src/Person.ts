/**
 * The persons of a case — the victim, the children, the alleged perpetrators —
 * in two parts kept apart on purpose:
 *
 * - {@link Person}: what statistics and meetings may see (role, sex, birth year
 *   or age band, community, disabilities, a perpetrator's relationship to the
 *   victim), stored in the clear;
 * - {@link PersonalDetails}: what identifies someone (names, personal number,
 *   birth date, address, phone, safe-contact instructions). The store seals
 *   each field with the vault; no field of it is ever stored, logged or sent in
 *   plaintext.
 */
import { CivilDate, Errors, Id, type JurisdictionProfile } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { Relationship } from "./Relationship"

/**
 * A person's part in the case.
 */
export const PersonRole = Schema.Literal("victim", "child", "alleged-perpetrator").annotations({
  identifier: "PersonRole",
  message: () => ({ message: "case.person.role.unknown", override: true }),
})

export type PersonRole = typeof PersonRole.Type

/**
 * Sex as recorded for the Istanbul Convention's statistics (art. 11);
 * `not-recorded` when the person did not say or nobody asked.
 */
export const Sex = Schema.Literal("female", "male", "not-recorded").annotations({
  identifier: "Sex",
  message: () => ({ message: "case.person.sex.unknown", override: true }),
})

export type Sex = typeof Sex.Type

/**
 * An age band, when the birth year is not known. Children's bands end at 17 so
 * that "under 18" is always decidable.
 */
export const AgeBand = Schema.Literal(
  "0-4",
  "5-9",
  "10-14",
  "15-17",
  "18-24",
  "25-34",
  "35-44",
  "45-54",
  "55-64",
  "65-plus",
).annotations({ identifier: "AgeBand", message: () => ({ message: "case.person.age-band.unknown", override: true }) })

export type AgeBand = typeof AgeBand.Type

const communityMalformed = { message: () => "case.person.community.malformed" }

/**
 * A community, as a kebab-case code (`albanian`, `serbian`, `roma`, …).
 * Communities differ by country, so the schema takes any code; the list is the
 * jurisdiction profile's `communities` (each has a label,
 * `case.community.<code>`), checked by {@link validate}. A code stored under an
 * earlier profile version stays readable.
 */
export const Community = Schema.String.pipe(
  Schema.pattern(/^[a-z]+(?:-[a-z]+)*$/, communityMalformed),
  Schema.maxLength(40, communityMalformed),
  Schema.annotations({ identifier: "Community", ...communityMalformed }),
)

export type Community = typeof Community.Type

/**
 * A kind of disability (UN CRPD art. 1 categories), recorded because services
 * and safety plans must adapt to it.
 */
export const Disability = Schema.Literal("physical", "sensory", "intellectual", "psychosocial").annotations({
  identifier: "Disability",
  message: () => ({ message: "case.person.disability.unknown", override: true }),
})

export type Disability = typeof Disability.Type

/**
 * A year of birth: four digits, not in the future (checked by {@link validate}).
 */
export const BirthYear = Schema.Int.pipe(
  Schema.between(1900, 2999),
  Schema.annotations({ identifier: "BirthYear", message: () => "case.person.birth-year.invalid" }),
)

/**
 * A person in a case, without anything that identifies them. `relationship` is
 * the alleged perpetrator's relationship to the victim (required for them,
 * absent for everyone else); `disabilities` is empty when none is known.
 */
export const Person = Schema.Struct({
  id: Id.PersonId,
  role: PersonRole,
  sex: Sex,
  birthYear: Schema.optional(BirthYear),
  ageBand: Schema.optional(AgeBand),
  community: Schema.optional(Community),
  disabilities: Schema.Array(Disability),
  relationship: Schema.optional(Relationship),
}).annotations({ identifier: "Person" })

export type Person = typeof Person.Type

const Text = (max: number) =>
  Schema.String.pipe(
    Schema.trimmed({ message: () => "case.person.details.malformed" }),
    Schema.minLength(1, { message: () => "case.person.details.malformed" }),
    Schema.maxLength(max, { message: () => "case.person.details.malformed" }),
  )

/**
 * What identifies a person. Every field is optional (an alleged perpetrator's
 * address is often unknown) and every field is sealed on its own by the store,
 * with AAD `person:<id>:<field>`, so one field can be read — and audited —
 * without opening the others. `safeContact` holds instructions such as "call
 * only on weekdays, say you are from the clinic".
 */
export const PersonalDetails = Schema.Struct({
  givenName: Schema.optional(Text(200)),
  familyName: Schema.optional(Text(200)),
  personalNumber: Schema.optional(Text(40)),
  birthDate: Schema.optional(CivilDate.CivilDate),
  address: Schema.optional(Text(500)),
  phone: Schema.optional(Text(40)),
  safeContact: Schema.optional(Text(1000)),
}).annotations({ identifier: "PersonalDetails" })

export type PersonalDetails = typeof PersonalDetails.Type

/**
 * The fields of {@link PersonalDetails}, each sealed separately.
 */
export const personalFields = [
  "givenName",
  "familyName",
  "personalNumber",
  "birthDate",
  "address",
  "phone",
  "safeContact",
] as const

export type PersonalField = (typeof personalFields)[number]

/**
 * The field looked up by blind index: the personal number finds earlier cases
 * of the same person without decrypting anything.
 */
export const indexedField: PersonalField = "personalNumber"

/**
 * Whether a person counts as a child at `year` (under 18): a child's role, a
 * birth year less than 18 years before, or a child's age band.
 */
export const isMinor = (person: Person, year: number): boolean =>
  person.role === "child" ||
  (person.birthYear !== undefined && year - person.birthYear < 18) ||
  (person.ageBand !== undefined && ["0-4", "5-9", "10-14", "15-17"].includes(person.ageBand))

/**
 * The rules on one person, at position `index` of the case's persons in year
 * `year`: an alleged perpetrator needs a relationship to the victim
 * (`case.person.relationship-required`), nobody else has one
 * (`case.person.relationship-not-applicable`), a birth year is not in the future
 * (`case.person.birth-year.invalid`), a community is one of the profile's
 * `communities` (`case.person.community.unknown`).
 */
export const validate = (
  person: Person,
  index: number,
  year: number,
  profile: JurisdictionProfile.JurisdictionProfile,
): Either.Either<Person, Errors.InvalidInput> => {
  const field = (name: string) => `persons.${index}.${name}`
  if (person.role === "alleged-perpetrator" && person.relationship === undefined)
    return Either.left(
      new Errors.InvalidInput({ field: field("relationship"), rule: "case.person.relationship-required" }),
    )
  if (person.role !== "alleged-perpetrator" && person.relationship !== undefined)
    return Either.left(
      new Errors.InvalidInput({ field: field("relationship"), rule: "case.person.relationship-not-applicable" }),
    )
  if (person.birthYear !== undefined && person.birthYear > year)
    return Either.left(new Errors.InvalidInput({ field: field("birthYear"), rule: "case.person.birth-year.invalid" }))
  if (person.community !== undefined && !profile.communities.value.includes(person.community))
    return Either.left(new Errors.InvalidInput({ field: field("community"), rule: "case.person.community.unknown" }))
  return Either.right(person)
}

/**
 * The catalogue key of a role's label.
 */
export const roleLabelKey = (role: PersonRole): `case.person.role.${PersonRole}` => `case.person.role.${role}`
