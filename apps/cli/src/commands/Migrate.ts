import { Catalogue } from "@bashke/kernel"
import { Effect } from "effect"
import * as Command from "../Command"
import { withDatabase } from "../Database"
import { migrate } from "../Migrate"

const messages = Catalogue.make({
  "cli.migrate.summary": {
    sq: "zbaton migrimet që mungojnë",
    "sr-Latn": "primenjuje migracije koje nedostaju",
    en: "applies the missing migrations",
  },
  "cli.migrate.help": {
    sq: "Përdorimi: bashke migrate\n\nZbaton në bazën e BASHKE_DATABASE_URL migrimet që mungojnë (secila në transaksionin e vet) dhe tregon gjendjen e çdo pakete. Një ekzekutim i dytë nuk zbaton asgjë; dy ekzekutime njëkohësisht nuk zbatojnë asgjë dy herë.",
    "sr-Latn":
      "Upotreba: bashke migrate\n\nNa bazu iz BASHKE_DATABASE_URL primenjuje migracije koje nedostaju (svaku u sopstvenoj transakciji) i prikazuje stanje svakog paketa. Drugo pokretanje ne primenjuje ništa; dva istovremena pokretanja ništa ne primenjuju dvaput.",
    "sr-Cyrl":
      "Употреба: bashke migrate\n\nНа базу из BASHKE_DATABASE_URL примењује миграције које недостају (сваку у сопственој трансакцији) и приказује стање сваког пакета. Друго покретање не примењује ништа; два истовремена покретања ништа не примењују двапут.",
    en: "Usage: bashke migrate\n\nApplies the missing migrations to the database of BASHKE_DATABASE_URL (each in its own transaction) and prints each package's state. A second run applies nothing; two runs at once apply nothing twice.",
  },
})

/** `bashke migrate`. */
export const command = Command.make({
  words: ["migrate"],
  messages,
  summary: "cli.migrate.summary",
  help: "cli.migrate.help",
  flags: [],
  run: (input) => Effect.asVoid(withDatabase(input.locale, migrate(input.locale))),
})
