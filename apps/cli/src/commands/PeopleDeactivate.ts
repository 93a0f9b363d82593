import { Administration, Person } from "@bashke/identity"
import { Catalogue } from "@bashke/kernel"
import { Effect, Either, Schema } from "effect"
import * as Command from "../Command"
import { asOperator } from "../PeopleDatabase"

const messages = Catalogue.make({
  "cli.people-deactivate.summary": {
    sq: "çaktivizon një person",
    "sr-Latn": "deaktivira osobu",
    en: "deactivates a person",
  },
  "cli.people-deactivate.help": {
    sq: "Përdorimi: bashke people deactivate <id>\n\nÇaktivizon personin me këtë id (`bashke people list` i tregon): çdo seancë, token dhe JWT i tij refuzohet që në kërkesën e ardhshme, në çdo instancë. Ndryshimi regjistrohet në auditim. Dështon kur nuk ka person me këtë id.",
    "sr-Latn":
      "Upotreba: bashke people deactivate <id>\n\nDeaktivira osobu sa tim id-om (`bashke people list` ih prikazuje): svaka njena sesija, token i JWT odbijaju se od sledećeg zahteva, na svakoj instanci. Promena se beleži u reviziji. Ne uspeva kada nema osobe sa tim id-om.",
    "sr-Cyrl":
      "Употреба: bashke people deactivate <id>\n\nДеактивира особу са тим id-ом (`bashke people list` их приказује): свака њена сесија, токен и JWT одбијају се од следећег захтева, на свакој инстанци. Промена се бележи у ревизији. Не успева када нема особе са тим id-ом.",
    en: "Usage: bashke people deactivate <id>\n\nDeactivates the person with this id (`bashke people list` shows them): every session, token and JWT of theirs is refused from the next request, on every instance. The change is audited. Fails when no person has this id.",
  },
  "cli.people-deactivate.done": {
    sq: "Personi {id} është i çaktivizuar.",
    "sr-Latn": "Osoba {id} je deaktivirana.",
    en: "Person {id} is deactivated.",
  },
  "cli.people-deactivate.unknown": {
    sq: "Nuk ka person {id}.",
    "sr-Latn": "Nema osobe {id}.",
    en: "No person {id}.",
  },
})

/** `bashke people deactivate <id>`, as the operator. */
export const command = Command.make({
  words: ["people", "deactivate"],
  messages,
  summary: "cli.people-deactivate.summary",
  help: "cli.people-deactivate.help",
  flags: [],
  operands: { min: 1, max: 1, name: "<id>" },
  run: (input) =>
    Effect.gen(function* () {
      const given = input.operands[0] as string
      const id = Schema.decodeUnknownEither(Person.PersonId)(given)
      // A malformed id names no one: said as for an unknown one, without opening the database.
      if (Either.isLeft(id)) return yield* input.stop("cli.people-deactivate.unknown", { id: given })
      yield* asOperator(
        input,
        Administration.deactivate(id.right).pipe(
          Effect.catchTag("NotFound", () => input.stop("cli.people-deactivate.unknown", { id: id.right })),
        ),
      )
      yield* input.say("cli.people-deactivate.done", { id: id.right })
    }),
})
