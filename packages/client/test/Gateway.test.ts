// The client against the real gateway, on SQLite and PostgreSQL: every header
// the API requires is supplied or passed through, ETags come back for If-Match,
// and each kind of refusal arrives as a typed BashkeProblem.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { BashkeClient, BashkeProblem, type RequestBody } from "../src/index"
import { baseUrl, databases, fetchOf, type Gateway, makeGateway, principal, seed } from "./support/Gateway"

type OpenCase = RequestBody<"openCase">
type MechanismId = Parameters<typeof principal>[1]

const problemOf = (promise: Promise<unknown>): Promise<BashkeProblem> =>
  promise.then(
    () => {
      throw new Error("expected a refusal")
    },
    (error: unknown) => {
      if (BashkeProblem.is(error)) return error
      throw error
    },
  )

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: the client against the gateway`, () => {
    let gateway: Gateway
    let mechanismId: MechanismId
    let police: BashkeClient.Client
    let token: string

    const newCase = (): OpenCase => ({
      mechanismId,
      municipality: "GJI",
      persons: [{ role: "victim", sex: "female", birthYear: 1988 }],
    })

    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      token = await gateway.tokenFor(principal("policeOfficer", mechanismId))
      police = BashkeClient.make({ baseUrl, token, locale: "en", fetch: fetchOf(gateway.app) })
    })
    afterAll(() => gateway.close())

    it("opens a case, reads it with the same ETag, and changes it with If-Match", async () => {
      const opened = await police.POST("/v1/cases", { body: newCase() })
      expect(opened.response.status).toBe(201)
      expect(opened.data.mechanismId).toBe(mechanismId)
      expect(opened.etag).toBe(`"${opened.data.version}"`)

      const read = await police.GET("/v1/cases/{caseId}", { params: { path: { caseId: opened.data.id } } })
      expect(read.data.reference).toBe(opened.data.reference)
      expect(read.etag).toBe(opened.etag)

      const changed = await police.POST("/v1/cases/{caseId}/incidents", {
        params: { path: { caseId: opened.data.id }, header: { "If-Match": read.etag ?? "" } },
        body: {
          occurredOn: "2026-02-01",
          municipality: "GJI",
          forms: ["physical"],
          children: "none",
          source: "police-report",
        },
      })
      expect(changed.data.forms).toEqual(["physical"])
      expect(changed.etag).toBe(`"${opened.data.version + 1}"`)
    })

    it("retries a POST with the caller's key: one case, the same answer, marked as replayed", async () => {
      const key = `retry-${db.name}-1`
      const first = await police.POST("/v1/cases", { params: { header: { "Idempotency-Key": key } }, body: newCase() })
      const again = await police.POST("/v1/cases", { params: { header: { "Idempotency-Key": key } }, body: newCase() })
      expect(again.data.id).toBe(first.data.id)
      expect(again.response.headers.get("idempotent-replayed")).toBe("true")
      const fresh = await police.POST("/v1/cases", { body: newCase() })
      expect(fresh.data.id).not.toBe(first.data.id)
    })

    it("throws a stale If-Match as a stale-version problem, and a missing one as precondition-required", async () => {
      const opened = await police.POST("/v1/cases", { body: newCase() })
      const incident: RequestBody<"recordIncident"> = {
        occurredOn: "2026-02-01",
        municipality: "GJI",
        forms: ["economic"],
        children: "not-known",
        source: "police-report",
      }
      const path = { caseId: opened.data.id }
      await police.POST("/v1/cases/{caseId}/incidents", {
        params: { path, header: { "If-Match": opened.etag ?? "" } },
        body: incident,
      })
      const stale = await problemOf(
        police.POST("/v1/cases/{caseId}/incidents", {
          params: { path, header: { "If-Match": opened.etag ?? "" } },
          body: incident,
        }),
      )
      expect(stale).toMatchObject({ kind: "stale-version", status: 412, rule: "version.stale" })

      const missing = await problemOf(
        police.POST("/v1/cases/{caseId}/incidents", { params: { path } as never, body: incident }),
      )
      expect(missing).toMatchObject({
        kind: "precondition-required",
        status: 428,
        field: "If-Match",
        location: "header",
      })
    })

    it("throws invalid input with the field and the rule, titled in the language asked for", async () => {
      const body = { ...newCase(), persons: [{ role: "victim", sex: "female", birthYear: 3000 }] } as OpenCase
      const english = await problemOf(police.POST("/v1/cases", { body }))
      expect(english).toMatchObject({ kind: "invalid-input", status: 422, location: "body" })
      expect(english.field).toContain("birthYear")
      expect(english.rule).toEqual(expect.any(String))
      expect(english.requestId).toEqual(expect.any(String))

      const albanian = BashkeClient.make({ baseUrl, token, locale: "sq", fetch: fetchOf(gateway.app) })
      const inAlbanian = await problemOf(albanian.POST("/v1/cases", { body }))
      expect(inAlbanian.rule).toBe(english.rule)
      expect(inAlbanian.title).not.toBe(english.title)
    })

    it("throws a missing token as unauthenticated, and a role without the right as forbidden", async () => {
      const anonymous = BashkeClient.make({ baseUrl, fetch: fetchOf(gateway.app) })
      expect(await problemOf(anonymous.POST("/v1/cases", { body: newCase() }))).toMatchObject({
        kind: "unauthenticated",
        status: 401,
        rule: "gateway.token.missing",
      })
      const teacher = BashkeClient.make({
        baseUrl,
        token: await gateway.tokenFor(principal("teacher", mechanismId)),
        fetch: fetchOf(gateway.app),
      })
      const opened = await police.POST("/v1/cases", { body: newCase() })
      expect(
        await problemOf(teacher.GET("/v1/cases/{caseId}", { params: { path: { caseId: opened.data.id } } })),
      ).toMatchObject({ kind: "forbidden", status: 403 })
    })
  })
}
