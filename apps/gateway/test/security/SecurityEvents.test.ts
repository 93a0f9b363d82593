// Issue 13, finding 4: a structured security event log (failed authentication,
// throttled sign-ins, denied reads, break-glass reads, API tokens created and revoked) that never
// carries personal data. The attacks of the review, through HTTP; the log is
// captured and must hold each event, and no name, token, reason or value sent.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Logger } from "effect"
import { ApiTokens } from "../../src/ApiTokens"
import { type Seeded, seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { personalValues } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const sqlite = databases.find((db) => db.name === "sqlite")
const reason = "Threats by phone tonight; police need her current address to send a patrol."

describe.skipIf(sqlite === undefined)("the security event log", () => {
  let gateway: Gateway
  let seeded: Seeded

  beforeAll(async () => {
    gateway = await makeGateway(sqlite!)
    seeded = await gateway.runtime.runPromise(seed)
  })
  afterAll(() => gateway.close())

  const highRisk = () => {
    const found = seeded.cases?.highRisk
    if (found === undefined) throw new Error("the demo seeds the high-risk case")
    return found
  }
  const clean = (text: string) => personalValues.filter((value) => text.includes(value))

  it("records failed authentication, a denied read and a break-glass read, with ids and codes only", async () => {
    gateway.securityEvents.length = 0
    const garbage = "bsk_garbage-token-value-1234567890"
    expect((await gateway.request("GET", `/v1/cases/${highRisk().caseId}`, { token: garbage })).status).toBe(401)
    const teacher = await gateway.tokenFor(principal("teacher", seeded.mechanismId))
    expect((await gateway.request("GET", `/v1/cases/${highRisk().caseId}`, { token: teacher })).status).toBe(403)
    const police = await gateway.tokenFor(principal("policeOfficer", seeded.mechanismId))
    const read = await gateway.request(
      "POST",
      `/v1/cases/${highRisk().caseId}/persons/${highRisk().victim}/details/read`,
      {
        token: police,
        body: {
          purpose: "break-glass",
          breakGlassCode: "imminent-danger",
          breakGlassReason: reason,
          fields: ["address"],
        },
      },
    )
    expect(read.status).toBe(200)
    expect(gateway.securityEvents.map((event) => [event.event, event.status])).toEqual([
      ["authentication.failed", 401],
      ["access.denied", 403],
      ["break-glass.read", 200],
    ])
    expect(gateway.securityEvents[2]).toMatchObject({
      principalId: principal("policeOfficer", seeded.mechanismId).id,
      route: "/v1/cases/:caseId/persons/:personId/details/read",
    })
    const text = JSON.stringify(gateway.securityEvents)
    expect(clean(text)).toEqual([])
    expect(text).not.toContain(garbage)
    expect(text).not.toContain("patrol")
    expect(text).not.toContain(teacher)
    expect(text).not.toContain(police)
  })

  it("records a throttled sign-in as such, without the address, the email or the password", async () => {
    gateway.securityEvents.length = 0
    const email = "guessing@gjilan.example"
    const password = "a wrong guess at the shelter's door"
    const address = "198.51.100.77"
    const statuses: Array<number> = []
    // Five free failures, the sixth starts the backoff, the seventh waits.
    for (let n = 0; n < 7; n++)
      statuses.push(
        (
          await gateway.app.request("http://localhost/v1/sign-in/password", {
            method: "POST",
            headers: {
              origin: "http://localhost",
              "x-bashke-request": "1",
              "content-type": "application/json",
              "cf-connecting-ip": address,
            },
            body: JSON.stringify({ email, password }),
          })
        ).status,
      )
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429])
    expect(gateway.securityEvents.map((event) => [event.event, event.status])).toEqual([
      ...Array(6).fill(["authentication.failed", 401]),
      ["request.throttled", 429],
    ])
    expect(gateway.securityEvents[6]).toMatchObject({
      route: "/v1/sign-in/password",
      problem: "https://bashke.org/problems/rate-limited",
    })
    const text = JSON.stringify(gateway.securityEvents)
    for (const value of [email, password, address]) expect(text).not.toContain(value)
  })

  it("records a token created and revoked on the security channel, without the token", async () => {
    const lines: Array<{ message: unknown; annotations: Record<string, unknown> }> = []
    const capture = Logger.replace(
      Logger.defaultLogger,
      Logger.make(({ message, annotations }) => {
        lines.push({ message, annotations: Object.fromEntries(annotations) })
      }),
    )
    const issued = await gateway.runtime.runPromise(
      Effect.gen(function* () {
        const tokens = yield* ApiTokens
        const issued = yield* tokens.issue(principal("caseManager", seeded.mechanismId), "Arta's laptop")
        yield* tokens.revoke(issued.id)
        return issued
      }).pipe(Effect.provide(capture)),
    )
    const security = lines.filter((line) => line.annotations.channel === "security")
    expect(security.map((line) => [line.annotations.event, line.annotations.tokenId])).toEqual([
      ["token.created", issued.id],
      ["token.revoked", issued.id],
    ])
    const text = JSON.stringify(security)
    expect(text).not.toContain(issued.token)
    expect(text).not.toContain("Arta")
    expect(clean(text)).toEqual([])
  })
})
