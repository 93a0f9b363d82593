/**
 * A signed-in session and when it ends: after the profile's idle timeout
 * without a request, or its absolute timeout after sign-in, whichever comes
 * first (`sessions` of the jurisdiction profile). Ended sessions stay ended.
 */
import { Id, type JurisdictionProfile, type Principal } from "@bashke/kernel"
import { Duration, Schema } from "effect"
import { PersonId } from "./Person"

export const SessionId = Id.make("SessionId")

export type SessionId = typeof SessionId.Type

/**
 * Why a session ended.
 */
export const EndReason = Schema.Literal(
  "signed-out",
  "idle",
  "expired",
  "rotated",
  "deactivated",
  "signed-out-elsewhere",
  "roles-changed",
)

export type EndReason = typeof EndReason.Type

/**
 * How far a session has come: `signed-in` acts with the person's roles;
 * `enrolment` (started from an invitation, before a second factor) acts with
 * none, so it can set up a passkey or an authenticator app and read nothing
 * else until the person signs in again with that factor.
 */
export const Stage = Schema.Literal("signed-in", "enrolment").annotations({ identifier: "SessionStage" })

export type Stage = typeof Stage.Type

/**
 * The principal a session at `stage` acts as: the person's own, or — while
 * enrolling — the same person with no role and no mechanism, whom the access
 * policy (deny by default) lets read nothing.
 */
export const actingPrincipal = (stage: Stage, principal: Principal.Principal): Principal.Principal =>
  stage === "signed-in" ? principal : { ...principal, roles: [], mechanisms: [] }

/**
 * A session as stored (never its secret).
 */
export const Session = Schema.Struct({
  id: SessionId,
  person: PersonId,
  startedAt: Schema.Date,
  lastSeenAt: Schema.Date,
  stage: Stage,
}).annotations({ identifier: "Session" })

export type Session = typeof Session.Type

/**
 * One sign-in as the person's history shows it: when it started, when it was
 * last used, and when and why it ended (null while it holds). A session
 * nobody used past a timeout shows the timeout as its end, at the instant it
 * took effect, even before a request marked it.
 */
export const SignInRecord = Schema.Struct({
  id: SessionId,
  startedAt: Schema.Date,
  lastSeenAt: Schema.Date,
  /** `enrolment`: started from an invitation, before a second factor. */
  stage: Stage,
  endedAt: Schema.NullOr(Schema.Date),
  endReason: Schema.NullOr(EndReason),
}).annotations({ identifier: "SignInRecord" })

export type SignInRecord = typeof SignInRecord.Type

/**
 * The two timeouts of a profile.
 */
export interface Timeouts {
  readonly idle: Duration.Duration
  readonly absolute: Duration.Duration
}

/**
 * The timeouts of `profile`.
 */
export const timeoutsOf = (profile: JurisdictionProfile.JurisdictionProfile): Timeouts => ({
  idle: Duration.millis(profile.sessions.idleTimeout.value * 3_600_000),
  absolute: Duration.millis(profile.sessions.absoluteTimeout.value * 3_600_000),
})

/**
 * Whether the session still holds at `now`, or why not.
 */
export const standing = (
  session: Pick<Session, "startedAt" | "lastSeenAt">,
  now: Date,
  timeouts: Timeouts,
): "live" | "idle" | "expired" => {
  if (now.getTime() >= session.startedAt.getTime() + Duration.toMillis(timeouts.absolute)) return "expired"
  if (now.getTime() >= session.lastSeenAt.getTime() + Duration.toMillis(timeouts.idle)) return "idle"
  return "live"
}

/**
 * How stale `lastSeenAt` may be before a request writes it again: a minute,
 * so a busy page costs one write a minute, and the idle timeout is kept to
 * within a minute.
 */
export const touchEvery: Duration.Duration = Duration.minutes(1)

/**
 * Whether a request at `now` should record itself as the session's last.
 */
export const needsTouch = (session: Pick<Session, "lastSeenAt">, now: Date): boolean =>
  now.getTime() - session.lastSeenAt.getTime() >= Duration.toMillis(touchEvery)

/**
 * The cookie's `Max-Age` at `now`: until the absolute timeout (the idle one is
 * enforced by the server, which alone sees each request).
 */
export const cookieMaxAge = (session: Pick<Session, "startedAt">, now: Date, timeouts: Timeouts): number =>
  Math.max(0, Math.floor((session.startedAt.getTime() + Duration.toMillis(timeouts.absolute) - now.getTime()) / 1000))

/**
 * When a session that still holds in the store stops holding by itself: the
 * first of its idle and absolute timeouts.
 */
export const lapse = (
  session: Pick<Session, "startedAt" | "lastSeenAt">,
  timeouts: Timeouts,
): { readonly at: Date; readonly reason: "idle" | "expired" } => {
  const idle = session.lastSeenAt.getTime() + Duration.toMillis(timeouts.idle)
  const absolute = session.startedAt.getTime() + Duration.toMillis(timeouts.absolute)
  return absolute <= idle ? { at: new Date(absolute), reason: "expired" } : { at: new Date(idle), reason: "idle" }
}
