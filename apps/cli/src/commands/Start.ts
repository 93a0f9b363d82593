import { chmodSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { ConfigInvalid, checkSettings, demoDirectory, start, VaultKeysRequired } from "@bashke/gateway/server"
import { Catalogue } from "@bashke/kernel"
import { DatabaseUrl } from "@bashke/persistence"
import { Console, Effect } from "effect"
import { cliMessages } from "../CliMessages"
import * as Command from "../Command"
import * as WebRoot from "../WebRoot"

const messages = Catalogue.make({
  "cli.start.summary": {
    sq: "migron, mbjell demonstrimin në një bazë bosh dhe shërben API-në",
    "sr-Latn": "migrira, u praznu bazu unosi demonstraciju i služi API",
    en: "migrates, seeds the demo into an empty database and serves the API",
  },
  "cli.start.help": {
    sq: "Përdorimi: bashke start [--no-demo]\n\nZbaton migrimet që mungojnë, mbjell demonstrimin (mekanizmi i Gjilanit, emra të trilluar) kur baza është bosh, tregon tokena dhe lidhje hyrjeje njëpërdorimëshe për ta provuar dhe shërben API-në në HOST:PORT (127.0.0.1:8787) deri në Ctrl-C.\n\n  --no-demo   pa demonstrim dhe pa tokena demonstrimi\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, PORT, HOST, BASHKE_PLUGINS_CONFIG: shih README.",
    "sr-Latn":
      "Upotreba: bashke start [--no-demo]\n\nPrimenjuje migracije koje nedostaju, u praznu bazu unosi demonstraciju (mehanizam Gnjilana, izmišljena imena), prikazuje tokene i jednokratne veze za prijavu za probu i služi API na HOST:PORT (127.0.0.1:8787) do Ctrl-C.\n\n  --no-demo   bez demonstracije i bez demonstracionih tokena\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, PORT, HOST, BASHKE_PLUGINS_CONFIG: vidi README.",
    "sr-Cyrl":
      "Употреба: bashke start [--no-demo]\n\nПримењује миграције које недостају, у празну базу уноси демонстрацију (механизам Гњилана, измишљена имена), приказује токене и једнократне везе за пријаву за пробу и служи API на HOST:PORT (127.0.0.1:8787) до Ctrl-C.\n\n  --no-demo   без демонстрације и без демонстрационих токена\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, PORT, HOST, BASHKE_PLUGINS_CONFIG: види README.",
    en: "Usage: bashke start [--no-demo]\n\nApplies the missing migrations, seeds the demo (the Gjilan mechanism, invented names) into an empty database, prints tokens and one-time sign-in links to try it with and serves the API on HOST:PORT (127.0.0.1:8787) until Ctrl-C.\n\n  --no-demo   no demo and no demo tokens\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY, PORT, HOST, BASHKE_PLUGINS_CONFIG: see the README.",
  },
})

/** `bashke start`: the gateway with the demo, until SIGINT or SIGTERM. */
export const command = Command.make({
  words: ["start"],
  messages,
  summary: "cli.start.summary",
  help: "cli.start.help",
  flags: [{ name: "no-demo", kind: "switch" }],
  serves: true,
  run: (input) =>
    Effect.gen(function* () {
      // Why a start stopped, in the operator's words; anything else is a failure the runner explains.
      const refused = (error: unknown): Effect.Effect<never, Command.Stop | unknown> =>
        error instanceof ConfigInvalid
          ? input.stop("cli.setting-invalid", { variable: error.variable, accepted: error.accepted })
          : error instanceof VaultKeysRequired
            ? input.stop("cli.start.keys-required", { variable: error.variable })
            : (error as { code?: unknown }).code === "EADDRINUSE"
              ? input.stop("cli.start.port-busy", { port: process.env.PORT ?? "8787" })
              : Effect.fail(error)
      // Settings first: a malformed one stops the command before anything is bound or opened.
      const settings = yield* Effect.try({ try: () => checkSettings(), catch: (error) => error }).pipe(
        Effect.catchAll(refused),
      )
      yield* Console.log(
        Catalogue.format(cliMessages, input.locale, "cli.database", {
          database: DatabaseUrl.describe(Effect.runSync(DatabaseUrl.decode(settings.databaseUrl))),
        }),
      )
      const webRoot = WebRoot.find()
      const running = yield* Effect.tryPromise({
        try: () => start({ demo: !input.has("no-demo"), ...(webRoot === undefined ? {} : { webRoot }) }),
        catch: (error) => error,
      }).pipe(Effect.catchAll(refused))
      yield* input.say("cli.start.listening", { url: running.url })
      if (webRoot !== undefined) yield* input.say("cli.start.web", { url: `${running.url}/` })
      if (running.demo === "not-a-demo-database") yield* input.say("cli.start.not-a-demo-database")
      if (running.mechanismId !== undefined) {
        yield* input.say(running.seeded ? "cli.start.seeded" : "cli.start.already-seeded")
        // The demo's credentials: on a terminal, shown; otherwise (output redirected to a
        // file, a journal, a CI log) written to a file only its owner reads, and named.
        const say = (key: Catalogue.Key<typeof cliMessages>, params?: Record<string, string>) =>
          Catalogue.format(cliMessages, input.locale, key, params)
        const lines: Array<string> = []
        for (const [who, token] of Object.entries(running.tokens)) lines.push(say("cli.start.token", { who, token }))
        lines.push(say("cli.start.sign-in"))
        for (const [who, link] of Object.entries(running.signInLinks))
          lines.push(say("cli.start.sign-in-link", { who, link }))
        const token = running.tokens.caseManager
        if (token !== undefined) {
          lines.push(say("cli.start.try"))
          lines.push(
            `  curl -H "Authorization: Bearer ${token}" "${running.url}/v1/cases?mechanismId=${running.mechanismId}"`,
          )
        }
        if (process.stdout.isTTY === true) {
          for (const line of lines) yield* Console.log(line)
        } else {
          const path = join(demoDirectory(settings.databaseUrl), "demo-credentials.txt")
          writeFileSync(path, `${lines.join("\n")}\n`, { mode: 0o600 })
          chmodSync(path, 0o600)
          yield* input.say("cli.start.credentials-file", { path })
        }
      }
      // Serve until told to stop; close the server and the database cleanly.
      yield* Effect.async<void>((resume) => {
        const stop = () => {
          running.close().then(() => resume(Effect.void))
        }
        process.once("SIGINT", stop)
        process.once("SIGTERM", stop)
      })
    }),
})
