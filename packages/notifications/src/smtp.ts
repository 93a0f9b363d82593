/**
 * `@bashke/notifications/smtp`: the `Mailer` over SMTP (nodemailer), for Node.
 */

/**
 * The `Mailer` over SMTP.
 */
export * as SmtpMailer from "./SmtpMailer"
