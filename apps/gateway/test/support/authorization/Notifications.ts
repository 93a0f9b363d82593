// The caller's own notifications and worklist: everyone may read and mark
// their own (a notification that is not theirs is 404, exactly as one that
// does not exist) and set how they are told; what keeps failing, and resetting
// a refused channel, is for administrators.
import { type Scenario, statuses } from "./Matrix"

const everyone = statuses(200)
const administratorOnly = (status: number) => statuses(403, { administrator: status })
const someoneElses = "01JN0000000000000000000001"

export const notificationScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "getMyWorklist",
    label: "the caller's worklist: everyone, their own",
    request: async () => ({ method: "GET", path: "/v1/me/worklist" }),
    expect: everyone,
  },
  {
    operationId: "listMyNotifications",
    label: "the caller's notifications: everyone, their own",
    request: async () => ({ method: "GET", path: "/v1/me/notifications?unread=true" }),
    expect: everyone,
  },
  {
    operationId: "countMyUnreadNotifications",
    label: "how many of the caller's notifications are unread: everyone",
    request: async () => ({ method: "GET", path: "/v1/me/notifications/unread-count" }),
    expect: everyone,
  },
  {
    operationId: "markMyNotificationRead",
    label: "marking a notification that is not the caller's: not found, for everyone",
    request: async () => ({ method: "PUT", path: `/v1/me/notifications/${someoneElses}/read` }),
    expect: statuses(404),
  },
  {
    operationId: "markAllMyNotificationsRead",
    label: "marking all the caller's notifications read: everyone",
    request: async () => ({ method: "PUT", path: "/v1/me/notifications/read" }),
    expect: everyone,
  },
  {
    operationId: "getMyNotificationPreferences",
    label: "how the caller is told: everyone, their own",
    request: async () => ({ method: "GET", path: "/v1/me/notification-preferences" }),
    expect: everyone,
  },
  {
    operationId: "setMyNotificationPreferences",
    label: "setting how the caller is told: everyone, their own",
    request: async () => ({ method: "PUT", path: "/v1/me/notification-preferences", body: { email: "digest" } }),
    expect: everyone,
  },
  {
    operationId: "listNotificationFailures",
    label: "what keeps failing in email: administrators",
    request: async () => ({ method: "GET", path: "/v1/admin/notifications/failures" }),
    expect: administratorOnly(200),
  },
  {
    operationId: "resetEmailChannel",
    label: "resetting a refused email channel: administrators (none is failing here: not found)",
    request: async () => ({ method: "DELETE", path: `/v1/admin/notification-channels/${someoneElses}` }),
    expect: administratorOnly(404),
  },
]
