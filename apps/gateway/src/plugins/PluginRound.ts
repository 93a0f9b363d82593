/**
 * One round of every plugin's scheduled work, for an entry that cannot keep
 * the host's loops running (Workers: a Cron Trigger starts each round). For
 * each plugin, in the configuration's order: each pull page by page while
 * the upstream says there is `more` (at most `maxPages` pages, so a long
 * backlog spreads over several rounds instead of outliving the event), then
 * passes over its due inbox records, and over its event deliveries, until a
 * pass finds nothing due (at most `maxPasses` each: twenty pages pulled are
 * more than one pass of the host's batch, and what a round leaves waits for
 * the next Cron Trigger).
 */
import type { PluginHost } from "@bashke/plugin-sdk"
import { Effect } from "effect"

/** What a round did for one plugin: counts and codes only, safe to log. */
export interface PluginRoundOutcome {
  readonly plugin: string
  readonly pulls: Readonly<Record<string, { readonly pages: number; readonly inserted: number; readonly last: string }>>
  readonly processed: PluginHost.PassOutcome
  readonly delivered: PluginHost.PassOutcome
}

/** Pages per pull per round: 20 by default. */
export const defaultMaxPages = 20

/** Inbox passes, and delivery passes, per plugin per round: 20 by default. */
export const defaultMaxPasses = 20

const none: PluginHost.PassOutcome = { succeeded: 0, retried: 0, dead: 0, refused: false }

/** Passes until one handles nothing or is refused; their outcomes summed. */
const passes = <E>(pass: Effect.Effect<PluginHost.PassOutcome, E>, maxPasses: number) =>
  Effect.gen(function* () {
    let total = none
    for (let round = 0; round < maxPasses; round++) {
      const outcome = yield* pass
      total = {
        succeeded: total.succeeded + outcome.succeeded,
        retried: total.retried + outcome.retried,
        dead: total.dead + outcome.dead,
        refused: outcome.refused,
      }
      if (outcome.refused || outcome.succeeded + outcome.retried + outcome.dead === 0) break
    }
    return total
  })

/** Runs the round; never fails (a plugin's failures are in its outcome and its status). */
export const run = (
  host: PluginHost.Service,
  options: { readonly maxPages?: number; readonly maxPasses?: number } = {},
): Effect.Effect<ReadonlyArray<PluginRoundOutcome>> =>
  Effect.forEach(host.plugins, (plugin) =>
    Effect.gen(function* () {
      const pulls: Record<string, { pages: number; inserted: number; last: string }> = {}
      for (const pull of plugin.pulls) {
        const tally = { pages: 0, inserted: 0, last: "none" }
        while (tally.pages < (options.maxPages ?? defaultMaxPages)) {
          const outcome = yield* host.runPull(plugin.name, pull)
          tally.pages += 1
          tally.last = outcome._tag === "Failed" ? `failed:${outcome.code}` : outcome._tag.toLowerCase()
          if (outcome._tag !== "Pulled") break
          tally.inserted += outcome.inserted
          if (!outcome.more) break
        }
        pulls[pull] = tally
      }
      const maxPasses = options.maxPasses ?? defaultMaxPasses
      const processed = yield* passes(host.processInbox(plugin.name), maxPasses)
      const delivered = yield* passes(host.deliverEvents(plugin.name), maxPasses)
      return { plugin: plugin.id, pulls, processed, delivered }
    }).pipe(
      // Only a plugin that vanished from the host fails here, and the host's list is fixed.
      Effect.orDie,
    ),
  )
