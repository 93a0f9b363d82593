import { Catalogue } from "@bashke/kernel"

/** What the `bashke` command prints, in every supported language. */
export const cliMessages = Catalogue.make({
  "cli.overview": {
    sq: "Përdorimi: bashke <komanda> [opsionet]\n\nKomandat:\n{commands}\n\n`bashke <komanda> --help` shpjegon një komandë; `bashke --version` tregon versionin.\nBaza e të dhënave: BASHKE_DATABASE_URL (parazgjedhja sqlite:./data/bashke.db). Gjuha: BASHKE_LOCALE (sq, sr-Latn, sr-Cyrl, en), përndryshe LANG.",
    "sr-Latn":
      "Upotreba: bashke <komanda> [opcije]\n\nKomande:\n{commands}\n\n`bashke <komanda> --help` objašnjava komandu; `bashke --version` prikazuje verziju.\nBaza podataka: BASHKE_DATABASE_URL (podrazumevano sqlite:./data/bashke.db). Jezik: BASHKE_LOCALE (sq, sr-Latn, sr-Cyrl, en), inače LANG.",
    // Explicit: transliteration would turn the command names and the variables into Cyrillic.
    "sr-Cyrl":
      "Употреба: bashke <команда> [опције]\n\nКоманде:\n{commands}\n\n`bashke <команда> --help` објашњава команду; `bashke --version` приказује верзију.\nБаза података: BASHKE_DATABASE_URL (подразумевано sqlite:./data/bashke.db). Језик: BASHKE_LOCALE (sq, sr-Latn, sr-Cyrl, en), иначе LANG.",
    en: "Usage: bashke <command> [options]\n\nCommands:\n{commands}\n\n`bashke <command> --help` explains a command; `bashke --version` prints the version.\nDatabase: BASHKE_DATABASE_URL (default sqlite:./data/bashke.db). Language: BASHKE_LOCALE (sq, sr-Latn, sr-Cyrl, en), else LANG.",
  },
  "cli.group": {
    sq: "Komandat e `bashke {group}`:\n{commands}",
    "sr-Latn": "Komande `bashke {group}`:\n{commands}",
    "sr-Cyrl": "Команде `bashke {group}`:\n{commands}",
    en: "The commands of `bashke {group}`:\n{commands}",
  },
  "cli.problem.unknown-command": {
    sq: "Komandë e panjohur „{given}”; komandat janë: {accepted} (`bashke --help`).",
    "sr-Latn": "Nepoznata komanda „{given}”; komande su: {accepted} (`bashke --help`).",
    "sr-Cyrl": "Непозната команда „{given}”; команде су: {accepted} (`bashke --help`).",
    en: "Unknown command “{given}”; the commands are: {accepted} (`bashke --help`).",
  },
  "cli.problem.incomplete": {
    sq: "`bashke {given}` kërkon edhe një fjalë: {accepted}.",
    "sr-Latn": "`bashke {given}` traži još jednu reč: {accepted}.",
    "sr-Cyrl": "`bashke {given}` тражи још једну реч: {accepted}.",
    en: "`bashke {given}` needs one more word: {accepted}.",
  },
  "cli.problem.unknown-flag": {
    sq: "`{command}` nuk njeh opsionin {flag}; pranon: {accepted}.",
    "sr-Latn": "`{command}` ne poznaje opciju {flag}; prihvata: {accepted}.",
    "sr-Cyrl": "`{command}` не познаје опцију {flag}; прихвата: {accepted}.",
    en: "`{command}` does not know the option {flag}; it accepts: {accepted}.",
  },
  "cli.problem.missing-value": {
    sq: "Opsioni {flag} i `{command}` kërkon një vlerë.",
    "sr-Latn": "Opcija {flag} komande `{command}` traži vrednost.",
    "sr-Cyrl": "Опција {flag} команде `{command}` тражи вредност.",
    en: "The option {flag} of `{command}` needs a value.",
  },
  "cli.problem.unexpected-value": {
    sq: "Opsioni {flag} i `{command}` nuk merr vlerë.",
    "sr-Latn": "Opcija {flag} komande `{command}` ne prima vrednost.",
    "sr-Cyrl": "Опција {flag} команде `{command}` не прима вредност.",
    en: "The option {flag} of `{command}` takes no value.",
  },
  "cli.problem.repeated-flag": {
    sq: "Opsioni {flag} i `{command}` jepet vetëm një herë.",
    "sr-Latn": "Opcija {flag} komande `{command}` se daje samo jednom.",
    "sr-Cyrl": "Опција {flag} команде `{command}` се даје само једном.",
    en: "The option {flag} of `{command}` may be given only once.",
  },
  "cli.problem.operands": {
    sq: "`{command}` {none, select, true {nuk merr argumente} other {merr {name}}}; u dhanë {given}.",
    "sr-Latn": "`{command}` {none, select, true {ne prima argumente} other {prima {name}}}; dato je {given}.",
    "sr-Cyrl": "`{command}` {none, select, true {не прима аргументе} other {прима {name}}}; дато је {given}.",
    en: "`{command}` {none, select, true {takes no arguments} other {takes {name}}}; {given} given.",
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
  "cli.migrations.progress": {
    sq: "Migrimi {done} nga {total}: {package} {migration}",
    "sr-Latn": "Migracija {done} od {total}: {package} {migration}",
    "sr-Cyrl": "Миграција {done} од {total}: {package} {migration}",
    en: "Migration {done} of {total}: {package} {migration}",
  },
  "cli.import.pulled": {
    sq: "{pull}: faqja {pages}, {records, plural, one {# regjistrim i ri} other {# regjistrime të reja}}",
    "sr-Latn":
      "{pull}: strana {pages}, {records, plural, one {# novi zapis} few {# nova zapisa} other {# novih zapisa}}",
    en: "{pull}: page {pages}, {records, plural, one {# new record} other {# new records}}",
  },
  "cli.import.processed": {
    sq: "U përpunuan {done} nga {total} regjistrime",
    "sr-Latn": "Obrađeno {done} od {total} zapisa",
    en: "Processed {done} of {total} records",
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
  "cli.start.web": {
    sq: "Aplikacioni në shfletues: {url}",
    "sr-Latn": "Aplikacija u pregledaču: {url}",
    en: "The app in a browser: {url}",
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
  "cli.start.not-a-demo-database": {
    sq: "Kjo bazë e të dhënave ka të dhëna që nuk i bëri demonstrimi: pa demonstrim dhe pa tokena demonstrimi.",
    "sr-Latn":
      "Ova baza ima podatke koje demonstracija nije napravila: bez demonstracije i bez demonstracionih tokena.",
    en: "This database holds data the demo did not make: no demo and no demo tokens.",
  },
  "cli.start.keys-required": {
    sq: "bashke nuk u nis: kjo bazë e të dhënave nuk është e demonstrimit, prandaj duhet {variable} (shih README).",
    "sr-Latn":
      "bashke nije pokrenut: ova baza nije demonstraciona, pa je potrebna promenljiva {variable} (vidi README).",
    en: "bashke did not start: this database is not the demo's, so it needs {variable} (see the README).",
  },
  "cli.start.port-busy": {
    sq: "bashke nuk u nis: porta {port} është e zënë (PORT); asgjë nuk u krijua.",
    "sr-Latn": "bashke nije pokrenut: port {port} je zauzet (PORT); ništa nije napravljeno.",
    en: "bashke did not start: port {port} is in use (PORT); nothing was created.",
  },
  "cli.audit.setting": {
    sq: "bashke audit nuk u nis: {variable} mungon ose nuk është e vlefshme (shih bashke audit verify --help).",
    "sr-Latn": "bashke audit nije pokrenut: {variable} nedostaje ili nije ispravna (vidi bashke audit verify --help).",
    en: "bashke audit did not start: {variable} is missing or not valid (see bashke audit verify --help).",
  },
  "cli.setting-invalid": {
    sq: "bashke nuk u nis: {variable} nuk është e vlefshme; pranohet: {accepted}.",
    "sr-Latn": "bashke nije pokrenut: {variable} nije ispravna; prihvata se: {accepted}.",
    en: "bashke did not start: {variable} is not valid; it accepts: {accepted}.",
  },
  "cli.start.token": {
    sq: "  token për {who} në demonstrim: {token}",
    "sr-Latn": "  token za {who} u demonstraciji: {token}",
    en: "  token for the demo {who}: {token}",
  },
  "cli.start.sign-in": {
    sq: "Hyni si njëri nga njerëzit e demonstrimit (lidhje njëpërdorimëshe, 8 orë):",
    "sr-Latn": "Prijavite se kao jedna od osoba iz demonstracije (jednokratne veze, 8 sati):",
    en: "Sign in as one of the demo's people (one-time links, 8 hours):",
  },
  "cli.start.sign-in-link": {
    sq: "  {who}: {link}",
    "sr-Latn": "  {who}: {link}",
    en: "  {who}: {link}",
  },
  "cli.start.credentials-file": {
    sq: "Tokenat dhe lidhjet e demonstrimit janë në {path} (vetëm për pronarin): nuk shkruhen në një dalje që mund të ruhet në log.",
    "sr-Latn":
      "Tokeni i veze demonstracije su u {path} (samo za vlasnika): ne pišu se u izlaz koji bi mogao završiti u logu.",
    en: "The demo's tokens and links are in {path} (readable by its owner only): they are not written to output that could end up in a log.",
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
  "cli.failed.database-url": {
    sq: "{variable} nuk mund të përdoret. Format e pranuara: {accepted}.",
    "sr-Latn": "{variable} ne može da se koristi. Prihvaćeni oblici: {accepted}.",
    "sr-Cyrl": "{variable} не може да се користи. Прихваћени облици: {accepted}.",
    en: "{variable} is not usable. Accepted forms: {accepted}.",
  },
  "cli.failed.port-in-use": {
    sq: "Porta {port} është e zënë nga një program tjetër. Zgjidhni një tjetër me PORT=… (ose ndaloni programin tjetër).",
    "sr-Latn": "Port {port} zauzima drugi program. Izaberite drugi sa PORT=… (ili zaustavite drugi program).",
    "sr-Cyrl": "Порт {port} заузима други програм. Изаберите други са PORT=… (или зауставите други програм).",
    en: "Port {port} is taken by another program. Choose another with PORT=… (or stop the other program).",
  },
  "cli.failed.port-denied": {
    sq: "Porta {port} nuk lejohet për këtë përdorues. Zgjidhni një portë mbi 1024 me PORT=….",
    "sr-Latn": "Port {port} nije dozvoljen ovom korisniku. Izaberite port iznad 1024 sa PORT=….",
    "sr-Cyrl": "Порт {port} није дозвољен овом кориснику. Изаберите порт изнад 1024 са PORT=….",
    en: "Port {port} is not allowed for this user. Choose a port above 1024 with PORT=….",
  },
  "cli.failed.database-unreachable": {
    sq: "Nuk u arrit lidhja me PostgreSQL në {host}: {cause}. Kontrolloni BASHKE_DATABASE_URL dhe nëse serveri punon.",
    "sr-Latn":
      "Nije uspelo povezivanje sa PostgreSQL-om na {host}: {cause}. Proverite BASHKE_DATABASE_URL i da li server radi.",
    "sr-Cyrl":
      "Није успело повезивање са PostgreSQL-ом на {host}: {cause}. Проверите BASHKE_DATABASE_URL и да ли сервер ради.",
    en: "Could not connect to PostgreSQL at {host}: {cause}. Check BASHKE_DATABASE_URL and that the server is running.",
  },
  "cli.failed.database.refused": {
    sq: "lidhja u refuzua",
    "sr-Latn": "veza je odbijena",
    "sr-Cyrl": "веза је одбијена",
    en: "connection refused",
  },
  "cli.failed.database.not-found": {
    sq: "emri i serverit nuk gjendet",
    "sr-Latn": "ime servera nije pronađeno",
    "sr-Cyrl": "име сервера није пронађено",
    en: "host name not found",
  },
  "cli.failed.database.timeout": {
    sq: "serveri nuk u përgjigj me kohë",
    "sr-Latn": "server nije odgovorio na vreme",
    "sr-Cyrl": "сервер није одговорио на време",
    en: "the server did not answer in time",
  },
  "cli.failed.database.unreachable": {
    sq: "rrjeti nuk e arrin serverin",
    "sr-Latn": "mreža ne dopire do servera",
    "sr-Cyrl": "мрежа не допире до сервера",
    en: "the network cannot reach the server",
  },
  "cli.failed.database.reset": {
    sq: "serveri e mbylli lidhjen",
    "sr-Latn": "server je prekinuo vezu",
    "sr-Cyrl": "сервер је прекинуо везу",
    en: "the server closed the connection",
  },
  "cli.failed.database.password": {
    sq: "fjalëkalimi ose përdoruesi nuk pranohet",
    "sr-Latn": "lozinka ili korisnik nisu prihvaćeni",
    "sr-Cyrl": "лозинка или корисник нису прихваћени",
    en: "the user or password was refused",
  },
  "cli.failed.database.not-authorized": {
    sq: "përdoruesi nuk ka leje të lidhet",
    "sr-Latn": "korisnik nema dozvolu za povezivanje",
    "sr-Cyrl": "корисник нема дозволу за повезивање",
    en: "the user may not connect",
  },
  "cli.failed.database.no-database": {
    sq: "baza e të dhënave nuk ekziston (krijojeni me createdb)",
    "sr-Latn": "baza podataka ne postoji (napravite je sa createdb)",
    "sr-Cyrl": "база података не постоји (направите је са createdb)",
    en: "the database does not exist (create it with createdb)",
  },
  "cli.failed.database.starting": {
    sq: "serveri po ndizet ende",
    "sr-Latn": "server se još pokreće",
    "sr-Cyrl": "сервер се још покреће",
    en: "the server is still starting up",
  },
  "cli.failed.setting-missing": {
    sq: "Mungon {name}. Vendoseni në mjedis (shih README, „Konfigurimi”).",
    "sr-Latn": "Nedostaje {name}. Postavite ga u okruženju (vidi README, „Konfiguracija”).",
    "sr-Cyrl": "Недостаје {name}. Поставите га у окружењу (види README, „Конфигурација”).",
    en: "{name} is missing. Set it in the environment (see the README, “Configuration”).",
  },
  "cli.failed.setting-invalid": {
    sq: "{name} nuk është i vlefshëm. Shih README, „Konfigurimi”, për formën e tij.",
    "sr-Latn": "{name} nije ispravan. Vidi README, „Konfiguracija”, za njegov oblik.",
    "sr-Cyrl": "{name} није исправан. Види README, „Конфигурација”, за његов облик.",
    en: "{name} is not valid. See the README, “Configuration”, for its form.",
  },
  "cli.failed": {
    sq: "bashke ndaloi: {reason}",
    "sr-Latn": "bashke je prekinut: {reason}",
    en: "bashke stopped: {reason}",
  },
})
