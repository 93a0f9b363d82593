// The README's example, import pointed at the sources; `Readme.test.ts` runs it
// against the real gateway (in-process: the test routes `fetch` to it).
import { BashkeClient, BashkeProblem, type RequestBody } from "../src/index"

export const main = async (options: {
  readonly baseUrl: string
  readonly token: string
  readonly mechanismId: string
}) => {
  const bashke = BashkeClient.make({
    baseUrl: options.baseUrl,
    token: options.token,
    locale: "en",
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

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    await main({
      baseUrl: "http://127.0.0.1:8787",
      token: process.env.BASHKE_TOKEN ?? "",
      mechanismId: process.env.BASHKE_MECHANISM ?? "",
    }),
  )
  // e.g. { reference: 'GJI-2026-0004', forms: [ 'psychological' ], etags: [ '"1"', '"2"' ],
  //   refused: { kind: 'stale-version', status: 412, rule: 'version.stale', title: '…' } }
}
