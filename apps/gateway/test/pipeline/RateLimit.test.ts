// The rate-limit step on its own, over both real databases: a principal's
// requests come out of a bucket; an empty one is a 429 with the seconds to wait.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import * as RateLimit from "../../src/pipeline/RateLimit"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

const take = RateLimit.take({ perMinute: 6, burst: 2 })

for (const db of databases) {
  describe(`${db.name}: the rate-limit step`, () => {
    let gateway: Gateway
    beforeAll(async () => {
      gateway = await makeGateway(db)
    })
    afterAll(async () => {
      await gateway?.close()
    })

    it("lets a burst through, refuses the next with 429 and Retry-After, and counts each principal apart", async () => {
      const attempt = (principalId: string) => gateway.runtime.runPromise(Effect.either(take(principalId)))
      expect((await attempt("p-1"))._tag).toBe("Right")
      expect((await attempt("p-1"))._tag).toBe("Right")
      const refused = await attempt("p-1")
      expect(refused._tag === "Left" && refused.left.error).toMatchObject({
        status: 429,
        rule: "gateway.rate.exceeded",
        type: "rate-limited",
      })
      expect(Number(refused._tag === "Left" && refused.left.headers?.["retry-after"])).toBeGreaterThan(0)
      expect((await attempt("p-2"))._tag).toBe("Right")
    })
  })
}
