// The `after` cursor of a page ordered by one id: the kernel's `Cursor.afterId`.
import { Cursor, type Errors } from "@bashke/kernel"
import type { Effect, Schema } from "effect"

/** @internal The id `cursor` names, or `undefined` without a cursor. */
export const afterId: <A>(
  id: Schema.Schema<A, string>,
  cursor: string | undefined,
) => Effect.Effect<A | undefined, Errors.InvalidInput> = Cursor.afterId
