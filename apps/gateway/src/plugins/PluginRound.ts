/**
 * One round of every plugin's scheduled work, for an entry that cannot keep
 * the host's loops running (Workers: a Cron Trigger starts each round). For
 * each plugin, in the configuration's order: each pull page by page while
 * the upstream says there is `more` (at most `maxPages` pages, so a long
 * backlog spreads over several rounds instead of outliving the event), then
 * one pass over its due inbox records and one over its event deliveries.
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

/** Runs the round; never fails (a plugin's failures are in its outcome and its status). */
export const run = (
  host: PluginHost.Service,
  options: { readonly maxPages?: number } = {},
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
      const processed = yield* host.processInbox(plugin.name)
      const delivered = yield* host.deliverEvents(plugin.name)
      return { plugin: plugin.id, pulls, processed, delivered }
    }).pipe(
      // Only a plugin that vanished from the host fails here, and the host's list is fixed.
      Effect.orDie,
    ),
  )
