import { openPlugins, PluginImport, PluginsConfigRequired, VaultKeysRequired } from "@bashke/gateway/server"
import { Catalogue, type Locale } from "@bashke/kernel"
import { DatabaseUrl } from "@bashke/persistence"
import { Console, Effect, Logger, LogLevel } from "effect"
import { cliMessages } from "../CliMessages"
import * as Command from "../Command"
import * as Progress from "../Progress"

const messages = Catalogue.make({
  "cli.import.summary": {
    sq: "importon tani regjistrimet e një shtojce (raportet e policisë, ndryshimet e gjykatës)",
    "sr-Latn": "odmah uvozi zapise dodatka (izveštaje policije, izmene suda)",
    en: "imports a plugin's records now (police reports, court changes)",
  },
  "cli.import.help": {
    sq: "Përdorimi: bashke import <shtojca>\n\nKalon tani, jo sipas orarit të shtojcës, të gjitha faqet që burimi i saj ka (raportet e policisë, ndryshimet e gjykatës), pastaj përpunon atë që mbërriti: për importin e parë. <shtojca> është id-ja e saj në BASHKE_PLUGINS_CONFIG (p.sh. police, court). Përparimi shfaqet si shirit në terminal dhe si rreshta të thjeshtë ndryshe. Ajo që u mor para një ndërprerjeje mbetet; një ekzekutim i ri vazhdon nga aty.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, BASHKE_PLUGINS_CONFIG: shih README dhe docs/gateway-plugins.md.",
    "sr-Latn":
      "Upotreba: bashke import <dodatak>\n\nOdmah, a ne po rasporedu dodatka, preuzima sve strane koje njegov izvor ima (izveštaje policije, izmene suda), pa obrađuje ono što je stiglo: za prvi uvoz. <dodatak> je njegov id u BASHKE_PLUGINS_CONFIG (npr. police, court). Napredak se prikazuje kao traka na terminalu, a kao obični redovi inače. Ono što je preuzeto pre prekida ostaje; novo pokretanje nastavlja odatle.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, BASHKE_PLUGINS_CONFIG: vidi README i docs/gateway-plugins.md.",
    // Explicit: transliteration would turn the command, the ids and the variables into Cyrillic.
    "sr-Cyrl":
      "Употреба: bashke import <додатак>\n\nОдмах, а не по распореду додатка, преузима све стране које његов извор има (извештаје полиције, измене суда), па обрађује оно што је стигло: за први увоз. <додатак> је његов id у BASHKE_PLUGINS_CONFIG (нпр. police, court). Напредак се приказује као трака на терминалу, а као обични редови иначе. Оно што је преузето пре прекида остаје; ново покретање наставља одатле.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, BASHKE_PLUGINS_CONFIG: види README и docs/gateway-plugins.md.",
    en: "Usage: bashke import <plugin>\n\nFetches now, not at the plugin's schedule, every page its upstream has (police reports, court changes), then processes what arrived: for a first import. <plugin> is its id in BASHKE_PLUGINS_CONFIG (e.g. police, court). Progress shows as a bar on a terminal and as plain lines otherwise. What was fetched before an interruption stays; a new run goes on from there.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, BASHKE_PLUGINS_CONFIG: see the README and docs/gateway-plugins.md.",
  },
  "cli.import.config-required": {
    sq: "BASHKE_PLUGINS_CONFIG nuk është vendosur: ajo emërton skedarin e konfigurimit të shtojcave (docs/gateway-plugins.md).",
    "sr-Latn":
      "BASHKE_PLUGINS_CONFIG nije postavljen: on imenuje datoteku konfiguracije dodataka (docs/gateway-plugins.md).",
    "sr-Cyrl":
      "BASHKE_PLUGINS_CONFIG није постављен: он именује датотеку конфигурације додатака (docs/gateway-plugins.md).",
    en: "BASHKE_PLUGINS_CONFIG is not set: it names the plugins' configuration file (docs/gateway-plugins.md).",
  },
  "cli.import.unknown-plugin": {
    sq: "Nuk ka shtojcë „{given}” në BASHKE_PLUGINS_CONFIG; të konfiguruara: {accepted}.",
    "sr-Latn": "Nema dodatka „{given}” u BASHKE_PLUGINS_CONFIG; konfigurisani: {accepted}.",
    "sr-Cyrl": "Нема додатка „{given}” у BASHKE_PLUGINS_CONFIG; конфигурисани: {accepted}.",
    en: "No plugin “{given}” in BASHKE_PLUGINS_CONFIG; configured: {accepted}.",
  },
  "cli.import.done": {
    sq: "{plugin}: {records, plural, one {# regjistrim i ri} other {# regjistrime të reja}}; {succeeded} u përpunuan, {retried} do të provohen sërish, {dead} në letrat e vdekura.",
    "sr-Latn":
      "{plugin}: {records, plural, one {# novi zapis} few {# nova zapisa} other {# novih zapisa}}; obrađeno {succeeded}, ponovo će se pokušati {retried}, među mrtvim pismima {dead}.",
    en: "{plugin}: {records, plural, one {# new record} other {# new records}}; {succeeded} processed, {retried} to retry, {dead} dead letters.",
  },
  "cli.import.pull-stopped": {
    sq: "{pull} u ndal: {code}. Ajo që u mor para saj mbetet; ekzekutojeni sërish për të vazhduar.",
    "sr-Latn":
      "{pull} je zaustavljen: {code}. Ono što je preuzeto pre toga ostaje; pokrenite ponovo da biste nastavili.",
    en: "{pull} stopped: {code}. What was fetched before stays; run it again to go on.",
  },
})

