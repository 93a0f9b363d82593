import type { D1Client } from "../../src/d1"

// Miniflare's D1 emulator runs each statement inside `transactionSync`, reading
// `SELECT total_changes(), last_insert_rowid()` before and after it, and
// asserts that the read gave a row. Under load that read now and then gives
// none, and the statement fails with the emulator's "false == true" (seen in
// stressed CI runs, in migrations and in reads alike). The throw rolls the
// statement's own transaction back, so running it again is exactly running it
// once: these retries work around the emulator's defect, not around ours.
const emulatorAssertion = /false == true/
const attempts = 5

const again = async <A>(run: () => Promise<A>): Promise<A> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= attempts || !emulatorAssertion.test(String((error as Error)?.message ?? error))) throw error
    }
  }
}

const steadyStatement = (statement: D1Client.D1PreparedStatement): D1Client.D1PreparedStatement => ({
  bind: (...values) => steadyStatement(statement.bind(...values)),
  all: () => again(() => statement.all()),
  raw: () => again(() => statement.raw()),
})

/**
 * `db` with each statement run again (up to five times in all) when Miniflare's
 * emulator fails its own bookkeeping assertion; every other error as it came.
 */
export const steadyD1 = (db: D1Client.D1Database): D1Client.D1Database => ({
  prepare: (query) => steadyStatement(db.prepare(query)),
})
