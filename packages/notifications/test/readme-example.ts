// The README's example, imports pointed at the sources: type-checked with the tests, and
// compared with the README by Readme.test.ts so neither drifts.
import { JurisdictionProfile } from "@bashke/kernel"
import { Effect, Option } from "effect"
import { Scheduler, SmtpSettings } from "../src/index"
import { SmtpMailer } from "../src/smtp"

// BASHKE_SMTP_URL, BASHKE_MAIL_FROM and BASHKE_PUBLIC_ORIGIN, checked.
const settings = Effect.runSync(SmtpSettings.fromEnvironment)

const scheduler = Effect.gen(function* () {
  const holder = yield* Scheduler.newHolder
  const loop = Scheduler.loop(Scheduler.defaults(holder, settings.publicUrl))
  // With an SMTP server, email is on; without, the in-app list still works.
  return yield* Option.match(settings.smtp, {
    onNone: () => loop,
    onSome: (server) => Effect.provide(loop, SmtpMailer.layer(server, settings.from)),
  })
})
// Provide the domain packages' ports, a `Recipients` binding, the SqlClient and
// an IdGenerator, then fork it beside the application.
export const running = scheduler.pipe(
  Effect.provideService(JurisdictionProfile.CurrentJurisdiction, JurisdictionProfile.kosovo),
)
