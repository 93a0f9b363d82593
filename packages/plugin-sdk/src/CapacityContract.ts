/**
 * The contract of `directory:capacity`, as checks any provider must pass: the
 * host's real provider and the test kit's fakes run the same checks. A shelter
 * reports its own beds; another institution's service, an unknown service and
 * more available than in total are refused; an older report changes nothing.
 *
 * ```ts
 * for (const check of CapacityContract.checks)
 *   it.effect(check.name, () => Effect.flatMap(makeWorld(), check.run))
 * ```
 */
import { Id } from "@bashke/kernel"
import type { DirectoryCapacity, PluginIdentity as Identity } from "@bashke/plugin-sdk"
import { Effect } from "effect"
import * as Contract from "./internal/Contract"

/**
 * What a provider under test sets up: the plugin acts for the institution
 * that provides `own`; `others` is a service of another institution. Neither
 * has a capacity report newer than `at`.
 */
export interface World {
  readonly capacity: DirectoryCapacity.Service
  readonly plugin: Identity.PluginIdentity
  readonly own: Id.ServiceId
  readonly others: Id.ServiceId
  /** A time after every report the world holds. */
  readonly at: Date
  /** The available count the directory now holds for a service, if any. */
  readonly availableOf: (service: Id.ServiceId) => Effect.Effect<number | undefined>
}

/**
 * One check of the contract, on a fresh world.
 */
export type Check = Contract.Check<World>

const report = (world: World, overrides: Partial<DirectoryCapacity.CapacityReport> = {}) => ({
  service: world.own,
  unit: "beds" as const,
  available: 4,
  total: 12,
  updatedAt: world.at,
  ...overrides,
})

const refusal = (error: { readonly _tag: string; readonly rule?: string }) =>
  error.rule === undefined ? error._tag : `${error._tag} ${error.rule}`

/**
 * The checks, each on a fresh world.
 */
export const checks: ReadonlyArray<Check> = [
  {
    name: "the plugin reports its own service's capacity; the directory holds it",
    run: (world) =>
      Effect.gen(function* () {
        yield* Contract.same("outcome", yield* world.capacity.report(report(world)), { outcome: "applied" })
        yield* Contract.same("available", yield* world.availableOf(world.own), 4)
      }),
  },
  {
    name: "an older report than the one held changes nothing",
    run: (world) =>
      Effect.gen(function* () {
        yield* world.capacity.report(report(world, { available: 2 }))
        const older = report(world, { available: 9, updatedAt: new Date(world.at.getTime() - 60_000) })
        yield* Contract.same("outcome", yield* world.capacity.report(older), { outcome: "stale" })
        yield* Contract.same("available", yield* world.availableOf(world.own), 2)
      }),
  },
  {
    name: "another institution's service is refused and keeps its capacity",
    run: (world) =>
      Effect.gen(function* () {
        const before = yield* world.availableOf(world.others)
        const error = yield* Effect.flip(world.capacity.report(report(world, { service: world.others })))
        yield* Contract.same("error", refusal(error), "Forbidden referral.directory.not-own-institution")
        yield* Contract.same("available", yield* world.availableOf(world.others), before)
      }),
  },
  {
    name: "an unknown service is not found; more available than in total is invalid",
    run: (world) =>
      Effect.gen(function* () {
        const unknown = Id.ulidAt(Date.UTC(2026, 0, 1), new Uint8Array(10).fill(3)) as Id.ServiceId
        const missing = yield* Effect.flip(world.capacity.report(report(world, { service: unknown })))
        yield* Contract.same("error", refusal(missing), "NotFound")
        const over = yield* Effect.flip(world.capacity.report(report(world, { available: 13 })))
        yield* Contract.same("error", refusal(over), "InvalidInput referral.capacity.over-total")
      }),
  },
]
