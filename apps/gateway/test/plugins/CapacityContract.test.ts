// The `directory:capacity` contract (`CapacityContract` of the plugin SDK's
// test kit, the same checks the fakes pass) against the gateway's real
// provider, in both dialects: a plugin acting for the demo's shelter reports
// its beds; the health centre's service is not its own.
import { Id } from "@bashke/kernel"
import { DirectoryCapacity } from "@bashke/plugin-sdk"
import { CapacityContract } from "@bashke/plugin-sdk/testing"
import { ReferralService } from "@bashke/referral"
import { afterAll, beforeAll, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions } from "../../src/demo/World"
import * as GatewayPlugins from "../../src/plugins/GatewayPlugins"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const plugin = { name: "@acme/plugin-shelter-beds", version: "0.1.0", id: "shelter-beds" }

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: directory:capacity contract, gateway provider`, () => {
    let gateway: Gateway
    let seeded: Seeded
    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
    })
    afterAll(() => gateway.close())

    const providers = () =>
      GatewayPlugins.capabilities({
        host: { plugins: [] },
        principals: new Map([
          [
            plugin.name,
            {
              id: Id.ulidAt(1_767_225_700_000, new Uint8Array(10).fill(92)) as Id.PrincipalId,
              institution: institutions.shelter.id,
              sector: "shelter",
              mechanisms: [seeded.mechanismId],
            },
          ],
        ]),
      })

    // Each check a minute later than the last: the demo's and earlier checks' reports are older.
    let minutes = 0
    const makeWorld = Effect.gen(function* () {
      const referrals = yield* ReferralService.ReferralService
      const provider = yield* DirectoryCapacity.DirectoryCapacity
      const directory = seeded.directory
      if (directory === undefined) return yield* Effect.die("the demo seeds a directory")
      const world: CapacityContract.World = {
        capacity: provider.forPlugin(plugin),
        plugin,
        own: directory.shelter,
        others: directory.medicalCare,
        at: new Date(Date.now() + 86_400_000 + ++minutes * 60_000),
        availableOf: (service) =>
          Effect.map(
            referrals.directory,
            (held) => held.services.find((each) => each.id === service)?.capacity?.available,
          ),
      }
      return world
    })

    for (const check of CapacityContract.checks)
      it(check.name, () =>
        gateway.runtime.runPromise(Effect.flatMap(makeWorld, check.run).pipe(Effect.provide(Layer.fresh(providers())))),
      )
  })
}
