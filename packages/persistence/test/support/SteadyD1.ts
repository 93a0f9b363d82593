import type { D1Client } from "../../src/d1"

// Miniflare's D1 emulator runs each statement inside `transactionSync`, reading
// `SELECT total_changes(), last_insert_rowid()` before and after it, and
// asserts that the read gave a row. Under load that read now and then gives
// none, and the statement fails with the emulator's "false == true" (seen in
// stressed CI runs, in migrations and in reads alike). The throw rolls the
// statement's own transaction back, so running it again is exactly running it
// once: these retries work around the emulator's defect, not around ours.
const emulatorAssertion = /false == true/
/** The most attempts of one statement. */
export const attempts = 10

/**
 * The pause before attempt `attempt + 1`: 20 ms, doubling, at most a second
 * (about 4 s over all ten). A stressed CI run saw five attempts in a row fail
 * when they followed one another at once: the emulator's read fails while the
 * machine is busiest, so the attempts are spread out in time.
 */
export const pauseBefore = (attempt: number): number => Math.min(1000, 20 * 2 ** (attempt - 1))

/** How the retries wait; a test may pass its own. */
export interface Options {
  readonly pause?: (milliseconds: number) => Promise<void>
}

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds))

const again = async <A>(run: () => Promise<A>, pause: (milliseconds: number) => Promise<void>): Promise<A> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= attempts || !emulatorAssertion.test(String((error as Error)?.message ?? error))) throw error
      await pause(pauseBefore(attempt))
    }
  }
}

const steadyStatement = (
  statement: D1Client.D1PreparedStatement,
  pause: (milliseconds: number) => Promise<void>,
): D1Client.D1PreparedStatement => ({
  bind: (...values) => steadyStatement(statement.bind(...values), pause),
  all: () => again(() => statement.all(), pause),
  raw: () => again(() => statement.raw(), pause),
})

/**
 * `db` with each statement run again (up to {@link attempts} times in all,
 * pausing longer each time) when Miniflare's emulator fails its own
 * bookkeeping assertion; every other error as it came.
 */
export const steadyD1 = (db: D1Client.D1Database, options: Options = {}): D1Client.D1Database => {
  const pause = options.pause ?? sleep
  return { prepare: (query) => steadyStatement(db.prepare(query), pause) }
}
