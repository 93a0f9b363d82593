/**
 * Sessions: started at sign-in with a new random secret (the cookie's value),
 * stored as its hash; resolved on every request to the principal the person
 * acts as *now* (roles changed or person deactivated: the next request sees
 * it, on every instance, because nothing is cached); ended by sign-out, by the
 * profile's idle and absolute timeouts, or by a newer session replacing it.
 */
import { Id, JurisdictionProfile, type Principal, Span } from "@bashke/kernel"
import { SqlValues } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, Option } from "effect"
import { People } from "./People"
import type { PersonId } from "./Person"
import * as Secret from "./Secret"
import * as Session from "./Session"

/**
 * A session that holds, with the principal it acts as.
 */
export interface Resolved {
  readonly session: Session.Session
  readonly principal: Principal.Principal
  /** Seconds the cookie may still live (until the absolute timeout). */
  readonly maxAge: number
}

export interface Service {
  /** A new session for `person` (at the `signed-in` stage unless told); its secret is seen only here. */
  readonly start: (
    person: PersonId,
    stage?: Session.Stage,
  ) => Effect.Effect<{ readonly secret: string; readonly session: Session.Session; readonly maxAge: number }>
  /** The session of `secret` if it holds now; one past a timeout is ended on the way. */
  readonly resolve: (secret: string) => Effect.Effect<Option.Option<Resolved>>
  /** Ends the session of `secret`; false when it was not open. */
  readonly end: (secret: string, reason: Session.EndReason) => Effect.Effect<boolean>
  /** The person's sessions that hold now, the latest first. */
  readonly openOf: (person: PersonId) => Effect.Effect<ReadonlyArray<Session.Session>>
  /**
   * The person's sign-ins, the latest first: at most `limit + 1` started
   * before the session `before` (the extra one tells there is more).
   */
  readonly history: (
    person: PersonId,
    page: { readonly limit: number; readonly before?: Session.SessionId | undefined },
  ) => Effect.Effect<ReadonlyArray<Session.SignInRecord>>
  /** Ends every open session of the person; how many were open. */
  readonly endAll: (person: PersonId, reason: Session.EndReason) => Effect.Effect<number>
}

export class Sessions extends Context.Tag("@bashke/identity/Sessions")<Sessions, Service>() {}

interface Row {
  readonly id: string
  readonly person_id: string
  readonly started_at: unknown
  readonly last_seen_at: unknown
  readonly stage: string
}

const dateOf = (value: unknown): Date => new Date(SqlValues.fromSql(value) ?? Number.NaN)

const sessionOf = (row: Row): Session.Session => ({
  id: row.id as Session.SessionId,
  person: row.person_id as PersonId,
  startedAt: dateOf(row.started_at),
  lastSeenAt: dateOf(row.last_seen_at),
  stage: row.stage === "enrolment" ? "enrolment" : "signed-in",
})

/**
 * The sessions over SQL (both dialects).
 */
