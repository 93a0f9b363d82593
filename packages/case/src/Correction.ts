/**
 * A correction of a recorded fact: a person's details or relationship, an
 * incident's facts, a protection order's conditions. A correction never overwrites silently: it keeps the
 * previous value of every field it changed, who changed it, for which
 * institution, when and why (ADR 0017, decision 1). The record carries its
 * new value; the correction is the history.
 *
 * The rules here are plain functions over records as plain objects, so they
 * serve every kind of record the same way:
 *
 * - {@link changedFields}: the fields whose values differ;
 * - {@link apply}: the record with the corrected fields replaced;
 * - {@link previousOf}: the previous values of the changed fields;
 * - {@link check}: a correction must change something
 *   (`case.correction.nothing-changed`).
 */
import { Errors, Id } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { CorrectionReason } from "./CaseNote"
import { Instant } from "./internal/Instant"

/**
 * The id of a correction.
 */
export const CorrectionId: Id.IdSchema<"CorrectionId"> = Id.make("CorrectionId")

export type CorrectionId = typeof CorrectionId.Type

/**
 * What kind of record was corrected.
 */
export const RecordKind = Schema.Literal("person", "incident", "protection-order").annotations({
  identifier: "CorrectedRecordKind",
})

export type RecordKind = typeof RecordKind.Type

/**
 * The prefix of an identifying field's name in {@link Correction.fields}
 * (`details.familyName`): its previous value stays sealed in the store and is
 * never shown in a correction's history.
 */
export const detailsPrefix = "details."

/**
 * A correction as the case's history shows it. `version` is the record's
 * version the correction made (a record starts at 1). `fields` names what
 * changed (identifying ones prefixed {@link detailsPrefix}); `previous` holds
 * the previous values of the changed fields that identify nobody (an
 * incident's date, a relationship), absent ones as `null`.
 */
export const Correction = Schema.Struct({
  id: CorrectionId,
  caseId: Id.CaseId,
  kind: RecordKind,
  recordId: Schema.String,
  version: Schema.Int.pipe(Schema.greaterThanOrEqualTo(2)),
  fields: Schema.NonEmptyArray(Schema.String),
  previous: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  reason: CorrectionReason,
  correctedBy: Id.PrincipalId,
  institution: Id.InstitutionId,
  correctedAt: Instant,
}).annotations({ identifier: "Correction" })

export type Correction = typeof Correction.Type

/**
 * A correction without its reason and previous values: the answer to making
 * one (answers are kept for retries in the clear; the reason may name people).
 */
export const Receipt = Correction.pipe(Schema.omit("reason", "previous")).annotations({
  identifier: "CorrectionReceipt",
})

export type Receipt = typeof Receipt.Type

type Fields = Readonly<Record<string, unknown>>

// Absent and `undefined` are the same value; key order inside a value does not
// matter (a relationship written `{time, kind}` equals `{kind, time}`).
const canonical = (value: unknown): string =>
  value === undefined
    ? "null"
    : JSON.stringify(value, (_, inner: unknown) =>
        inner !== null && typeof inner === "object" && !Array.isArray(inner)
          ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
          : inner,
      )

/**
 * The fields whose values differ between `before` and `after`, sorted. A
 * field absent on one side and `undefined` on the other is unchanged.
 */
export const changedFields = (before: Fields, after: Fields): ReadonlyArray<string> =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => canonical(before[field]) !== canonical(after[field]))
    .sort()

/**
 * `record` with every field the patch gives replaced (fields the patch leaves
 * `undefined` are kept).
 */
export const apply = <A extends Fields>(record: A, patch: { readonly [K in keyof A]?: A[K] | undefined }): A => {
  const corrected: Record<string, unknown> = { ...record }
  for (const [field, value] of Object.entries(patch)) if (value !== undefined) corrected[field] = value
  return corrected as A
}

/**
 * The previous values of `fields` in `before`, an absent one as `null` (so the
 * history says "was not recorded").
 */
export const previousOf = (before: Fields, fields: ReadonlyArray<string>): Record<string, unknown> =>
  Object.fromEntries(fields.map((field) => [field, before[field] ?? null]))

/**
 * A correction changes something: `fields` not empty, or
 * `case.correction.nothing-changed` naming `field` (the part of the input
 * that should have held the change).
 */
export const check = (
  fields: ReadonlyArray<string>,
  field: string,
): Either.Either<readonly [string, ...Array<string>], Errors.InvalidInput> => {
  const [first, ...rest] = fields
  return first === undefined
    ? Either.left(new Errors.InvalidInput({ field, rule: "case.correction.nothing-changed" }))
    : Either.right([first, ...rest])
}

/**
 * The field a record's own rule named, as the correction's input names it:
 * `persons.2.relationship` is `person.relationship`, `incidents.0.forms` is
 * `incident.forms` (the rules of `Person` and `Incident` name a position in
 * the whole case; a correction has one record).
 */
export const inputField = (kind: RecordKind, field: string): string =>
  field.replace(/^(?:persons|incidents|orders)\.\d+\./, `${kind}.`)
