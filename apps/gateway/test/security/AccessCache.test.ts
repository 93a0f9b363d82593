// The request path keeps an API token's row and a person's standing in memory
// under the access version (ADR 0036), on both dialects: whatever changes the
// row — a revocation through the service, an UPDATE by another instance or an
// operator's script — changes the version in the same transaction, and the
// next request reads the token again. Without the version's triggers the
// token is served from memory (the second test shows the cache is real by
// dropping them); without the version check a revoked token would keep working.
import { Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { hash } from "../../src/ApiTokens"
import { seedPeople } from "../../src/demo/PeopleDemo"
import { seed } from "../../src/demo/Seed"
import { principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: who is calling, kept under the access version`, () => {
    let gateway: Gateway
    let mechanismId: Id.MechanismId
    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      await gateway.runtime.runPromise(seedPeople(mechanismId))
    }, 120_000)
    afterAll(async () => {
      await gateway?.close()
    })

    const statement = (run: (sql: SqlClient.SqlClient) => Effect.Effect<unknown, unknown>) =>
      gateway.runtime.runPromise(
        Effect.flatMap(SqlClient.SqlClient, (sql) => run(sql.withoutTransforms())).pipe(Effect.orDie),
      )
    const cases = () => `/v1/cases?mechanismId=${mechanismId}`
    const status = async (token: string) => (await gateway.request("GET", cases(), { token })).status
    const problemRule = async (token: string) =>
      ((await (await gateway.request("GET", cases(), { token })).json()) as { rule?: string }).rule

    it("a token revoked by another writer's UPDATE is refused at the next request", async () => {
      const token = await gateway.tokenFor(principal("coordinator", mechanismId))
      expect(await status(token)).toBe(200)
      expect(await status(token)).toBe(200)
      const tokenHash = await hash(token)
      await statement(
        (sql) => sql`UPDATE gateway_api_tokens SET revoked_at = expires_at WHERE token_hash = ${tokenHash}`,
      )
      expect(await status(token)).toBe(401)
    })

    it("a person deactivated by another writer's UPDATE is refused at the next request", async () => {
      const who = principal("caseManager", mechanismId)
      const token = await gateway.tokenFor(who)
      expect(await status(token)).toBe(200)
      await statement((sql) => sql`UPDATE identity_people SET active = 0 WHERE id = ${who.id}`)
      expect(await problemRule(token)).toBe("gateway.principal.deactivated")
      await statement((sql) => sql`UPDATE identity_people SET active = 1 WHERE id = ${who.id}`)
      expect(await status(token)).toBe(200)
    })

    it("the token is answered from memory while the version holds, and read again once it changes", async () => {
      const token = await gateway.tokenFor(principal("policeOfficer", mechanismId))
      expect(await status(token)).toBe(200)
      const tokenHash = await hash(token)
      // Without its triggers the version does not move: the revoked row is not read again.
      const triggers =
        db.name === "postgres"
          ? ["gateway_api_tokens_access_version"]
          : ["update", "delete"].map((event) => `gateway_api_tokens_access_version_${event}`)
      for (const trigger of triggers)
        await statement((sql) =>
          sql.unsafe(
            db.name === "postgres" ? `DROP TRIGGER ${trigger} ON gateway_api_tokens` : `DROP TRIGGER ${trigger}`,
          ),
        )
      await statement(
        (sql) => sql`UPDATE gateway_api_tokens SET revoked_at = expires_at WHERE token_hash = ${tokenHash}`,
      )
      expect(await status(token)).toBe(200)
      // The version moved (as the triggers move it): the token is read again, revoked.
      await statement(
        (sql) =>
          sql`UPDATE gateway_access_version SET value = ${Id.ulidAt(Date.now(), new Uint8Array(10).fill(7))} WHERE id = 1`,
      )
      expect(await status(token)).toBe(401)
    })
  })
}