export const layerSql: Layer.Layer<Sessions, never, SqlClient.SqlClient | People | Id.IdGenerator> = Layer.effect(
  Sessions,
  Effect.gen(function* () {
    const sql = (yield* SqlClient.SqlClient).withoutTransforms()
    const people = yield* People
    const ids = yield* Id.IdGenerator
    const timeouts = Effect.map(JurisdictionProfile.CurrentJurisdiction, Session.timeoutsOf)

    const endById = (id: string, reason: Session.EndReason) =>
      Effect.gen(function* () {
        const now = SqlValues.toSql(yield* SqlValues.currentDate)
        const rows = yield* sql`UPDATE identity_sessions SET ended_at = ${now}, end_reason = ${reason}
          WHERE id = ${id} AND ended_at IS NULL RETURNING id`
        return rows.length > 0
      }).pipe(Effect.orDie)

    const start: Service["start"] = (person, stage = "signed-in") =>
      Effect.gen(function* () {
        const secret = yield* Secret.make("bss_")
        const id = yield* ids.next
        const secretHash = yield* Secret.hash(secret)
        const now = yield* SqlValues.currentDate
        yield* sql`INSERT INTO identity_sessions (id, secret_hash, person_id, started_at, last_seen_at, stage)
          VALUES (${id}, ${secretHash}, ${person}, ${SqlValues.toSql(now)}, ${SqlValues.toSql(now)}, ${stage})`.pipe(
          Effect.orDie,
        )
        const session: Session.Session = {
          id: id as Session.SessionId,
          person,
          startedAt: now,
          lastSeenAt: now,
          stage,
        }
        return { secret, session, maxAge: Session.cookieMaxAge(session, now, yield* timeouts) }
      }).pipe(Span.untraced("Sessions.start"))

    const resolve: Service["resolve"] = (secret) =>
      Effect.gen(function* () {
        if (!Secret.looksLike("bss_", secret)) return Option.none()
        const secretHash = yield* Secret.hash(secret)
        const rows = yield* sql<Row>`SELECT id, person_id, started_at, last_seen_at, stage FROM identity_sessions
          WHERE secret_hash = ${secretHash} AND ended_at IS NULL`.pipe(Effect.orDie)
        const row = rows[0]
        if (row === undefined) return Option.none()
        const session = sessionOf(row)
        const now = yield* SqlValues.currentDate
        const limits = yield* timeouts
        const standing = Session.standing(session, now, limits)
        if (standing !== "live") {
          yield* endById(session.id, standing)
          return Option.none()
        }
        const principal = yield* people.principal(session.person)
        if (Option.isNone(principal)) {
          yield* endById(session.id, "deactivated")
          return Option.none()
        }
        if (Session.needsTouch(session, now))
          yield* sql`UPDATE identity_sessions SET last_seen_at = ${SqlValues.toSql(now)} WHERE id = ${session.id}`.pipe(
            Effect.orDie,
          )
        return Option.some({
          session: { ...session, lastSeenAt: now },
          principal: Session.actingPrincipal(session.stage, principal.value),
          maxAge: Session.cookieMaxAge(session, now, limits),
        })
      }).pipe(Span.untraced("Sessions.resolve"))

    const end: Service["end"] = (secret, reason) =>
      Effect.gen(function* () {
        if (!Secret.looksLike("bss_", secret)) return false
        const secretHash = yield* Secret.hash(secret)
        const rows = yield* sql<{ id: string }>`SELECT id FROM identity_sessions
          WHERE secret_hash = ${secretHash} AND ended_at IS NULL`.pipe(Effect.orDie)
        return rows[0] === undefined ? false : yield* endById(rows[0].id, reason)
      })

    const openOf: Service["openOf"] = (person) =>
      Effect.gen(function* () {
        const rows = yield* sql<Row>`SELECT id, person_id, started_at, last_seen_at, stage FROM identity_sessions
          WHERE person_id = ${person} AND ended_at IS NULL ORDER BY id DESC`.pipe(Effect.orDie)
        const now = yield* SqlValues.currentDate
        const limits = yield* timeouts
        return rows.map(sessionOf).filter((session) => Session.standing(session, now, limits) === "live")
      }).pipe(Span.untraced("Sessions.openOf"))

    const history: Service["history"] = (person, page) =>
      Effect.gen(function* () {
        const rows = yield* sql<Row & { ended_at: unknown; end_reason: string | null }>`SELECT id, person_id,
          started_at, last_seen_at, stage, ended_at, end_reason FROM identity_sessions
          WHERE person_id = ${person}${page.before === undefined ? sql`` : sql` AND id < ${page.before}`}
          ORDER BY id DESC LIMIT ${page.limit + 1}`.pipe(Effect.orDie)
        const now = yield* SqlValues.currentDate
        const limits = yield* timeouts
        return rows.map((row): Session.SignInRecord => {
          const session = sessionOf(row)
          if (row.ended_at !== null && row.ended_at !== undefined)
            return {
              ...session,
              endedAt: dateOf(row.ended_at),
              endReason: (row.end_reason ?? "signed-out") as Session.EndReason,
            }
          if (Session.standing(session, now, limits) === "live") return { ...session, endedAt: null, endReason: null }
          const lapsed = Session.lapse(session, limits)
          return { ...session, endedAt: lapsed.at, endReason: lapsed.reason }
        })
      }).pipe(Span.untraced("Sessions.history"))

    const endAll: Service["endAll"] = (person, reason) =>
      Effect.gen(function* () {
        const now = SqlValues.toSql(yield* SqlValues.currentDate)
        const rows = yield* sql`UPDATE identity_sessions SET ended_at = ${now}, end_reason = ${reason}
          WHERE person_id = ${person} AND ended_at IS NULL RETURNING id`
        return rows.length
      }).pipe(Effect.orDie, Span.untraced("Sessions.endAll"))

    return { start, resolve, end, openOf, history, endAll }
  }),
)
