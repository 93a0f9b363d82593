// Keep in step with the example in README.md (only the import path differs, and
// `fetch` lets the test pass the gateway in-process instead of over a socket).
import { BashkeClient, BashkeProblem, type RequestBody } from "../src/index"

export const main = async (options: {
  readonly baseUrl: string
  readonly token: string
  readonly mechanismId: string
  readonly fetch?: (request: Request) => Promise<Response>
}) => {
  const bashke = BashkeClient.make({
    baseUrl: options.baseUrl,
    token: options.token,
    locale: "en",
    fetch: options.fetch,
  })

  // Open a case. The client adds a fresh Idempotency-Key to every POST.
  const { data: opened, etag } = await bashke.POST("/v1/cases", {
    body: {
      mechanismId: options.mechanismId,
      municipality: "GJI",
      persons: [{ role: "victim", sex: "female", birthYear: 1990 }],
    },
  })

  // Change it on the version just read: its ETag goes back as If-Match.
  const incident: RequestBody<"recordIncident"> = {
    occurredOn: "2026-01-10",
    municipality: "GJI",
    forms: ["psychological"],
    children: "none",
    source: "self-referral",
  }
  const { data: recorded, etag: next } = await bashke.POST("/v1/cases/{caseId}/incidents", {
    params: { path: { caseId: opened.id }, header: { "If-Match": etag ?? "" } },
    body: incident,
  })

  // The same change on the old version is refused, as a typed problem.
  const refused = await bashke
    .POST("/v1/cases/{caseId}/incidents", {
      params: { path: { caseId: opened.id }, header: { "If-Match": etag ?? "" } },
      body: incident,
    })
    .then(
      () => undefined,
      (error: unknown) => {
        if (!BashkeProblem.is(error)) throw error
        return { kind: error.kind, status: error.status, rule: error.rule, title: error.title }
      },
    )

  return { reference: opened.reference, forms: recorded.forms, etags: [etag, next], refused }
}
