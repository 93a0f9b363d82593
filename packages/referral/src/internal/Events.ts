// A referral's outbox event: the package's topics, one aggregate per entity.
import type { Id } from "@bashke/kernel"
import { Outbox } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** @internal */
export const emit = (
  topic: string,
  aggregateType: "Referral" | "Service",
  aggregateId: string,
  payload: Readonly<Record<string, unknown>>,
): Effect.Effect<void, never, SqlClient.SqlClient | Id.IdGenerator> =>
  Effect.asVoid(Outbox.append({ topic, aggregateType, aggregateId, payload }))
