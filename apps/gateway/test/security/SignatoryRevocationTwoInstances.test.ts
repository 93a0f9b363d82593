// Two instances over one PostgreSQL: each keeps the rosters it read (who is a
// member and who signed the memorandum, `Mechanisms.layer`) under the roster's
// version, and reads only the version on a policy check. A membership ended
// through instance A must close the case list to that institution on
// instance B at its next request, though B's roster was read before.
import { TestDatabase } from "@bashke/persistence/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ApiTokens } from "../../src/ApiTokens"
import type * as App from "../../src/App"
import { principal } from "../../src/demo/World"
import { twoInstances } from "../support/TwoInstances"

const unavailable = await TestDatabase.postgresUnavailable()
const local = "http://localhost"

describe.skipIf(unavailable)("postgres: a signatory's removal on every instance", () => {
  const { runtimes, apps, seeded: demo } = twoInstances()

  it("a membership ended on A refuses the case list on B at the next request", async () => {
    const [a, b] = apps as [ReturnType<typeof App.make>, ReturnType<typeof App.make>]
    const [runtimeA] = runtimes as [(typeof runtimes)[number]]
    const mechanismId = demo().mechanismId
    const bearer = async (name: Parameters<typeof principal>[0]) => ({
      authorization: `Bearer ${
        (
          await runtimeA.runPromise(
            Effect.flatMap(ApiTokens, (tokens) => tokens.issue(principal(name, mechanismId), name)),
          )
        ).token
      }`,
    })
    const officer = await bearer("policeOfficer")
    const coordinator = await bearer("coordinator")
    const cases = `${local}/v1/cases?mechanismId=${mechanismId}`

    // Warm: B and A have read the roster and let the police officer list cases.
    expect((await b.request(cases, { headers: officer })).status).toBe(200)
    expect((await b.request(cases, { headers: officer })).status).toBe(200)
    expect((await a.request(cases, { headers: officer })).status).toBe(200)

    const page = await (
      await a.request(`${local}/v1/mechanisms/${mechanismId}/memberships?limit=200`, { headers: coordinator })
    ).json()
    const police = principal("policeOfficer", mechanismId).institution
    const membership = page.items.find(
      (item: { institutionId: string; leftOn?: string }) => item.institutionId === police && item.leftOn === undefined,
    )
    expect(membership).toBeDefined()
    const mechanism = await a.request(`${local}/v1/mechanisms/${mechanismId}`, { headers: coordinator })
    const removed = await a.request(`${local}/v1/mechanisms/${mechanismId}/memberships/${membership.id}/removal`, {
      method: "POST",
      headers: {
        ...coordinator,
        "content-type": "application/json",
        "if-match": mechanism.headers.get("etag") as string,
        "idempotency-key": "remove-police",
      },
      body: JSON.stringify({}),
    })
    expect(removed.status).toBe(200)

    for (const app of [b, a]) {
      const refused = await app.request(cases, { headers: officer })
      expect(refused.status).toBe(403)
      expect((await refused.json()).rule).toBe("policy.memorandum.not-signatory")
    }
    // Another signatory of the same mechanism still lists: the roster was read again, not emptied.
    expect((await b.request(cases, { headers: await bearer("caseManager") })).status).toBe(200)
  })
})
