// Status and health: each plugin ok or degraded, with the reasons; health
// never fails.
import { Duration, Effect, Option, Ref } from "effect"
import * as Store from "../Store"
import type { Host, PluginStatus, PullState, Service } from "./Host"

/** @internal */
export const make = (host: Host) => {
  const { sql, running, deadLetterThreshold, pullStates } = host
  const status: Service["status"] = Effect.gen(function* () {
    const names = running.map((p) => p.identity.name)
    const counted = yield* Store.counts(sql, names).pipe(Effect.timeout(Duration.seconds(2)), Effect.option)
    const pulls = yield* Ref.get(pullStates)
    const out: Array<PluginStatus> = []
    for (const p of running) {
      const breakers = Object.fromEntries(yield* p.guard.breakers)
      const pullsOf: Record<string, PullState> = {}
      for (const pull of p.pulls) {
        const state = pulls.get(`${p.identity.name}\u0000${pull.name}`)
        if (state !== undefined) pullsOf[pull.name] = state
      }
      const counts = Option.map(counted, (map) => map.get(p.identity.name))
      const reasons: Array<string> = []
      for (const [key, state] of Object.entries(breakers)) if (state === "open") reasons.push(`breaker-open:${key}`)
      for (const [name, state] of Object.entries(pullsOf))
        if (state.consecutiveFailures > 0) reasons.push(`pull-failing:${name}`)
      const c = Option.getOrUndefined(counts)
      if (c === undefined) reasons.push("store-unavailable")
      else if (c.deadRecords + c.deadDeliveries >= deadLetterThreshold) reasons.push("dead-letters")
      out.push({
        plugin: p.identity.name,
        id: p.identity.id,
        version: p.identity.version,
        status: reasons.length === 0 ? "ok" : "degraded",
        reasons,
        capabilities: p.granted,
        breakers,
        pulls: pullsOf,
        pendingRecords: c?.pendingRecords ?? 0,
        deadRecords: c?.deadRecords ?? 0,
        pendingDeliveries: c?.pendingDeliveries ?? 0,
        deadDeliveries: c?.deadDeliveries ?? 0,
      })
    }
    return out
  }).pipe(Effect.orDie)

  const health: Service["health"] = status.pipe(
    Effect.map((list) => Object.fromEntries(list.map((entry) => [`plugin:${entry.id}`, entry.status]))),
    Effect.catchAllCause(() =>
      Effect.succeed(Object.fromEntries(running.map((p) => [`plugin:${p.identity.id}`, "degraded" as const]))),
    ),
  )

  return { status, health }
}
