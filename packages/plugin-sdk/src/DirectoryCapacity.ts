/**
 * `directory:capacity` — report the capacity of the plugin's own
 * institution's services in the service directory (a shelter's free beds, a
 * counselling centre's appointments), so referrers see it. The plugin sees it
 * as `context.capacity`.
 *
 * Only the services of the institution the plugin acts for: another
 * institution's service is refused (`Forbidden`,
 * `referral.directory.not-own-institution`), an unknown one is `NotFound`, a
 * report with more available than in total is `InvalidInput`
 * (`referral.capacity.over-total`). A report older (`updatedAt`) than the one
 * the directory holds changes nothing and answers `stale`.
 */
import { type Errors, Id } from "@bashke/kernel"
import { Context, type Effect, Schema } from "effect"
import type { CapabilityProvider } from "./PluginIdentity"

/**
 * A capacity report for one service.
 */
export const CapacityReport = Schema.Struct({
  service: Id.ServiceId,
  unit: Schema.Literal("beds", "places", "appointments"),
  available: Schema.NonNegativeInt,
  total: Schema.NonNegativeInt,
  updatedAt: Schema.DateFromSelf,
}).pipe(
  Schema.filter((report) => report.available <= report.total || "referral.capacity.over-total"),
  Schema.annotations({ identifier: "PluginCapacityReport" }),
)

export type CapacityReport = typeof CapacityReport.Type

/**
 * What became of a report: `applied`, or `stale` when the directory holds a
 * newer one.
 */
export const Reported = Schema.Struct({ outcome: Schema.Literal("applied", "stale") }).annotations({
  identifier: "PluginCapacityReported",
})

export type Reported = typeof Reported.Type

export interface Service {
  readonly report: (report: CapacityReport) => Effect.Effect<Reported, Errors.DomainError>
}

/**
 * The host application's provider of the capability.
 */
export class DirectoryCapacity extends Context.Tag("@bashke/plugin-sdk/DirectoryCapacity")<
  DirectoryCapacity,
  CapabilityProvider<Service>
>() {}
