/**
 * Calendar subscriptions: each person a revocable, secret feed URL that
 * calendar applications (Thunderbird, Outlook, phone calendars) subscribe to
 * without sending any header. The URL carries a random secret (32 bytes,
 * base64url); only its SHA-256 is stored, so the table alone opens no feed.
 * The feed is the iCalendar of the meetings of every mechanism its owner is a
 * member of, as `ICalendar.feed` writes it: kinds, times, places, never a
 * name, a reason or a case.
 *
 * A feed belongs to a principal id. Who that principal is now (their
 * institution and mechanisms, or that they are gone) is asked of the
 * `FeedPrincipals` port each time the feed is read, so a person who left a
 * mechanism, or who is no more, stops seeing its meetings without the feed
 * being touched. The application answers the port from its people (or, until
 * it has them, from its API tokens): binding a feed to a person is that port.
 *
 * A revoked or unknown secret answers `NotFound` (the gateway's 404), the
 * same for both, and never naming the secret.
 */
import { Errors, Id, Instant, JurisdictionProfile, Locale, Principal, Span } from "@bashke/kernel"
import { Context, Effect, Option, Schema } from "effect"
import * as ICalendar from "./ICalendar"
import { decodeInput } from "./internal/Input"
import * as MechanismRoster from "./MechanismRoster"
import * as MeetingPolicy from "./MeetingPolicy"
import { MeetingRepository } from "./MeetingRepository"

/**
 * The id of a calendar feed (not its secret).
 */
export const CalendarFeedId: Id.IdSchema<"CalendarFeedId"> = Id.make("CalendarFeedId")

export type CalendarFeedId = typeof CalendarFeedId.Type

/**
 * A feed as its owner lists it: never its secret.
 */
export const CalendarFeed = Schema.Struct({
  id: CalendarFeedId,
  principalId: Id.PrincipalId,
  locale: Locale.Locale,
  createdAt: Schema.Date,
  revokedAt: Schema.optional(Schema.Date),
}).annotations({ identifier: "CalendarFeed" })

export type CalendarFeed = typeof CalendarFeed.Type

/**
 * A new feed: the only time its secret, and so its URL, is seen.
 */
export const IssuedFeed = Schema.Struct({
  feed: CalendarFeed,
  secret: Schema.String,
}).annotations({ identifier: "IssuedCalendarFeed" })

export type IssuedFeed = typeof IssuedFeed.Type

/**
 * The command to make a feed: its language (calendar applications send no
 * `Accept-Language`); the jurisdiction's default when absent.
 */
export const CreateFeed = Schema.Struct({ locale: Schema.optional(Locale.Locale) })

export type CreateFeed = typeof CreateFeed.Encoded

/**
 * A secret's form: 43 base64url characters (32 random bytes).
 */
export const secretPattern = /^[A-Za-z0-9_-]{43}$/

/**
 * A fresh secret: 32 random bytes from the platform's CSPRNG, base64url.
 */
export const newSecret = (): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "")

/**
 * The stored form of a secret: its SHA-256, in hex.
 */
export const hashOf = (secret: string): Effect.Effect<string> =>
  Effect.map(
    Effect.promise(() => crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret))),
    (digest) => Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join(""),
  )

/**
 * The store of feeds. `findLive` answers a feed by its secret's hash unless
 * revoked; `revoke` marks the principal's own feed revoked and answers it,
 * `None` for a feed that is not theirs or unknown (a second revocation keeps
 * the first time). A database failure is a defect.
 */
export interface Store {
  readonly insert: (feed: CalendarFeed, secretHash: string) => Effect.Effect<void>
  readonly findLive: (secretHash: string) => Effect.Effect<Option.Option<CalendarFeed>>
  readonly byPrincipal: (principalId: Id.PrincipalId) => Effect.Effect<ReadonlyArray<CalendarFeed>>
  readonly revoke: (
    id: CalendarFeedId,
    principalId: Id.PrincipalId,
    at: Date,
  ) => Effect.Effect<Option.Option<CalendarFeed>>
}

export class CalendarFeedStore extends Context.Tag("@bashke/meeting/CalendarFeedStore")<CalendarFeedStore, Store>() {}

/**
 * Who a feed's principal is now, or `None` when they are no more (every
 * credential revoked, the person deactivated).
 */
export interface Principals {
  readonly resolve: (principalId: Id.PrincipalId) => Effect.Effect<Option.Option<Principal.Principal>>
}

export class FeedPrincipals extends Context.Tag("@bashke/meeting/FeedPrincipals")<FeedPrincipals, Principals>() {}

