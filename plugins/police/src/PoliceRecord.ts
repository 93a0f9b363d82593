/**
 * The record format the police plugin expects: one domestic-violence incident
 * report, as the police API sends it (JSON) and as a CSV row maps onto it.
 * Decoding names the field that failed — never its value, which may be a
 * name or a personal number.
 */
import { CivilDate, Municipality, PlainDecoder } from "@bashke/kernel"
import { RecordRef } from "@bashke/plugin-sdk"
import { Either, ParseResult, Schema } from "effect"

const Text = (max: number) => Schema.String.pipe(Schema.minLength(1), Schema.maxLength(max))

/** A code of the case package (`physical`, `home`, `witnessed`, `married`): checked by the host. */
const Code = Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]{0,49}$/))

/**
 * A person named in the report. Every field is optional: the police do not
 * always know them, and matching works with what there is.
 */
export const ReportedPerson = Schema.Struct({
  personalNumber: Schema.optional(Schema.String.pipe(Schema.pattern(/^[0-9A-Za-z]{5,40}$/))),
  givenName: Schema.optional(Text(100)),
  familyName: Schema.optional(Text(100)),
  birthDate: Schema.optional(CivilDate.CivilDate),
  sex: Schema.optional(Schema.Literal("female", "male", "not-recorded")),
}).annotations({ identifier: "PoliceReportedPerson" })

export type ReportedPerson = typeof ReportedPerson.Type

/**
 * The alleged perpetrator: a person, with the relationship to the victim
 * (the case package's codes, `married`, `shared-household`, …).
 */
export const ReportedPerpetrator = Schema.Struct({
  ...ReportedPerson.fields,
  relationship: Schema.optional(Code),
}).annotations({ identifier: "PoliceReportedPerpetrator" })

export type ReportedPerpetrator = typeof ReportedPerpetrator.Type

/**
 * One incident report.
 *
 * - `reportId` — the police system's id of the report: the record id, stored
 *   and logged in clear, so never personal data;
 * - `reportedAt` — when it was reported (ISO 8601 instant);
 * - `occurredOn` — the day of the incident (`YYYY-MM-DD`);
 * - `municipality` — the municipality code (`GJI`, `PRI`, …);
 * - `forms` — forms of violence (`physical`, `sexual`, `psychological`, `economic`);
 * - `children` — children's exposure (`none`, `present`, `witnessed`, `not-known`);
 * - `place` — `home`, `public-space`, `workplace`, `school`, `online`, `other`;
 * - `reportNumber` — the police station's report number (the incident's source reference);
 * - `victim` and `perpetrator`.
 */
export const PoliceRecord = Schema.Struct({
  reportId: RecordRef.RecordId,
  reportedAt: Schema.String.pipe(
    Schema.pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/),
    Schema.filter((text) => !Number.isNaN(Date.parse(text))),
  ),
  occurredOn: CivilDate.CivilDate,
  municipality: Municipality.MunicipalityCode,
  forms: Schema.NonEmptyArray(Code),
  children: Schema.optional(Code),
  place: Schema.optional(Code),
  reportNumber: Schema.optional(Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9/.-]{0,99}$/))),
  victim: ReportedPerson,
  perpetrator: Schema.optional(ReportedPerpetrator),
}).annotations({ identifier: "PoliceRecord" })

export type PoliceRecord = typeof PoliceRecord.Type

/**
 * A record as it travels (JSON).
 */
export type PoliceRecordJson = typeof PoliceRecord.Encoded

// Compiled checks first (every imported report is decoded: Effect's interpreter
// alone cost ~10 µs a report, half the plugin's share of the import), Effect's
// decoding for a report they refuse, so the field named is Effect's.
const decodeEither = PlainDecoder.make(PoliceRecord)

const kebab = (segment: string): string => segment.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)

/**
 * The field a decoding failure is about, as a code: the path in kebab case
 * (`victim.personal-number`, `forms.0`), or `record` for the whole record.
 */
export const fieldOf = (error: ParseResult.ParseError): string => {
  const first = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const path = (first?.path ?? []).map((segment) => kebab(String(segment)).replace(/[^a-z0-9-]/g, "-"))
  return path.length === 0 ? "record" : path.join(".").slice(0, 80)
}

/**
 * Decodes a record. On failure: the field (see {@link fieldOf}) — the value
 * is never quoted.
 */
export const decode = (input: unknown): Either.Either<PoliceRecord, string> =>
  Either.mapLeft(decodeEither(input), fieldOf)
