/**
 * The words of a notification in a person's language: its title and its
 * sentence from the catalogue (a due item's from its domain's messages,
 * `referral.due.acknowledge.overdue`; an event's from this package's,
 * `notifications.event.break-glass.event`), with the time it names written
 * out in the jurisdiction's time zone ("2 mars 2026 në 14:00", "2. mart 2026.
 * 14:00") or, for a thing due on a day, that day.
 */
import { Catalogue, type CivilDate, Due, type JurisdictionProfile, type Locale } from "@bashke/kernel"
import { catalogue } from "./NotificationMessages"

/**
 * A reminder's stage, or `event` for what an event tells.
 */
export type Stage = Due.Stage | "event"

/**
 * The tag `Intl` formats a locale's dates with (English as in Europe: 14:00).
 */
export const intlTag = (locale: Locale.Locale): string => (locale === "en" ? "en-GB" : locale)

/**
 * An instant as people read it in the profile's zone, or a day when `day` is given.
 */
export const when = (
  at: Date,
  locale: Locale.Locale,
  profile: JurisdictionProfile.JurisdictionProfile,
  day?: CivilDate.CivilDate | undefined,
): string =>
  day === undefined
    ? new Intl.DateTimeFormat(intlTag(locale), {
        dateStyle: "long",
        timeStyle: "short",
        hourCycle: "h23",
        timeZone: profile.timezone,
      }).format(at)
    : new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "full", timeZone: "UTC" }).format(
        new Date(`${day}T00:00:00Z`),
      )

/**
 * The catalogue key of a notification's title.
 */
export const titleKey = (kind: string, stage: Stage): string => (stage === "event" ? kind : Due.titleKey(kind))

/**
 * The catalogue key of a notification's sentence.
 */
export const sentenceKey = (kind: string, stage: Stage): string =>
  stage === "event" ? `${kind}.event` : Due.messageKey(kind, stage)

const format = (key: string, locale: Locale.Locale, params: Catalogue.Params = {}): string =>
  Catalogue.has(catalogue, key) ? Catalogue.format(catalogue, locale, key, params) : key

/**
 * A notification's title in `locale`.
 */
export const title = (kind: string, stage: Stage, locale: Locale.Locale): string =>
  format(titleKey(kind, stage), locale)

/**
 * What a notification says, in `locale`: the reminder's sentence with `{due}`,
 * or the event's with `{at}` (and `{person}` where it names one by id).
 */
export const sentence = (
  notification: {
    readonly kind: string
    readonly stage: Stage
    readonly at: Date
    readonly dueAt?: Date | undefined
    readonly day?: CivilDate.CivilDate | undefined
    readonly subject: { readonly type: string; readonly id: string }
  },
  locale: Locale.Locale,
  profile: JurisdictionProfile.JurisdictionProfile,
): string =>
  format(sentenceKey(notification.kind, notification.stage), locale, {
    due: when(notification.dueAt ?? notification.at, locale, profile, notification.day),
    at: when(notification.at, locale, profile),
    person: notification.subject.id,
  })

/**
 * A message of this package's catalogue in `locale`.
 */
export const message = (key: string, locale: Locale.Locale, params: Catalogue.Params = {}): string =>
  format(key, locale, params)
