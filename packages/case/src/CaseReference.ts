/**
 * A case's reference: `<municipality code>-<year>-<sequence>`, e.g.
 * `GJI-2026-0042`. It names the mechanism's municipality, the year the case was
 * opened and a four-digit sequence that starts at 1 each year, with no gaps and
 * no duplicates (the store allocates it). Capitals, digits and hyphens only, so
 * a reference can be read out in a meeting and never carries a name.
 */
import { Errors, Municipality } from "@bashke/kernel"
import { Either, Schema } from "effect"

/**
 * The highest sequence a year can reach: the format has four digits.
 */
export const maxSequence = 9999

/**
 * The sequence part: an integer from 1 to {@link maxSequence}.
 */
export const Sequence = Schema.Int.pipe(
  Schema.between(1, maxSequence),
  Schema.annotations({ identifier: "CaseReferenceSequence", message: () => "case.reference.sequence-out-of-range" }),
)

/**
 * The year part: four digits.
 */
export const Year = Schema.Int.pipe(
  Schema.between(1000, 9999),
  Schema.annotations({ identifier: "CaseReferenceYear", message: () => "case.reference.malformed" }),
)

/**
 * A reference taken apart.
 */
export const Parts = Schema.Struct({
  municipality: Municipality.MunicipalityCode,
  year: Year,
  sequence: Sequence,
}).annotations({ identifier: "CaseReferenceParts" })

export type Parts = typeof Parts.Type

const shape = /^([A-Z]{3})-(\d{4})-(\d{4})$/

const isMunicipalityCode = Schema.is(Municipality.MunicipalityCode)

const split = (reference: string): Parts | undefined => {
  const match = shape.exec(reference)
  if (match === null) return undefined
  const [, code, yearText, sequenceText] = match
  const year = Number(yearText)
  const sequence = Number(sequenceText)
  if (!isMunicipalityCode(code) || year < 1000 || sequence < 1) return undefined
  return { municipality: code, year, sequence }
}

/**
 * A reference as a string: a known municipality code, a four-digit year and a
 * four-digit sequence from 0001. A failed decode reports `case.reference.malformed`.
 */
export const CaseReference = Schema.String.pipe(
  Schema.filter((s) => split(s) !== undefined, {
    identifier: "CaseReference",
    description: "<municipality code>-<year>-<4-digit sequence>, e.g. GJI-2026-0042",
    message: () => "case.reference.malformed",
    arbitrary: () => (fc) =>
      fc
        .record({
          municipality: fc.constantFrom(...Municipality.MunicipalityCode.from.literals),
          year: fc.integer({ min: 2000, max: 2099 }),
          sequence: fc.integer({ min: 1, max: maxSequence }),
        })
        .map((parts) => `${parts.municipality}-${parts.year}-${String(parts.sequence).padStart(4, "0")}`),
  }),
  Schema.brand("CaseReference"),
)

export type CaseReference = typeof CaseReference.Type

/**
 * The reference of the given parts: `format({ municipality: "GJI", year: 2026,
 * sequence: 42 })` is `"GJI-2026-0042"`. Fails with `case.reference.sequence-out-of-range`
 * when the year's four digits are used up, `case.reference.malformed` for a
 * year that is not four digits.
 */
export const format = (parts: {
  readonly municipality: Municipality.MunicipalityCode
  readonly year: number
  readonly sequence: number
}): Either.Either<CaseReference, Errors.InvalidInput> => {
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > maxSequence)
    return Either.left(
      new Errors.InvalidInput({ field: "reference.sequence", rule: "case.reference.sequence-out-of-range" }),
    )
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999)
    return Either.left(new Errors.InvalidInput({ field: "reference.year", rule: "case.reference.malformed" }))
  const text = `${parts.municipality}-${parts.year}-${String(parts.sequence).padStart(4, "0")}`
  return Either.right(text as CaseReference)
}

/**
 * The parts of a reference, or `InvalidInput` (`case.reference.malformed`).
 * Lower-case input is refused rather than corrected: a reference is compared as
 * typed, and a silently "fixed" one would point at another case.
 */
export const parse = (reference: string): Either.Either<Parts, Errors.InvalidInput> => {
  const parts = split(reference)
  return parts === undefined
    ? Either.left(new Errors.InvalidInput({ field: "reference", rule: "case.reference.malformed" }))
    : Either.right(parts)
}

/**
 * Orders references of one municipality and year by sequence (and otherwise
 * as strings), for listings.
 */
export const compare = (a: CaseReference, b: CaseReference): number => (a < b ? -1 : a > b ? 1 : 0)
