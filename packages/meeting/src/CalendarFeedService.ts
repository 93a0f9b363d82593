/**
 * Calendar subscriptions as a service (`CalendarFeeds`' create, list, revoke
 * and the feed itself), built over the feed store, the feed principals, the
 * meetings and the mechanism roster: a caller (a route) holds the service,
 * never the store or the repository (`layerSql` provides both inside); the
 * principal stays the caller's.
 */
import type { Errors, Principal } from "@bashke/kernel"
import { Id } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import type { Vault } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import * as CalendarFeeds from "./CalendarFeeds"
import { MechanismRoster } from "./MechanismRoster"
import { MeetingRepository } from "./MeetingRepository"
import * as SqlCalendarFeedStore from "./SqlCalendarFeedStore"
import * as SqlMeetingRepository from "./SqlMeetingRepository"

export interface Service {
  /** The current principal makes a feed; the answer holds its secret, shown this once (`CalendarFeeds.create`). */
  readonly create: (
    input: CalendarFeeds.CreateFeed,
  ) => Effect.Effect<CalendarFeeds.IssuedFeed, Errors.InvalidInput | Errors.Forbidden, Principal.CurrentPrincipal>
  /** The current principal's feeds, without their secrets. */
  readonly mine: Effect.Effect<ReadonlyArray<CalendarFeeds.CalendarFeed>, never, Principal.CurrentPrincipal>
  /** The current principal revokes one of their feeds (`CalendarFeeds.revoke`). */
  readonly revoke: (
    feedId: CalendarFeeds.CalendarFeedId,
  ) => Effect.Effect<CalendarFeeds.CalendarFeed, Errors.NotFound, Principal.CurrentPrincipal>
  /** The feed a secret opens, as iCalendar text (`CalendarFeeds.read`). */
  readonly read: (secret: string) => Effect.Effect<string, Errors.NotFound>
}

export class CalendarFeedService extends Context.Tag("@bashke/meeting/CalendarFeedService")<
  CalendarFeedService,
  Service
>() {}

/** The service over the feed store and the ports the feed is read through. */
export const layer: Layer.Layer<
  CalendarFeedService,
  never,
  CalendarFeeds.CalendarFeedStore | CalendarFeeds.FeedPrincipals | MeetingRepository | MechanismRoster | Id.IdGenerator
> = Layer.effect(
  CalendarFeedService,
  Effect.map(
    UseCase.services(
      CalendarFeeds.CalendarFeedStore,
      CalendarFeeds.FeedPrincipals,
      MeetingRepository,
      MechanismRoster,
      Id.IdGenerator,
    ),
    (context) => {
      const own = UseCase.provide(context)
      return {
        create: own(CalendarFeeds.create),
        mine: Effect.provide(CalendarFeeds.mine, context),
        revoke: own(CalendarFeeds.revoke),
        read: own(CalendarFeeds.read),
      }
    },
  ),
)

/**
 * The service over the SQL feed store and meetings; the feed principals, the
 * roster, ids, the SQL client and the vault come from the application.
 */
export const layerSql: Layer.Layer<
  CalendarFeedService,
  never,
  CalendarFeeds.FeedPrincipals | MechanismRoster | Id.IdGenerator | SqlClient.SqlClient | Vault.Vault
> = layer.pipe(Layer.provide(Layer.merge(SqlCalendarFeedStore.layer, SqlMeetingRepository.layer)))
