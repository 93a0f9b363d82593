// Progress of the build inside `npm start` (turbo, about a minute on a fresh
// clone): read from turbo's `--output-logs=hash-only` lines, shown as one bar
// redrawn in place on a terminal, or one plain line per package elsewhere (a
// log, a pipe, CI). Its words are here, in the four languages of the message
// catalogue, because this runs before any package — the catalogue's included —
// is built; the language is chosen as the `bashke` command chooses it
// (apps/cli/src/Locale.ts): BASHKE_LOCALE, then LC_ALL, then LANG, else English.

const words = {
  sq: { building: "Ndërtimi {done} nga {total}: {package}", built: "U ndërtuan {total} paketa." },
  "sr-Latn": { building: "Izgradnja {done} od {total}: {package}", built: "Izgrađeno paketa: {total}." },
  "sr-Cyrl": { building: "Изградња {done} од {total}: {package}", built: "Изграђено пакета: {total}." },
  en: { building: "Building {done} of {total}: {package}", built: "Built {total} packages." },
}

/** The language of the lines: `sq`, `sr-Latn`, `sr-Cyrl` or `en`. */
export const localeOf = (env) => {
  const raw = env.BASHKE_LOCALE ?? env.LC_ALL ?? env.LANG ?? ""
  const [withoutModifier = "", modifier] = raw.split("@")
  const tag = (withoutModifier.split(".")[0] ?? "").replace(/_/g, "-").toLowerCase()
  if (tag.startsWith("sq")) return "sq"
  if (/^sr(-|$)/.test(tag)) return modifier?.toLowerCase() === "latin" || tag.includes("latn") ? "sr-Latn" : "sr-Cyrl"
  return "en"
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]))

/** A bar of `width` cells, `done` of `total` filled. */
export const bar = (done, total, width = 24) => {
  const filled = total === 0 ? width : Math.min(width, Math.round((done / total) * width))
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`
}

/**
 * Reads turbo's lines (`• Running build in 17 packages`, then
 * `@bashke/kernel:build: cache hit, …` as each package's build starts) and
 * writes the progress to `output` (`{ isTTY, write }`). `finish()` ends the bar.
 */
export const reporter = (output, locale = "en") => {
  const say = words[locale] ?? words.en
  let total = 0
  let done = 0
  return {
    line: (text) => {
      const running = /Running build in (\d+) packages/.exec(text)
      if (running) total = Number(running[1])
      const started = /^(\S+?):build: cache (?:hit|miss)/.exec(text)
      if (started === null) return
      done++
      const line = fill(say.building, { done, total: Math.max(total, done), package: started[1] })
      if (output.isTTY === true) output.write(`\r\x1b[2K${bar(done, Math.max(total, done))} ${line}`)
      else output.write(`${line}\n`)
    },
    finish: (succeeded) => {
      if (output.isTTY === true && done > 0) output.write("\n")
      if (succeeded) output.write(`${fill(say.built, { total: done })}\n`)
    },
  }
}
