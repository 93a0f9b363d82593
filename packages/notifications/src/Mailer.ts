/**
 * The port that sends one email, and the two ways it can fail: the server
 * refused this recipient's address (`MailRejected`: permanent, this person's
 * channel is failing, nobody else's), or the server could not be reached or
 * took nothing (`MailUnavailable`: try again later). The SMTP implementation
 * is `@bashke/notifications/smtp`; without a `Mailer`, email is off.
 */
import { Context, Data, type Effect } from "effect"

/**
 * One email: plain text and simple HTML saying the same. `messageId` is
 * stable for the notice and the person, so a copy sent again after a crash
 * is recognisably the same message.
 */
export interface Mail {
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly html: string
  readonly messageId: string
  readonly language: string
}

/**
 * The server refused the recipient's address. `code` is the SMTP reply code
 * (`550`), never the address.
 */
export class MailRejected extends Data.TaggedError("MailRejected")<{ readonly code: string }> {}

/**
 * The message did not get through for now: no connection, a dropped one, a
 * temporary refusal (4xx) or a timeout. `code` names it (`ECONNREFUSED`, `421`).
 */
export class MailUnavailable extends Data.TaggedError("MailUnavailable")<{ readonly code: string }> {}

export interface Service {
  readonly send: (mail: Mail) => Effect.Effect<void, MailRejected | MailUnavailable>
  /** Where mail comes from (`From:`). */
  readonly from: string
}

export class Mailer extends Context.Tag("@bashke/notifications/Mailer")<Mailer, Service>() {}
