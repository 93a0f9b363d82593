import { Locale } from "@bashke/kernel"

/**
 * The language of the command's output: `BASHKE_LOCALE`, else the POSIX locale
 * (`LANG`, e.g. `sq_AL.UTF-8`); English when neither names a supported language,
 * since a bare `C`/`POSIX` locale is what servers and CI run with.
 */
export const cliLocale = (env: NodeJS.ProcessEnv = process.env): Locale.Locale => {
  const raw = env.BASHKE_LOCALE ?? env.LC_ALL ?? env.LANG ?? ""
  const tag = raw.split(".")[0]?.replace(/_/g, "-") ?? ""
  return tag === "" || tag === "C" || tag === "POSIX" ? "en" : Locale.fromAcceptLanguage(tag, "en")
}