/**
 * What the feed use cases need.
 */
export type Requirements = CalendarFeedStore | Id.IdGenerator | Principal.CurrentPrincipal

/**
 * The current principal makes a feed of their meetings; the answer holds its
 * secret, shown this once. A plugin has no calendar
 * (`meeting.calendar-feed.person-required`), nor has a principal of no
 * mechanism (`meeting.calendar-feed.no-mechanism`).
 */
export const create = (
  input: CreateFeed,
): Effect.Effect<IssuedFeed, Errors.InvalidInput | Errors.Forbidden, Requirements> =>
  Effect.gen(function* () {
    const command = yield* decodeInput(CreateFeed)(input)
    const principal = yield* Principal.CurrentPrincipal
    if (principal.kind === "plugin")
      return yield* new Errors.Forbidden({
        action: "meeting.calendar-feed.create",
        rule: "meeting.calendar-feed.person-required",
      })
    if (principal.mechanisms.length === 0)
      return yield* new Errors.Forbidden({
        action: "meeting.calendar-feed.create",
        rule: "meeting.calendar-feed.no-mechanism",
      })
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const secret = newSecret()
    const feed: CalendarFeed = {
      id: yield* CalendarFeedId.generate,
      principalId: principal.id,
      locale: command.locale ?? profile.languages.defaultLocale,
      createdAt: yield* Instant.now,
    }
    yield* Effect.flatMap(CalendarFeedStore, (store) =>
      Effect.flatMap(hashOf(secret), (hash) => store.insert(feed, hash)),
    )
    return { feed, secret }
  }).pipe(Span.untraced("CalendarFeeds.create"))

/**
 * The current principal's feeds, newest last, without their secrets.
 */
export const mine: Effect.Effect<
  ReadonlyArray<CalendarFeed>,
  never,
  CalendarFeedStore | Principal.CurrentPrincipal
> = Effect.flatMap(Principal.CurrentPrincipal, (principal) =>
  Effect.flatMap(CalendarFeedStore, (store) => store.byPrincipal(principal.id)),
)

/**
 * The current principal revokes one of their feeds; from then on its URL
 * answers `NotFound`. Another's feed, or an unknown one, is `NotFound` too.
 */
export const revoke = (
  feedId: CalendarFeedId,
): Effect.Effect<CalendarFeed, Errors.NotFound, CalendarFeedStore | Principal.CurrentPrincipal> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const revoked = yield* Effect.flatMap(CalendarFeedStore, (store) => store.revoke(feedId, principal.id, at))
    return yield* Option.match(revoked, {
      onNone: () => Effect.fail(new Errors.NotFound({ entity: "CalendarFeed", id: feedId })),
      onSome: Effect.succeed,
    })
  }).pipe(Span.untraced("CalendarFeeds.revoke"))

const unknownFeed = new Errors.NotFound({ entity: "CalendarFeed", id: "-" })

/**
 * The feed a secret opens: the meetings of every mechanism its principal is a
 * member of today, in the feed's language. `NotFound` (never naming the
 * secret) for a malformed, unknown or revoked secret, and for a principal who
 * is no more.
 */
export const read = (
  secret: string,
): Effect.Effect<
  string,
  Errors.NotFound,
  CalendarFeedStore | FeedPrincipals | MeetingRepository | MechanismRoster.MechanismRoster
> =>
  Effect.gen(function* () {
    if (!secretPattern.test(secret)) return yield* Effect.fail(unknownFeed)
    const store = yield* CalendarFeedStore
    const feed = yield* Effect.flatMap(hashOf(secret), store.findLive)
    if (Option.isNone(feed)) return yield* Effect.fail(unknownFeed)
    const principal = yield* Effect.flatMap(FeedPrincipals, (principals) => principals.resolve(feed.value.principalId))
    if (Option.isNone(principal)) return yield* Effect.fail(unknownFeed)
    const now = yield* Instant.now
    const meetings = yield* MeetingRepository
    const events = yield* Effect.forEach(principal.value.mechanisms, (mechanismId) =>
      MechanismRoster.rosterAt(mechanismId, now).pipe(
        Effect.flatMap((roster) =>
          MeetingPolicy.isMember(roster, principal.value) ? meetings.list(mechanismId) : Effect.succeed([]),
        ),
        // A mechanism the principal's scope names but that is gone shows nothing.
        Effect.catchTag("NotFound", () => Effect.succeed([])),
      ),
    )
    return ICalendar.feed(events.flat(), feed.value.locale)
  }).pipe(Span.untraced("CalendarFeeds.read"))
