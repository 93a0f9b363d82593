/**
 * The web app's part of the message catalogue: every word of its screens.
 * Merged with the kernel's and the domain packages' parts in `Text.ts`, so
 * the browser reads the same catalogue the server speaks from (status labels,
 * risk levels, sectors come from their packages, never repeated here).
 * Serbian Cyrillic is derived from Serbian Latin.
 */
import { Catalogue } from "@bashke/kernel"

export const webMessages = Catalogue.make({
  "web.app.name": { sq: "Bashkë", "sr-Latn": "Bashkë", "sr-Cyrl": "Башкë", en: "Bashkë" },
  "web.app.tagline": {
    sq: "Mekanizmi i koordinimit kundër dhunës në familje",
    "sr-Latn": "Mehanizam koordinacije protiv nasilja u porodici",
    en: "Coordination mechanism against domestic violence",
  },
  "web.nav.label": { sq: "Navigimi kryesor", "sr-Latn": "Glavna navigacija", en: "Main navigation" },
  "web.nav.skip": { sq: "Kalo te përmbajtja", "sr-Latn": "Pređi na sadržaj", en: "Skip to content" },
  "web.nav.worklist": { sq: "Detyrat e mia", "sr-Latn": "Moji zadaci", en: "My worklist" },
  "web.nav.cases": { sq: "Rastet", "sr-Latn": "Slučajevi", en: "Cases" },
  "web.nav.directory": { sq: "Shërbimet", "sr-Latn": "Usluge", en: "Services" },
  "web.language.label": { sq: "Gjuha", "sr-Latn": "Jezik", en: "Language" },
  "web.page.title": {
    sq: "{page} · Bashkë",
    "sr-Latn": "{page} · Bashkë",
    "sr-Cyrl": "{page} · Bashkë",
    en: "{page} · Bashkë",
  },
  "web.loading": { sq: "Duke u ngarkuar…", "sr-Latn": "Učitava se…", en: "Loading…" },
  "web.error.title": { sq: "Diçka nuk shkoi", "sr-Latn": "Nešto nije u redu", en: "Something went wrong" },
  "web.error.retry": { sq: "Provo sërish", "sr-Latn": "Pokušaj ponovo", en: "Try again" },
  "web.not-found.title": { sq: "Faqja nuk u gjet", "sr-Latn": "Stranica nije pronađena", en: "Page not found" },
  "web.not-found.home": {
    sq: "Kthehu te detyrat e mia",
    "sr-Latn": "Nazad na moje zadatke",
    en: "Back to my worklist",
  },

  "web.sign-in.title": { sq: "Hyrja", "sr-Latn": "Prijava", en: "Sign in" },
  "web.sign-in.token.label": { sq: "Çelësi i qasjes", "sr-Latn": "Ključ za pristup", en: "Access key" },
  "web.sign-in.token.hint": {
    sq: "Komanda „bashke start” shtyp çelësat e personave të demonstrimit.",
    "sr-Latn": "Komanda „bashke start” ispisuje ključeve osoba iz demonstracije.",
    en: "The “bashke start” command prints the keys of the demo people.",
  },
  "web.sign-in.submit": { sq: "Hyr", "sr-Latn": "Prijavi se", en: "Sign in" },
  "web.sign-in.refused": {
    sq: "Ky çelës nuk u pranua.",
    "sr-Latn": "Ovaj ključ nije prihvaćen.",
    en: "This key was not accepted.",
  },
  "web.sign-in.expired": {
    sq: "Seanca juaj përfundoi. Hyni sërish për të vazhduar aty ku ishit.",
    "sr-Latn": "Vaša sesija je istekla. Prijavite se ponovo da nastavite gde ste stali.",
    en: "Your session has ended. Sign in again to continue where you were.",
  },
  "web.sign-out": { sq: "Dil", "sr-Latn": "Odjavi se", en: "Sign out" },

  "web.worklist.title": { sq: "Detyrat e mia", "sr-Latn": "Moji zadaci", en: "My worklist" },
  "web.worklist.counts": {
    sq: "Afati ka kaluar: {overdue} · për sot: {due} · në vijim: {upcoming}",
    "sr-Latn": "Rok je istekao: {overdue} · za danas: {due} · predstoji: {upcoming}",
    en: "Overdue: {overdue} · due now: {due} · upcoming: {upcoming}",
  },
  "web.worklist.empty": {
    sq: "Asgjë nuk pret për ju.",
    "sr-Latn": "Ništa vas ne čeka.",
    en: "Nothing is waiting for you.",
  },
  "web.worklist.state.overdue": { sq: "Afati ka kaluar", "sr-Latn": "Rok je istekao", en: "Overdue" },
  "web.worklist.state.due": { sq: "Për sot", "sr-Latn": "Za danas", en: "Due now" },
  "web.worklist.state.upcoming": { sq: "Në vijim", "sr-Latn": "Predstoji", en: "Upcoming" },
  "web.worklist.escalated": { sq: "I përshkallëzuar", "sr-Latn": "Eskalirano", en: "Escalated" },
  "web.worklist.due-at": { sq: "Afati: {when}", "sr-Latn": "Rok: {when}", en: "Due: {when}" },
  "web.worklist.open": { sq: "Hap", "sr-Latn": "Otvori", en: "Open" },
  "web.more": { sq: "Më shumë", "sr-Latn": "Još", en: "More" },

  "web.cases.title": { sq: "Rastet", "sr-Latn": "Slučajevi", en: "Cases" },
  "web.cases.filters": { sq: "Filtrat", "sr-Latn": "Filteri", en: "Filters" },
  "web.cases.risk.any": { sq: "Çdo rrezik", "sr-Latn": "Svaki rizik", en: "Any risk" },
  "web.cases.risk.label": { sq: "Niveli i rrezikut", "sr-Latn": "Nivo rizika", en: "Risk level" },
  "web.cases.column.reference": { sq: "Numri", "sr-Latn": "Broj", en: "Reference" },
  "web.cases.column.status": { sq: "Gjendja", "sr-Latn": "Stanje", en: "Status" },
  "web.cases.column.risk": { sq: "Rreziku", "sr-Latn": "Rizik", en: "Risk" },
  "web.cases.column.opened": { sq: "Hapur më", "sr-Latn": "Otvoren", en: "Opened" },
  "web.cases.column.orders": { sq: "Urdhra në fuqi", "sr-Latn": "Naloga na snazi", en: "Orders in force" },
  "web.cases.not-assessed": { sq: "pa vlerësim", "sr-Latn": "bez procene", en: "not assessed" },
  "web.cases.empty": {
    sq: "Nuk ka raste që përputhen.",
    "sr-Latn": "Nema odgovarajućih slučajeva.",
    en: "No cases match.",
  },
  "web.cases.no-mechanism": {
    sq: "Nuk jeni anëtar i asnjë mekanizmi.",
    "sr-Latn": "Niste član nijednog mehanizma.",
    en: "You are not a member of any mechanism.",
  },

  "web.case.title": { sq: "Rasti {reference}", "sr-Latn": "Slučaj {reference}", en: "Case {reference}" },
  "web.case.next-deadlines": { sq: "Afatet e ardhshme", "sr-Latn": "Sledeći rokovi", en: "Next deadlines" },
  "web.case.no-deadlines": {
    sq: "Nuk ka afate të hapura.",
    "sr-Latn": "Nema otvorenih rokova.",
    en: "No open deadlines.",
  },
  "web.case.timeline": { sq: "Çfarë ndodhi", "sr-Latn": "Šta se dogodilo", en: "What happened" },
  "web.case.event.opened": { sq: "Rasti u hap", "sr-Latn": "Slučaj je otvoren", en: "Case opened" },
  "web.case.event.incident": { sq: "Incident", "sr-Latn": "Incident", en: "Incident" },
  "web.case.event.assessment": {
    sq: "Vlerësimi i rrezikut: {level}",
    "sr-Latn": "Procena rizika: {level}",
    en: "Risk assessment: {level}",
  },
  "web.case.event.order": { sq: "Urdhër mbrojtjeje", "sr-Latn": "Nalog za zaštitu", en: "Protection order" },
  "web.case.event.consent": { sq: "Pëlqimi", "sr-Latn": "Saglasnost", en: "Consent" },
  "web.case.event.review": { sq: "Rishikimi i rastit", "sr-Latn": "Pregled slučaja", en: "Case review" },
  "web.case.persons": { sq: "Personat", "sr-Latn": "Osobe", en: "People" },
  "web.case.team": { sq: "Ekipi i rastit", "sr-Latn": "Tim slučaja", en: "Case team" },
  "web.case.team.lead": { sq: "udhëheq", "sr-Latn": "vodi", en: "lead" },
  "web.case.status": { sq: "Gjendja: {status}", "sr-Latn": "Stanje: {status}", en: "Status: {status}" },

  "web.directory.title": { sq: "Shërbimet", "sr-Latn": "Usluge", en: "Services" },
  "web.directory.type.label": { sq: "Lloji i shërbimit", "sr-Latn": "Vrsta usluge", en: "Service type" },
  "web.directory.type.any": { sq: "Çdo lloj", "sr-Latn": "Svaka vrsta", en: "Any type" },
  "web.directory.capacity": {
    sq: "{available} nga {total} vende të lira",
    "sr-Latn": "{available} od {total} slobodnih mesta",
    en: "{available} of {total} places free",
  },
  "web.directory.capacity.unknown": {
    sq: "Kapaciteti nuk dihet",
    "sr-Latn": "Kapacitet nije poznat",
    en: "Capacity not known",
  },
  "web.directory.capacity.as-of": {
    sq: "përditësuar më {when}",
    "sr-Latn": "ažurirano {when}",
    en: "updated {when}",
  },
  "web.directory.languages": {
    sq: "Gjuhët: {languages}",
    "sr-Latn": "Jezici: {languages}",
    en: "Languages: {languages}",
  },
  "web.directory.empty": {
    sq: "Nuk ka shërbime që përputhen.",
    "sr-Latn": "Nema odgovarajućih usluga.",
    en: "No services match.",
  },
})

export type WebMessageKey = Catalogue.Key<typeof webMessages>
