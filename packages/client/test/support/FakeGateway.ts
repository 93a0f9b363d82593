// A stand-in for the gateway: records every request the client sends and
// answers with what the test queued, so headers and error handling can be
// checked without a server.
export interface Recorded {
  readonly method: string
  readonly url: string
  readonly headers: Headers
  readonly body: string
}

export interface FakeGateway {
  readonly fetch: (request: Request) => Promise<Response>
  readonly requests: Array<Recorded>
  /** Answer the next request with `response` (default: 200 `{}`). */
  readonly answer: (response: Response) => void
}

export const fakeGateway = (): FakeGateway => {
  const requests: Array<Recorded> = []
  const queue: Array<Response> = []
  return {
    requests,
    answer: (response) => queue.push(response),
    fetch: async (request) => {
      requests.push({
        method: request.method,
        url: request.url,
        headers: new Headers(request.headers),
        body: await request.text(),
      })
      return queue.shift() ?? Response.json({})
    },
  }
}

export const problem = (body: Record<string, unknown>, status = Number(body.status ?? 400)): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json" } })
