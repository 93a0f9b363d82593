import { ListPeople } from "@bashke/identity"
import { Catalogue, Id, Pagination } from "@bashke/kernel"
import { Effect, Either, Schema } from "effect"
import * as Command from "../Command"
import { asOperator } from "../PeopleDatabase"

const messages = Catalogue.make({
  "cli.people-list.summary": {
    sq: "liston njerëzit (të gjithë, ose të një mekanizmi)",
    "sr-Latn": "izlistava osobe (sve, ili jednog mehanizma)",
    en: "lists the people (everyone, or one mechanism's)",
  },
  "cli.people-list.help": {
    sq: "Përdorimi: bashke people list [--mechanism <id>]\n\nListon njerëzit: id, emri, gjuha, rolet me mekanizmin e secilit dhe nëse është aktiv apo i çaktivizuar. Me --mechanism, vetëm ata që kanë një rol në atë mekanizëm. Emrat janë të dhëna personale: leximi regjistrohet në auditim; adresat e postës nuk tregohen.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY: shih README.",
    "sr-Latn":
      "Upotreba: bashke people list [--mechanism <id>]\n\nIzlistava osobe: id, ime, jezik, uloge sa mehanizmom svake i da li je aktivna ili deaktivirana. Sa --mechanism, samo one koje imaju ulogu u tom mehanizmu. Imena su lični podaci: čitanje se beleži u reviziji; adrese e-pošte se ne prikazuju.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY: vidi README.",
    // Explicit: transliteration would turn the command, the flag and the variables into Cyrillic.
    "sr-Cyrl":
      "Употреба: bashke people list [--mechanism <id>]\n\nИзлистава особе: id, име, језик, улоге са механизмом сваке и да ли је активна или деактивирана. Са --mechanism, само оне које имају улогу у том механизму. Имена су лични подаци: читање се бележи у ревизији; адресе е-поште се не приказују.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY: види README.",
    en: "Usage: bashke people list [--mechanism <id>]\n\nLists the people: id, name, language, roles with each one's mechanism, and whether each is active or deactivated. With --mechanism, only those holding a role in that mechanism. Names are personal data: the reading is audited; email addresses are not shown.\n\nBASHKE_DATABASE_URL, BASHKE_VAULT_KEYS, BASHKE_BLIND_INDEX_KEY: see the README.",
  },
  "cli.people-list.none": {
    sq: "Nuk ka njerëz këtu ende.",
    "sr-Latn": "Ovde još nema osoba.",
    en: "No people here yet.",
  },
  "cli.people-list.line": {
    sq: "{id}  {name}  {language}  {roles}  {active, select, true {aktiv} other {i çaktivizuar}}",
    "sr-Latn": "{id}  {name}  {language}  {roles}  {active, select, true {aktivna} other {deaktivirana}}",
    en: "{id}  {name}  {language}  {roles}  {active, select, true {active} other {deactivated}}",
  },
  "cli.people.mechanism-invalid": {
    sq: "--mechanism pret id-në e një mekanizmi (26 shkronja dhe shifra).",
    "sr-Latn": "--mechanism očekuje id mehanizma (26 slova i cifara).",
    "sr-Cyrl": "--mechanism очекује id механизма (26 слова и цифара).",
    en: "--mechanism expects a mechanism's id (26 letters and digits).",
  },
})

/** `bashke people list [--mechanism <id>]`: every page, as the operator. */
export const command = Command.make({
  words: ["people", "list"],
  messages,
  summary: "cli.people-list.summary",
  help: "cli.people-list.help",
  flags: [{ name: "mechanism", kind: "value" }],
  run: (input) =>
    Effect.gen(function* () {
      const given = input.values("mechanism")[0]
      const mechanism = given === undefined ? undefined : Schema.decodeUnknownEither(Id.MechanismId)(given)
      if (mechanism !== undefined && Either.isLeft(mechanism)) return yield* input.stop("cli.people.mechanism-invalid")
      yield* asOperator(
        input,
        Effect.gen(function* () {
          let after: string | undefined
          let listed = 0
          do {
            const page = yield* ListPeople.listPeople({
              mechanism: mechanism?.right,
              limit: Pagination.maxLimit,
              after,
            })
            for (const person of page.items) {
              listed += 1
              yield* input.say("cli.people-list.line", {
                id: person.id,
                name: person.displayName,
                language: person.language,
                roles: person.grants
                  .map((grant) => (grant.mechanism === null ? grant.role : `${grant.role}@${grant.mechanism}`))
                  .join(","),
                active: person.active,
              })
            }
            after = page.next ?? undefined
          } while (after !== undefined)
          if (listed === 0) yield* input.say("cli.people-list.none")
        }),
      )
    }),
})
