// Runs the README's example (import pointed at the sources) against the real
// gateway with the demo seeded, so it cannot rot.
import { afterAll, beforeAll, expect, it, vi } from "@effect/vitest"
import { main } from "./readme-example"
import { baseUrl, databases, fetchOf, type Gateway, makeGateway, principal, seed } from "./support/Gateway"

let gateway: Gateway
let mechanismId: Parameters<typeof principal>[1]

beforeAll(async () => {
  // SQLite: always there.
  gateway = await makeGateway(databases[0] as (typeof databases)[number])
  mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
})
afterAll(() => gateway.close())

it("the README example opens a case, changes it with If-Match, and reads the stale-version refusal", async () => {
  const token = await gateway.tokenFor(principal("policeOfficer", mechanismId))
  // The README's code calls the global fetch: here it reaches the gateway without a socket.
  vi.stubGlobal("fetch", fetchOf(gateway.app))
  const result = await main({ baseUrl, token, mechanismId }).finally(() => vi.unstubAllGlobals())
  expect(result.reference).toMatch(/^[A-Z]+-\d{4}-\d{4}$/)
  expect(result.forms).toEqual(["psychological"])
  expect(result.etags).toEqual(['"1"', '"2"'])
  expect(result.refused).toMatchObject({ kind: "stale-version", status: 412, rule: "version.stale" })
  expect(result.refused?.title).toEqual(expect.any(String))
})
