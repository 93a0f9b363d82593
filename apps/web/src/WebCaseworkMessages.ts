/**
 * The web app's words for case work past the first page — opening a case,
 * orders, consent, safety plan, team, overdue referrals, capacity — in the
 * four languages. A part of the web's catalogue like `WebMessages.ts`, kept in
 * its own module so it loads with the screens that show it (the first page's
 * script stays within its budget); those screens add it with `addMessages`.
 * Serbian Cyrillic is derived from Serbian Latin.
 */
import { Catalogue } from "@bashke/kernel"

export const webCaseworkMessages = Catalogue.make({
  "web.cases.open": { sq: "Hap një rast", "sr-Latn": "Otvori slučaj", en: "Open a case" },
  "web.open-case.title": { sq: "Hapja e një rasti", "sr-Latn": "Otvaranje slučaja", en: "Opening a case" },
  "web.open-case.progress": {
    sq: "Hapi {step} nga {total}",
    "sr-Latn": "Korak {step} od {total}",
    en: "Step {step} of {total}",
  },
  "web.open-case.step.persons": { sq: "Personat", "sr-Latn": "Osobe", en: "People" },
  "web.open-case.step.incident": { sq: "Incidenti i parë", "sr-Latn": "Prvi incident", en: "First incident" },
  "web.open-case.step.risk": { sq: "Vlerësimi i rrezikut", "sr-Latn": "Procena rizika", en: "Risk assessment" },
  "web.open-case.step.review": { sq: "Kontrolli dhe hapja", "sr-Latn": "Provera i otvaranje", en: "Check and open" },
  "web.open-case.next": { sq: "Vazhdo", "sr-Latn": "Dalje", en: "Next" },
  "web.open-case.back": { sq: "Kthehu", "sr-Latn": "Nazad", en: "Back" },
  "web.open-case.submit": { sq: "Hap rastin", "sr-Latn": "Otvori slučaj", en: "Open the case" },
  "web.open-case.person": { sq: "Personi {number}", "sr-Latn": "Osoba {number}", en: "Person {number}" },
  "web.open-case.person.add": { sq: "Shto një person", "sr-Latn": "Dodaj osobu", en: "Add a person" },
  "web.open-case.person.remove": { sq: "Hiqe këtë person", "sr-Latn": "Ukloni ovu osobu", en: "Remove this person" },
  "web.open-case.role": { sq: "Roli", "sr-Latn": "Uloga", en: "Role" },
  "web.open-case.sex": { sq: "Gjinia", "sr-Latn": "Pol", en: "Sex" },
  "web.open-case.age-band": { sq: "Mosha", "sr-Latn": "Uzrast", en: "Age" },
  "web.open-case.not-recorded": { sq: "Pa u regjistruar", "sr-Latn": "Nije uneto", en: "Not recorded" },
  "web.open-case.relationship": {
    sq: "Lidhja me viktimën",
    "sr-Latn": "Odnos sa žrtvom",
    en: "Relationship to the victim",
  },
  "web.open-case.relationship-time": {
    sq: "E tanishme apo e dikurshme",
    "sr-Latn": "Sadašnji ili bivši",
    en: "Current or former",
  },
  "web.open-case.choose": { sq: "Zgjidhni…", "sr-Latn": "Izaberite…", en: "Choose…" },
  "web.open-case.given-name": { sq: "Emri", "sr-Latn": "Ime", en: "Given name" },
  "web.open-case.family-name": { sq: "Mbiemri", "sr-Latn": "Prezime", en: "Family name" },
  "web.open-case.details.hint": {
    sq: "Të dhënat identifikuese ruhen të koduara dhe shfaqen vetëm kur dikush i kërkon me një qëllim.",
    "sr-Latn": "Identifikacioni podaci se čuvaju šifrovani i prikazuju samo kada ih neko zatraži sa svrhom.",
    en: "Identifying details are stored encrypted and shown only when someone asks for them with a purpose.",
  },
  "web.open-case.occurred-on": { sq: "Dita e ngjarjes", "sr-Latn": "Dan događaja", en: "Day it happened" },
  "web.open-case.place": { sq: "Vendi", "sr-Latn": "Mesto", en: "Place" },
  "web.open-case.forms": { sq: "Format e dhunës", "sr-Latn": "Oblici nasilja", en: "Forms of violence" },
  "web.open-case.children": { sq: "Fëmijët", "sr-Latn": "Deca", en: "Children" },
  "web.open-case.source": { sq: "Si u mësua", "sr-Latn": "Kako je saznato", en: "How it became known" },
  "web.open-case.instrument": { sq: "Instrumenti", "sr-Latn": "Instrument", en: "Instrument" },
  "web.open-case.level": { sq: "Niveli: {level}", "sr-Latn": "Nivo: {level}", en: "Level: {level}" },
  "web.open-case.unanswered": {
    sq: "Pyetje pa përgjigje: {count}",
    "sr-Latn": "Pitanja bez odgovora: {count}",
    en: "Questions not answered: {count}",
  },
  "web.open-case.judgement": {
    sq: "Ngrije nivelin me gjykim profesional",
    "sr-Latn": "Podigni nivo profesionalnom procenom",
    en: "Raise the level by professional judgement",
  },
  "web.open-case.judgement.level": {
    sq: "Niveli sipas gjykimit",
    "sr-Latn": "Nivo po proceni",
    en: "Level by judgement",
  },
  "web.open-case.judgement.reason": {
    sq: "Arsyeja e gjykimit",
    "sr-Latn": "Razlog procene",
    en: "Reason for the judgement",
  },
  "web.open-case.final-level": {
    sq: "Niveli që regjistrohet: {level}",
    "sr-Latn": "Nivo koji se beleži: {level}",
    en: "Level recorded: {level}",
  },
  "web.open-case.partial": {
    sq: "Rasti u hap, por ky hap u refuzua. Korrigjoni dhe provoni sërish.",
    "sr-Latn": "Slučaj je otvoren, ali ovaj korak je odbijen. Ispravite i pokušajte ponovo.",
    en: "The case was opened, but this step was refused. Correct it and try again.",
  },
  "web.open-case.review.persons": { sq: "Personat: {roles}", "sr-Latn": "Osobe: {roles}", en: "People: {roles}" },
  "web.open-case.review.incident": {
    sq: "Incidenti: {day} · {forms}",
    "sr-Latn": "Incident: {day} · {forms}",
    en: "Incident: {day} · {forms}",
  },

  "web.case.edit.save": { sq: "Ruaj", "sr-Latn": "Sačuvaj", en: "Save" },
  "web.case.orders": { sq: "Urdhrat e mbrojtjes", "sr-Latn": "Nalozi za zaštitu", en: "Protection orders" },
  "web.case.orders.none": {
    sq: "Nuk ka urdhra mbrojtjeje.",
    "sr-Latn": "Nema naloga za zaštitu.",
    en: "No protection orders.",
  },
  "web.case.order.decision-due": {
    sq: "Vendimi pritet deri më {when}",
    "sr-Latn": "Odluka se očekuje do {when}",
    en: "Decision due by {when}",
  },
  "web.case.order.expires": { sq: "Skadon më {when}", "sr-Latn": "Ističe {when}", en: "Expires {when}" },
  "web.case.order.hearing": { sq: "Seanca më {when}", "sr-Latn": "Ročište {when}", en: "Hearing on {when}" },
  "web.case.order.breaches": { sq: "Shkelje: {count}", "sr-Latn": "Kršenja: {count}", en: "Breaches: {count}" },
  "web.case.order.record": {
    sq: "Regjistro një urdhër mbrojtjeje",
    "sr-Latn": "Unesi nalog za zaštitu",
    en: "Record a protection order",
  },
  "web.case.order.kind": { sq: "Lloji", "sr-Latn": "Vrsta", en: "Kind" },
  "web.case.order.petitioner": { sq: "Kërkuesi", "sr-Latn": "Podnosilac", en: "Petitioner" },
  "web.case.order.stage": { sq: "Gjendja", "sr-Latn": "Stanje", en: "Stage" },
  "web.case.order.stage.requested": {
    sq: "Kërkuar nga gjykata sot",
    "sr-Latn": "Zatražen od suda danas",
    en: "Requested from the court today",
  },
  "web.case.order.stage.issued": {
    sq: "Lëshuar sot",
    "sr-Latn": "Izdat danas",
    en: "Issued today",
  },
  "web.case.order.event.record": {
    sq: "Regjistro çfarë ndodhi",
    "sr-Latn": "Unesi šta se dogodilo",
    en: "Record what happened",
  },
  "web.case.order.event": { sq: "Çfarë ndodhi", "sr-Latn": "Šta se dogodilo", en: "What happened" },
  "web.case.order.event.issued": { sq: "U lëshua", "sr-Latn": "Izdat", en: "Issued" },
  "web.case.order.event.rejected": { sq: "U refuzua", "sr-Latn": "Odbijen", en: "Rejected" },
  "web.case.order.event.extended": { sq: "U zgjat", "sr-Latn": "Produžen", en: "Extended" },
  "web.case.order.event.expired": { sq: "Skadoi", "sr-Latn": "Istekao", en: "Expired" },
  "web.case.order.event.breach-recorded": { sq: "U shkel", "sr-Latn": "Prekršen", en: "Breached" },
  "web.case.order.event.hearing-scheduled": {
    sq: "U caktua seanca",
    "sr-Latn": "Zakazano ročište",
    en: "Hearing scheduled",
  },
  "web.case.order.when": {
    sq: "Data (zgjatja: skadimi i ri; seanca: dita e seancës)",
    "sr-Latn": "Datum (produženje: novi istek; ročište: dan ročišta)",
    en: "Date (extension: the new expiry; hearing: the hearing's day)",
  },
  "web.case.order.save": { sq: "Regjistro urdhrin", "sr-Latn": "Unesi nalog", en: "Record the order" },

  "web.case.consents": { sq: "Pëlqimet", "sr-Latn": "Saglasnosti", en: "Consents" },
  "web.case.consents.none": {
    sq: "Nuk ka pëlqim të regjistruar.",
    "sr-Latn": "Nema unete saglasnosti.",
    en: "No consent recorded.",
  },
  "web.case.consent.for": { sq: "Për: {purposes}", "sr-Latn": "Za: {purposes}", en: "For: {purposes}" },
  "web.case.consent.names": {
    sq: "Institucionet: {names}",
    "sr-Latn": "Institucije: {names}",
    en: "Institutions: {names}",
  },
  "web.case.consent.withdrawn": { sq: "E tërhequr", "sr-Latn": "Povučena", en: "Withdrawn" },
  "web.case.consent.in-force": { sq: "Në fuqi", "sr-Latn": "Na snazi", en: "In force" },
  "web.case.consent.awaiting": {
    sq: "Pret konfirmimin e një personi të dytë",
    "sr-Latn": "Čeka potvrdu druge osobe",
    en: "Awaiting a second person's confirmation",
  },
  "web.case.consent.record": { sq: "Regjistro një pëlqim", "sr-Latn": "Unesi saglasnost", en: "Record a consent" },
  "web.case.consent.given-by": { sq: "Dhënë nga", "sr-Latn": "Dao/la", en: "Given by" },
  "web.case.consent.purposes": { sq: "Për çfarë", "sr-Latn": "Za šta", en: "What for" },
  "web.case.consent.institutions": {
    sq: "Institucionet që përfshin",
    "sr-Latn": "Institucije koje obuhvata",
    en: "Institutions it names",
  },
  "web.case.consent.method": { sq: "Si u mor", "sr-Latn": "Kako je uzeta", en: "How it was taken" },
  "web.case.consent.save": { sq: "Regjistro pëlqimin", "sr-Latn": "Unesi saglasnost", en: "Record the consent" },
  "web.case.consent.withdraw": { sq: "Tërhiqe", "sr-Latn": "Povuci", en: "Withdraw" },
  "web.case.consent.confirm": { sq: "Konfirmoje", "sr-Latn": "Potvrdi", en: "Confirm" },

  "web.case.safety": { sq: "Plani i sigurisë", "sr-Latn": "Bezbednosni plan", en: "Safety plan" },
  "web.case.safety.none": {
    sq: "Plani i sigurisë nuk ka masa.",
    "sr-Latn": "Bezbednosni plan nema mera.",
    en: "The safety plan has no measures.",
  },
  "web.case.safety.review": {
    sq: "Rishikim më {date}",
    "sr-Latn": "Pregled {date}",
    en: "Review on {date}",
  },
  "web.case.safety.add": { sq: "Shto një masë", "sr-Latn": "Dodaj meru", en: "Add a measure" },
  "web.case.safety.kind": { sq: "Masa", "sr-Latn": "Mera", en: "Measure" },
  "web.case.safety.owner": {
    sq: "Institucioni përgjegjës",
    "sr-Latn": "Odgovorna institucija",
    en: "Responsible institution",
  },
  "web.case.safety.review-on": { sq: "Rishikimi më", "sr-Latn": "Pregled dana", en: "Review on" },
  "web.case.safety.status": { sq: "Gjendja e masës", "sr-Latn": "Stanje mere", en: "Measure status" },

  "web.case.team.add": { sq: "Shto një institucion", "sr-Latn": "Dodaj instituciju", en: "Add an institution" },
  "web.case.team.institution": { sq: "Institucioni", "sr-Latn": "Institucija", en: "Institution" },
  "web.case.team.access": { sq: "Qasja", "sr-Latn": "Pristup", en: "Access" },
  "web.case.team.remove": { sq: "Hiqe", "sr-Latn": "Ukloni", en: "Remove" },
  "web.case.team.make-lead": { sq: "Bëje udhëheqës", "sr-Latn": "Postavi za vodećeg", en: "Make lead" },

  "web.overdue.title": {
    sq: "Referime me afat të kaluar",
    "sr-Latn": "Upućivanja sa isteklim rokom",
    en: "Overdue referrals",
  },
  "web.overdue.none": {
    sq: "Asnjë referim nuk e ka kaluar afatin.",
    "sr-Latn": "Nijedno upućivanje nije prekoračilo rok.",
    en: "No referral is overdue.",
  },
  "web.overdue.acknowledge": {
    sq: "Pranimi i marrjes ishte për {when}",
    "sr-Latn": "Potvrda prijema je bila do {when}",
    en: "Acknowledgement was due {when}",
  },
  "web.overdue.decide": {
    sq: "Vendimi ishte për {when}",
    "sr-Latn": "Odluka je bila do {when}",
    en: "Decision was due {when}",
  },

  "web.directory.capacity.update": {
    sq: "Përditëso kapacitetin",
    "sr-Latn": "Ažuriraj kapacitet",
    en: "Update the capacity",
  },
  "web.directory.capacity.available": { sq: "Vende të lira", "sr-Latn": "Slobodna mesta", en: "Free places" },
  "web.directory.capacity.total": { sq: "Vende gjithsej", "sr-Latn": "Ukupno mesta", en: "Places in all" },
  "web.directory.capacity.saved": {
    sq: "Kapaciteti u përditësua.",
    "sr-Latn": "Kapacitet je ažuriran.",
    en: "Capacity updated.",
  },
})

export type WebCaseworkMessageKey = Catalogue.Key<typeof webCaseworkMessages>
