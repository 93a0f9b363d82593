import { Locale } from "@bashke/kernel"

/**
 * The language of the command's output: `BASHKE_LOCALE` (`sq`, `sr-Latn`,
 * `sr-Cyrl`, `en`), else the POSIX locale (`LC_ALL`, then `LANG`, e.g.
 * `sq_AL.UTF-8`); English when neither names a supported language, since a
 * bare `C`/`POSIX` locale is what servers and CI run with. The glibc modifier
 * `@latin` (`sr_RS.UTF-8@latin`) selects Serbian in Latin script, as the
 * system's own programs do.
 */
export const cliLocale = (env: NodeJS.ProcessEnv = process.env): Locale.Locale => {
  const raw = env.BASHKE_LOCALE ?? env.LC_ALL ?? env.LANG ?? ""
  const [withoutModifier = "", modifier] = raw.split("@")
  const tag = withoutModifier.split(".")[0]?.replace(/_/g, "-") ?? ""
  if (tag === "" || tag === "C" || tag === "POSIX") return "en"
  if (modifier?.toLowerCase() === "latin" && /^sr(-|$)/i.test(tag)) return "sr-Latn"
  return Locale.fromAcceptLanguage(tag, "en")
}
