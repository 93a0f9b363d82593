// Runs the README's example (import pointed at the sources) against the real
// gateway with the demo seeded, so it cannot rot.
import { afterAll, beforeAll, expect, it } from "@effect/vitest"
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
  const result = await main({ baseUrl, token, mechanismId, fetch: fetchOf(gateway.app) })
  expect(result.reference).toMatch(/^[A-Z]+-\d{4}-\d{4}$/)
  expect(result.forms).toEqual(["psychological"])
  expect(result.etags).toEqual(['"1"', '"2"'])
  expect(result.refused).toMatchObject({ kind: "stale-version", status: 412, rule: "version.stale" })
})
