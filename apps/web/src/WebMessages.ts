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
  "web.sign-in.link.label": { sq: "Lidhja e hyrjes", "sr-Latn": "Link za prijavu", en: "Sign-in link" },
  "web.sign-in.link.hint": {
    sq: "Hapni ose ngjitni këtu lidhjen njëpërdorimëshe që morët. Komanda „bashke start” shtyp lidhjet e personave të demonstrimit.",
    "sr-Latn":
      "Otvorite ili ovde nalepite jednokratni link koji ste dobili. Komanda „bashke start” ispisuje linkove osoba iz demonstracije.",
    en: "Open or paste here the one-time link you received. The “bashke start” command prints the demo people's links.",
  },
  "web.sign-in.submit": { sq: "Hyr", "sr-Latn": "Prijavi se", en: "Sign in" },
  "web.sign-in.refused": {
    sq: "Kjo lidhje nuk vlen më: është përdorur ose ka skaduar. Kërkoni një të re.",
    "sr-Latn": "Ovaj link više ne važi: iskorišćen je ili je istekao. Zatražite novi.",
    en: "This link is no longer valid: it was used or it expired. Ask for a new one.",
  },
  "web.sign-in.continue": {
    sq: "Hyra sërish — vazhdo",
    "sr-Latn": "Ponovo sam prijavljen — nastavi",
    en: "I have signed in again — continue",
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
  "web.nav.referrals": { sq: "Referimet", "sr-Latn": "Upućivanja", en: "Referrals" },
  "web.stale": {
    sq: "Dikush tjetër e ndryshoi këtë ndërkohë. Ringarkoni për të parë ndryshimin; çfarë keni shkruar mbetet.",
    "sr-Latn": "Neko drugi je ovo u međuvremenu izmenio. Učitajte ponovo da vidite izmenu; ono što ste uneli ostaje.",
    en: "Someone changed this in the meantime. Reload to see the change; what you entered is kept.",
  },
  "web.reload": { sq: "Ringarko", "sr-Latn": "Učitaj ponovo", en: "Reload" },
  "web.referrals.title": { sq: "Referimet", "sr-Latn": "Upućivanja", en: "Referrals" },
  "web.referrals.status.label": { sq: "Gjendja", "sr-Latn": "Stanje", en: "Status" },
  "web.referrals.status.any": { sq: "Çdo gjendje", "sr-Latn": "Svako stanje", en: "Any status" },
  "web.referrals.empty": { sq: "Nuk ka referime.", "sr-Latn": "Nema upućivanja.", en: "No referrals." },
  "web.referrals.route": { sq: "{from} → {to}", "sr-Latn": "{from} → {to}", en: "{from} → {to}" },
  "web.referral.title": { sq: "Referimi", "sr-Latn": "Upućivanje", en: "Referral" },
  "web.referral.case": { sq: "Rasti {reference}", "sr-Latn": "Slučaj {reference}", en: "Case {reference}" },
  "web.referral.open-case": { sq: "Hap rastin", "sr-Latn": "Otvori slučaj", en: "Open the case" },
  "web.referral.from": { sq: "Nga", "sr-Latn": "Od", en: "From" },
  "web.referral.to": { sq: "Për", "sr-Latn": "Za", en: "To" },
  "web.referral.reason": { sq: "Arsyeja", "sr-Latn": "Razlog", en: "Reason" },
  "web.referral.urgency": { sq: "Urgjenca", "sr-Latn": "Hitnost", en: "Urgency" },
  "web.referral.urgency.high": { sq: "E lartë", "sr-Latn": "Visoka", en: "High" },
  "web.referral.urgency.standard": { sq: "E zakonshme", "sr-Latn": "Uobičajena", en: "Standard" },
  "web.referral.history": { sq: "Historiku", "sr-Latn": "Istorija", en: "History" },
  "web.referral.deadlines": { sq: "Afatet", "sr-Latn": "Rokovi", en: "Deadlines" },
  "web.referral.actions": { sq: "Veprimet", "sr-Latn": "Radnje", en: "Actions" },
  "web.referral.decline.reason": {
    sq: "Arsyeja e refuzimit",
    "sr-Latn": "Razlog odbijanja",
    en: "Reason for declining",
  },
  "web.referral.decline.no-capacity": { sq: "Nuk ka kapacitet", "sr-Latn": "Nema kapaciteta", en: "No capacity" },
  "web.referral.decline.not-eligible": {
    sq: "Nuk plotëson kushtet",
    "sr-Latn": "Ne ispunjava uslove",
    en: "Not eligible",
  },
  "web.referral.decline.outside-area": {
    sq: "Jashtë zonës së shërbimit",
    "sr-Latn": "Izvan područja usluge",
    en: "Outside the service area",
  },
  "web.referral.complete.outcome": { sq: "Rezultati", "sr-Latn": "Ishod", en: "Outcome" },
  "web.referral.complete.service-provided": {
    sq: "Shërbimi u ofrua",
    "sr-Latn": "Usluga je pružena",
    en: "Service provided",
  },
  "web.referral.complete.client-withdrew": {
    sq: "Personi u tërhoq",
    "sr-Latn": "Osoba je odustala",
    en: "The person withdrew",
  },
  "web.referral.send": { sq: "Dërgo një referim", "sr-Latn": "Pošalji upućivanje", en: "Send a referral" },
  "web.referral.send.service": { sq: "Shërbimi", "sr-Latn": "Usluga", en: "Service" },
  "web.referral.send.consent": { sq: "Pëlqimi", "sr-Latn": "Saglasnost", en: "Consent" },
  "web.referral.send.consent.covers": {
    sq: "Pëlqim për referim që përfshin këtë institucion",
    "sr-Latn": "Saglasnost za upućivanje koja obuhvata ovu instituciju",
    en: "Consent to referral that names this institution",
  },
  "web.referral.send.consent.other": {
    sq: "Pëlqim për referim (institucionet: {count})",
    "sr-Latn": "Saglasnost za upućivanje (institucija: {count})",
    en: "Consent to referral (institutions: {count})",
  },
  "web.referral.send.consent.none": {
    sq: "Asnjë pëlqim në fuqi nuk lejon referimin. Regjistroni pëlqimin para se të dërgoni.",
    "sr-Latn": "Nijedna važeća saglasnost ne dozvoljava upućivanje. Unesite saglasnost pre slanja.",
    en: "No consent in force allows a referral. Record the consent before sending.",
  },
  "web.referral.send.reason.hint": {
    sq: "Një kod i shkurtër, p.sh. shelter-needed",
    "sr-Latn": "Kratak kod, npr. shelter-needed",
    en: "A short code, e.g. shelter-needed",
  },
  "web.referral.send.submit": { sq: "Dërgo", "sr-Latn": "Pošalji", en: "Send" },
  "web.case.referrals": { sq: "Referimet", "sr-Latn": "Upućivanja", en: "Referrals" },
  "web.case.referrals.none": {
    sq: "Nuk ka referime për këtë rast.",
    "sr-Latn": "Nema upućivanja za ovaj slučaj.",
    en: "No referrals for this case.",
  },
})

export type WebMessageKey = Catalogue.Key<typeof webMessages>
