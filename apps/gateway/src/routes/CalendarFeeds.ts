/**
 * Calendar subscriptions. Calendar applications (Thunderbird, Outlook, phone
 * calendars) subscribe to a URL and send no header, so each person makes a
 * feed whose URL carries a secret: `POST /v1/calendar-feeds` answers it once
 * (only its hash is kept), `GET /v1/calendar-feeds` lists one's feeds without
 * secrets, `POST /v1/calendar-feeds/:feedId/revocation` revokes one. The feed
 * itself, `GET /v1/calendar-feeds/:secret/meetings.ics`, is public: the
 * secret is the credential; a revoked or unknown one answers 404, never
 * echoing it. The request log names the route's pattern, never the URL.
 *
 * The feed lists the meetings of every mechanism the feed's owner is a member
 * of today, as the meeting package writes it: no name, no reason, no case.
 */
import { CalendarFeedService, CalendarFeeds } from "@bashke/meeting"
import { Effect, Schema } from "effect"
import * as Route from "../Route"

const tag = "meetings"

const feeds = CalendarFeedService.CalendarFeedService

/** The feed's address, relative to the API's origin. */
const feedPath = (secret: string) => `/v1/calendar-feeds/${secret}/meetings.ics`

const Issued = Schema.Struct({
  feed: CalendarFeeds.CalendarFeed,
  url: Schema.String.annotations({ description: "The feed's path on this API: give it to the calendar application" }),
}).annotations({ identifier: "IssuedCalendarFeed" })

const create = Route.make({
  method: "post",
  path: "/v1/calendar-feeds",
  operationId: "createCalendarFeed",
  tag,
  summary: "Make a secret calendar feed URL of one's meetings (shown once; members of a mechanism)",
  bodySchema: CalendarFeeds.CreateFeed,
  success: { status: 201, schema: Issued },
  handle: ({ body }) =>
    Effect.flatMap(feeds, (service) =>
      Effect.map(service.create(body), (issued) => ({ feed: issued.feed, url: feedPath(issued.secret) })),
    ),
})

const list = Route.make({
  method: "get",
  path: "/v1/calendar-feeds",
  operationId: "listCalendarFeeds",
  tag,
  summary: "One's calendar feeds, revoked ones too (never their secrets)",
  success: { status: 200, schema: Schema.Array(CalendarFeeds.CalendarFeed) },
  handle: () => Effect.flatMap(feeds, (service) => service.mine),
})

const revoke = Route.make({
  method: "post",
  path: "/v1/calendar-feeds/:feedId/revocation",
  operationId: "revokeCalendarFeed",
  tag,
  summary: "Revoke one of one's calendar feeds: its URL answers 404 from now on",
  pathSchema: Schema.Struct({ feedId: CalendarFeeds.CalendarFeedId }),
  success: { status: 200, schema: CalendarFeeds.CalendarFeed },
  handle: ({ path }) => Effect.flatMap(feeds, (service) => service.revoke(path.feedId)),
})

const feed = Route.make({
  method: "get",
  path: "/v1/calendar-feeds/:secret/meetings.ics",
  operationId: "getCalendarFeed",
  tag,
  summary: "The meetings as an iCalendar feed (RFC 5545), opened by the secret in the URL; no header needed",
  public: true,
  // Any string: a malformed secret is as unknown as a wrong one (404), and is never echoed.
  pathSchema: Schema.Struct({ secret: Schema.String }),
  success: { status: 200, schema: Schema.String, contentType: "text/calendar; charset=utf-8" },
  handle: ({ path }) => Effect.flatMap(feeds, (service) => service.read(path.secret)),
})

/** The calendar subscription routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [create, list, revoke, feed]
