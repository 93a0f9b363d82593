// Id generation: the monotonic ULID generator against its floor, drawing the same
// random bytes from WebCrypto and doing nothing else with them.
import { Effect } from "effect"
import { rate, record } from "../../../scripts/benchmark"
import { Id } from "../src/index"

const count = 200_000
// One generator for the whole run, as an application holds one.
const generator = Effect.runSync(Effect.provide(Id.IdGenerator, Id.layer))
const nextId = Id.next.pipe(Effect.provideService(Id.IdGenerator, generator))

const value = await rate(count, (n) => {
  for (let i = 0; i < n; i++) Effect.runSync(nextId)
})
const bytes = new Uint8Array(10)
const floor = await rate(count, (n) => {
  for (let i = 0; i < n; i++) crypto.getRandomValues(bytes)
})

record(new URL("..", import.meta.url).pathname, "kernel-ids", [
  {
    measure: "Id.next (Effect.runSync each)",
    unit: "ids/s",
    value,
    floor: { measure: "crypto.getRandomValues(10 bytes)", value: floor },
  },
])
