// A gateway over the demo with the capability providers of one plugin that
// acts for the police of the demo's mechanism: the identity the host would
// give it and its configured principal.
import { Id } from "@bashke/kernel"
import type { TestDatabase } from "@bashke/persistence/testing"
import { Effect } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions } from "../../src/demo/World"
import * as GatewayPlugins from "../../src/plugins/GatewayPlugins"
import type { PluginConfig } from "../../src/plugins/PluginConfig"
import type { GatewayServices } from "../../src/Services"
import { type Gateway, makeGateway } from "../support/Gateway"

export const identity = { name: "@bashke/plugin-police", version: "0.1.0", id: "police" }

export const pluginPrincipalId = Id.ulidAt(1_767_225_700_000, new Uint8Array(10).fill(90)) as Id.PrincipalId

export const configFor = (mechanismId: Id.MechanismId, packageName = identity.name): PluginConfig => ({
  host: { plugins: [] },
  principals: new Map([
    [
      packageName,
      {
        id: pluginPrincipalId,
        institution: institutions.police.id,
        sector: "police",
        mechanisms: [mechanismId],
        petitioner: "police",
      },
    ],
  ]),
})

export interface PluginWorld {
  readonly gateway: Gateway
  readonly seeded: Seeded
  readonly cases: NonNullable<Seeded["cases"]>
  /** Runs an Effect with the capability providers and the gateway's services. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, GatewayServices | GatewayPlugins.Capabilities>) => Promise<A>
}

export const makeWorld = async (db: TestDatabase.TestDatabase): Promise<PluginWorld> => {
  const gateway = await makeGateway(db)
  const seeded = await gateway.runtime.runPromise(seed)
  const cases = seeded.cases
  if (cases === undefined) throw new Error("the demo seeds cases")
  const providers = GatewayPlugins.capabilities(configFor(seeded.mechanismId))
  return {
    gateway,
    seeded,
    cases,
    run: (effect) => gateway.runtime.runPromise(Effect.provide(effect, providers)),
  }
}
