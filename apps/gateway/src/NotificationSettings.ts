/**
 * How the notifications' scheduler runs, from the environment, checked before
 * anything starts (on Node and on Workers alike: nothing here needs Node):
 *
 * - `BASHKE_SMTP_URL`, `BASHKE_MAIL_FROM`, `BASHKE_PUBLIC_ORIGIN`: email
 *   (`@bashke/notifications`'s `SmtpSettings`; unset SMTP, email is off);
 * - `BASHKE_SCHEDULER`: `on` (default) or `off` — off, this process runs no
 *   scheduler (another one does: `bashke worker`, or a Cron Trigger);
 * - `BASHKE_SCHEDULER_INTERVAL` (default `30 seconds`) between rounds, and
 *   `BASHKE_SCHEDULER_LEASE` (default `2 minutes`), how long a job's lease and
 *   an email's claim last — longer than the SMTP timeouts, which are a third
 *   of it.
 *
 * A malformed value stops the start with an error naming the variable, never
 * quoting the value (the SMTP URL may carry a password).
 */
import { Scheduler, SmtpSettings } from "@bashke/notifications"
import { Duration, Either, Option } from "effect"

export interface Config {
  readonly scheduler: boolean
  readonly interval: Duration.Duration
  readonly lease: Duration.Duration
  readonly email: SmtpSettings.Settings
}

/** A malformed setting: the message names the variable and what it accepts. */
export class ConfigInvalid extends Error {
  override readonly name = "ConfigInvalid"
  constructor(
    readonly variable: string,
    readonly accepted: string,
  ) {
    super(`${variable} is malformed: ${accepted}`)
  }
}

/** A positive, finite duration (`"30 seconds"`, `"90 days"`), or `fallback` when unset. */
export const durationOf = (
  variable: string,
  value: string | undefined,
  fallback: Duration.Duration,
): Duration.Duration => {
  if (value === undefined || value.trim() === "") return fallback
  const parsed = Duration.decodeUnknown(value.trim())
  if (Option.isNone(parsed) || Duration.toMillis(parsed.value) <= 0 || !Duration.isFinite(parsed.value))
    throw new ConfigInvalid(variable, 'a positive duration, e.g. "30 seconds" or "2 minutes"')
  return parsed.value
}

const accepted: Record<string, string> = {
  [SmtpSettings.variables.smtpUrl]: "smtp://host:port or smtps://host:port, with user:password@ if the server asks",
  [SmtpSettings.variables.mailFrom]: "an email address",
  [SmtpSettings.variables.publicUrl]: "an http:// or https:// address",
}

/** The configuration from `env`; throws {@link ConfigInvalid} naming a malformed variable. */
export const readConfig = (env: Readonly<Record<string, string | undefined>>): Config => {
  const email = SmtpSettings.parse({
    smtpUrl: env[SmtpSettings.variables.smtpUrl],
    from: env[SmtpSettings.variables.mailFrom],
    publicUrl: env[SmtpSettings.variables.publicUrl],
  })
  if (Either.isLeft(email)) throw new ConfigInvalid(email.left.variable, accepted[email.left.variable] ?? "")
  const switched = (env.BASHKE_SCHEDULER ?? "on").trim()
  if (switched !== "on" && switched !== "off") throw new ConfigInvalid("BASHKE_SCHEDULER", "on or off")
  return {
    scheduler: switched === "on",
    interval: durationOf("BASHKE_SCHEDULER_INTERVAL", env.BASHKE_SCHEDULER_INTERVAL, Duration.seconds(30)),
    lease: durationOf("BASHKE_SCHEDULER_LEASE", env.BASHKE_SCHEDULER_LEASE, Duration.minutes(2)),
    email: email.right,
  }
}

/** The scheduler's options for this configuration, under `holder`. */
export const optionsOf = (config: Config, holder: string): Scheduler.Options => ({
  ...Scheduler.defaults(holder, config.email.publicUrl),
  interval: config.interval,
  lease: config.lease,
})
