/**
 * `directory:capacity`: a plugin reports the capacity of its own
 * institution's services through the referral package's `reportCapacity`,
 * acting as its configured principal — the directory's own rule
 * (`DirectoryPolicy`) refuses another institution's service. `stale` when the
 * directory keeps a newer report.
 */
import { Principal } from "@bashke/kernel"
import { DirectoryCapacity } from "@bashke/plugin-sdk"
import { ReferralService } from "@bashke/referral"
import { Effect, Layer } from "effect"
import { actingAs, PluginPrincipals } from "./PluginConfig"

export const layer: Layer.Layer<
  DirectoryCapacity.DirectoryCapacity,
  never,
  ReferralService.ReferralService | PluginPrincipals
> = Layer.effect(
  DirectoryCapacity.DirectoryCapacity,
  Effect.gen(function* () {
    const referrals = yield* ReferralService.ReferralService
    const principals = yield* PluginPrincipals
    return {
      forPlugin: (plugin) => ({
        report: (report) =>
          Effect.gen(function* () {
            const { principal } = yield* actingAs(principals, plugin.name)
            const { service, ...capacity } = report
            const held = yield* referrals
              .reportCapacity(service, capacity)
              .pipe(Effect.provideService(Principal.CurrentPrincipal, principal))
            const kept = held.capacity
            const applied =
              kept !== undefined &&
              kept.updatedAt.getTime() === report.updatedAt.getTime() &&
              kept.available === report.available &&
              kept.total === report.total &&
              kept.unit === report.unit
            return { outcome: applied ? "applied" : "stale" } as const
          }),
      }),
    }
  }),
)
