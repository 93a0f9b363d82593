/**
 * The notifications' scheduler in a Node process beside a gateway runtime
 * (the server, or `bashke worker` apart from it): its rounds forked in the
 * runtime until closed, with the SMTP mailer when `BASHKE_SMTP_URL` is set.
 * Node only (nodemailer).
 */
import { type Mailer, Scheduler } from "@bashke/notifications"
import { SmtpMailer } from "@bashke/notifications/smtp"
import { Duration, Effect, Fiber, type Layer, type ManagedRuntime, Option } from "effect"
import * as NotificationSettings from "./NotificationSettings"
import type { GatewayServices } from "./Services"

/** The mailer of this configuration, when SMTP is set: email on. */
export const mailerOf = (config: NotificationSettings.Config): Option.Option<Layer.Layer<Mailer.Mailer>> =>
  Option.map(config.email.smtp, (server) =>
    SmtpMailer.layer(server, config.email.from, {
      timeout: Math.max(1000, Math.floor(Duration.toMillis(config.lease) / 3)),
    }),
  )

export interface RunningScheduler {
  readonly holder: string
  readonly close: () => Promise<void>
}

/** Runs the scheduler's rounds in `runtime` until closed. */
export const start = async (
  runtime: ManagedRuntime.ManagedRuntime<GatewayServices, never>,
  config: NotificationSettings.Config,
): Promise<RunningScheduler> => {
  const holder = await runtime.runPromise(Scheduler.newHolder)
  const loop = Scheduler.loop(NotificationSettings.optionsOf(config, holder))
  const mailer = mailerOf(config)
  const fiber = runtime.runFork(Option.isSome(mailer) ? Effect.provide(loop, mailer.value) : loop)
  return { holder, close: () => runtime.runPromise(Fiber.interrupt(fiber)).then(() => undefined) }
}
