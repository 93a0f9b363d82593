/**
 * `@bashke/notifications`: the platform acts on its own deadlines. A
 * scheduler turns what the domain packages make due into reminders —
 * escalated when nobody acts — and reacts to events (a withdrawn consent, a
 * break-glass read); people are told in the app, by email in their language
 * (no personal data in it) or in a daily digest, exactly once each, however
 * many schedulers run over one database. Each person's worklist comes from
 * the same due items. Driver-free: it runs on Node and Workers; the SMTP
 * mailer is in `/smtp`.
 */

/**
 * Whether a principal belongs to an audience.
 */
export * as Audiences from "./Audiences"

/**
 * Daily digests.
 */
export * as Digest from "./Digest"

/**
 * Everything due in a mechanism, from the domain packages.
 */
export * as DueItems from "./DueItems"

/**
 * The emails: one notification, or a digest, as text and simple HTML.
 */
export * as Email from "./Email"

/**
 * Sending the email outbox, retried, once.
 */
export * as EmailDelivery from "./EmailDelivery"

/**
 * Reactions to outbox events: consent withdrawn, break-glass reads.
 */
export * as Events from "./Events"

/**
 * Failing email channels and emails, for administrators.
 */
export * as Failures from "./Failures"

/**
 * A person's in-app list.
 */
export * as Inbox from "./Inbox"

/**
 * A lease per job in the store.
 */
export * as Leases from "./Leases"

/**
 * Where notifications lead in the web app.
 */
export * as Links from "./Links"

/**
 * The port that sends one email.
 */
export * as Mailer from "./Mailer"
/**
 * A notice recorded once and brought to its people.
 */
export * as Notices from "./Notices"
/**
 * A notification as the API shows it.
 */
export * as Notification from "./Notification"
/**
 * The notifications package's part of the message catalogue.
 */
export * as NotificationMessages from "./NotificationMessages"
export { notificationMigrations } from "./NotificationMigrations"

/**
 * How each person wants email.
 */
export * as Preferences from "./Preferences"

/**
 * The port through which notifications find people.
 */
export * as Recipients from "./Recipients"

/**
 * Due items turned into notices.
 */
export * as Reminders from "./Reminders"

/**
 * The scheduler: rounds of leased jobs.
 */
export * as Scheduler from "./Scheduler"

/**
 * Email settings from configuration.
 */
export * as SmtpSettings from "./SmtpSettings"

/**
 * The words of a notification in a person's language.
 */
export * as Wording from "./Wording"

/**
 * A person's worklist.
 */
export * as Worklist from "./Worklist"
