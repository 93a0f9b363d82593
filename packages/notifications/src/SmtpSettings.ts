/**
 * Email settings from configuration, checked when the application starts:
 *
 * - `BASHKE_SMTP_URL`: `smtp://[user:password@]host[:port]` (STARTTLS when
 *   the server offers it) or `smtps://…` (TLS from the start); unset, email
 *   is off and the in-app list still works; malformed, the start stops with
 *   an error naming the variable (never echoing its value, which may hold a
 *   password);
 * - `BASHKE_MAIL_FROM`: the sender address (default `bashke@localhost`);
 * - `BASHKE_PUBLIC_ORIGIN`: the web app's origin, for the links in emails
 *   (default `http://127.0.0.1:8787`).
 *
 * Parsing is pure (no driver), so both entries — Node and Workers — check the
 * same way.
 */
import { Config, ConfigError, Data, type Effect, Either, Option, Redacted } from "effect"

/**
 * A checked SMTP server address. The URL, which may carry a password, stays redacted.
 */
export interface SmtpServer {
  readonly url: Redacted.Redacted<string>
  readonly secure: boolean
  readonly host: string
  readonly port: number
}

/**
 * The email settings: the server (none: email off), the sender, and the origin of links.
 */
export interface Settings {
  readonly smtp: Option.Option<SmtpServer>
  readonly from: string
  readonly publicUrl: string
}

/**
 * A setting that does not parse: the variable and the catalogue key of its rule.
 */
export class SettingInvalid extends Data.TaggedError("SettingInvalid")<{
  readonly variable: string
  readonly rule: string
}> {
  override get message(): string {
    return `${this.variable} is malformed (${this.rule})`
  }
}

/**
 * The variable names.
 */
export const variables = {
  smtpUrl: "BASHKE_SMTP_URL",
  mailFrom: "BASHKE_MAIL_FROM",
  publicUrl: "BASHKE_PUBLIC_ORIGIN",
} as const

/**
 * The defaults.
 */
export const defaults = { from: "bashke@localhost", publicUrl: "http://127.0.0.1:8787" } as const

const address = /^[^\s@<>"]+@[^\s@<>"]+$/

/**
 * `BASHKE_SMTP_URL`'s value checked: `smtp:` or `smtps:`, a host, a port
 * from 1 to 65535 if given, nothing after the authority but an optional `/`
 * and query (nodemailer's options).
 */
export const parseSmtpUrl = (value: string): Either.Either<SmtpServer, SettingInvalid> => {
  const invalid = Either.left(
    new SettingInvalid({ variable: variables.smtpUrl, rule: "notifications.smtp-url.malformed" }),
  )
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return invalid
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") return invalid
  if (url.hostname.length === 0 || (url.pathname !== "" && url.pathname !== "/") || url.hash !== "") return invalid
  const secure = url.protocol === "smtps:"
  const port = url.port === "" ? (secure ? 465 : 587) : Number(url.port)
  if (!Number.isInteger(port) || port < 1 || port > 65535) return invalid
  return Either.right({ url: Redacted.make(url.toString()), secure, host: url.hostname, port })
}

/**
 * The settings from strings (unset: `undefined`).
 */
export const parse = (values: {
  readonly smtpUrl?: string | undefined
  readonly from?: string | undefined
  readonly publicUrl?: string | undefined
}): Either.Either<Settings, SettingInvalid> =>
  Either.gen(function* () {
    const smtp =
      values.smtpUrl === undefined || values.smtpUrl.trim() === ""
        ? Option.none()
        : Option.some(yield* parseSmtpUrl(values.smtpUrl))
    const from = values.from?.trim() || defaults.from
    if (!address.test(from))
      return yield* Either.left(
        new SettingInvalid({ variable: variables.mailFrom, rule: "notifications.mail-from.malformed" }),
      )
    const publicUrl = values.publicUrl?.trim() || defaults.publicUrl
    const parsed = URL.canParse(publicUrl) ? new URL(publicUrl) : undefined
    if (parsed === undefined || (parsed.protocol !== "http:" && parsed.protocol !== "https:"))
      return yield* Either.left(
        new SettingInvalid({ variable: variables.publicUrl, rule: "notifications.public-url.malformed" }),
      )
    return { smtp, from, publicUrl: parsed.origin + parsed.pathname.replace(/\/+$/, "") }
  })

/**
 * The settings from Effect's configuration (the environment by default); a
 * malformed value fails with a `ConfigError` naming the variable.
 */
export const config: Config.Config<Settings> = Config.all({
  smtpUrl: Config.option(Config.string(variables.smtpUrl)),
  from: Config.option(Config.string(variables.mailFrom)),
  publicUrl: Config.option(Config.string(variables.publicUrl)),
}).pipe(
  Config.mapOrFail((values) =>
    Either.mapLeft(
      parse({
        smtpUrl: Option.getOrUndefined(values.smtpUrl),
        from: Option.getOrUndefined(values.from),
        publicUrl: Option.getOrUndefined(values.publicUrl),
      }),
      (invalid) => ConfigError.InvalidData([invalid.variable], invalid.message),
    ),
  ),
)

/**
 * The settings from the environment, as an Effect.
 */
export const fromEnvironment: Effect.Effect<Settings, ConfigError.ConfigError> = config
