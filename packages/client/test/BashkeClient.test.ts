// The client's behaviour on the wire, against a recorded fake gateway: the
// headers every call carries, the ETag it hands back, and refusals thrown as
// BashkeProblem.
import { describe, expect, it } from "@effect/vitest"
import { BashkeClient, BashkeProblem, type RequestBody } from "../src/index"
import { fakeGateway, problem } from "./support/FakeGateway"

const baseUrl = "https://bashke.test"
const mechanismId = "01JM0000000000000000000001"
const caseId = "01JC0000000000000000000001"
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const newCase: RequestBody<"openCase"> = {
  mechanismId,
  municipality: "GJI",
  persons: [{ role: "victim", sex: "female", birthYear: 1990 }],
}

describe("BashkeClient", () => {
  it("sends the bearer token, the language and a fresh idempotency key on every POST", async () => {
    const gateway = fakeGateway()
    const bashke = BashkeClient.make({ baseUrl, fetch: gateway.fetch, token: "bsk_test", locale: "sq" })
    await bashke.POST("/v1/cases", { body: newCase })
    await bashke.POST("/v1/cases", { body: newCase })
    const [first, second] = gateway.requests
    expect(first?.method).toBe("POST")
    expect(first?.url).toBe(`${baseUrl}/v1/cases`)
    expect(first?.headers.get("authorization")).toBe("Bearer bsk_test")
    expect(first?.headers.get("accept-language")).toBe("sq")
    expect(first?.headers.get("content-type")).toBe("application/json")
    expect(first?.headers.get("idempotency-key")).toMatch(uuid)
    expect(second?.headers.get("idempotency-key")).toMatch(uuid)
    expect(second?.headers.get("idempotency-key")).not.toBe(first?.headers.get("idempotency-key"))
    expect(JSON.parse(first?.body ?? "")).toEqual(newCase)
  })

  it("keeps the idempotency key the caller gives, so a retry is answered from the first outcome", async () => {
    const gateway = fakeGateway()
    const bashke = BashkeClient.make({ baseUrl, fetch: gateway.fetch, token: "bsk_test" })
    const retry = () =>
      bashke.POST("/v1/cases", { params: { header: { "Idempotency-Key": "retry-me-1" } }, body: newCase })
    await retry()
    await retry()
    expect(gateway.requests.map((request) => request.headers.get("idempotency-key"))).toEqual([
      "retry-me-1",
      "retry-me-1",
    ])
  })

  it("sends no idempotency key, body or content type on a GET, and leaves out what was not configured", async () => {
    const gateway = fakeGateway()
    const bashke = BashkeClient.make({ baseUrl, fetch: gateway.fetch })
    await bashke.GET("/v1/cases", { params: { query: { mechanismId, limit: 10 } } })
    const [request] = gateway.requests
    expect(request?.method).toBe("GET")
    expect(request?.url).toBe(`${baseUrl}/v1/cases?mechanismId=${mechanismId}&limit=10`)
    expect(request?.headers.has("idempotency-key")).toBe(false)
    expect(request?.headers.has("authorization")).toBe(false)
    expect(request?.headers.has("accept-language")).toBe(false)
    expect(request?.headers.has("content-type")).toBe(false)
  })

  it("asks a token function before every call, and a header the call sets wins", async () => {
    const gateway = fakeGateway()
    let issued = 0
    const bashke = BashkeClient.make({
      baseUrl,
      fetch: gateway.fetch,
      token: async () => `bsk_${++issued}`,
      locale: "en",
    })
    await bashke.GET("/v1/cases/{caseId}", { params: { path: { caseId } } })
    await bashke.GET("/v1/cases/{caseId}", {
      params: { path: { caseId } },
      headers: { authorization: "Bearer other", "accept-language": "sr-Cyrl" },
    })
    expect(gateway.requests.map((request) => request.headers.get("authorization"))).toEqual([
      "Bearer bsk_1",
      "Bearer other",
    ])
    expect(gateway.requests.map((request) => request.headers.get("accept-language"))).toEqual(["en", "sr-Cyrl"])
  })

  it("uses the configured idempotency key maker", async () => {
    const gateway = fakeGateway()
    let n = 0
    const bashke = BashkeClient.make({ baseUrl, fetch: gateway.fetch, idempotencyKey: () => `key-${++n}` })
    await bashke.POST("/v1/cases", { body: newCase })
    expect(gateway.requests[0]?.headers.get("idempotency-key")).toBe("key-1")
  })

  it("passes the If-Match the caller gives and hands back the answer's ETag and data", async () => {
    const gateway = fakeGateway()
    const bashke = BashkeClient.make({ baseUrl, fetch: gateway.fetch, token: "bsk_test" })
    gateway.answer(Response.json({ id: caseId, version: 3 }, { status: 200, headers: { etag: '"4"' } }))
    const answer = await bashke.POST("/v1/cases/{caseId}/transitions", {
      params: { path: { caseId }, header: { "If-Match": '"3"' } },
      body: { command: "assess" },
    })
    expect(gateway.requests[0]?.url).toBe(`${baseUrl}/v1/cases/${caseId}/transitions`)
    expect(gateway.requests[0]?.headers.get("if-match")).toBe('"3"')
    expect(answer.etag).toBe('"4"')
    expect(answer.data).toEqual({ id: caseId, version: 3 })
    expect(answer.response.status).toBe(200)
  })

  it("answers etag undefined when the answer is not versioned", async () => {
    const gateway = fakeGateway()
    const bashke = BashkeClient.make({ baseUrl, fetch: gateway.fetch })
    const answer = await bashke.GET("/v1/cases/{caseId}/summary", { params: { path: { caseId } } })
    expect(answer.etag).toBeUndefined()
  })

  it("throws a problem response as a BashkeProblem with its type, title, status, rule and field", async () => {
    const gateway = fakeGateway()
    const bashke = BashkeClient.make({ baseUrl, fetch: gateway.fetch, token: "bsk_test" })
    gateway.answer(
      problem({
        type: "https://bashke.org/problems/invalid-input",
        title: "Invalid input",
        status: 422,
        detail: "The birth year must be a past year.",
        rule: "case.person.birth-year.future",
        field: "persons.0.birthYear",
        location: "body",
        requestId: "req-1",
      }),
    )
    const error = await bashke.POST("/v1/cases", { body: newCase }).catch((e: unknown) => e)
    expect(BashkeProblem.is(error)).toBe(true)
    const refused = error as BashkeProblem
    expect(refused).toBeInstanceOf(Error)
    expect(refused).toMatchObject({
      _tag: "BashkeProblem",
      name: "BashkeProblem",
      type: "https://bashke.org/problems/invalid-input",
      kind: "invalid-input",
      title: "Invalid input",
      status: 422,
      detail: "The birth year must be a past year.",
      rule: "case.person.birth-year.future",
      field: "persons.0.birthYear",
      location: "body",
      requestId: "req-1",
      message: "Invalid input (case.person.birth-year.future)",
    })
  })

  it("throws an answer that is not a problem document as an about:blank problem with its status", async () => {
    const gateway = fakeGateway()
    const bashke = BashkeClient.make({ baseUrl, fetch: gateway.fetch })
    gateway.answer(
      new Response("<h1>Bad gateway</h1>", {
        status: 502,
        statusText: "Bad Gateway",
        headers: { "content-type": "text/html", "request-id": "req-2" },
      }),
    )
    const error = await bashke.GET("/v1/cases/{caseId}", { params: { path: { caseId } } }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      type: "about:blank",
      kind: "about:blank",
      title: "Bad Gateway",
      status: 502,
      requestId: "req-2",
      rule: undefined,
      field: undefined,
    })
  })

  it("lets a network failure through as it is", async () => {
    const bashke = BashkeClient.make({
      baseUrl,
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    })
    await expect(bashke.GET("/v1/cases/{caseId}", { params: { path: { caseId } } })).rejects.toThrow(TypeError)
  })

  it("offers the openapi-fetch client underneath, with the same headers and no throwing", async () => {
    const gateway = fakeGateway()
    const bashke = BashkeClient.make({ baseUrl, fetch: gateway.fetch, token: "bsk_test" })
    gateway.answer(problem({ type: "https://bashke.org/problems/not-found", title: "Not found", status: 404 }))
    const { data, error, response } = await bashke.raw.GET("/v1/cases/{caseId}", { params: { path: { caseId } } })
    expect(data).toBeUndefined()
    expect(error).toEqual({ type: "https://bashke.org/problems/not-found", title: "Not found", status: 404 })
    expect(response.status).toBe(404)
    expect(gateway.requests[0]?.headers.get("authorization")).toBe("Bearer bsk_test")
  })
})
