/**
 * The kernel's own part of the message catalogue: sector and role labels, error
 * titles, the rules of the persistence core (`version.stale`,
 * `idempotency-key.reused`), pagination, locale names, units of legal numbers.
 * Merge it into an application's catalogue with `Catalogue.merge(kernelMessages, …)`.
 *
 * Serbian Cyrillic is derived from Serbian Latin throughout (Serbian is written
 * in the ekavian standard used in Kosovo and Serbia).
 */
import * as Catalogue from "./Catalogue"
import type * as Locale from "./Locale"

/**
 * The kernel's messages.
 */
export const kernelMessages = Catalogue.make({
  "sector.police": { sq: "Policia", "sr-Latn": "Policija", en: "Police" },
  "sector.prosecution": { sq: "Prokuroria", "sr-Latn": "Tužilaštvo", en: "Prosecution" },
  "sector.victim-advocacy": {
    sq: "Mbrojtja dhe ndihma e viktimave",
    "sr-Latn": "Zaštita i pomoć žrtvama",
    en: "Victim advocacy",
  },
  "sector.court": { sq: "Gjykata", "sr-Latn": "Sud", en: "Court" },
  "sector.shelter": { sq: "Strehimorja", "sr-Latn": "Sklonište", en: "Shelter" },
  "sector.social-work": { sq: "Puna sociale", "sr-Latn": "Socijalni rad", en: "Social work" },
  "sector.health": { sq: "Shëndetësia", "sr-Latn": "Zdravstvo", en: "Health" },
  "sector.education": { sq: "Arsimi", "sr-Latn": "Obrazovanje", en: "Education" },
  "sector.employment": { sq: "Punësimi", "sr-Latn": "Zapošljavanje", en: "Employment" },
  "sector.legal-aid": { sq: "Ndihma juridike", "sr-Latn": "Pravna pomoć", en: "Legal aid" },
  "sector.municipality": { sq: "Komuna", "sr-Latn": "Opština", en: "Municipality" },
  "sector.civil-society": { sq: "Shoqëria civile", "sr-Latn": "Civilno društvo", en: "Civil society" },

  "role.coordinator": {
    sq: "Koordinatori i mekanizmit",
    "sr-Latn": "Koordinator mehanizma",
    en: "Mechanism coordinator",
  },
  "role.case-worker": { sq: "Punonjësi i rastit", "sr-Latn": "Radnik na slučaju", en: "Case worker" },
  "role.member-representative": {
    sq: "Përfaqësuesi i institucionit anëtar",
    "sr-Latn": "Predstavnik institucije članice",
    en: "Member representative",
  },
  "role.national-coordinator": {
    sq: "Koordinatori kombëtar",
    "sr-Latn": "Nacionalni koordinator",
    en: "National coordinator",
  },
  "role.administrator": { sq: "Administratori", "sr-Latn": "Administrator", en: "Administrator" },
  "role.auditor": { sq: "Auditori", "sr-Latn": "Revizor", en: "Auditor" },

  "principal.kind.user": { sq: "Përdoruesi", "sr-Latn": "Korisnik", en: "User" },
  "principal.kind.api-token": { sq: "Tokeni API", "sr-Latn": "API token", en: "API token" },
  "principal.kind.plugin": { sq: "Shtojca", "sr-Latn": "Dodatak", en: "Plugin" },
  "principal.role.required": {
    sq: "Nuk keni rolin që kërkon ky veprim.",
    "sr-Latn": "Nemate ulogu koju ova radnja zahteva.",
    en: "You do not have the role this action requires.",
  },
  "principal.institution.required": {
    sq: "Ky rol kërkon një institucion.",
    "sr-Latn": "Ova uloga zahteva instituciju.",
    en: "This role requires an institution.",
  },

  "error.not-found.title": { sq: "Nuk u gjet", "sr-Latn": "Nije pronađeno", en: "Not found" },
  "error.forbidden.title": { sq: "Nuk lejohet", "sr-Latn": "Nije dozvoljeno", en: "Not allowed" },
  "error.unauthenticated.title": {
    sq: "Kërkohet identifikimi",
    "sr-Latn": "Potrebna je prijava",
    en: "Sign-in required",
  },
  // The same title as the gateway's own `rate-limited` problem: one type, one title.
  "error.rate-limited.title": {
    sq: "Shumë kërkesa",
    "sr-Latn": "Previše zahteva",
    en: "Too many requests",
  },
  "error.conflict.title": {
    sq: "Në kundërshtim me gjendjen aktuale",
    "sr-Latn": "U sukobu sa trenutnim stanjem",
    en: "Conflicts with the current state",
  },
  "error.stale-version.title": {
    sq: "Të dhënat janë ndryshuar ndërkohë",
    "sr-Latn": "Podaci su u međuvremenu izmenjeni",
    en: "Changed in the meantime",
  },
  "error.invalid-input.title": { sq: "Të dhëna të pavlefshme", "sr-Latn": "Neispravni podaci", en: "Invalid input" },
  "error.invalid-transition.title": {
    sq: "Veprimi nuk lejohet në këtë gjendje",
    "sr-Latn": "Radnja nije dozvoljena u ovom stanju",
    en: "Not allowed in the current state",
  },

  "version.stale": {
    sq: "Dikush tjetër e ka ndryshuar këtë ndërkohë. Ringarkojeni dhe provoni përsëri.",
    "sr-Latn": "Neko drugi je ovo u međuvremenu izmenio. Učitajte ponovo i pokušajte još jednom.",
    en: "Someone else changed this in the meantime. Reload it and try again.",
  },
  "idempotency-key.reused": {
    sq: "Ky çelës i idempotencës është përdorur tashmë për një kërkesë tjetër. Për një kërkesë të re përdorni një çelës të ri.",
    "sr-Latn": "Ovaj ključ idempotentnosti je već upotrebljen za drugi zahtev. Za novi zahtev upotrebite novi ključ.",
    en: "This idempotency key was already used for a different request. Use a new key for a new request.",
  },

  "civil-date.malformed": {
    sq: "Data duhet të jetë një ditë e vërtetë kalendarike, VVVV-MM-DD.",
    "sr-Latn": "Datum mora biti stvaran kalendarski dan, GGGG-MM-DD.",
    en: "The date must be a real calendar day, YYYY-MM-DD.",
  },
  "pagination.cursor.malformed": {
    sq: "Kursori i faqes nuk është i vlefshëm.",
    "sr-Latn": "Kursor stranice nije ispravan.",
    en: "The page cursor is not valid.",
  },
  "pagination.limit.out-of-range": {
    sq: "Madhësia e faqes duhet të jetë nga {min} deri në {max}.",
    "sr-Latn": "Veličina stranice mora biti od {min} do {max}.",
    en: "The page size must be from {min} to {max}.",
  },
  "pagination.items.count": {
    sq: "{count, plural, one {# element} other {# elemente}}",
    "sr-Latn": "{count, plural, one {# stavka} few {# stavke} other {# stavki}}",
    en: "{count, plural, one {# item} other {# items}}",
  },
  "pagination.next": { sq: "Faqja tjetër", "sr-Latn": "Sledeća stranica", en: "Next page" },

  "locale.sq": { sq: "Shqip", "sr-Latn": "Albanski", en: "Albanian" },
  "locale.sr-latn": { sq: "Serbisht (alfabeti latin)", "sr-Latn": "Srpski (latinica)", en: "Serbian (Latin)" },
  "locale.sr-cyrl": { sq: "Serbisht (alfabeti cirilik)", "sr-Latn": "Srpski (ćirilica)", en: "Serbian (Cyrillic)" },
  "locale.en": { sq: "Anglisht", "sr-Latn": "Engleski", en: "English" },
  "locale.language.malformed": {
    sq: "Kodi i gjuhës nuk është i vlefshëm.",
    "sr-Latn": "Kod jezika nije ispravan.",
    en: "The language code is not valid.",
  },

  "localized-text.blank": {
    sq: "Teksti nuk mund të jetë bosh.",
    "sr-Latn": "Tekst ne može biti prazan.",
    en: "The text cannot be blank.",
  },
  "localized-text.empty": {
    sq: "Shkruani tekstin të paktën në një gjuhë.",
    "sr-Latn": "Unesite tekst na bar jednom jeziku.",
    en: "Enter the text in at least one language.",
  },
  "id.malformed": {
    sq: "Identifikuesi nuk është i vlefshëm.",
    "sr-Latn": "Identifikator nije ispravan.",
    en: "The identifier is not valid.",
  },
  "municipality.unknown": { sq: "Komunë e panjohur.", "sr-Latn": "Nepoznata opština.", en: "Unknown municipality." },

  "jurisdiction.setting.confirmed": { sq: "E konfirmuar", "sr-Latn": "Potvrđeno", en: "Confirmed" },
  "jurisdiction.setting.unconfirmed": { sq: "E pakonfirmuar", "sr-Latn": "Nepotvrđeno", en: "Unconfirmed" },
  "jurisdiction.locale.default-not-offered": {
    sq: "Gjuha e parazgjedhur duhet të jetë ndër gjuhët e ofruara.",
    "sr-Latn": "Podrazumevani jezik mora biti među ponuđenim jezicima.",
    en: "The default language must be one of the languages offered.",
  },
  "jurisdiction.risk.thresholds-out-of-order": {
    sq: "Pragjet e rrezikut duhet të rriten: i mesëm, i lartë, numri i pyetjeve.",
    "sr-Latn": "Pragovi rizika moraju rasti: srednji, visoki, broj pitanja.",
    en: "Risk thresholds must increase: medium, high, number of questions.",
  },
  "jurisdiction.notifications.workday-start-out-of-range": {
    sq: "Ora e fillimit të ditës së punës duhet të jetë nga 0 deri në 23.",
    "sr-Latn": "Početak radnog dana mora biti od 0 do 23 časa.",
    en: "The start of the working day must be an hour from 0 to 23.",
  },
  "jurisdiction.sessions.timeouts-out-of-order": {
    sq: "Koha e pasivitetit të seancës duhet të jetë më e madhe se zero dhe jo më e gjatë se kohëzgjatja e plotë e saj.",
    "sr-Latn": "Vreme neaktivnosti sesije mora biti veće od nule i ne duže od njenog ukupnog trajanja.",
    en: "A session's idle timeout must be above zero and no longer than its absolute timeout.",
  },
  "jurisdiction.quorum.more-than-half": {
    sq: "Më shumë se gjysma e institucioneve anëtare",
    "sr-Latn": "Više od polovine institucija članica",
    en: "More than half of the member institutions",
  },
  "jurisdiction.quorum.two-thirds": {
    sq: "Të paktën dy të tretat e institucioneve anëtare",
    "sr-Latn": "Najmanje dve trećine institucija članica",
    en: "At least two thirds of the member institutions",
  },
  "jurisdiction.quorum.all": {
    sq: "Të gjitha institucionet anëtare",
    "sr-Latn": "Sve institucije članice",
    en: "All member institutions",
  },

  "unit.hours": {
    sq: "{value, plural, one {# orë} other {# orë}}",
    "sr-Latn": "{value, plural, one {# sat} few {# sata} other {# sati}}",
    en: "{value, plural, one {# hour} other {# hours}}",
  },
  "unit.days": {
    sq: "{value, plural, one {# ditë} other {# ditë}}",
    "sr-Latn": "{value, plural, one {# dan} few {# dana} other {# dana}}",
    en: "{value, plural, one {# day} other {# days}}",
  },
  "unit.working-days": {
    sq: "{value, plural, one {# ditë pune} other {# ditë pune}}",
    "sr-Latn": "{value, plural, one {# radni dan} few {# radna dana} other {# radnih dana}}",
    en: "{value, plural, one {# working day} other {# working days}}",
  },
  "unit.weeks": {
    sq: "{value, plural, one {# javë} other {# javë}}",
    "sr-Latn": "{value, plural, one {# nedelja} few {# nedelje} other {# nedelja}}",
    en: "{value, plural, one {# week} other {# weeks}}",
  },
  "unit.months": {
    sq: "{value, plural, one {# muaj} other {# muaj}}",
    "sr-Latn": "{value, plural, one {# mesec} few {# meseca} other {# meseci}}",
    en: "{value, plural, one {# month} other {# months}}",
  },
  "unit.count": { sq: "{value, number}", "sr-Latn": "{value, number}", en: "{value, number}" },
  "unit.per-year": {
    sq: "{value, plural, one {# herë në vit} other {# herë në vit}}",
    "sr-Latn": "{value, plural, one {# put godišnje} few {# puta godišnje} other {# puta godišnje}}",
    en: "{value, plural, one {once a year} other {# times a year}}",
  },
  "unit.euro": { sq: "{value, number} €", "sr-Latn": "{value, number} €", en: "€{value, number}" },
})

/**
 * A key of the kernel's messages.
 */
export type KernelMessageKey = Catalogue.Key<typeof kernelMessages>

/**
 * The name of `locale` written in `inLocale` (for a language switcher, pass the
 * same locale twice to get each language's own name: "Shqip", "Srpski
 * (latinica)", "Српски (ћирилица)", "English").
 */
export const localeName = (locale: Locale.Locale, inLocale: Locale.Locale): string =>
  Catalogue.format(kernelMessages, inLocale, `locale.${locale.toLowerCase() as Lowercase<Locale.Locale>}`)
