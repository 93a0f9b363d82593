import { Catalogue } from "@bashke/kernel"

/** What the `bashke` command prints, in every supported language. */
export const cliMessages = Catalogue.make({
  "cli.usage": {
    sq: "Përdorimi: bashke <komanda>\n\n  start [--no-demo]   migron, mbjell demonstrimin në një bazë bosh dhe shërben API-në në PORT (8787)\n  migrate             zbaton migrimet që mungojnë\n  token create --role <rol> [--institution <id> --sector <sektor>] [--mechanism <id>] --label <emër>\n                      krijon një token API (tregohet vetëm një herë)\n  token list          liston tokenat (pa sekretet)\n  token revoke <id>   revokon një token\n\nBaza e të dhënave: BASHKE_DATABASE_URL (parazgjedhja sqlite:./data/bashke.db)",
    "sr-Latn":
      "Upotreba: bashke <komanda>\n\n  start [--no-demo]   migrira, u praznu bazu unosi demonstraciju i služi API na PORT (8787)\n  migrate             primenjuje migracije koje nedostaju\n  token create --role <uloga> [--institution <id> --sector <sektor>] [--mechanism <id>] --label <naziv>\n                      pravi API token (prikazuje se samo jednom)\n  token list          izlistava tokene (bez tajni)\n  token revoke <id>   opoziva token\n\nBaza podataka: BASHKE_DATABASE_URL (podrazumevano sqlite:./data/bashke.db)",
    // Explicit: transliteration would turn the command names and the variable into Cyrillic.
    "sr-Cyrl":
      "Употреба: bashke <команда>\n\n  start [--no-demo]   мигрира, у празну базу уноси демонстрацију и служи API на PORT (8787)\n  migrate             примењује миграције које недостају\n  token create --role <улога> [--institution <id> --sector <сектор>] [--mechanism <id>] --label <назив>\n                      прави API токен (приказује се само једном)\n  token list          излистава токене (без тајни)\n  token revoke <id>   опозива токен\n\nБаза података: BASHKE_DATABASE_URL (подразумевано sqlite:./data/bashke.db)",
    en: "Usage: bashke <command>\n\n  start [--no-demo]   migrates, seeds the demo into an empty database and serves the API on PORT (8787)\n  migrate             applies the missing migrations\n  token create --role <role> [--institution <id> --sector <sector>] [--mechanism <id>] --label <label>\n                      makes an API token (shown only once)\n  token list          lists the tokens (never their secrets)\n  token revoke <id>   revokes a token\n\nDatabase: BASHKE_DATABASE_URL (default sqlite:./data/bashke.db)",
  },
  "cli.unknown-command": {
    sq: "Komandë e panjohur: {command}",
    "sr-Latn": "Nepoznata komanda: {command}",
    en: "Unknown command: {command}",
  },
  "cli.database": {
    sq: "Baza e të dhënave: {database}",
    "sr-Latn": "Baza podataka: {database}",
    en: "Database: {database}",
  },
  "cli.migrations.applied-now": {
    sq: "{count, plural, =0 {Asnjë migrim i ri} one {U zbatua # migrim i ri} other {U zbatuan # migrime të reja}}",
    "sr-Latn":
      "{count, plural, =0 {Nema novih migracija} one {Primenjena je # nova migracija} few {Primenjene su # nove migracije} other {Primenjeno je # novih migracija}}",
    en: "{count, plural, =0 {No new migrations} one {Applied # new migration} other {Applied # new migrations}}",
  },
  "cli.migrations.package": {
    sq: "  {package}: {count, plural, one {# migrim} other {# migrime}}, i fundit {last}",
    "sr-Latn":
      "  {package}: {count, plural, one {# migracija} few {# migracije} other {# migracija}}, poslednja {last}",
    en: "  {package}: {count, plural, one {# migration} other {# migrations}}, last {last}",
  },
  "cli.start.listening": {
    sq: "Bashkë shërben në {url} (përshkrimi i API-së: {url}/docs)",
    "sr-Latn": "Bashkë radi na {url} (opis API-ja: {url}/docs)",
    en: "Bashkë is serving on {url} (API description: {url}/docs)",
  },
  "cli.start.seeded": {
    sq: "Të dhënat e demonstrimit u mbollën: mekanizmi i Gjilanit, me emra të trilluar.",
    "sr-Latn": "Demonstracioni podaci su uneti: mehanizam Gnjilana, sa izmišljenim imenima.",
    en: "Demo data seeded: the Gjilan mechanism, with invented names.",
  },
  "cli.start.already-seeded": {
    sq: "Baza e të dhënave ka tashmë të dhëna; demonstrimi nuk u mboll përsëri.",
    "sr-Latn": "Baza već ima podatke; demonstracija nije ponovo uneta.",
    en: "The database already holds data; the demo was not seeded again.",
  },
  "cli.start.token": {
    sq: "  token për {who} në demonstrim: {token}",
    "sr-Latn": "  token za {who} u demonstraciji: {token}",
    en: "  token for the demo {who}: {token}",
  },
  "cli.start.try": {
    sq: "Provoni:",
    "sr-Latn": "Probajte:",
    en: "Try:",
  },
  "cli.token.created": {
    sq: "Tokeni {id} u krijua. Ruajeni tani, nuk do të tregohet më:",
    "sr-Latn": "Token {id} je napravljen. Sačuvajte ga sada, neće biti ponovo prikazan:",
    en: "Token {id} created. Keep it now; it will not be shown again:",
  },
  "cli.token.revoked": {
    sq: "{revoked, select, true {Tokeni {id} u revokua.} other {Nuk ka token aktiv {id}.}}",
    "sr-Latn": "{revoked, select, true {Token {id} je opozvan.} other {Nema aktivnog tokena {id}.}}",
    en: "{revoked, select, true {Token {id} revoked.} other {No active token {id}.}}",
  },
  "cli.token.invalid": {
    sq: "Token i pavlefshëm: {field} ({rule})",
    "sr-Latn": "Neispravan token: {field} ({rule})",
    en: "Invalid token request: {field} ({rule})",
  },
  "cli.failed": {
    sq: "bashke ndaloi: {reason}",
    "sr-Latn": "bashke je prekinut: {reason}",
    en: "bashke stopped: {reason}",
  },
})
