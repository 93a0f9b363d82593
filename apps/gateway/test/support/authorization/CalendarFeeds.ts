// Calendar subscriptions: whoever belongs to a mechanism makes feeds of their
// meetings (a worker whose token names another mechanism too: its feed shows
// that mechanism's); national roles, an administrator and an auditor belong to
// none. Everyone lists their own feeds; only a feed's owner revokes it (another
// is told it does not exist). The feed itself is public (its secret is the
// credential) and so not in this matrix: routes/CalendarFeeds.test.ts.
import { get, members, ok, type Scenario, setUp, statuses } from "./Matrix"

export const calendarFeedScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "createCalendarFeed",
    label: "make a calendar feed: anyone who belongs to a mechanism",
    request: async () => ({ method: "POST", path: "/v1/calendar-feeds", body: { locale: "en" } }),
    expect: statuses(403, { ...members(ok("createCalendarFeed")), stranger: ok("createCalendarFeed") }),
  },
  {
    operationId: "listCalendarFeeds",
    label: "one's own calendar feeds: everyone",
    request: get(() => "/v1/calendar-feeds"),
    expect: statuses(200),
  },
  {
    operationId: "revokeCalendarFeed",
    label: "revoke a calendar feed: its owner only (here the coordinator's)",
    request: async (world) => {
      const issued = await setUp<{ feed: { id: string } }>(world, "coordinator", "POST", "/v1/calendar-feeds", {
        body: {},
      })
      return { method: "POST", path: `/v1/calendar-feeds/${issued.body.feed.id}/revocation` }
    },
    expect: statuses(404, { coordinator: ok("revokeCalendarFeed") }),
  },
]
