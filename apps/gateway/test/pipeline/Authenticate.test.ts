// The authentication step on its own, over both real databases: a bearer
// token or a session cookie resolves to its principal; a credential that does
// not hold is a 401 (a session's cookie forgotten) and counts against the
// client's address, which is refused with 429 once its free attempts are spent.
import { Id } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Duration, Effect } from "effect"
import { principal } from "../../src/demo/World"
import * as Authenticate from "../../src/pipeline/Authenticate"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const settings: Authenticate.Settings = {
  backoff: { free: 2, firstDelay: Duration.minutes(1), maxDelay: Duration.minutes(5), forgetAfter: Duration.hours(1) },
}
const authenticate = Authenticate.authenticate(settings)

for (const db of databases) {
  describe(`${db.name}: the authentication step`, () => {
    let gateway: Gateway
    const mechanismId = Id.MechanismId.make(Id.ulidAt(1_760_000_000_000, new Uint8Array(10).fill(4)))
    const caseManager = principal("caseManager", mechanismId)
    let token: string
    beforeAll(async () => {
      gateway = await makeGateway(db)
      token = await gateway.tokenFor(caseManager)
    })
    afterAll(async () => {
      await gateway?.close()
    })

    const attempt = (credentials: Authenticate.Credentials) =>
      gateway.runtime.runPromise(Effect.either(authenticate(credentials)))

    it("resolves a bearer token to its principal", async () => {
      const found = await attempt({ authorization: `Bearer ${token}`, sessionSecret: undefined, address: "192.0.2.1" })
      expect(found._tag === "Right" && found.right.id).toBe(caseManager.id)
    })

    it("refuses a credential that does not hold with 401, and forgets a session's cookie", async () => {
      const bearer = await attempt({ authorization: "Bearer nope", sessionSecret: undefined, address: "192.0.2.2" })
      expect(bearer._tag === "Left" && bearer.left).toMatchObject({ error: { _tag: "Unauthenticated" } })
      expect(bearer._tag === "Left" && bearer.left.forgetSession).toBeUndefined()
      const session = await attempt({ authorization: undefined, sessionSecret: "gone", address: "192.0.2.3" })
      expect(session._tag === "Left" && session.left).toMatchObject({
        error: { _tag: "Unauthenticated", rule: "gateway.session.unknown" },
        forgetSession: true,
      })
    })

    it("refuses an address with 429 once its free failures are spent, even with a good credential", async () => {
      const address = "192.0.2.4"
      for (let n = 0; n < settings.backoff.free; n++) {
        const failed = await attempt({ authorization: "Bearer nope", sessionSecret: undefined, address })
        expect(failed._tag === "Left" && failed.left.error._tag).toBe("Unauthenticated")
      }
      await attempt({ authorization: "Bearer nope", sessionSecret: undefined, address })
      const waiting = await attempt({ authorization: `Bearer ${token}`, sessionSecret: undefined, address })
      expect(waiting._tag === "Left" && waiting.left.error).toMatchObject({
        status: 429,
        rule: "gateway.auth.throttled",
      })
      expect(Number(waiting._tag === "Left" && waiting.left.headers?.["retry-after"])).toBeGreaterThan(0)
      // Another address is not held up by this one.
      const other = await attempt({ authorization: `Bearer ${token}`, sessionSecret: undefined, address: "192.0.2.5" })
      expect(other._tag).toBe("Right")
    })
  })
}
