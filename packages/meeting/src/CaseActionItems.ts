/**
 * A case's action items with the history of their due dates: every item of
 * any meeting linked to the case (`ActionItem.Link` `case`), each with its
 * extensions (previous date, new date, who, for which institution, when and
 * why), a page at a time by id. This is what the case's timeline shows.
 *
 * Who reads: whoever the case package lets read the case whole
 * (`CaseAccess`: its full-access team; to an outsider the case does not
 * exist), and who is a member of the case's mechanism that sees case data
 * (`MeetingPolicy.seesCaseData`) — both rules, each from the package that
 * owns it. The items' descriptions and the extensions' reasons are sealed
 * free text: the read is audited, about the case.
 */
import { Cursor, Errors, Id, Instant, Pagination, Principal, Span } from "@bashke/kernel"
import type { AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Effect, Schema } from "effect"
import * as ActionItem from "./ActionItem"
import * as ActionItemExtension from "./ActionItemExtension"
import { ActionItemRepository } from "./ActionItemRepository"
import { CaseAccess } from "./CaseAccess"
import { recordTextRead } from "./internal/TextReads"
import * as MechanismRoster from "./MechanismRoster"
import * as MeetingPolicy from "./MeetingPolicy"

/**
 * An action item linked to a case, with its extensions, oldest first.
 */
export const CaseActionItem = Schema.extend(
  ActionItem.ActionItem,
  Schema.Struct({ extensions: Schema.Array(ActionItemExtension.Extension) }),
).annotations({ identifier: "CaseActionItem" })

export type CaseActionItem = typeof CaseActionItem.Type

/**
 * Which page of a case's items: at most `limit`, after the item the `after`
 * cursor names.
 */
export const ListCaseActionItems = Schema.Struct({
  caseId: Id.CaseId,
  limit: Pagination.Limit,
  after: Schema.optional(Schema.String),
})

export type ListCaseActionItems = typeof ListCaseActionItems.Type

/** What the use case needs. */
export type Requirements =
  | ActionItemRepository
  | CaseAccess
  | MechanismRoster.MechanismRoster
  | SqlClient.SqlClient
  | AuditLog.AuditLog
  | Principal.CurrentPrincipal

/** The item id an `after` cursor names (`pagination.cursor.malformed` on `cursor` otherwise). */
const afterItem = (cursor: string | undefined): Effect.Effect<Id.ActionItemId | undefined, Errors.InvalidInput> =>
  cursor === undefined
    ? Effect.succeed(undefined)
    : Effect.flatMap(Cursor.decode(cursor), (key) =>
        Schema.decodeUnknown(Id.ActionItemId)(key[0]).pipe(
          Effect.mapError(() => new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" })),
        ),
      )

/**
 * A page of the case's action items with their extensions, for whoever may
 * read the case whole and sees its mechanism's case data; the read audited.
 */
export const list = (
  input: ListCaseActionItems,
): Effect.Effect<
  Pagination.Page<CaseActionItem>,
  Errors.NotFound | Errors.Forbidden | Errors.InvalidInput,
  Requirements
> =>
  Effect.gen(function* () {
    const after = yield* afterItem(input.after)
    const mechanismId = yield* Effect.flatMap(CaseAccess, (access) => access.readable(input.caseId))
    const principal = yield* Principal.CurrentPrincipal
    const roster = yield* MechanismRoster.rosterAt(mechanismId, yield* Instant.now)
    yield* MeetingPolicy.requireMember(roster, principal, "meeting.action-item.list")
    if (!MeetingPolicy.seesCaseData(roster, principal)) return { items: [], next: null }
    const repository = yield* ActionItemRepository
    const rows = yield* repository.byCase(input.caseId, { limit: input.limit + 1, after })
    const page = Pagination.paginate(rows, input.limit, (item) => [item.id])
    const extensions = yield* repository.extensionsOf(page.items.map((item) => item.id))
    const items = page.items.map((item) => ({
      ...item,
      extensions: extensions.filter((extension) => extension.actionItemId === item.id),
    }))
    yield* recordTextRead(
      principal,
      mechanismId,
      items.flatMap((item) => [input.caseId, ...item.extensions.map(() => input.caseId)]),
    )
    return { items, next: page.next }
  }).pipe(Span.untraced("CaseActionItems.list"))
