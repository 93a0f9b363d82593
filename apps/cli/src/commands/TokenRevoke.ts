import { ApiTokens } from "@bashke/gateway"
import { Catalogue } from "@bashke/kernel"
import { Effect } from "effect"
import * as Command from "../Command"
import { withTokenTable } from "../TokenDatabase"

const messages = Catalogue.make({
  "cli.token-revoke.summary": {
    sq: "revokon një token",
    "sr-Latn": "opoziva token",
    en: "revokes a token",
  },
  "cli.token-revoke.help": {
    sq: "Përdorimi: bashke token revoke <id>\n\nRevokon tokenin me këtë id (`bashke token list` i tregon): kërkesat me të refuzohen menjëherë. Dështon kur nuk ka token aktiv me këtë id.",
    "sr-Latn":
      "Upotreba: bashke token revoke <id>\n\nOpoziva token sa tim id-om (`bashke token list` ih prikazuje): zahtevi sa njim se odmah odbijaju. Ne uspeva kada nema aktivnog tokena sa tim id-om.",
    "sr-Cyrl":
      "Употреба: bashke token revoke <id>\n\nОпозива токен са тим id-ом (`bashke token list` их приказује): захтеви са њим се одмах одбијају. Не успева када нема активног токена са тим id-ом.",
    en: "Usage: bashke token revoke <id>\n\nRevokes the token with this id (`bashke token list` shows them): requests with it are refused at once. Fails when no active token has this id.",
  },
})

/** `bashke token revoke <id>`. */
export const command = Command.make({
  words: ["token", "revoke"],
  messages,
  summary: "cli.token-revoke.summary",
  help: "cli.token-revoke.help",
  flags: [],
  operands: { min: 1, max: 1, name: "<id>" },
  run: (input) =>
    withTokenTable(
      input.locale,
      Effect.gen(function* () {
        const id = input.operands[0] as string
        const revoked = yield* Effect.flatMap(ApiTokens.ApiTokens, (tokens) => tokens.revoke(id))
        if (!revoked) return yield* input.stop("cli.token.revoked", { id, revoked })
        yield* input.say("cli.token.revoked", { id, revoked })
      }),
    ),
})
