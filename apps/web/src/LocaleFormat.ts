/**
 * Dates, times and numbers in the page's language, in the jurisdiction's time
 * zone, from the CLDR data kept here for the four languages rather than the
 * browser's: Chromium and Chrome have no Albanian data, and their `Intl` falls
 * back to American English ("Dec 8, 2026", "12,345.6") or worse ("2026 M12 16
 * 12:00 AM") on an Albanian page. The same text in every browser, and the same
 * as the server's (Node's full ICU): test/LocaleFormat.test.ts checks that,
 * over many instants and numbers, for each language. `Intl` in `en-US`, which
 * every browser has, still converts to the time zone and rounds.
 */
import type { Locale } from "@bashke/kernel"

/** What the pages format. */
export interface LocaleFormat {
  /** A day, e.g. "8 dhj 2026". */
  readonly date: (value: string | Date) => string
  /** A day and a time of day, e.g. "8 dhj 2026, 12:45 p.d.". */
  readonly dateTime: (value: string | Date) => string
  /** A number, at most three decimals, grouped as the language groups. */
  readonly number: (value: number) => string
  /** A share (0.5 is 50 %), no decimals. */
  readonly percent: (share: number) => string
  /** An amount of money in `currency` (ISO 4217), with the currency's decimals. */
  readonly money: (amount: number, currency: string) => string
  /** A size in kilobytes, no decimals. */
  readonly kilobytes: (value: number) => string
}

/** CLDR 48's data for one language: what `Intl` would use. */
interface LanguageData {
  readonly months: ReadonlyArray<string>
  /** The 12-hour clock's before and after noon; absent for a 24-hour clock. */
  readonly dayPeriods?: readonly [string, string]
  readonly date: (day: number, month: number, year: number, monthName: string) => string
  readonly dateTime: (date: string, time: string) => string
  readonly decimal: string
  readonly group: string
  /** Digits the highest group needs before a number is grouped at all (Albanian groups 12 345, not 1234). */
  readonly minimumGrouping: number
  /** The amount (formatted) with its currency's symbol (€) or, for any other currency, its code. */
  readonly money: (amount: string, symbol: string, isCode: boolean) => string
}

const serbian: LanguageData = {
  months: [],
  date: (day, month, year) => `${day}. ${month}. ${year}.`,
  dateTime: (date, time) => `${date} ${time}`,
  decimal: ",",
  group: ".",
  minimumGrouping: 1,
  money: (amount, symbol) => `${amount}\u00a0${symbol}`,
}

const data: Readonly<Record<Locale.Locale, LanguageData>> = {
  sq: {
    months: ["jan", "shk", "mar", "pri", "maj", "qer", "korr", "gush", "sht", "tet", "nën", "dhj"],
    dayPeriods: ["p.d.", "m.d."],
    date: (day, _month, year, monthName) => `${day} ${monthName} ${year}`,
    dateTime: (date, time) => `${date}, ${time}`,
    decimal: ",",
    group: "\u00a0",
    minimumGrouping: 2,
    money: (amount, symbol) => `${amount}\u00a0${symbol}`,
  },
  "sr-Latn": serbian,
  "sr-Cyrl": serbian,
  en: {
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    dayPeriods: ["AM", "PM"],
    date: (day, _month, year, monthName) => `${monthName} ${day}, ${year}`,
    dateTime: (date, time) => `${date}, ${time}`,
    decimal: ".",
    group: ",",
    minimumGrouping: 1,
    money: (amount, symbol, isCode) => (isCode ? `${symbol}\u00a0${amount}` : `${symbol}${amount}`),
  },
}

type Parts = Readonly<Record<"year" | "month" | "day" | "hour" | "minute", number>>

/** The parts of an instant in `timeZone`, read through `en-US`, which every `Intl` has. */
const partsIn = (timeZone: string) => {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    hourCycle: "h23",
  })
  return (value: Date): Parts => {
    const parts: Record<string, number> = {}
    for (const part of format.formatToParts(value)) if (part.type !== "literal") parts[part.type] = Number(part.value)
    return parts as Parts
  }
}

/** The formats of `locale` in `timeZone`. */
export const make = (locale: Locale.Locale, timeZone: string): LocaleFormat => {
  const language = data[locale]
  const parts = partsIn(timeZone)
  // Rounding, scaling (a share to per cent) and the sign as `Intl` does them, in `en-US`
  // without grouping; the language's own decimal mark and grouping put in after.
  const plainOf = (options: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat("en-US", { ...options, useGrouping: false })
  const localized = (plain: string): string => {
    const [whole = "", fraction] = plain.replace("%", "").split(".")
    const sign = whole.startsWith("-") ? "-" : ""
    const integer = sign === "" ? whole : whole.slice(1)
    const grouped =
      integer.length < 3 + language.minimumGrouping ? integer : integer.replace(/\B(?=(\d{3})+$)/g, language.group)
    return `${sign}${grouped}${fraction === undefined ? "" : `${language.decimal}${fraction}`}`
  }
  const number = plainOf({ maximumFractionDigits: 3 })
  const percent = plainOf({ style: "percent", maximumFractionDigits: 0 })
  const whole = plainOf({ maximumFractionDigits: 0 })
  // Per currency: its own decimals (two for the euro, none for the lek), as `Intl` knows them.
  const currencies = new Map<string, Intl.NumberFormat>()
  const amountOf = (currency: string): Intl.NumberFormat => {
    let format = currencies.get(currency)
    if (format === undefined) {
      const decimals =
        new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
      format = plainOf({ minimumFractionDigits: decimals, maximumFractionDigits: decimals })
      currencies.set(currency, format)
    }
    return format
  }
  const dateOf = ({ year, month, day }: Parts) => language.date(day, month, year, language.months[month - 1] ?? "")
  const timeOf = ({ hour, minute }: Parts) => {
    const minutes = String(minute).padStart(2, "0")
    if (language.dayPeriods === undefined) return `${String(hour).padStart(2, "0")}:${minutes}`
    return `${hour % 12 === 0 ? 12 : hour % 12}:${minutes} ${language.dayPeriods[hour < 12 ? 0 : 1]}`
  }
  return {
    date: (value) => dateOf(parts(new Date(value))),
    dateTime: (value) => {
      const of = parts(new Date(value))
      return language.dateTime(dateOf(of), timeOf(of))
    },
    number: (value) => localized(number.format(value)),
    percent: (share) => `${localized(percent.format(share))}%`,
    money: (amount, currency) => {
      const symbol = currency === "EUR" ? "€" : currency
      const text = localized(amountOf(currency).format(amount))
      // The sign before the symbol, wherever the language puts the symbol ("-$5.00", "-5,00 €").
      return text.startsWith("-")
        ? `-${language.money(text.slice(1), symbol, symbol === currency)}`
        : language.money(text, symbol, symbol === currency)
    },
    kilobytes: (value) => `${localized(whole.format(value))} kB`,
  }
}
