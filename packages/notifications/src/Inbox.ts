/**
 * A person's in-app list of notifications: newest first, paged by id, with the
 * number still unread; marking one or all as read. A person sees only their
 * own: a notification of someone else is `NotFound`, as one that does not
 * exist.
 */
import { Cursor, Errors, type Id, Pagination } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Option } from "effect"
import * as Notification from "./Notification"

/**
 * A page of a person's list, and how many of all their notifications are unread.
 */
export interface Listed {
  readonly page: Pagination.Page<Notification.Stored>
  readonly unread: number
}

/**
 * How many of a person's notifications are unread.
 */
export const unreadCount = (recipient: Id.PrincipalId): Effect.Effect<number, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql<{ n: unknown }>`SELECT count(*) AS n FROM notifications
      WHERE recipient = ${recipient} AND read_at IS NULL`
    return Number(rows[0]?.n ?? 0)
  }).pipe(Effect.orDie)

/**
 * A page of a person's notifications, newest first (`after`: the previous
 * page's `next`); only unread ones with `unread: true`. A cursor that does not
 * decode is `InvalidInput`.
 */
export const list = (
  recipient: Id.PrincipalId,
  request: { readonly limit: number; readonly after?: string | undefined; readonly unread?: boolean | undefined },
): Effect.Effect<Listed, Errors.InvalidInput, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const after = request.after === undefined ? undefined : (yield* Cursor.decode(request.after))[0]
    const rows = yield* sql`SELECT ${sql.literal(Notification.columns)} FROM notifications
      WHERE recipient = ${recipient}
      ${after === undefined ? sql`` : sql`AND id < ${String(after)}`}
      ${request.unread === true ? sql`AND read_at IS NULL` : sql``}
      ORDER BY id DESC LIMIT ${request.limit + 1}`.pipe(Effect.orDie)
    const page = Pagination.paginate(rows.map(Notification.fromRow), request.limit, (stored) => [stored.id])
    return { page, unread: yield* unreadCount(recipient) }
  })

/**
 * One of a person's notifications.
 */
export const find = (
  recipient: Id.PrincipalId,
  id: Notification.NotificationId,
): Effect.Effect<Notification.Stored, Errors.NotFound, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const rows = yield* sql`SELECT ${sql.literal(Notification.columns)} FROM notifications
      WHERE id = ${id} AND recipient = ${recipient}`.pipe(Effect.orDie)
    const found = Option.fromNullable(rows[0])
    if (Option.isNone(found)) return yield* Effect.fail(new Errors.NotFound({ entity: "Notification", id }))
    return Notification.fromRow(found.value)
  })

/**
 * Marks one of a person's notifications read (once: marking it again keeps
 * the first time) and returns it.
 */
export const markRead = (
  recipient: Id.PrincipalId,
  id: Notification.NotificationId,
): Effect.Effect<Notification.Stored, Errors.NotFound, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = SqlValues.toSql(yield* SqlValues.currentDate)
    yield* sql`UPDATE notifications SET read_at = ${now}
      WHERE id = ${id} AND recipient = ${recipient} AND read_at IS NULL`.pipe(Effect.orDie)
    return yield* find(recipient, id)
  })

/**
 * Marks all of a person's notifications read; how many were unread.
 */
export const markAllRead = (recipient: Id.PrincipalId): Effect.Effect<number, never, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const now = SqlValues.toSql(yield* SqlValues.currentDate)
    const rows = yield* sql`UPDATE notifications SET read_at = ${now}
      WHERE recipient = ${recipient} AND read_at IS NULL RETURNING id`
    return rows.length
  }).pipe(Effect.orDie)
