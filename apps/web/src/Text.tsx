/**
 * Words, dates and numbers on screen. The catalogue is the server's own (the
 * kernel's, the domain packages' and the web's parts merged), so a status or a
 * risk level reads the same in the API's problems and on the page. The case
 * package's part — the largest — is added by the screens that show cases when
 * they load (`addMessages`), keeping it out of the first page's script. Dates are
 * shown in the jurisdiction's time zone whatever the computer's clock says, in the
 * page's language even where the browser has no data for it (`LocaleFormat`).
 * The chosen language is remembered in this browser (a language code only).
 */
import type { caseMessages, caseworkMessages, documentMessages } from "@bashke/case"
import { Catalogue, JurisdictionProfile, kernelMessages, Locale } from "@bashke/kernel"
import type { meetingMessages } from "@bashke/meeting"
import { referralMessages } from "@bashke/referral"
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react"
import * as LocaleFormat from "./LocaleFormat"
import type { webActionItemMessages } from "./WebActionItemMessages"
import type { webAdminMessages } from "./WebAdminMessages"
import type { webCaseNotesMessages } from "./WebCaseNotesMessages"
import type { webCaseworkMessages } from "./WebCaseworkMessages"
import type { webCorrectionsMessages } from "./WebCorrectionsMessages"
import { webIdentityMessages } from "./WebIdentityMessages"
import type { webMeetingMessages } from "./WebMeetingMessages"
import { webMessages } from "./WebMessages"
import type { webPlanStatsMessages } from "./WebPlanStatsMessages"

/** The messages every page needs. */
export const firstMessages = Catalogue.merge(kernelMessages, referralMessages, webMessages, webIdentityMessages)

/** Every key the web app may show: the first messages and the parts screens add. */
export type MessageKey =
  | Catalogue.Key<typeof firstMessages>
  | Catalogue.Key<typeof caseMessages>
  | Catalogue.Key<typeof webCaseworkMessages>
  | Catalogue.Key<typeof webCorrectionsMessages>
  | Catalogue.Key<typeof webPlanStatsMessages>
  | Catalogue.Key<typeof webAdminMessages>
  | Catalogue.Key<typeof meetingMessages>
  | Catalogue.Key<typeof webMeetingMessages>
  | Catalogue.Key<typeof caseworkMessages>
  | Catalogue.Key<typeof documentMessages>
  | Catalogue.Key<typeof webCaseNotesMessages>
  | Catalogue.Key<typeof webActionItemMessages>

let catalogue: Catalogue.Catalogue<string> = firstMessages
const added = new Set<Catalogue.Catalogue<string>>()

/** Adds a package's part to the catalogue (once), from the module of a screen that shows its words. */
export const addMessages = (part: Catalogue.Catalogue<string>): void => {
  if (added.has(part)) return
  added.add(part)
  catalogue = Catalogue.merge(catalogue, part)
}

const profile = JurisdictionProfile.kosovo
const storageKey = "bashke.locale"

/** The language remembered in this browser, else the browser's, else the jurisdiction's. */
export const initialLocale = (): Locale.Locale => {
  const stored = globalThis.localStorage?.getItem(storageKey)
  if (stored !== null && stored !== undefined && (Locale.all as ReadonlyArray<string>).includes(stored)) {
    return stored as Locale.Locale
  }
  return Locale.fromAcceptLanguage(globalThis.navigator?.languages?.join(","), profile.languages.defaultLocale)
}

/** The page's words, and its dates and numbers (`LocaleFormat`), in its language. */
export interface Text extends LocaleFormat.LocaleFormat {
  readonly locale: Locale.Locale
  readonly setLocale: (locale: Locale.Locale) => void
  /** A message of the catalogue. */
  readonly t: (key: MessageKey, params?: Catalogue.Params) => string
  /** A message whose key arrives at run time (a status, a rule); the key itself when unknown. */
  readonly label: (key: string) => string
}

const TextContext = createContext<Text | undefined>(undefined)

// Dates and numbers from LocaleFormat's CLDR data, the same in every browser
// (Chromium's Intl has no Albanian), one set of formats per language.
const formats = new Map<Locale.Locale, LocaleFormat.LocaleFormat>()
const formatOf = (locale: Locale.Locale): LocaleFormat.LocaleFormat => {
  let format = formats.get(locale)
  if (format === undefined) {
    format = LocaleFormat.make(locale, profile.timezone)
    formats.set(locale, format)
  }
  return format
}

export const makeText = (locale: Locale.Locale, setLocale: (locale: Locale.Locale) => void): Text => ({
  ...formatOf(locale),
  locale,
  setLocale,
  t: (key, params) => Catalogue.format(catalogue, locale, key, params),
  label: (key) => (Catalogue.has(catalogue, key) ? Catalogue.format(catalogue, locale, key) : key),
})

export const TextProvider = ({ children }: { readonly children: ReactNode }) => {
  const [locale, setLocaleState] = useState<Locale.Locale>(initialLocale)
  const setLocale = useCallback((next: Locale.Locale) => {
    globalThis.localStorage?.setItem(storageKey, next)
    setLocaleState(next)
  }, [])
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const text = useMemo(() => makeText(locale, setLocale), [locale, setLocale])
  return <TextContext.Provider value={text}>{children}</TextContext.Provider>
}

export const useText = (): Text => {
  const text = useContext(TextContext)
  if (text === undefined) throw new Error("useText outside TextProvider")
  return text
}

/** Sets the page title (the page's name only: never a person's). */
export const usePageTitle = (page: string): void => {
  const { t } = useText()
  useEffect(() => {
    document.title = t("web.page.title", { page })
  }, [page, t])
}
