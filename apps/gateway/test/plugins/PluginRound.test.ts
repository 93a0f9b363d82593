// One scheduled round (the Workers entry's Cron Trigger): each pull page by
// page while the upstream has more, at most `maxPages`, stopping at a failure;
// then inbox passes and delivery passes per plugin until one finds nothing due
// (at most `maxPasses`).

import type { PluginHost } from "@bashke/plugin-sdk"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import * as PluginRound from "../../src/plugins/PluginRound"

const pass = { succeeded: 1, retried: 0, dead: 0, refused: false }
const empty = { succeeded: 0, retried: 0, dead: 0, refused: false }

/**
 * A host whose pulls answer from `pages` (by pull name) in turn, and whose
 * inbox and delivery passes from `inbox` and `deliveries` (the last one again
 * once they run out), recording every call.
 */
const hostOf = (
  pages: Record<string, ReadonlyArray<PluginHost.PullOutcome>>,
  inbox: ReadonlyArray<PluginHost.PassOutcome> = [pass, empty],
  deliveries: ReadonlyArray<PluginHost.PassOutcome> = [empty],
) => {
  const calls: Array<string> = []
  const served: Record<string, number> = {}
  const passes = { inbox: 0, deliveries: 0 }
  const next = (list: ReadonlyArray<PluginHost.PassOutcome>, which: keyof typeof passes) =>
    list[Math.min(passes[which]++, list.length - 1)] as PluginHost.PassOutcome
  const host = {
    plugins: [
      {
        name: "@bashke/plugin-a",
        id: "a",
        version: "0.1.0",
        capabilities: [],
        pulls: Object.keys(pages),
        subscriptions: [],
        routes: [],
        processes: true,
      },
    ],
    runPull: (plugin: string, pull: string) =>
      Effect.sync(() => {
        calls.push(`pull ${plugin} ${pull}`)
        const index = served[pull] ?? 0
        served[pull] = index + 1
        const list = pages[pull] ?? []
        return list[Math.min(index, list.length - 1)] as PluginHost.PullOutcome
      }),
    processInbox: (plugin: string) =>
      Effect.sync(() => {
        calls.push(`process ${plugin}`)
        return next(inbox, "inbox")
      }),
    deliverEvents: (plugin: string) =>
      Effect.sync(() => {
        calls.push(`deliver ${plugin}`)
        return next(deliveries, "deliveries")
      }),
  } as unknown as PluginHost.Service
  return { host, calls }
}

const pulled = (more: boolean): PluginHost.PullOutcome => ({
  _tag: "Pulled",
  inserted: 2,
  duplicates: 0,
  cursor: Option.some("c"),
  more,
})

describe("PluginRound.run", () => {
  it.effect("pulls until there is no more, then processes and delivers until nothing is due", () =>
    Effect.gen(function* () {
      const { host, calls } = hostOf({ changes: [pulled(true), pulled(true), pulled(false)] })
      const [outcome] = yield* PluginRound.run(host)
      expect(outcome?.pulls).toEqual({ changes: { pages: 3, inserted: 6, last: "pulled" } })
      expect(calls).toEqual([
        "pull @bashke/plugin-a changes",
        "pull @bashke/plugin-a changes",
        "pull @bashke/plugin-a changes",
        "process @bashke/plugin-a",
        "process @bashke/plugin-a",
        "deliver @bashke/plugin-a",
      ])
      expect(outcome?.processed).toEqual(pass)
      expect(outcome?.delivered).toEqual(empty)
    }),
  )

  it.effect("stops a pull that always has more after maxPages, and one that fails at once", () =>
    Effect.gen(function* () {
      const { host } = hostOf({
        backlog: [pulled(true)],
        down: [{ _tag: "Failed", code: "upstream.unavailable", permanent: false }],
      })
      const [outcome] = yield* PluginRound.run(host, { maxPages: 4 })
      expect(outcome?.pulls).toEqual({
        backlog: { pages: 4, inserted: 8, last: "pulled" },
        down: { pages: 1, inserted: 0, last: "failed:upstream.unavailable" },
      })
      expect(outcome?.processed).toEqual(pass)
    }),
  )

  it.effect("sums the passes, and stops at maxPasses, at a refusal, or when a pass finds nothing", () =>
    Effect.gen(function* () {
      const busy = { succeeded: 500, retried: 2, dead: 1, refused: false }
      const backlog = yield* PluginRound.run(hostOf({ changes: [pulled(false)] }, [busy], [busy]).host, {
        maxPasses: 3,
      })
      expect(backlog[0]?.processed).toEqual({ succeeded: 1500, retried: 6, dead: 3, refused: false })
      expect(backlog[0]?.delivered).toEqual({ succeeded: 1500, retried: 6, dead: 3, refused: false })

      const refused = { succeeded: 0, retried: 0, dead: 0, refused: true }
      const { host, calls } = hostOf({ changes: [pulled(false)] }, [busy, refused, busy], [busy, empty])
      const [outcome] = yield* PluginRound.run(host)
      expect(outcome?.processed).toEqual({ succeeded: 500, retried: 2, dead: 1, refused: true })
      expect(outcome?.delivered).toEqual({ succeeded: 500, retried: 2, dead: 1, refused: false })
      expect(calls.filter((call) => call.startsWith("process"))).toHaveLength(2)
      expect(calls.filter((call) => call.startsWith("deliver"))).toHaveLength(2)
    }),
  )
})
