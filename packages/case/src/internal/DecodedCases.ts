// The cases this process decoded last, each beside the row it was decoded
// from (ADR 0037); the same memory, made anew, keeps what an access decision
// reads of a case (`CaseAccess`, ADR 0042). Reading a case whole is one statement (ADR 0013), but
// decoding its ~100 rows of parts with their schemas and building the case cost
// more than the statement, on every read of the case: a GET, and every use
// case that loads it to decide. A case whose row comes back exactly as it came
// last time (every column the same text, number or null: the parts are JSON
// text) decodes to the same case, so the case decoded then is answered again.
// Nothing is kept that was not read again by this request's own statement:
// this is no cache of the database, which is asked every time, only of the
// decoding of the same bytes.
//
// Cases are immutable values: each is frozen, deeply, before it is kept, so
// that code which changed one in place would fail (in strict mode, every ES
// module) instead of changing the answer of a later read.
import { Effect } from "effect"

/** @internal The most cases kept; the one read longest ago goes first. */
export const limit = 512

/** @internal */
export interface DecodedCases<A extends { readonly id: string }> {
  /** The case decoded last from this very row, if it is still kept. */
  readonly get: (row: Readonly<Record<string, unknown>>) => A | undefined
  /** Keeps `aCase` as decoded from `row` (a row of scalar columns only; any other is not kept). */
  readonly keep: (row: Readonly<Record<string, unknown>>, aCase: A) => void
}

const scalar = (value: unknown): boolean =>
  value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean"

/** Whether two rows of the same statement hold the same values (scalars compared as they are). */
const sameRow = (kept: Readonly<Record<string, unknown>>, row: Readonly<Record<string, unknown>>): boolean => {
  for (const key in row) if (kept[key] !== row[key]) return false
  return true
}

const freeze = (value: unknown): void => {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) freeze(child)
}

/** @internal An empty memory of decoded cases, at most {@link limit}. */
export const make = <A extends { readonly id: string }>(): DecodedCases<A> => {
  const kept = new Map<string, { readonly row: Readonly<Record<string, unknown>>; readonly aCase: A }>()
  return {
    get: (row) => {
      const id = row.id
      if (typeof id !== "string") return undefined
      const found = kept.get(id)
      if (found === undefined || !sameRow(found.row, row)) return undefined
      // Read again: the newest in the map's order, the last to go.
      kept.delete(id)
      kept.set(id, found)
      return found.aCase
    },
    keep: (row, aCase) => {
      if (!Object.values(row).every(scalar)) return
      freeze(aCase)
      kept.delete(aCase.id)
      if (kept.size >= limit) kept.delete(kept.keys().next().value as string)
      kept.set(aCase.id, { row, aCase })
    },
  }
}

/**
 * @internal The values of `rows`, in their order: each answered from `memory`
 * when its row is unchanged, the others decoded together by `decode` and kept
 * (unless more than the memory holds: a bulk import's page would push out
 * every value kept before, and then one another, each frozen for nothing).
 */
export const through = <A extends { readonly id: string }, E, R>(
  memory: DecodedCases<A>,
  rows: ReadonlyArray<Record<string, unknown>>,
  decode: (rows: ReadonlyArray<Record<string, unknown>>) => Effect.Effect<ReadonlyArray<A>, E, R>,
): Effect.Effect<ReadonlyArray<A>, E, R> => {
  const known = rows.map(memory.get)
  if (known.every((value) => value !== undefined)) return Effect.succeed(known as Array<A>)
  const fresh = rows.filter((_, index) => known[index] === undefined)
  return Effect.map(decode(fresh), (decoded) => {
    if (fresh.length <= limit) for (const [index, row] of fresh.entries()) memory.keep(row, decoded[index] as A)
    let next = 0
    return known.map((value) => value ?? (decoded[next++] as A))
  })
}
