/**
 * The calendar feeds' store on `@effect/sql`, for SQLite and PostgreSQL
 * alike, over `meeting_calendar_feeds` (migration 6). Only the secret's hash
 * is stored. A database failure is a defect.
 */
import { Id, Locale, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Effect, Layer, Option, Schema } from "effect"
import { type CalendarFeed, CalendarFeedId, CalendarFeedStore, type Store } from "./CalendarFeeds"

const Row = Schema.Struct({
  id: CalendarFeedId,
  principal_id: Id.PrincipalId,
  locale: Locale.Locale,
  created_at: SqlValues.SqlTimestamp,
  revoked_at: Schema.NullishOr(SqlValues.SqlTimestamp),
})

const decodeRows = Schema.decodeUnknown(Schema.Array(Row))

const toFeed = (row: typeof Row.Type): CalendarFeed => ({
  id: row.id,
  principalId: row.principal_id,
  locale: row.locale,
  createdAt: row.created_at,
  ...(row.revoked_at == null ? {} : { revokedAt: row.revoked_at }),
})

/**
 * Builds the store from the `SqlClient` in context.
 */
export const make: Effect.Effect<Store, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  const columns = sql.literal("id, principal_id, locale, created_at, revoked_at")
  const feeds = (rows: ReadonlyArray<unknown>) => Effect.map(decodeRows(rows), (decoded) => decoded.map(toFeed))

  const insert: Store["insert"] = (feed, secretHash) =>
    sql`INSERT INTO meeting_calendar_feeds ${sql.insert({
      id: feed.id,
      principal_id: feed.principalId,
      secret_hash: secretHash,
      locale: feed.locale,
      created_at: SqlValues.toSql(feed.createdAt),
      revoked_at: null,
    })}`.pipe(Effect.asVoid, Effect.orDie, Span.untraced("SqlCalendarFeedStore.insert"))

  const findLive: Store["findLive"] = (secretHash) =>
    sql`SELECT ${columns} FROM meeting_calendar_feeds
      WHERE secret_hash = ${secretHash} AND revoked_at IS NULL`.pipe(
      Effect.flatMap(feeds),
      Effect.map((found) => Option.fromNullable(found[0])),
      Effect.orDie,
      Span.untraced("SqlCalendarFeedStore.findLive"),
    )

  const byPrincipal: Store["byPrincipal"] = (principalId) =>
    sql`SELECT ${columns} FROM meeting_calendar_feeds WHERE principal_id = ${principalId} ORDER BY id`.pipe(
      Effect.flatMap(feeds),
      Effect.orDie,
      Span.untraced("SqlCalendarFeedStore.byPrincipal"),
    )

  const revoke: Store["revoke"] = (id, principalId, at) =>
    Effect.gen(function* () {
      yield* sql`UPDATE meeting_calendar_feeds SET revoked_at = ${SqlValues.toSql(at)}
        WHERE id = ${id} AND principal_id = ${principalId} AND revoked_at IS NULL`
      const found = yield* feeds(
        yield* sql`SELECT ${columns} FROM meeting_calendar_feeds WHERE id = ${id} AND principal_id = ${principalId}`,
      )
      return Option.fromNullable(found[0])
    }).pipe(Effect.orDie, Span.untraced("SqlCalendarFeedStore.revoke"))

  return { insert, findLive, byPrincipal, revoke }
})

/**
 * The store as a layer.
 */
export const layer: Layer.Layer<CalendarFeedStore, never, SqlClient.SqlClient> = Layer.effect(CalendarFeedStore, make)
