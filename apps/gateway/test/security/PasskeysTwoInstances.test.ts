import { TestDatabase } from "@bashke/persistence/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ApiTokens } from "../../src/ApiTokens"
import { principal } from "../../src/demo/World"
import * as SoftwareAuthenticator from "../support/SoftwareAuthenticator"
import { twoInstances } from "../support/TwoInstances"

const unavailable = await TestDatabase.postgresUnavailable()
const local = "http://localhost"
const browser = { origin: local, "x-bashke-request": "1", "content-type": "application/json" }

describe.skipIf(unavailable)("postgres: passkeys on two instances", () => {
  const { runtimes, apps, seeded: demo } = twoInstances()

  const call = (at: 0 | 1, path: string, body?: unknown, extra: Record<string, string> = {}) =>
    (apps[at] as (typeof apps)[number]).request(`${local}${path}`, {
      method: "POST",
      headers: { ...browser, ...extra },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] as string

  it("a challenge issued by one instance is answered at the other, once; one assertion at both signs in once", async () => {
    const [runtimeA] = runtimes as [(typeof runtimes)[number]]
    const coordinator = await runtimeA.runPromise(
      Effect.flatMap(ApiTokens, (tokens) => tokens.issue(principal("coordinator", demo().mechanismId), "test")),
    )
    const who = principal("caseManager", demo().mechanismId)
    const invited = await call(
      0,
      `/v1/mechanisms/${demo().mechanismId}/invitations`,
      {
        displayName: "Nora Gashi",
        email: "nora.gashi@gjilan.example",
        language: "sq",
        institution: who.institution,
        sector: who.sector,
        roles: ["case-worker"],
      },
      { authorization: `Bearer ${coordinator.token}` },
    )
    expect(invited.status).toBe(201)
    const { token } = (await invited.json()) as { token: string }
    const accepted = await call(1, "/v1/invitations/accept", { token })
    expect(accepted.status).toBe(200)
    const cookie = cookieOf(accepted)

    // Enrolled across the two: options from A, the answer to B.
    const authenticator = SoftwareAuthenticator.make()
    const creation = await (await call(0, "/v1/me/passkeys/options", undefined, { cookie })).json()
    expect((await call(1, "/v1/me/passkeys", authenticator.create(creation, local), { cookie })).status).toBe(201)

    const answer = authenticator.get(await (await call(0, "/v1/sign-in/passkey/options")).json(), local)
    expect((await call(1, "/v1/sign-in/passkey", answer)).status).toBe(200)
    const replayed = await call(0, "/v1/sign-in/passkey", answer)
    expect(replayed.status).toBe(401)
    expect((await replayed.json()).rule).toBe("identity.passkey.refused")

    // One assertion at both instances at once: exactly one session.
    const racing = authenticator.get(await (await call(1, "/v1/sign-in/passkey/options")).json(), local)
    const statuses = (
      await Promise.all([call(0, "/v1/sign-in/passkey", racing), call(1, "/v1/sign-in/passkey", racing)])
    ).map((response) => response.status)
    expect(statuses.sort()).toEqual([200, 401])
  })
})
