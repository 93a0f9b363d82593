import { Catalogue } from "@bashke/kernel"

/** What the `bashke` command prints, in every supported language. */
export const cliMessages = Catalogue.make({
  "cli.usage": {
    sq: "Përdorimi: bashke <komanda>\n\n  start     migron bazën e të dhënave dhe tregon gjendjen e saj\n  migrate   zbaton migrimet që mungojnë\n\nBaza e të dhënave: BASHKE_DATABASE_URL (parazgjedhja sqlite:./data/bashke.db)",
    "sr-Latn":
      "Upotreba: bashke <komanda>\n\n  start     migrira bazu podataka i prikazuje njeno stanje\n  migrate   primenjuje migracije koje nedostaju\n\nBaza podataka: BASHKE_DATABASE_URL (podrazumevano sqlite:./data/bashke.db)",
    // Explicit: transliteration would turn the command names and the variable into Cyrillic.
    "sr-Cyrl":
      "Употреба: bashke <команда>\n\n  start     мигрира базу података и приказује њено стање\n  migrate   примењује миграције које недостају\n\nБаза података: BASHKE_DATABASE_URL (подразумевано sqlite:./data/bashke.db)",
    en: "Usage: bashke <command>\n\n  start     migrates the database and shows its state\n  migrate   applies the missing migrations\n\nDatabase: BASHKE_DATABASE_URL (default sqlite:./data/bashke.db)",
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
  "cli.start.no-gateway": {
    sq: "Baza e të dhënave është gati. Porta e API-së ({app}) ende nuk është ndërtuar, kështu që nuk ka ç'të shërbehet.",
    "sr-Latn": "Baza podataka je spremna. API kapija ({app}) još nije izgrađena, pa nema šta da se servira.",
    en: "The database is ready. The API gateway ({app}) is not built yet, so there is nothing to serve.",
  },
  "cli.failed": {
    sq: "bashke ndaloi: {reason}",
    "sr-Latn": "bashke je prekinut: {reason}",
    en: "bashke stopped: {reason}",
  },
})
