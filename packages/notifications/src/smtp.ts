/**
 * `@bashke/notifications/smtp`: the `Mailer` over SMTP (nodemailer), for Node.
 *
 * @since 0.1.0
 */

/**
 * The `Mailer` over SMTP.
 *
 * @since 0.1.0
 */
export * as SmtpMailer from "./SmtpMailer"