const say = (locale: Locale.Locale, key: Catalogue.Key<typeof cliMessages>, params: Command.Params) =>
  Console.log(Catalogue.format(cliMessages, locale, key, params))

/** `bashke import <plugin>`: the plugin's pulls to their end, then its inbox, with progress. */
export const command = Command.make({
  words: ["import"],
  messages,
  summary: "cli.import.summary",
  help: "cli.import.help",
  flags: [],
  operands: { min: 1, max: 1, name: "<plugin>" },
  run: (input) =>
    Effect.gen(function* () {
      const plugin = input.operands[0]!
      const url = process.env.BASHKE_DATABASE_URL ?? DatabaseUrl.defaultValue
      yield* say(input.locale, "cli.database", { database: DatabaseUrl.describe(yield* DatabaseUrl.decode(url)) })
      const opened = yield* Effect.tryPromise({
        try: () => openPlugins({ databaseUrl: url }),
        catch: (error) => error,
      }).pipe(
        Effect.catchAll((error) =>
          error instanceof PluginsConfigRequired
            ? input.stop("cli.import.config-required")
            : error instanceof VaultKeysRequired
              ? input.stop("cli.start.keys-required", { variable: error.variable })
              : Effect.fail(error),
        ),
      )
      const progress = Progress.imports(input.locale)
      const outcome = yield* Effect.ensuring(
        PluginImport.run(opened.host, plugin, progress).pipe(
          Effect.ensuring(progress.end),
          // A record's failure is counted in the last line (dead letters are listed by the
          // admin route), not logged one by one across the bar.
          Logger.withMinimumLogLevel(LogLevel.Error),
        ),
        Effect.promise(() => opened.close()),
      ).pipe(
        Effect.catchTag("UnknownPlugin", (unknown) =>
          input.stop("cli.import.unknown-plugin", { given: unknown.given, accepted: unknown.accepted.join(", ") }),
        ),
      )
      yield* input.say("cli.import.done", {
        plugin: outcome.plugin,
        records: outcome.pulls.reduce((sum, pull) => sum + pull.records, 0),
        succeeded: outcome.processed.succeeded,
        retried: outcome.processed.retried,
        dead: outcome.processed.dead,
      })
      const stopped = outcome.pulls.find((pull) => pull.stopped !== undefined)
      if (stopped !== undefined)
        return yield* input.stop("cli.import.pull-stopped", { pull: stopped.pull, code: stopped.stopped! })
    }),
})
