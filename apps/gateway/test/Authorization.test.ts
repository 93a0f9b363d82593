// Every route, called as every kind of principal of the demo world — inside and
// outside the case team, with and without the survivor's consent, a member that
// did not sign the memorandum, national roles, and a case worker of another
// mechanism — against a table of the statuses each must get. A route missing
// from the table fails the test, so a new route cannot ship without deciding who
// may call it. No refused answer may carry any of the demo's personal data.
//
// Commands get the case's current ETag (read just before by a team member), so
// a refusal is the policy's, never a stale version's.
import { People, SignInLinks } from "@bashke/identity"
import { type Id, Principal } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { seed } from "../src/demo/Seed"
import { principal } from "../src/demo/World"
import { routes } from "../src/Routes"
import { authorizationScenarios, type Caller, callers, type World } from "./support/AuthorizationScenarios"
import { personalValues } from "./support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "./support/Gateway"

const sqlite = databases.find((db) => db.name === "sqlite")

const stranger = {
  id: "01KZZZZZZZZZZZZZZZZZZZZZZ1" as Id.PrincipalId,
  mechanism: "01KZZZZZZZZZZZZZZZZZZZZZZ2" as Id.MechanismId,
}

// The same table whatever the credential: an API token per caller, or the
// session of the caller's account signed in through its one-time link (the
// stranger is a case worker of another mechanism, as a person too).
for (const credential of ["token", "session"] as const)
  describe.skipIf(sqlite === undefined)(`authorization: every route as every principal, by ${credential}`, () => {
    let gateway: Gateway
    let world: World
    const cookies = {} as Record<Caller, string>

    beforeAll(async () => {
      gateway = await makeGateway(sqlite!)
      const seeded = await gateway.runtime.runPromise(seed)
      const mechanismId = seeded.mechanismId
      const tokens = {} as Record<Caller, string>
      for (const caller of callers) {
        tokens[caller] = await gateway.tokenFor(
          caller === "stranger"
            ? {
                ...principal("shelterWorker", mechanismId),
                id: stranger.id,
                mechanisms: [stranger.mechanism],
              }
            : principal(caller, mechanismId),
        )
      }
      world = { gateway, seeded, tokens, mechanismId }
      const shelter = principal("shelterWorker", mechanismId)
      await gateway.runtime.runPromise(
        Effect.flatMap(People.People, (people) =>
          people.add(
            {
              displayName: "Besa Ahmeti",
              email: "besa.ahmeti@elsewhere.example",
              language: "sq",
              ...(shelter.institution === undefined ? {} : { institution: shelter.institution }),
              sector: "shelter",
            },
            [{ role: "case-worker", mechanism: stranger.mechanism }],
            Principal.platformId,
            { id: stranger.id },
          ),
        ),
      )
      if (credential === "session") {
        for (const caller of callers) {
          const id = caller === "stranger" ? stranger.id : principal(caller, mechanismId).id
          const link = await gateway.runtime.runPromise(
            Effect.flatMap(SignInLinks.SignInLinks, (links) => links.issue(id, "sign-in")),
          )
          const signedIn = await gateway.request("POST", "/v1/sign-in/link", {
            body: { token: link },
            headers: { origin: "http://localhost", "x-bashke-request": "1" },
          })
          expect(signedIn.status).toBe(200)
          cookies[caller] = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string
        }
      }
    })
    afterAll(() => gateway.close())

    it("has a scenario for every route", () => {
      const covered = new Set(authorizationScenarios.map((scenario) => scenario.operationId))
      const missing = routes
        .filter((route) => route.public !== true)
        .map((route) => route.operationId)
        .filter((operationId) => !covered.has(operationId))
      expect(missing).toEqual([])
    })

    for (const scenario of authorizationScenarios) {
      it(`${scenario.operationId}: ${scenario.label}`, async () => {
        const got: Partial<Record<Caller, number | string>> = {}
        for (const caller of callers) {
          const request = await scenario.request(world, caller)
          const response = await gateway.request(request.method, request.path, {
            ...(credential === "token"
              ? { token: world.tokens[caller], headers: { ...request.headers } }
              : {
                  headers: {
                    ...request.headers,
                    cookie: request.cookie ?? cookies[caller],
                    origin: "http://localhost",
                    "x-bashke-request": "1",
                  },
                }),
            ...(request.body === undefined ? {} : { body: request.body }),
            ...(request.rawBody === undefined ? {} : { rawBody: request.rawBody }),
            ...(request.ifMatch === undefined ? {} : { ifMatch: request.ifMatch }),
          })
          const text = await response.text()
          got[caller] = scenario.observe === undefined ? response.status : scenario.observe(response.status, text)
          if (response.status >= 400) {
            for (const value of personalValues)
              expect(text, `${caller} refused: ${scenario.operationId}`).not.toContain(value)
          }
        }
        if (process.env.SHOW_MATRIX) console.log("MATRIX", scenario.operationId, JSON.stringify(got))
        expect(got).toEqual(scenario.expect)
      })
    }
  })
