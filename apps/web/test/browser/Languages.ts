/**
 * Whether a page reads wholly in one language: no catalogue key shown as text
 * (a missing message formats as its key) and no message of another language
 * where the page's own language has a different one, nor a date in American
 * English on a page in another language. Text inside
 * `translate="no"` is data, not the app's words, and is left out.
 */
import { actionPlanMessages } from "@bashke/action-plan"
import { caseMessages, caseworkMessages, documentMessages, erasureMessages } from "@bashke/case"
import { Catalogue, Locale } from "@bashke/kernel"
import { meetingMessages } from "@bashke/meeting"
import { reportingMessages } from "@bashke/reporting"
import { securityMessages } from "@bashke/security"
import type { Page } from "playwright-core"
import { firstMessages } from "../../src/Text"
import { webActionItemMessages } from "../../src/WebActionItemMessages"
import { webAdminMessages } from "../../src/WebAdminMessages"
import { webCaseNotesMessages } from "../../src/WebCaseNotesMessages"
import { webCaseworkMessages } from "../../src/WebCaseworkMessages"
import { webCorrectionsMessages } from "../../src/WebCorrectionsMessages"
import { webMeetingMessages } from "../../src/WebMeetingMessages"
import { webPlanStatsMessages } from "../../src/WebPlanStatsMessages"

// Each part once, whichever screens' tests listed it (a key twice would throw).
const parts = new Set<Catalogue.Catalogue<string>>([
  firstMessages,
  caseMessages,
  webCaseworkMessages,
  // The action plan's and the statistics' words (issue 16).
  actionPlanMessages,
  reportingMessages,
  webPlanStatsMessages,
  webAdminMessages,
  // Meetings and calendar subscriptions (issue 16).
  meetingMessages,
  webMeetingMessages,
  // A case's notes, documents and the survivor's voice (issue 18).
  caseworkMessages,
  documentMessages,
  securityMessages,
  webCaseNotesMessages,
  // Corrections, transfers, closed cases, erasure and subject access (issue 18).
  erasureMessages,
  webCorrectionsMessages,
  // Extending an action item's due date, on the meeting and in the case's timeline (issue 18).
  webActionItemMessages,
])
const catalogue = Catalogue.merge(...parts)

// The messages without placeholders, per locale: the text a page shows whole.
const literal = (message: string) => !/[{}]/.test(message)
const byLocale = new Map<Locale.Locale, Set<string>>(
  Locale.all.map((locale) => [
    locale,
    new Set(
      Catalogue.keys(catalogue)
        .map((key) => Catalogue.messages(catalogue, key)[locale])
        .filter((message): message is string => message !== undefined && literal(message)),
    ),
  ]),
)
const keys = new Set<string>(Catalogue.keys(catalogue))

export interface LanguageProblems {
  /** Catalogue keys shown as text. */
  readonly keys: ReadonlyArray<string>
  /** Text that is another language's message and not this one's. */
  readonly foreign: ReadonlyArray<string>
}

/** The text of the page's elements, each element's own text nodes and its accessible labels. */
const textsOf = (page: Page): Promise<ReadonlyArray<string>> =>
  page.evaluate(() => {
    const out: Array<string> = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      // Data as people entered it (a service's name) is marked translate="no": not the app's words.
      if (node.parentElement?.closest('[translate="no"]')) continue
      const text = node.textContent?.trim()
      if (text !== undefined && text.length > 0) out.push(text)
    }
    for (const element of Array.from(document.querySelectorAll("[aria-label],[title],[placeholder]"))) {
      for (const name of ["aria-label", "title", "placeholder"]) {
        const value = element.getAttribute(name)?.trim()
        if (value !== undefined && value.length > 0) out.push(value)
      }
    }
    out.push(document.title)
    return out
  })

// A date or a time `Intl` formatted in American English for want of the page's language's data
// (Chromium has none for Albanian): "Dec 8, 2026", "12:45 AM".
const americanFormat = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b|\b\d{1,2}:\d{2}\s(AM|PM)\b/

export const languageProblems = async (page: Page, locale: Locale.Locale): Promise<LanguageProblems> => {
  const texts = await textsOf(page)
  const own = byLocale.get(locale) as Set<string>
  const foreign = new Set<string>()
  for (const text of texts) {
    if (locale !== "en" && americanFormat.test(text)) foreign.add(text)
    if (own.has(text)) continue
    // A language's own name in the language switch is meant to be in any language.
    if (Locale.all.some((other) => other !== locale && byLocale.get(other)?.has(text))) foreign.add(text)
  }
  return { keys: texts.filter((text) => keys.has(text)), foreign: [...foreign] }
}
