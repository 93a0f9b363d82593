/**
 * Who is calling, kept in memory between requests: an API token's row (by
 * the token's SHA-256, never the token itself) and whether a person is
 * deactivated, kept under the access version (gateway migration 4, ADR 0036).
 * A request reads the version once (`within`, one statement by primary key)
 * instead of the token's row and the person's; when the version changed —
 * a token revoked, a person deactivated, on any instance over the database —
 * everything kept is dropped, so a revocation still counts at the next request
 * of every instance. Only what is found is kept (an unknown token is read
 * each time: guesses cannot fill the memory), at most {@link limit} entries.
 */
import { LeanStatement } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer, Option } from "effect"

/** The most entries kept; the oldest goes first. */
export const limit = 4096

/** Look-ups answered under the version one request read. */
interface Snapshot {
  readonly lookup: <A, E, R>(
    key: string,
    load: Effect.Effect<A, E, R>,
    keep: (found: A) => boolean,
  ) => Effect.Effect<A, E, R>
}

/** Present inside {@link Service.within}: the request's look-ups may come from memory. */
class AccessSnapshot extends Context.Tag("@bashke/gateway/AccessSnapshot")<AccessSnapshot, Snapshot>() {}

export interface Service {
  /** Runs `effect` after reading the access version: its {@link lookup}s may be answered from memory. */
  readonly within: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
}

export class AccessCache extends Context.Tag("@bashke/gateway/AccessCache")<AccessCache, Service>() {
  static readonly layer: Layer.Layer<AccessCache, never, SqlClient.SqlClient> = Layer.effect(
    AccessCache,
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      let version: string | undefined
      const kept = new Map<string, unknown>()
      // On the lean way (ADR 0041): read on every request with a credential.
      const read = LeanStatement.run(
        sql,
        sql<{ value: unknown }>`SELECT value FROM gateway_access_version WHERE id = 1`,
      ).pipe(
        Effect.map((rows) => String(rows[0]?.value)),
        Effect.orDie,
      )
      const snapshot = (seen: string): Snapshot => ({
        lookup: (key, load, keep) =>
          Effect.suspend(() => {
            if (kept.has(key)) return Effect.succeed(kept.get(key) as never)
            // Kept only while no request has seen a newer version since this
            // one read its own: what `load` read is then at least as new as
            // the version it is kept under, and a later change drops it.
            return Effect.tap(load, (found) => {
              if (version !== seen || !keep(found)) return
              if (kept.size >= limit) kept.delete(kept.keys().next().value as string)
              kept.set(key, found)
            })
          }),
      })
      return {
        within: (effect) =>
          Effect.flatMap(read, (now) => {
            if (now !== version) {
              kept.clear()
              version = now
            }
            return Effect.provideService(effect, AccessSnapshot, snapshot(now))
          }),
      }
    }),
  )
}

/**
 * `load`'s answer for `key`: from memory inside {@link Service.within} while
 * the version holds (kept when `keep` says so), read each time outside it.
 */
export const lookup = <A, E, R>(
  key: string,
  load: Effect.Effect<A, E, R>,
  keep: (found: A) => boolean,
): Effect.Effect<A, E, R> =>
  Effect.flatMap(Effect.serviceOption(AccessSnapshot), (snapshot) =>
    Option.isSome(snapshot) ? snapshot.value.lookup(key, load, keep) : load,
  )
