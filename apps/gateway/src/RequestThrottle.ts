/**
 * Where the request path counts: each principal's rate limit and each
 * address's failed authentications (the pipeline's first two steps). A tag of
 * its own beside `@bashke/persistence`'s `Throttle`, which the sign-in routes
 * use and which stays in the store: over a SQLite file the request path may
 * count in memory (one process) while sign-ins are still counted in the store,
 * and a request no longer reads and writes a throttle row (ADR 0036).
 */
import type { Throttle } from "@bashke/persistence"
import { Context } from "effect"

/** The request path's throttle: rate limits per principal, failed authentications per address. */
export class RequestThrottle extends Context.Tag("@bashke/gateway/RequestThrottle")<
  RequestThrottle,
  Throttle.Service
>() {}
