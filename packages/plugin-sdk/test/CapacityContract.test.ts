// The `directory:capacity` contract against the test kit's fakes (the gateway
// runs the same checks against its real provider), and a plugin reporting its
// beds through the test host.
import type { Id, Principal } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { DirectoryCapacity, definePlugin } from "../src"
import { CapacityContract, FakeCapabilities, TestHost } from "../src/testing"

const shelter = "01JBBBBBBBBBBBBBBBBBBBBB03" as Id.InstitutionId
const health = "01JBBBBBBBBBBBBBBBBBBBBB06" as Id.InstitutionId
const beds = "01JFFFFFFFFFFFFFFFFFFFFFF1" as Id.ServiceId
const clinic = "01JFFFFFFFFFFFFFFFFFFFFFF2" as Id.ServiceId
const actingAs: Principal.Principal = {
  id: "01JAAAAAAAAAAAAAAAAAAAAAA9" as Principal.Principal["id"],
  kind: "plugin",
  institution: shelter,
  roles: ["case-worker"],
  mechanisms: [],
}
const services = new Map([
  [beds, shelter],
  [clinic, health],
])
const plugin = { name: "@acme/plugin-shelter-beds", version: "0.1.0", id: "shelter-beds" }

describe("directory:capacity contract, test kit fakes", () => {
  for (const check of CapacityContract.checks)
    it.effect(check.name, () => {
      const fakes = FakeCapabilities.make({ actingAs, services })
      return Effect.gen(function* () {
        const provider = yield* DirectoryCapacity.DirectoryCapacity
        yield* check.run({
          capacity: provider.forPlugin(plugin),
          plugin,
          own: beds,
          others: clinic,
          at: new Date(Date.UTC(2026, 5, 15)),
          availableOf: (service) => Effect.sync(() => fakes.recorded.capacity.get(service)?.available),
        })
      }).pipe(Effect.provide(fakes.layer))
    })
})

describe("a plugin reporting beds under the test host", () => {
  const bedsPlugin = definePlugin({
    manifest: {
      name: plugin.name,
      version: "0.1.0",
      hostApi: "^0.1.0",
      config: Schema.Struct({}),
      capabilities: ["directory:capacity", "routes:webhook"],
    },
    setup: (context) => ({
      webhooks: [
        {
          method: "POST",
          path: "/beds",
          handle: (request) =>
            Effect.map(
              context.capacity.report({
                service: beds,
                unit: "beds",
                available: Number((request.json() as { free: number }).free),
                total: 12,
                updatedAt: new Date(Date.UTC(2026, 5, 15)),
              }),
              (reported) => ({ status: 200, body: reported }),
            ),
        },
      ],
    }),
  })

  it.scoped("the upstream's free beds reach the directory through context.capacity", () =>
    Effect.gen(function* () {
      const test = yield* TestHost.make(bedsPlugin, { answers: { actingAs, services } })
      const answer = yield* test.webhook("POST", "/beds", { free: 5 })
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ outcome: "applied" })
      expect(test.recorded.capacity.get(beds)?.available).toBe(5)
    }).pipe(Effect.provide(TestHost.database)),
  )
})
