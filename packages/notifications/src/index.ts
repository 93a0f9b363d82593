/**
 * `@bashke/notifications`: the platform acts on its own deadlines. A
 * scheduler turns what the domain packages make due into reminders —
 * escalated when nobody acts — and reacts to events (a withdrawn consent, a
 * break-glass read); people are told in the app, by email in their language
 * (no personal data in it) or in a daily digest, exactly once each, however
 * many schedulers run over one database. Each person's worklist comes from
 * the same due items. Driver-free: it runs on Node and Workers; the SMTP
 * mailer is in `/smtp`.
 *
 * @since 0.1.0
 */

/**
 * Whether a principal belongs to an audience.
 *
 * @since 0.1.0
 */
export * as Audiences from "./Audiences"

/**
 * Daily digests.
 *
 * @since 0.1.0
 */
export * as Digest from "./Digest"

/**
 * Everything due in a mechanism, from the domain packages.
 *
 * @since 0.1.0
 */
export * as DueItems from "./DueItems"

/**
 * The emails: one notification, or a digest, as text and simple HTML.
 *
 * @since 0.1.0
 */
export * as Email from "./Email"

/**
 * Sending the email outbox, retried, once.
 *
 * @since 0.1.0
 */
export * as EmailDelivery from "./EmailDelivery"

/**
 * Reactions to outbox events: consent withdrawn, break-glass reads.
 *
 * @since 0.1.0
 */
export * as Events from "./Events"

/**
 * Failing email channels and emails, for administrators.
 *
 * @since 0.1.0
 */
export * as Failures from "./Failures"

/**
 * A person's in-app list.
 *
 * @since 0.1.0
 */
export * as Inbox from "./Inbox"

/**
 * A lease per job in the store.
 *
 * @since 0.1.0
 */
export * as Leases from "./Leases"

/**
 * Where notifications lead in the web app.
 *
 * @since 0.1.0
 */
export * as Links from "./Links"

/**
 * The port that sends one email.
 *
 * @since 0.1.0
 */
export * as Mailer from "./Mailer"
/**
 * A notice recorded once and brought to its people.
 *
 * @since 0.1.0
 */
export * as Notices from "./Notices"
/**
 * A notification as the API shows it.
 *
 * @since 0.1.0
 */
export * as Notification from "./Notification"
/**
 * The notifications package's part of the message catalogue.
 *
 * @since 0.1.0
 */
export * as NotificationMessages from "./NotificationMessages"
/**
 * @since 0.1.0
 */
export { notificationMigrations } from "./NotificationMigrations"

/**
 * How each person wants email.
 *
 * @since 0.1.0
 */
export * as Preferences from "./Preferences"

/**
 * The port through which notifications find people.
 *
 * @since 0.1.0
 */
export * as Recipients from "./Recipients"

/**
 * Due items turned into notices.
 *
 * @since 0.1.0
 */
export * as Reminders from "./Reminders"

/**
 * The scheduler: rounds of leased jobs.
 *
 * @since 0.1.0
 */
export * as Scheduler from "./Scheduler"

/**
 * Email settings from configuration.
 *
 * @since 0.1.0
 */
export * as SmtpSettings from "./SmtpSettings"

/**
 * The words of a notification in a person's language.
 *
 * @since 0.1.0
 */
export * as Wording from "./Wording"

/**
 * A person's worklist.
 *
 * @since 0.1.0
 */
export * as Worklist from "./Worklist"
