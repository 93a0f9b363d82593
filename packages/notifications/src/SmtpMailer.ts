/**
 * The `Mailer` over SMTP, with nodemailer: one pooled connection to the
 * server named by `BASHKE_SMTP_URL` (`smtp://` upgrades with STARTTLS when the
 * server offers it, `smtps://` is TLS from the start; a user and password in
 * the URL log in). Node only; on Workers, email is off.
 *
 * Failures are sorted for `EmailDelivery`: a recipient address the server
 * refuses with a 5xx reply is `MailRejected` (this person's channel fails,
 * nobody else's); everything else — no connection, a dropped connection, a
 * timeout, a 4xx, a refused login — is `MailUnavailable` and retried.
 */
import { Effect, Layer, Redacted } from "effect"
import nodemailer from "nodemailer"
import { Mailer, MailRejected, MailUnavailable, type Service } from "./Mailer"
import type * as SmtpSettings from "./SmtpSettings"

/**
 * How long to wait for the server to connect, greet and answer, each.
 */
export const defaultTimeout = 30_000

interface SmtpError {
  readonly code?: unknown
  readonly responseCode?: unknown
  readonly command?: unknown
}

/**
 * A nodemailer error sorted: the recipient refused, or the server unavailable.
 */
export const classify = (error: unknown): MailRejected | MailUnavailable => {
  const failure = (typeof error === "object" && error !== null ? error : {}) as SmtpError
  const reply = typeof failure.responseCode === "number" ? failure.responseCode : undefined
  const command = typeof failure.command === "string" ? failure.command.toUpperCase() : ""
  if (reply !== undefined && reply >= 500 && reply < 600 && command.startsWith("RCPT"))
    return new MailRejected({ code: String(reply) })
  const code =
    reply !== undefined
      ? String(reply)
      : typeof failure.code === "string" && failure.code.length > 0
        ? failure.code
        : "unknown"
  return new MailUnavailable({ code: code.slice(0, 40) })
}

/**
 * A `Mailer` for `server`, sending from `from`; the pool closes with the layer.
 */
export const layer = (
  server: SmtpSettings.SmtpServer,
  from: string,
  options: { readonly timeout?: number } = {},
): Layer.Layer<Mailer> =>
  Layer.scoped(
    Mailer,
    Effect.gen(function* () {
      const url = new URL(Redacted.value(server.url))
      const timeout = options.timeout ?? defaultTimeout
      const transport = yield* Effect.acquireRelease(
        Effect.sync(() =>
          nodemailer.createTransport({
            pool: true,
            maxConnections: 1,
            maxMessages: 100,
            host: server.host,
            port: server.port,
            secure: server.secure,
            ...(url.username === ""
              ? {}
              : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
            connectionTimeout: timeout,
            greetingTimeout: timeout,
            socketTimeout: timeout,
            // Nothing of the messages is logged: they name cases.
            logger: false,
            debug: false,
          }),
        ),
        (opened) => Effect.sync(() => opened.close()),
      )
      const send: Service["send"] = (mail) =>
        Effect.tryPromise({
          try: () =>
            transport.sendMail({
              from,
              to: mail.to,
              subject: mail.subject,
              text: mail.text,
              html: mail.html,
              messageId: mail.messageId,
              headers: { "Content-Language": mail.language, "Auto-Submitted": "auto-generated" },
            }),
          catch: classify,
        }).pipe(Effect.asVoid)
      return { send, from }
    }),
  )
