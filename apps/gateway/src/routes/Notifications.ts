/**
 * The caller's notifications, for the web app: the in-app list (newest first,
 * paged, with the number unread), marking one or all read, and how they want
 * to be told by email (at once, a daily digest, or not). For administrators:
 * what keeps failing — email channels the mail server refused and emails that
 * are dead or still retrying — and resetting a refused channel once its
 * address is fixed. Everything in the caller's own list only; ids, codes,
 * case references and times, never a personal detail or an address.
 */
import { Id, JurisdictionProfile, Locale, Pagination, Principal } from "@bashke/kernel"
import { Failures, Inbox, Notification, Preferences } from "@bashke/notifications"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"
import { localeOf } from "./Worklist"

const tag = "notifications"

const NotificationPage = Schema.extend(
  Pagination.Page(Notification.Notification),
  Schema.Struct({ unread: Schema.Int }),
).annotations({ identifier: "NotificationPage" })

const ListQuery = Keyset.query({
  unread: Schema.optional(Schema.Literal("true", "false")),
  locale: Schema.optional(Locale.Locale),
})

const me = Effect.map(Principal.CurrentPrincipal, (principal) => principal.id)

const list = Route.make({
  method: "get",
  path: "/v1/me/notifications",
  operationId: "listMyNotifications",
  tag,
  summary: "The caller's notifications, newest first, with how many are unread",
  querySchema: ListQuery,
  success: { status: 200, schema: NotificationPage },
  handle: ({ query }) =>
    Effect.gen(function* () {
      const recipient = yield* me
      const locale = yield* localeOf(query.locale)
      const profile = yield* JurisdictionProfile.CurrentJurisdiction
      const listed = yield* Inbox.list(recipient, {
        limit: query.limit,
        after: query.after,
        unread: query.unread === "true",
      })
      return {
        items: listed.page.items.map((stored) => Notification.view(stored, locale, profile)),
        next: listed.page.next,
        unread: listed.unread,
      }
    }),
})

const UnreadCount = Schema.Struct({ unread: Schema.Int }).annotations({ identifier: "UnreadCount" })

const unread = Route.make({
  method: "get",
  path: "/v1/me/notifications/unread-count",
  operationId: "countMyUnreadNotifications",
  tag,
  summary: "How many of the caller's notifications are unread",
  success: { status: 200, schema: UnreadCount },
  handle: () => Effect.map(Effect.flatMap(me, Inbox.unreadCount), (count) => ({ unread: count })),
})

const NotificationPath = Schema.Struct({ notificationId: Notification.NotificationId })
const LocaleQuery = Schema.Struct({ locale: Schema.optional(Locale.Locale) })

const markRead = Route.make({
  method: "put",
  path: "/v1/me/notifications/:notificationId/read",
  operationId: "markMyNotificationRead",
  tag,
  summary: "Marks one of the caller's notifications read (again: no change)",
  pathSchema: NotificationPath,
  querySchema: LocaleQuery,
  success: { status: 200, schema: Notification.Notification },
  handle: ({ path, query }) =>
    Effect.gen(function* () {
      const stored = yield* Inbox.markRead(yield* me, path.notificationId)
      return Notification.view(stored, yield* localeOf(query.locale), yield* JurisdictionProfile.CurrentJurisdiction)
    }),
})

const Marked = Schema.Struct({ marked: Schema.Int }).annotations({ identifier: "NotificationsMarked" })

const markAllRead = Route.make({
  method: "put",
  path: "/v1/me/notifications/read",
  operationId: "markAllMyNotificationsRead",
  tag,
  summary: "Marks all the caller's notifications read; how many were unread",
  success: { status: 200, schema: Marked },
  handle: () => Effect.map(Effect.flatMap(me, Inbox.markAllRead), (marked) => ({ marked })),
})

const preferences = Route.make({
  method: "get",
  path: "/v1/me/notification-preferences",
  operationId: "getMyNotificationPreferences",
  tag,
  summary: "How the caller is told by email: immediate, a daily digest, or none",
  success: { status: 200, schema: Preferences.NotificationPreferences },
  handle: () => Effect.flatMap(me, Preferences.get),
})

const setPreferences = Route.make({
  method: "put",
  path: "/v1/me/notification-preferences",
  operationId: "setMyNotificationPreferences",
  tag,
  summary: "Sets how the caller is told by email",
  bodySchema: Preferences.NotificationPreferences,
  success: { status: 200, schema: Preferences.NotificationPreferences },
  handle: ({ body }) => Effect.flatMap(me, (recipient) => Preferences.set(recipient, body)),
})

const failures = Route.make({
  method: "get",
  path: "/v1/admin/notifications/failures",
  operationId: "listNotificationFailures",
  tag,
  summary: "Email channels refused by the mail server, and emails dead or still retrying (administrator)",
  success: { status: 200, schema: Failures.Report },
  handle: () => Effect.zipRight(Principal.requireRole("administrator", "notifications.failures"), Failures.report),
})

const ChannelPath = Schema.Struct({ principalId: Id.PrincipalId })
const Reset = Schema.Struct({ reset: Schema.Literal(true) }).annotations({ identifier: "EmailChannelReset" })

const resetChannel = Route.make({
  method: "delete",
  path: "/v1/admin/notification-channels/:principalId",
  operationId: "resetEmailChannel",
  tag,
  summary: "Resets a person's refused email channel once the address is fixed (administrator)",
  pathSchema: ChannelPath,
  success: { status: 200, schema: Reset },
  handle: ({ path }) =>
    Effect.gen(function* () {
      yield* Principal.requireRole("administrator", "notifications.channel.reset")
      yield* Failures.resetChannel(path.principalId)
      return { reset: true as const }
    }),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [
  list,
  unread,
  markRead,
  markAllRead,
  preferences,
  setPreferences,
  failures,
  resetChannel,
]
