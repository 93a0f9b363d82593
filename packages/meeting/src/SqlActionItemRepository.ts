/**
 * The `ActionItemRepository` on `@effect/sql`, for SQLite and PostgreSQL, over
 * the `meeting_action_items` table. Descriptions are sealed by the vault
 * (`action-item:<id>:description`), extensions' reasons likewise
 * (`action-item-extension:<id>:reason`). Joins the caller's transaction; SQL
 * failures are defects.
 */
import { Errors, type Id, Span } from "@bashke/kernel"
import { OptimisticConcurrency, SqlValues } from "@bashke/persistence"
import { Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { ActionItem } from "./ActionItem"
import { Extension } from "./ActionItemExtension"
import { ActionItemRepository, type ItemPage, type Service } from "./ActionItemRepository"
import * as Sealing from "./internal/Sealing"

type Row = Record<string, unknown>

const descriptionAad = (id: string) => `action-item:${id}:description`
const reasonAad = (id: string) => `action-item-extension:${id}:reason`

/**
 * Builds the adapter from the `SqlClient` and the `Vault` in context.
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | Vault.Vault> = Effect.gen(function* () {
  const client = yield* SqlClient.SqlClient
  const sql = client.withoutTransforms()
  const vault = yield* Vault.Vault
  const decode = SqlValues.decodeStored(ActionItem)
  const decodeExtension = SqlValues.decodeStored(Extension)

  const fromRow = (row: Row) =>
    Effect.gen(function* () {
      const id = String(row.id)
      const link =
        row.link_kind === "case"
          ? { _tag: "case", caseId: row.link_id }
          : row.link_kind === "activity"
            ? { _tag: "activity", activityId: row.link_id }
            : undefined
      return yield* decode(
        SqlValues.defined({
          id,
          mechanismId: row.mechanism_id,
          meetingId: row.meeting_id,
          decidedAt: SqlValues.fromSql(row.decided_at),
          owner: row.owner,
          dueDate: row.due_date,
          link,
          description: yield* Sealing.open(vault, String(row.description), descriptionAad(id)),
          status: row.status,
          notDoneReason: row.not_done_reason ?? undefined,
          closedAt: SqlValues.fromSql(row.closed_at),
          closedBy: row.closed_by ?? undefined,
          version: SqlValues.intFromSql(row.version),
          createdAt: SqlValues.fromSql(row.created_at),
          updatedAt: SqlValues.fromSql(row.updated_at),
        }),
      )
    })

  const insert: Service["insert"] = (item) =>
    Effect.gen(function* () {
      yield* sql`INSERT INTO meeting_action_items ${sql.insert({
        id: item.id,
        mechanism_id: item.mechanismId,
        meeting_id: item.meetingId,
        decided_at: SqlValues.toSql(item.decidedAt),
        owner: item.owner,
        due_date: item.dueDate,
        link_kind: item.link?._tag ?? null,
        link_id: item.link === undefined ? null : item.link._tag === "case" ? item.link.caseId : item.link.activityId,
        description: yield* Sealing.seal(vault, item.description, descriptionAad(item.id)),
        status: item.status,
        not_done_reason: item.notDoneReason ?? null,
        closed_at: SqlValues.toSqlOrNull(item.closedAt),
        closed_by: item.closedBy ?? null,
        version: item.version,
        created_at: SqlValues.toSql(item.createdAt),
        updated_at: SqlValues.toSql(item.updatedAt),
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.insert"))

  // Only the status and the due date (an extension) change after creation: the
  // description and owner are what was decided.
  const update: Service["update"] = (item, expectedVersion) =>
    OptimisticConcurrency.update({
      table: "meeting_action_items",
      entity: "ActionItem",
      id: item.id,
      expectedVersion,
      set: {
        due_date: item.dueDate,
        status: item.status,
        not_done_reason: item.notDoneReason ?? null,
        closed_at: SqlValues.toSqlOrNull(item.closedAt),
        closed_by: item.closedBy ?? null,
        updated_at: SqlValues.toSql(item.updatedAt),
      },
    }).pipe(
      Effect.provideService(SqlClient.SqlClient, client),
      Effect.map((version) => ({ ...item, version })),
      Span.untraced("SqlActionItemRepository.update"),
    )

  const find: Service["find"] = (id) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM meeting_action_items WHERE id = ${id}`
      const row = rows[0]
      if (row === undefined) return yield* Effect.fail(new Errors.NotFound({ entity: "ActionItem", id }))
      return yield* fromRow(row)
    }).pipe(Effect.catchTag("SqlError", Effect.die), Span.untraced("SqlActionItemRepository.find"))

  const mechanismOf: Service["mechanismOf"] = (id) =>
    sql<{ readonly mechanism_id: string }>`SELECT mechanism_id FROM meeting_action_items WHERE id = ${id}`.pipe(
      Effect.orDie,
      Effect.flatMap((rows) =>
        rows[0] === undefined
          ? Effect.fail(new Errors.NotFound({ entity: "ActionItem", id }))
          : Effect.succeed(rows[0].mechanism_id as Id.MechanismId),
      ),
      Span.untraced("SqlActionItemRepository.mechanismOf"),
    )

  const open: Service["open"] = (mechanismId) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM meeting_action_items
        WHERE mechanism_id = ${mechanismId} AND status = 'open' ORDER BY due_date, id`
      return yield* Effect.forEach(rows, fromRow)
    }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.open"))

  const byMeeting: Service["byMeeting"] = (meetingId) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM meeting_action_items WHERE meeting_id = ${meetingId} ORDER BY id`
      return yield* Effect.forEach(rows, fromRow)
    }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.byMeeting"))

  // The conditions every item page shares: after the cursor's (due date, id),
  // without case-linked items for whoever does not see case data.
  const pageConditions = (page: ItemPage) =>
    sql`${page.after === undefined ? sql`` : sql`AND (due_date, id) > (${page.after[0]}, ${page.after[1]})`}
      ${page.withoutCases ? sql`AND (link_kind IS NULL OR link_kind <> 'case')` : sql``}`

  const openPage: Service["openPage"] = (mechanismId, page) =>
    Effect.gen(function* () {
      const owner = page.owner === undefined ? sql`` : sql`AND owner = ${page.owner}`
      const rows = yield* sql<Row>`SELECT * FROM meeting_action_items
        WHERE mechanism_id = ${mechanismId} AND status = 'open' ${owner} ${pageConditions(page)}
        ORDER BY due_date, id LIMIT ${page.limit}`
      return yield* Effect.forEach(rows, fromRow)
    }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.openPage"))

  const meetingPage: Service["meetingPage"] = (meetingId, page) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM meeting_action_items
        WHERE meeting_id = ${meetingId} ${pageConditions(page)} ORDER BY due_date, id LIMIT ${page.limit}`
      return yield* Effect.forEach(rows, fromRow)
    }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.meetingPage"))

  // The link is stored as kind + id; an empty list asks nothing (`IN ()` is not
  // valid SQL). Duplicated ids are asked once.
  const byActivities: Service["byActivities"] = (activityIds) =>
    activityIds.length === 0
      ? Effect.succeed([])
      : Effect.gen(function* () {
          const rows = yield* sql<Row>`SELECT * FROM meeting_action_items
            WHERE link_kind = 'activity' AND ${sql.in("link_id", [...new Set(activityIds)])}
            ORDER BY due_date, id`
          return yield* Effect.forEach(rows, fromRow)
        }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.byActivities"))

  const recordExtension: Service["recordExtension"] = (extension) =>
    Effect.gen(function* () {
      yield* sql`INSERT INTO meeting_action_item_extensions ${sql.insert({
        id: extension.id,
        action_item_id: extension.actionItemId,
        previous_due_date: extension.previousDueDate,
        due_date: extension.dueDate,
        reason: yield* Sealing.seal(vault, extension.reason, reasonAad(extension.id)),
        extended_by: extension.extendedBy,
        institution: extension.institution,
        extended_at: SqlValues.toSql(extension.extendedAt),
      })}`
    }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.recordExtension"))

  const fromExtensionRow = (row: Row) =>
    Effect.gen(function* () {
      const extensionId = String(row.id)
      return yield* decodeExtension({
        id: extensionId,
        actionItemId: row.action_item_id,
        previousDueDate: row.previous_due_date,
        dueDate: row.due_date,
        reason: yield* Sealing.open(vault, String(row.reason), reasonAad(extensionId)),
        extendedBy: row.extended_by,
        institution: row.institution,
        extendedAt: SqlValues.fromSql(row.extended_at),
      })
    })

  const extensions: Service["extensions"] = (id) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM meeting_action_item_extensions
        WHERE action_item_id = ${id} ORDER BY id`
      return yield* Effect.forEach(rows, fromExtensionRow)
    }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.extensions"))

  // An empty list asks nothing (`IN ()` is not valid SQL).
  const extensionsOf: Service["extensionsOf"] = (ids) =>
    ids.length === 0
      ? Effect.succeed([])
      : Effect.gen(function* () {
          const rows = yield* sql<Row>`SELECT * FROM meeting_action_item_extensions
            WHERE ${sql.in("action_item_id", [...new Set(ids)])} ORDER BY id`
          return yield* Effect.forEach(rows, fromExtensionRow)
        }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.extensionsOf"))

  // Paged in SQL by id over the link's index (migration 8).
  const byCase: Service["byCase"] = (caseId, page) =>
    Effect.gen(function* () {
      const rows = yield* sql<Row>`SELECT * FROM meeting_action_items
        WHERE link_kind = 'case' AND link_id = ${caseId}
        ${page.after === undefined ? sql`` : sql`AND id > ${page.after}`}
        ORDER BY id LIMIT ${page.limit}`
      return yield* Effect.forEach(rows, fromRow)
    }).pipe(Effect.orDie, Span.untraced("SqlActionItemRepository.byCase"))

  return {
    insert,
    update,
    recordExtension,
    extensions,
    extensionsOf,
    find,
    mechanismOf,
    open,
    openPage,
    meetingPage,
    byMeeting,
    byCase,
    byActivities,
  }
})

/**
 * The adapter as a layer.
 */
export const layer: Layer.Layer<ActionItemRepository, never, SqlClient.SqlClient | Vault.Vault> = Layer.effect(
  ActionItemRepository,
  make,
)
