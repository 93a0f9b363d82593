/**
 * The pipeline's second step: each principal's requests are taken from a
 * token bucket (`RateLimit.Settings`, counted in the `RequestThrottle`); an
 * empty bucket is a 429 with the seconds to wait.
 */
import { Effect } from "effect"
import type * as RateLimit from "../RateLimit"
import { RequestThrottle } from "../RequestThrottle"
import { byGateway, type Refused } from "./Refused"

/** The throttle's scope for requests, per principal. */
export const scope = "gateway.rate.principal"

/** Takes one request from the principal's bucket, or refuses it. */
export const take =
  (settings: RateLimit.Settings) =>
  (principalId: string): Effect.Effect<void, Refused, RequestThrottle> =>
    Effect.flatMap(RequestThrottle, (throttle) => throttle.take(scope, principalId, settings)).pipe(
      Effect.flatMap((taken) =>
        taken.allowed
          ? Effect.void
          : byGateway(
              { type: "rate-limited", status: 429, rule: "gateway.rate.exceeded" },
              { "retry-after": String(taken.retryAfter) },
            ),
      ),
    )
