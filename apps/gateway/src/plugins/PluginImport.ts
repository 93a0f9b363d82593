/**
 * One plugin's backlog now, to its end (`bashke import <plugin>`): each of
 * its pulls page by page while the upstream says there is `more`, then passes
 * over its inbox until a pass finds nothing due. For a first import of the
 * police's or the court's records, which the host's schedule would otherwise
 * spread over many runs; the host's loops must not run beside it (open the
 * host with `start: false`).
 *
 * Unlike `PluginRound` (a Workers cron round, bounded so it ends within the
 * event), nothing here is capped: the pull ends when the upstream has no more
 * or fails, the processing when nothing is due (a record to retry waits for
 * its backoff, so it ends the passes too). Progress goes to `progress` as it
 * happens — counts only, never a record's content.
 */
import type { PluginHost } from "@bashke/plugin-sdk"
import { Data, Effect } from "effect"

/** Where progress goes: after each page of a pull, and after each pass over the inbox. */
export interface Progress {
  /** `pages` pages of `pull` fetched so far, `records` new records stored by them. */
  readonly pulled: (pull: string, pages: number, records: number) => Effect.Effect<void>
  /** `done` of the `total` records that were due when processing began. */
  readonly processed: (done: number, total: number) => Effect.Effect<void>
}

/** What the import did: counts and codes only, safe to print. */
export interface Outcome {
  readonly plugin: string
  readonly pulls: ReadonlyArray<{
    readonly pull: string
    readonly pages: number
    readonly records: number
    /** Why the pull stopped before the upstream's end: a failure's code, or `refused` (breaker open). */
    readonly stopped?: string
  }>
  readonly processed: PluginHost.PassOutcome
}

/** A plugin the host does not run; `accepted` are the names it does (the configuration's ids). */
export class UnknownPlugin extends Data.TaggedError("UnknownPlugin")<{
  readonly given: string
  readonly accepted: ReadonlyArray<string>
}> {}

const pending = (host: PluginHost.Service, name: string) =>
  Effect.map(host.status, (list) => list.find((entry) => entry.plugin === name)?.pendingRecords ?? 0)

/** Imports `plugin` (its id, `police`, or its package name) through `host`. */
export const run = (
  host: PluginHost.Service,
  plugin: string,
  progress: Progress,
): Effect.Effect<Outcome, UnknownPlugin> =>
  Effect.gen(function* () {
    const info = host.plugins.find((each) => each.id === plugin || each.name === plugin)
    if (info === undefined)
      return yield* Effect.fail(new UnknownPlugin({ given: plugin, accepted: host.plugins.map((each) => each.id) }))
    const pulls: Array<Outcome["pulls"][number]> = []
    for (const pull of info.pulls) {
      let pages = 0
      let records = 0
      let stopped: string | undefined
      for (;;) {
        const outcome = yield* host.runPull(info.name, pull)
        if (outcome._tag !== "Pulled") {
          stopped = outcome._tag === "Failed" ? outcome.code : "refused"
          break
        }
        pages += 1
        records += outcome.inserted
        yield* progress.pulled(pull, pages, records)
        if (!outcome.more) break
      }
      pulls.push({ pull, pages, records, ...(stopped === undefined ? {} : { stopped }) })
    }
    const total = yield* pending(host, info.name)
    let processed: PluginHost.PassOutcome = { succeeded: 0, retried: 0, dead: 0, refused: false }
    if (info.processes && total > 0) yield* progress.processed(0, total)
    while (info.processes) {
      const pass = yield* host.processInbox(info.name)
      processed = {
        succeeded: processed.succeeded + pass.succeeded,
        retried: processed.retried + pass.retried,
        dead: processed.dead + pass.dead,
        refused: pass.refused,
      }
      const handled = pass.succeeded + pass.retried + pass.dead
      if (handled > 0) {
        const done = processed.succeeded + processed.retried + processed.dead
        // Records a page stored while processing ran (none here: the pulls are done) would pass the total.
        yield* progress.processed(done, Math.max(total, done))
      }
      if (pass.refused || handled === 0) break
    }
    return { plugin: info.id, pulls, processed }
  }).pipe(
    // The host's list is fixed: only a plugin that vanished from it fails a run with NotFound.
    Effect.catchTag("NotFound", (error) => Effect.die(error)),
  )
