/**
 * What the gateway counts on every request: each principal's rate
 * (`pipeline/RateLimit`) and each address's failed authentications
 * (`pipeline/Authenticate`). A tag of its own, apart from the store's
 * `Throttle` that sign-ins are counted in, so that binding one can never
 * replace the other: on PostgreSQL every instance over the database counts
 * together (`Throttle.layerSql`); a SQLite file has one process, which counts
 * in memory (`Throttle.layerMemory`) and writes nothing per request.
 */
import { Throttle } from "@bashke/persistence"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"

/** The throttle requests are counted in (the same rules as `Throttle.Throttle`). */
export class RequestThrottle extends Context.Tag("@bashke/gateway/RequestThrottle")<
  RequestThrottle,
  Throttle.Service
>() {}

/** A throttle's layer bound as the requests' one. */
export const layerOf = <E, R>(throttle: Layer.Layer<Throttle.Throttle, E, R>): Layer.Layer<RequestThrottle, E, R> =>
  Layer.effect(RequestThrottle, Throttle.Throttle).pipe(Layer.provide(throttle))

/** Shared in PostgreSQL, in this process's memory over SQLite (a file, or D1's). */
export const layerByDialect: Layer.Layer<RequestThrottle, never, SqlClient.SqlClient> = Layer.unwrapEffect(
  Effect.map(SqlClient.SqlClient, (sql) =>
    layerOf(sql.onDialectOrElse({ pg: () => Throttle.layerSql, orElse: () => Throttle.layerMemory })),
  ),
)
