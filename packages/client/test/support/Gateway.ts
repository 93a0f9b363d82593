// The gateway's own test harness and demo, reused rather than copied: a real
// gateway (Hono app over a fresh SQLite file or PostgreSQL schema, seeded with
// the demo) that the client reaches through `fetch` without a socket. Test
// code only; the published client never imports the gateway.
export { seed } from "../../../../apps/gateway/src/demo/Seed"
export { principal } from "../../../../apps/gateway/src/demo/World"
export { databases, type Gateway, makeGateway } from "../../../../apps/gateway/test/support/Gateway"

/** Where the client believes the gateway is; the host never resolves, `fetch` goes straight to the app. */
export const baseUrl = "http://gateway.test"

/** The app's `fetch`, in the shape openapi-fetch calls it. */
export const fetchOf =
  (app: { fetch: (request: Request) => Response | Promise<Response> }) =>
  (request: Request): Promise<Response> =>
    Promise.resolve(app.fetch(request))
