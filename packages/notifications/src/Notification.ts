/**
 * A notification as a person's in-app list holds it and as the API shows it:
 * what it is about (kind, stage, subject, the case's reference), when, whether
 * it came late, whether it was read, and where it leads — with its title and
 * sentence in the person's language. Ids, codes, a case reference and times:
 * nothing personal.
 */
import { CivilDate, Due, Id, type JurisdictionProfile, type Locale } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { Schema } from "effect"
import * as Links from "./Links"
import * as Wording from "./Wording"

/**
 * A notification's id: a ULID, so a list in id order is in the order they came.
 */
export const NotificationId = Id.make("NotificationId")

export type NotificationId = typeof NotificationId.Type

/**
 * A reminder's stage, or `event`.
 */
export const Stage = Schema.Literal(...Due.stages, "event").annotations({ identifier: "NotificationStage" })

/**
 * The case a notification is about: its id and reference.
 */
export const CaseRef = Schema.Struct({ id: Id.CaseId, reference: Schema.optional(Schema.String) }).annotations({
  identifier: "NotificationCase",
})

/**
 * A notification as the API answers it.
 */
export const Notification = Schema.Struct({
  id: NotificationId,
  kind: Schema.String,
  stage: Stage,
  title: Schema.String,
  message: Schema.String,
  mechanism: Schema.optional(Id.MechanismId),
  case: Schema.optional(CaseRef),
  subject: Schema.Struct({ type: Schema.String, id: Schema.String }),
  /** When it fell due, or when the event happened. */
  at: Schema.Date,
  /** The deadline it names, if any; `day` when that deadline is a calendar day. */
  dueAt: Schema.optional(Schema.Date),
  day: Schema.optional(CivilDate.CivilDate),
  late: Schema.Boolean,
  createdAt: Schema.Date,
  readAt: Schema.optional(Schema.Date),
  link: Schema.String,
}).annotations({ identifier: "Notification" })

export type Notification = typeof Notification.Type

/**
 * A stored notification, as read from its row.
 */
export interface Stored {
  readonly id: NotificationId
  readonly recipient: Id.PrincipalId
  readonly reminderKey: string
  readonly mechanism?: Id.MechanismId | undefined
  readonly kind: string
  readonly stage: Wording.Stage
  readonly case?: { readonly id: Id.CaseId; readonly reference?: string | undefined } | undefined
  readonly subject: { readonly type: string; readonly id: string }
  readonly at: Date
  readonly dueAt?: Date | undefined
  readonly day?: CivilDate.CivilDate | undefined
  readonly audience: string
  readonly late: boolean
  readonly createdAt: Date
  readonly readAt?: Date | undefined
}

const Row = Schema.Struct({
  id: NotificationId,
  recipient: Id.PrincipalId,
  reminder_key: Schema.String,
  mechanism_id: Schema.NullOr(Id.MechanismId),
  kind: Schema.String,
  stage: Stage,
  case_id: Schema.NullOr(Id.CaseId),
  case_reference: Schema.NullOr(Schema.String),
  subject_type: Schema.String,
  subject_id: Schema.String,
  at: SqlValues.SqlTimestamp,
  due_at: Schema.NullOr(SqlValues.SqlTimestamp),
  due_day: Schema.NullOr(CivilDate.CivilDate),
  audience: Schema.String,
  late: SqlValues.SqlInteger,
  created_at: SqlValues.SqlTimestamp,
  read_at: Schema.NullOr(SqlValues.SqlTimestamp),
})

const decodeRow = Schema.decodeUnknownSync(Row)

/**
 * The columns a {@link Stored} notification is read from.
 */
export const columns =
  "id, recipient, reminder_key, mechanism_id, kind, stage, case_id, case_reference, subject_type, subject_id, at, due_at, due_day, audience, late, created_at, read_at"

/**
 * A row as a stored notification (a row that does not decode is a defect).
 */
export const fromRow = (raw: unknown): Stored => {
  const row = decodeRow(raw)
  return {
    id: row.id,
    recipient: row.recipient,
    reminderKey: row.reminder_key,
    mechanism: row.mechanism_id ?? undefined,
    kind: row.kind,
    stage: row.stage,
    case:
      row.case_id === null
        ? undefined
        : row.case_reference === null
          ? { id: row.case_id }
          : { id: row.case_id, reference: row.case_reference },
    subject: { type: row.subject_type, id: row.subject_id },
    at: row.at,
    dueAt: row.due_at ?? undefined,
    day: row.due_day ?? undefined,
    audience: row.audience,
    late: row.late === 1,
    createdAt: row.created_at,
    readAt: row.read_at ?? undefined,
  }
}

/**
 * Where a notification leads in the web app.
 */
export const path = (stored: Pick<Stored, "subject" | "case">): string =>
  stored.subject.type === "person"
    ? "/admin/notifications"
    : Links.pathOf(stored.subject as Due.Subject, stored.case?.id)

/**
 * A stored notification as the API shows it, in `locale`.
 */
export const view = (
  stored: Stored,
  locale: Locale.Locale,
  profile: JurisdictionProfile.JurisdictionProfile,
): Notification => ({
  id: stored.id,
  kind: stored.kind,
  stage: stored.stage,
  title: Wording.title(stored.kind, stored.stage, locale),
  message: Wording.sentence(stored, locale, profile),
  ...(stored.mechanism === undefined ? {} : { mechanism: stored.mechanism }),
  ...(stored.case === undefined
    ? {}
    : { case: stored.case.reference === undefined ? { id: stored.case.id } : stored.case }),
  subject: stored.subject,
  at: stored.at,
  ...(stored.dueAt === undefined ? {} : { dueAt: stored.dueAt }),
  ...(stored.day === undefined ? {} : { day: stored.day }),
  late: stored.late,
  createdAt: stored.createdAt,
  ...(stored.readAt === undefined ? {} : { readAt: stored.readAt }),
  link: path(stored),
})
