// The run step on its own: the handler gets its decoded input and, beside the
// services, the request's principal, session cookie and identity provider.
import { Id, Principal } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect, Option, Schema } from "effect"
import { principal } from "../../src/demo/World"
import * as OidcSignIn from "../../src/OidcSignIn"
import { run } from "../../src/pipeline/Run"
import * as Route from "../../src/Route"
import * as SessionCookie from "../../src/SessionCookie"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { thing } from "../support/ThingRoute"

const sqlite = databases.filter((db) => db.name === "sqlite")

const cookie: SessionCookie.Service = {
  current: Option.some("secret"),
  clientAddress: "192.0.2.9",
  origin: "https://bashke.example",
  set: () => Effect.void,
  clear: Effect.void,
  flow: Option.none(),
  setFlow: () => Effect.void,
  clearFlow: Effect.void,
}

const route = Route.make({
  ...thing,
  pathSchema: Schema.Struct({ thingId: Schema.String }),
  bodySchema: Schema.Struct({ at: Schema.Date }),
  success: { status: 201, schema: Schema.Struct({ who: Schema.String, what: Schema.String, signIn: Schema.Boolean }) },
  handle: ({ path, body }) =>
    Effect.gen(function* () {
      const who = yield* Principal.CurrentPrincipal
      const session = yield* SessionCookie.SessionCookie
      const provider = yield* OidcSignIn.OidcSignIn
      return {
        who: who.id,
        what: `${path.thingId} ${body.at.toISOString()} ${Option.getOrElse(session.current, () => "")}`,
        signIn: Option.isSome(provider),
      }
    }),
})

for (const db of sqlite) {
  describe(`${db.name}: the run step`, () => {
    let gateway: Gateway
    beforeAll(async () => {
      gateway = await makeGateway(db)
    })
    afterAll(async () => {
      await gateway?.close()
    })

    it("hands the handler its decoded input, the principal, the session cookie and the identity provider", async () => {
      const caseManager = principal(
        "caseManager",
        Id.MechanismId.make(Id.ulidAt(1_760_000_000_000, new Uint8Array(10).fill(4))),
      )
      const answer = await gateway.runtime.runPromise(
        run(
          route,
          { path: { thingId: "t-1" }, query: {}, body: { at: new Date(0) }, expectedVersion: undefined },
          { principal: caseManager, cookie, oidcSignIn: Option.none() },
        ),
      )
      expect(answer).toEqual({ who: caseManager.id, what: "t-1 1970-01-01T00:00:00.000Z secret", signIn: false })
    })
  })
}
