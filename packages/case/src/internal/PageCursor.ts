// The `after` cursor of a page ordered by one id: the id it names, decoded
// with that id's schema; a cursor that does not name one is
// `pagination.cursor.malformed` (field `cursor`), as the kernel's own are.
import { Cursor, Errors } from "@bashke/kernel"
import { Effect, Schema } from "effect"

/** @internal The id `cursor` names, or `undefined` without a cursor. */
export const afterId = <A>(
  id: Schema.Schema<A, string>,
  cursor: string | undefined,
): Effect.Effect<A | undefined, Errors.InvalidInput> =>
  cursor === undefined
    ? Effect.succeed(undefined)
    : Effect.flatMap(Cursor.decode(cursor), (key) =>
        Schema.decodeUnknown(id)(key[0]).pipe(
          Effect.mapError(() => new Errors.InvalidInput({ field: "cursor", rule: "pagination.cursor.malformed" })),
        ),
      )
