// API tokens through HTTP, on SQLite and PostgreSQL: an administrator issues
// one (its secret answered once, never listed), the token works until it is
// revoked and is refused from the next request; bad input is a problem naming
// the field and makes no token; anyone else is refused.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import type { Seeded } from "../../src/demo/Seed"
import { seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import * as Walk from "../support/Walk"

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: API token routes`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const token = (name: PersonName) => tokens.get(name) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const name of ["coordinator", "policeOfficer", "administrator"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const police = () => principal("policeOfficer", seeded.mechanismId)
    const request = (overrides: Record<string, unknown> = {}) => ({
      label: "police-connector",
      roles: ["case-worker"],
      institution: police().institution,
      sector: "police",
      mechanisms: [seeded.mechanismId],
      lifetimeDays: 30,
      ...overrides,
    })
    const listed = async () => {
      const response = await gateway.request("GET", "/v1/api-tokens?limit=100", { token: token("administrator") })
      expect(response.status).toBe(200)
      return (await response.json()).items as Array<{ id: string; label: string; revokedAt: string | null }>
    }

    it("pages the tokens in SQL by id: walked a token or three at a time, the same as one page of all", async () => {
      for (let i = 0; i < 4; i++) {
        const issued = await gateway.request("POST", "/v1/api-tokens", {
          token: token("administrator"),
          body: request({ label: `connector-${i}` }),
        })
        expect(issued.status).toBe(201)
      }
      const all = (await Walk.page<{ id: string }>(gateway, "/v1/api-tokens?limit=200", token("administrator"))).items
      expect(all.length).toBeGreaterThanOrEqual(7)
      const ids = all.map((item) => item.id)
      expect(ids).toEqual([...ids].sort())
      for (const limit of [1, 3]) {
        const walked = await Walk.walk<{ id: string }>(gateway, "/v1/api-tokens", token("administrator"), limit)
        expect(walked.map((item) => item.id)).toEqual(ids)
      }
      const malformed = await gateway.request(
        "GET",
        `/v1/api-tokens?after=${Buffer.from("[1]").toString("base64url")}`,
        {
          token: token("administrator"),
        },
      )
      expect(malformed.status).toBe(422)
    })

    it("issues a token whose secret is answered once; it works until revoked, then is refused", async () => {
      const issued = await gateway.request("POST", "/v1/api-tokens", { token: token("administrator"), body: request() })
      expect(issued.status).toBe(201)
      const { id, token: secret } = await issued.json()
      expect(secret).toMatch(/^bsk_/)

      const me = await gateway.request("GET", "/v1/me", { token: secret })
      expect(me.status).toBe(200)
      expect((await me.json()).roles).toEqual(["case-worker"])

      const mine = (await listed()).find((each) => each.id === id)
      expect(mine).toMatchObject({ label: "police-connector", revokedAt: null })
      expect(JSON.stringify(await listed())).not.toContain(secret)

      const revoked = await gateway.request("POST", `/v1/api-tokens/${id}/revocation`, {
        token: token("administrator"),
      })
      expect(revoked.status).toBe(200)
      expect(await revoked.json()).toEqual({ revoked: true })
      expect((await gateway.request("GET", "/v1/me", { token: secret })).status).toBe(401)
      expect((await listed()).find((each) => each.id === id)?.revokedAt).not.toBeNull()

      // A revoked token is as unknown as any other: 404, nothing changed.
      const again = await gateway.request("POST", `/v1/api-tokens/${id}/revocation`, { token: token("administrator") })
      expect(again.status).toBe(404)
    })

    it("refuses bad input with a problem naming the field, in the reader's language, and makes no token", async () => {
      const before = (await listed()).length
      const label = await gateway.request("POST", "/v1/api-tokens", {
        token: token("administrator"),
        body: request({ label: "Teuta Morina" }),
        headers: { "accept-language": "sr-Latn" },
      })
      expect(label.status).toBe(422)
      const labelProblem = await label.json()
      expect(labelProblem.field).toBe("label")
      expect(labelProblem.detail).toBe("Naziv tokena: mala slova, cifre i crtice (ne ime osobe).")

      const lifetime = await gateway.request("POST", "/v1/api-tokens", {
        token: token("administrator"),
        body: request({ lifetimeDays: 3000 }),
        headers: { "accept-language": "en" },
      })
      expect(lifetime.status).toBe(422)
      const lifetimeProblem = await lifetime.json()
      expect([lifetimeProblem.field, lifetimeProblem.rule]).toEqual(["lifetimeDays", "gateway.api-token.lifetime"])
      expect(lifetimeProblem.detail).toBe("A token may not live that long on this installation.")

      const institution = await gateway.request("POST", "/v1/api-tokens", {
        token: token("administrator"),
        body: request({ institution: undefined, sector: undefined }),
      })
      expect(institution.status).toBe(422)
      expect((await institution.json()).field).toBe("institution")
      expect((await listed()).length).toBe(before)
    })

    it("refuses everyone but an administrator", async () => {
      for (const who of ["coordinator", "policeOfficer"] as const) {
        expect((await gateway.request("GET", "/v1/api-tokens", { token: token(who) })).status).toBe(403)
        expect((await gateway.request("POST", "/v1/api-tokens", { token: token(who), body: request() })).status).toBe(
          403,
        )
      }
    })
  })
}
