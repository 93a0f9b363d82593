/**
 * The emails notifications send, in the recipient's language, as plain text
 * and simple HTML saying the same: what is due or what happened and when, the
 * case's reference, and a link into Bashkë — never a name, an address or any
 * other personal value, which stay behind the link (and behind sign-in). A
 * late notice says it is late. A digest lists the day's notices the same way.
 */
import type { JurisdictionProfile, Locale } from "@bashke/kernel"
import * as Links from "./Links"
import * as Notification from "./Notification"
import * as Wording from "./Wording"

/**
 * An email's content.
 */
export interface Content {
  readonly subject: string
  readonly text: string
  readonly html: string
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

interface Block {
  readonly title: string
  readonly sentence: string
  readonly late?: string | undefined
  readonly reference?: string | undefined
  readonly link: string
}

const blockOf = (
  stored: Notification.Stored,
  locale: Locale.Locale,
  profile: JurisdictionProfile.JurisdictionProfile,
  publicUrl: string,
): Block => ({
  title: Wording.title(stored.kind, stored.stage, locale),
  sentence: Wording.sentence(stored, locale, profile),
  late: stored.late ? Wording.message("notifications.email.late", locale) : undefined,
  reference:
    stored.case?.reference === undefined
      ? undefined
      : Wording.message("notifications.email.case", locale, { reference: stored.case.reference }),
  link: Links.absolute(publicUrl, Notification.path(stored)),
})

const blockText = (block: Block, locale: Locale.Locale): string =>
  [
    block.title,
    "",
    block.sentence,
    ...(block.late === undefined ? [] : [block.late]),
    ...(block.reference === undefined ? [] : [block.reference]),
    `${Wording.message("notifications.email.open", locale)} ${block.link}`,
  ].join("\n")

const blockHtml = (block: Block, locale: Locale.Locale): string =>
  [
    `<h2 style="font-size:18px;margin:0 0 8px">${escapeHtml(block.title)}</h2>`,
    `<p>${escapeHtml(block.sentence)}</p>`,
    ...(block.late === undefined ? [] : [`<p><em>${escapeHtml(block.late)}</em></p>`]),
    ...(block.reference === undefined ? [] : [`<p>${escapeHtml(block.reference)}</p>`]),
    `<p>${escapeHtml(Wording.message("notifications.email.open", locale))} <a href="${escapeHtml(block.link)}">${escapeHtml(block.link)}</a></p>`,
  ].join("\n")

const footer = (locale: Locale.Locale, publicUrl: string) => ({
  text: `--\n${Wording.message("notifications.email.footer", locale)} ${Links.absolute(publicUrl, Links.preferencesPath)}`,
  html: `<hr><p style="color:#555;font-size:13px">${escapeHtml(Wording.message("notifications.email.footer", locale))} <a href="${escapeHtml(Links.absolute(publicUrl, Links.preferencesPath))}">${escapeHtml(Links.absolute(publicUrl, Links.preferencesPath))}</a></p>`,
})

const page = (locale: Locale.Locale, subject: string, body: string): string =>
  `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">\n${body}\n</body></html>`

/**
 * The email of one notification.
 */
export const ofNotification = (
  stored: Notification.Stored,
  locale: Locale.Locale,
  profile: JurisdictionProfile.JurisdictionProfile,
  publicUrl: string,
): Content => {
  const block = blockOf(stored, locale, profile, publicUrl)
  const subject = stored.case?.reference === undefined ? block.title : `[${stored.case.reference}] ${block.title}`
  const end = footer(locale, publicUrl)
  return {
    subject,
    text: `${blockText(block, locale)}\n\n${end.text}\n`,
    html: page(locale, subject, `${blockHtml(block, locale)}\n${end.html}`),
  }
}

/**
 * The daily digest of `notifications` for `day` (a day's name in the
 * recipient's language).
 */
export const digest = (
  notifications: ReadonlyArray<Notification.Stored>,
  day: string,
  locale: Locale.Locale,
  profile: JurisdictionProfile.JurisdictionProfile,
  publicUrl: string,
): Content => {
  const subject = Wording.message("notifications.digest.subject", locale, { count: notifications.length, day })
  const blocks = notifications.map((stored) => blockOf(stored, locale, profile, publicUrl))
  const intro = Wording.message("notifications.digest.intro", locale)
  const end = footer(locale, publicUrl)
  return {
    subject,
    text: [
      intro,
      ...blocks.map((block) => `\n* ${blockText(block, locale).replace(/\n/g, "\n  ")}`),
      "",
      end.text,
      "",
    ].join("\n"),
    html: page(
      locale,
      subject,
      [
        `<p>${escapeHtml(intro)}</p>`,
        ...blocks.map((block) => `<section style="margin:16px 0">${blockHtml(block, locale)}</section>`),
        end.html,
      ].join("\n"),
    ),
  }
}
