/**
 * The security event log: a structured line for each event a security team
 * watches (failed authentication, a denied read, a break-glass read, an API
 * token created or revoked), apart from the request log on the `security`
 * channel. An event carries ids, codes and times only: never a name, a token,
 * a reason or any value from the request, so the log can be kept and shipped
 * like any operational log.
 */
import { Effect } from "effect"

/** What happened. */
export type Kind =
  | "authentication.failed"
  | "request.throttled"
  | "access.denied"
  | "break-glass.read"
  | "token.created"
  | "token.revoked"

/** One event: its kind and the ids and codes that place it. */
export interface SecurityEvent {
  readonly event: Kind
  readonly requestId?: string
  readonly principalId?: string
  readonly method?: string
  readonly route?: string
  readonly status?: number
  readonly problem?: string
  readonly tokenId?: string
}

/** The log annotation that tells security events from the rest. */
export const channel = "security"

/** The event as an Effect log line: message the kind, annotations `channel` and the event's fields. */
export const record = (event: SecurityEvent): Effect.Effect<void> =>
  Effect.logInfo(event.event).pipe(Effect.annotateLogs({ channel, ...event }))

/**
 * The event an answer raises, if any: 401 is a failed authentication; 429 a
 * throttled request (a sign-in's backoff after failed guesses, a principal over
 * its rate); 403 to a read (a GET, or a POST that changes nothing) a denied
 * read; a success the route's own event (a break-glass read).
 */
export const ofAnswer = (status: number, read: boolean, raised: Kind | undefined): Kind | undefined => {
  if (status === 401) return "authentication.failed"
  if (status === 429) return "request.throttled"
  if (status === 403 && read) return "access.denied"
  if (status >= 200 && status < 300) return raised
  return undefined
}
