import { ApiTokens } from "@bashke/gateway"
import { Catalogue } from "@bashke/kernel"
import { Clock, Effect } from "effect"
import * as Command from "../Command"
import { withTokenTable } from "../TokenDatabase"

const messages = Catalogue.make({
  "cli.token-list.summary": {
    sq: "liston tokenat (pa sekretet)",
    "sr-Latn": "izlistava tokene (bez tajni)",
    en: "lists the tokens (never their secrets)",
  },
  "cli.token-list.help": {
    sq: "Përdorimi: bashke token list\n\nListon tokenat API: id, emri, rolet dhe nëse është aktiv apo i revokuar. Sekretet nuk ruhen, prandaj nuk tregohen kurrë.",
    "sr-Latn":
      "Upotreba: bashke token list\n\nIzlistava API tokene: id, naziv, uloge i da li je aktivan ili opozvan. Tajne se ne čuvaju, pa se nikad ne prikazuju.",
    "sr-Cyrl":
      "Употреба: bashke token list\n\nИзлистава API токене: id, назив, улоге и да ли је активан или опозван. Тајне се не чувају, па се никад не приказују.",
    en: "Usage: bashke token list\n\nLists the API tokens: id, label, roles, and whether each is active or revoked. Secrets are not stored, so they are never shown.",
  },
  "cli.token-list.none": {
    sq: "Nuk ka ende tokena. `bashke token create --help` tregon si krijohet një.",
    "sr-Latn": "Još nema tokena. `bashke token create --help` objašnjava kako se pravi.",
    "sr-Cyrl": "Још нема токена. `bashke token create --help` објашњава како се прави.",
    en: "No tokens yet. `bashke token create --help` explains how to make one.",
  },
  "cli.token-list.line": {
    sq: "{id}  {label}  {roles}  {status, select, active {aktiv deri më {expiresAt}} expired {i skaduar {expiresAt}} other {i revokuar {revokedAt}}}",
    "sr-Latn":
      "{id}  {label}  {roles}  {status, select, active {aktivan do {expiresAt}} expired {istekao {expiresAt}} other {opozvan {revokedAt}}}",
    en: "{id}  {label}  {roles}  {status, select, active {active until {expiresAt}} expired {expired {expiresAt}} other {revoked {revokedAt}}}",
  },
})

/** `bashke token list`. */
export const command = Command.make({
  words: ["token", "list"],
  messages,
  summary: "cli.token-list.summary",
  help: "cli.token-list.help",
  flags: [],
  run: (input) =>
    withTokenTable(
      input.locale,
      Effect.gen(function* () {
        const listed = yield* Effect.flatMap(ApiTokens.ApiTokens, (tokens) => tokens.list)
        const now = yield* Clock.currentTimeMillis
        if (listed.length === 0) return yield* input.say("cli.token-list.none")
        for (const token of listed) {
          yield* input.say("cli.token-list.line", {
            id: token.id,
            label: token.label,
            roles: token.principal.roles.join(","),
            status: token.revokedAt !== null ? "revoked" : token.expiresAt.getTime() <= now ? "expired" : "active",
            expiresAt: token.expiresAt.toISOString(),
            revokedAt: token.revokedAt?.toISOString() ?? "",
          })
        }
      }),
    ),
})
