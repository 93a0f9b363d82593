/**
 * How the team may reach a survivor safely, as data rather than a line of
 * free text: whether it is safe to call her at all, at which times, through
 * whom when it is not, the code word a caller gives so she knows the call is
 * genuine, the ways that are safe, and a note. All of it tells an abuser how
 * to find her: the store seals the whole of it, every read is a personal read
 * under the access policy, audited (`SafeContacts`).
 *
 * A safe contact is recorded again, never edited: each recording is the next
 * version, the earlier ones kept.
 */
import { Errors, Id } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { Instant } from "./internal/Instant"
import type * as Person from "./Person"

const text = (max: number, rule: string) =>
  Schema.String.pipe(Schema.filter((value) => value.trim().length > 0 && value.length <= max, { message: () => rule }))

/**
 * A time of day, `HH:MM`, 24-hour, in the jurisdiction's time zone.
 */
export const TimeOfDay = Schema.String.pipe(
  Schema.pattern(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: () => "case.safe-contact.time.malformed" }),
).annotations({ identifier: "TimeOfDay" })

/**
 * A window in which a call is safe (`from` before `to`, the same day).
 */
export const SafeTime = Schema.Struct({ from: TimeOfDay, to: TimeOfDay }).annotations({ identifier: "SafeTime" })

export type SafeTime = typeof SafeTime.Type

/**
 * A way of reaching her that is safe.
 */
export const Channel = Schema.Literal(
  "phone-call",
  "text-message",
  "in-person",
  "through-contact",
  "email",
).annotations({
  identifier: "SafeContactChannel",
  message: () => ({ message: "case.safe-contact.channel.unknown", override: true }),
})

export type Channel = typeof Channel.Type

/**
 * What a case worker records: whether calling is safe, the safe times (none:
 * any time), through whom, the code word, the safe channels and a note.
 */
export const Instructions = Schema.Struct({
  safeToCall: Schema.Boolean,
  safeTimes: Schema.Array(SafeTime).pipe(Schema.maxItems(7)),
  through: Schema.optional(text(200, "case.safe-contact.through.malformed")),
  codeWord: Schema.optional(text(100, "case.safe-contact.code-word.malformed")),
  channels: Schema.Array(Channel),
  note: Schema.optional(text(1_000, "case.safe-contact.note.malformed")),
}).annotations({ identifier: "SafeContactInstructions" })

export type Instructions = typeof Instructions.Type

/**
 * A version of a person's safe contact, with who recorded it and when.
 */
export const SafeContact = Schema.Struct({
  ...Instructions.fields,
  caseId: Id.CaseId,
  personId: Id.PersonId,
  version: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
  writtenBy: Id.PrincipalId,
  institution: Id.InstitutionId,
  writtenAt: Instant,
}).annotations({ identifier: "SafeContact" })

export type SafeContact = typeof SafeContact.Type

/**
 * A safe contact without its instructions: the answer to recording one
 * (answers are kept for retries in the clear).
 */
export const Receipt = SafeContact.pipe(
  Schema.pick("caseId", "personId", "version", "writtenBy", "institution", "writtenAt"),
).annotations({ identifier: "SafeContactReceipt" })

export type Receipt = typeof Receipt.Type

/**
 * The rules on a safe contact for `personId` in a case with `persons`: it is
 * the victim's or a child's (`case.safe-contact.person-not-survivor`, field
 * `personId`); each safe time ends after it starts
 * (`case.safe-contact.time-range`, field `safeTimes.<i>`); when calling is
 * not safe, someone to go through is named (`case.safe-contact.through-required`,
 * field `through`) and a phone call is not a safe channel
 * (`case.safe-contact.call-not-safe`, field `channels`).
 */
export const validate = (
  instructions: Instructions,
  personId: Id.PersonId,
  persons: ReadonlyArray<Pick<Person.Person, "id" | "role">>,
): Either.Either<Instructions, Errors.InvalidInput> => {
  const person = persons.find((each) => each.id === personId)
  if (person === undefined || person.role === "alleged-perpetrator")
    return Either.left(new Errors.InvalidInput({ field: "personId", rule: "case.safe-contact.person-not-survivor" }))
  const reversed = instructions.safeTimes.findIndex((time) => time.from >= time.to)
  if (reversed >= 0)
    return Either.left(
      new Errors.InvalidInput({ field: `safeTimes.${reversed}`, rule: "case.safe-contact.time-range" }),
    )
  if (!instructions.safeToCall && instructions.through === undefined)
    return Either.left(new Errors.InvalidInput({ field: "through", rule: "case.safe-contact.through-required" }))
  if (!instructions.safeToCall && instructions.channels.includes("phone-call"))
    return Either.left(new Errors.InvalidInput({ field: "channels", rule: "case.safe-contact.call-not-safe" }))
  return Either.right(instructions)
}

/**
 * Whether a call to her is safe at `time` (`HH:MM`, her local time): calling
 * is safe at all, and `time` falls in one of the safe times (from inclusive,
 * to exclusive), or none is given.
 */
export const mayCallAt = (instructions: Pick<Instructions, "safeToCall" | "safeTimes">, time: string): boolean =>
  instructions.safeToCall &&
  (instructions.safeTimes.length === 0 ||
    instructions.safeTimes.some((window) => window.from <= time && time < window.to))
