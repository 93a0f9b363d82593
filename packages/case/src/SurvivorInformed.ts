/**
 * What the survivor was told: each time a case worker tells the victim (or a
 * child) something that matters to them — their rights, an order, the safety
 * plan, a referral, the conference, the closure of the case, how their data is
 * used — the case keeps when, by whom, in which language, on which topics, and
 * what was said. It is the survivor's side of the case: what they could know
 * when they decided. What was said is free text that may name people: sealed at
 * rest, read by full-access members only, every read audited
 * (`SurvivorInformation`).
 */
import { Errors, Id, Locale } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { Instant } from "./internal/Instant"
import type * as Person from "./Person"

/**
 * The id of an entry of the log.
 */
export const SurvivorInformedId: Id.IdSchema<"SurvivorInformedId"> = Id.make("SurvivorInformedId")

export type SurvivorInformedId = typeof SurvivorInformedId.Type

/**
 * What the survivor was told about (labels `case.told.topic.<topic>`).
 */
export const Topic = Schema.Literal(
  "rights",
  "protection-order",
  "safety-plan",
  "referral",
  "case-conference",
  "case-closure",
  "data-protection",
  "other",
).annotations({
  identifier: "SurvivorInformedTopic",
  message: () => ({ message: "case.told.topic.unknown", override: true }),
})

export type Topic = typeof Topic.Type

/**
 * What was said, in the case worker's words: not blank, at most 4,000 characters.
 */
export const Said = Schema.String.pipe(
  Schema.filter((text) => text.trim().length > 0, { message: () => "case.told.said.required" }),
  Schema.filter((text) => text.length <= 4_000, { message: () => "case.told.said.too-long" }),
).annotations({ identifier: "SurvivorInformedSaid" })

/**
 * One entry: who was told (`personId`, the victim or a child), on which
 * topics, what, in which language, when (`toldAt`), by whom and for which
 * institution, and when it was recorded.
 */
export const SurvivorInformed = Schema.Struct({
  id: SurvivorInformedId,
  caseId: Id.CaseId,
  personId: Id.PersonId,
  topics: Schema.NonEmptyArray(Topic),
  said: Said,
  language: Locale.Locale,
  toldAt: Instant,
  toldBy: Id.PrincipalId,
  institution: Id.InstitutionId,
  recordedAt: Instant,
}).annotations({ identifier: "SurvivorInformed" })

export type SurvivorInformed = typeof SurvivorInformed.Type

/**
 * An entry without what was said: the answer to recording one (answers are
 * kept for retries in the clear).
 */
export const Receipt = SurvivorInformed.pipe(Schema.omit("said")).annotations({
  identifier: "SurvivorInformedReceipt",
})

export type Receipt = typeof Receipt.Type

/**
 * Checks an entry against its case: the person told is the case's victim or
 * one of its children (`case.told.person-not-survivor`, field `personId`), and
 * it was told after the case was opened and not later than it is recorded
 * (`case.told.date-out-of-range`, field `toldAt`).
 */
export const validate = (
  entry: SurvivorInformed,
  aCase: { readonly openedAt: Date; readonly persons: ReadonlyArray<Pick<Person.Person, "id" | "role">> },
): Either.Either<SurvivorInformed, Errors.InvalidInput> => {
  const person = aCase.persons.find((each) => each.id === entry.personId)
  if (person === undefined || person.role === "alleged-perpetrator")
    return Either.left(new Errors.InvalidInput({ field: "personId", rule: "case.told.person-not-survivor" }))
  const told = entry.toldAt.getTime()
  if (told < aCase.openedAt.getTime() || told > entry.recordedAt.getTime())
    return Either.left(new Errors.InvalidInput({ field: "toldAt", rule: "case.told.date-out-of-range" }))
  return Either.right(entry)
}
