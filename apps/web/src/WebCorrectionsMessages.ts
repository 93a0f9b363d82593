/**
 * The web app's words for correcting a case's records, moving a case to
 * another mechanism, the register of closed cases, erasure and the
 * subject-access export, in the four languages. A part of the web's catalogue
 * like `WebCaseworkMessages.ts`, in its own module so it loads with the
 * screens that show it (the first page's script stays within its budget).
 * Serbian Cyrillic is derived from Serbian Latin.
 */
import { Catalogue } from "@bashke/kernel"

export const webCorrectionsMessages = Catalogue.make({
  "web.corrections.link": { sq: "Korrigjo një të dhënë", "sr-Latn": "Ispravi podatak", en: "Correct a record" },
  "web.corrections.title": {
    sq: "Korrigjimet · {reference}",
    "sr-Latn": "Ispravke · {reference}",
    en: "Corrections · {reference}",
  },
  "web.corrections.back": { sq: "Kthehu te rasti", "sr-Latn": "Nazad na slučaj", en: "Back to the case" },
  "web.corrections.history": { sq: "Korrigjimet e bëra", "sr-Latn": "Izvršene ispravke", en: "Corrections made" },
  "web.corrections.history.none": {
    sq: "Asnjë korrigjim deri tani.",
    "sr-Latn": "Još nema ispravki.",
    en: "No corrections yet.",
  },
  "web.corrections.kind.person": { sq: "Personi", "sr-Latn": "Osoba", en: "Person" },
  "web.corrections.kind.incident": { sq: "Incidenti", "sr-Latn": "Incident", en: "Incident" },
  "web.corrections.kind.protection-order": {
    sq: "Kushtet e urdhrit",
    "sr-Latn": "Uslovi naloga",
    en: "Order's conditions",
  },
  "web.corrections.changed": { sq: "Ndryshuar: {fields}", "sr-Latn": "Izmenjeno: {fields}", en: "Changed: {fields}" },
  "web.corrections.previous": { sq: "Më parë", "sr-Latn": "Ranije", en: "Before" },
  "web.corrections.previous.sealed": {
    sq: "e mbyllur (e dhënë personale)",
    "sr-Latn": "zatvoreno (lični podatak)",
    en: "sealed (personal data)",
  },
  "web.corrections.previous.none": { sq: "pa u regjistruar", "sr-Latn": "nije uneto", en: "not recorded" },
  "web.corrections.reason.shown": { sq: "Arsyeja", "sr-Latn": "Razlog", en: "Reason" },
  "web.corrections.by": {
    sq: "{institution}, {when}",
    "sr-Latn": "{institution}, {when}",
    en: "{institution}, {when}",
  },
  "web.corrections.person": { sq: "Korrigjo një person", "sr-Latn": "Ispravi osobu", en: "Correct a person" },
  "web.corrections.person.which": { sq: "Personi", "sr-Latn": "Osoba", en: "Person" },
  "web.corrections.person.details": {
    sq: "Të dhënat identifikuese (vetëm vlerat e reja)",
    "sr-Latn": "Identifikacioni podaci (samo nove vrednosti)",
    en: "Identifying details (new values only)",
  },
  "web.corrections.person.details-hint": {
    sq: "Ajo që është regjistruar tani nuk shfaqet këtu; lëreni bosh atë që nuk ndryshon.",
    "sr-Latn": "Ono što je sada upisano ne prikazuje se ovde; ostavite prazno ono što se ne menja.",
    en: "What is recorded now is not shown here; leave empty what does not change.",
  },
  "web.corrections.keep": { sq: "Mbaje si është", "sr-Latn": "Zadrži kako jeste", en: "Keep as recorded" },
  "web.corrections.incident": { sq: "Korrigjo një incident", "sr-Latn": "Ispravi incident", en: "Correct an incident" },
  "web.corrections.incident.which": { sq: "Incidenti", "sr-Latn": "Incident", en: "Incident" },
  "web.corrections.incident.of": {
    sq: "Incidenti i {date}",
    "sr-Latn": "Incident od {date}",
    en: "Incident of {date}",
  },
  "web.corrections.incident.occurred-on": {
    sq: "Data e incidentit",
    "sr-Latn": "Datum incidenta",
    en: "Date of the incident",
  },
  "web.corrections.incident.place": { sq: "Vendi", "sr-Latn": "Mesto", en: "Place" },
  "web.corrections.order": {
    sq: "Korrigjo kushtet e një urdhri mbrojtës",
    "sr-Latn": "Ispravi uslove naloga za zaštitu",
    en: "Correct a protection order's conditions",
  },
  "web.corrections.order.which": { sq: "Urdhri", "sr-Latn": "Nalog", en: "Order" },
  "web.corrections.order.conditions": {
    sq: "Çfarë ndalon ose kërkon urdhri",
    "sr-Latn": "Šta nalog zabranjuje ili zahteva",
    en: "What the order forbids or requires",
  },
  "web.corrections.order.distance": {
    sq: "Largësia në metra",
    "sr-Latn": "Udaljenost u metrima",
    en: "Distance in metres",
  },
  "web.corrections.order.places": { sq: "Vendet", "sr-Latn": "Mesta", en: "Places" },
  "web.corrections.order.children": { sq: "Fëmijët", "sr-Latn": "Deca", en: "Children" },
  "web.corrections.order.child": { sq: "Fëmija {number}", "sr-Latn": "Dete {number}", en: "Child {number}" },
  "web.corrections.order.none": {
    sq: "Rasti nuk ka urdhra mbrojtës.",
    "sr-Latn": "Slučaj nema naloga za zaštitu.",
    en: "The case has no protection orders.",
  },
  "web.corrections.place.home": { sq: "Shtëpia", "sr-Latn": "Dom", en: "Home" },
  "web.corrections.place.workplace": { sq: "Vendi i punës", "sr-Latn": "Radno mesto", en: "Workplace" },
  "web.corrections.place.school": { sq: "Shkolla", "sr-Latn": "Škola", en: "School" },
  "web.corrections.place.childcare": { sq: "Çerdhja", "sr-Latn": "Vrtić", en: "Childcare" },
  "web.corrections.place.shelter": { sq: "Strehimorja", "sr-Latn": "Sklonište", en: "Shelter" },
  "web.corrections.place.other": { sq: "Tjetër", "sr-Latn": "Drugo", en: "Other" },
  "web.corrections.reason": {
    sq: "Pse korrigjohet?",
    "sr-Latn": "Zašto se ispravlja?",
    en: "Why is this corrected?",
  },
  "web.corrections.save": { sq: "Ruaj korrigjimin", "sr-Latn": "Sačuvaj ispravku", en: "Save the correction" },
  "web.corrections.saved": { sq: "Korrigjimi u ruajt.", "sr-Latn": "Ispravka je sačuvana.", en: "Correction saved." },
  "web.case.event.correction": {
    sq: "Korrigjim: {record}",
    "sr-Latn": "Ispravka: {record}",
    en: "Correction: {record}",
  },

  "web.transfer.link": {
    sq: "Zhvendose rastin në një mekanizëm tjetër",
    "sr-Latn": "Premesti slučaj u drugi mehanizam",
    en: "Move the case to another mechanism",
  },
  "web.transfer.title": {
    sq: "Zhvendosja e rastit {reference}",
    "sr-Latn": "Premeštanje slučaja {reference}",
    en: "Moving case {reference}",
  },
  "web.transfer.intro": {
    sq: "Kur viktima shpërngulet: koordinatori i mekanizmit marrës e pranon; e gjithë historia shkon me rastin dhe anëtarët e këtushëm humbasin qasjen.",
    "sr-Latn":
      "Kada se žrtva preseli: koordinator mehanizma koji prima slučaj ga prihvata; cela istorija ide sa slučajem, a ovdašnji članovi gube pristup.",
    en: "When the survivor moves: the receiving mechanism's coordinator accepts it; the whole history goes with the case and this mechanism's members lose access.",
  },
  "web.transfer.to": { sq: "Mekanizmi marrës", "sr-Latn": "Mehanizam koji prima", en: "Receiving mechanism" },
  "web.transfer.propose": { sq: "Propozo zhvendosjen", "sr-Latn": "Predloži premeštanje", en: "Propose the transfer" },
  "web.transfer.proposed": {
    sq: "U propozua. Vendos koordinatori i mekanizmit marrës.",
    "sr-Latn": "Predloženo. Odlučuje koordinator mehanizma koji prima.",
    en: "Proposed. The receiving mechanism's coordinator decides.",
  },
  "web.transfers.link": { sq: "Zhvendosjet në pritje", "sr-Latn": "Premeštanja na čekanju", en: "Transfers waiting" },
  "web.transfers.title": { sq: "Zhvendosjet në pritje", "sr-Latn": "Premeštanja na čekanju", en: "Transfers waiting" },
  "web.transfers.none": {
    sq: "Asnjë zhvendosje në pritje.",
    "sr-Latn": "Nema premeštanja na čekanju.",
    en: "No transfers waiting.",
  },
  "web.transfers.incoming": {
    sq: "Nga {mechanism}, propozuar më {when}",
    "sr-Latn": "Iz: {mechanism}, predloženo {when}",
    en: "From {mechanism}, proposed {when}",
  },
  "web.transfers.outgoing": {
    sq: "Për {mechanism}, propozuar më {when}",
    "sr-Latn": "Za: {mechanism}, predloženo {when}",
    en: "To {mechanism}, proposed {when}",
  },
  "web.transfers.lead": {
    sq: "Institucioni udhëheqës këtu",
    "sr-Latn": "Vodeća institucija ovde",
    en: "Lead institution here",
  },
  "web.transfers.accept": { sq: "Prano rastin", "sr-Latn": "Prihvati slučaj", en: "Accept the case" },
  "web.transfers.decline": { sq: "Refuzo", "sr-Latn": "Odbij", en: "Decline" },
  "web.transfers.accepted": {
    sq: "U pranua: rasti tani është në këtë mekanizëm.",
    "sr-Latn": "Prihvaćeno: slučaj je sada u ovom mehanizmu.",
    en: "Accepted: the case is now in this mechanism.",
  },
  "web.transfers.open-case": { sq: "Hape rastin", "sr-Latn": "Otvori slučaj", en: "Open the case" },

  "web.closed.link": { sq: "Rastet e mbyllura", "sr-Latn": "Zatvoreni slučajevi", en: "Closed cases" },
  "web.closed.title": { sq: "Rastet e mbyllura", "sr-Latn": "Zatvoreni slučajevi", en: "Closed cases" },
  "web.closed.mechanism": { sq: "Mekanizmi", "sr-Latn": "Mehanizam", en: "Mechanism" },
  "web.closed.reference": {
    sq: "Referenca fillon me",
    "sr-Latn": "Oznaka počinje sa",
    en: "Reference begins with",
  },
  "web.closed.reason": { sq: "Arsyeja e mbylljes", "sr-Latn": "Razlog zatvaranja", en: "Closure reason" },
  "web.closed.risk": { sq: "Niveli i rrezikut", "sr-Latn": "Nivo rizika", en: "Risk level" },
  "web.closed.any": { sq: "Çdo", "sr-Latn": "Bilo koji", en: "Any" },
  "web.closed.search": { sq: "Kërko", "sr-Latn": "Traži", en: "Search" },
  "web.closed.none": {
    sq: "Asnjë rast i mbyllur nuk përputhet.",
    "sr-Latn": "Nijedan zatvoren slučaj ne odgovara.",
    en: "No closed case matches.",
  },
  "web.closed.opened": { sq: "Hapur", "sr-Latn": "Otvoren", en: "Opened" },
  "web.closed.closed": { sq: "Mbyllur", "sr-Latn": "Zatvoren", en: "Closed" },
  "web.closed.lead": { sq: "Udhëheq", "sr-Latn": "Vodi", en: "Lead" },
  "web.closed.actions": { sq: "Veprime", "sr-Latn": "Radnje", en: "Actions" },
  "web.closed.erased": {
    sq: "Të dhënat personale u fshinë më {when}",
    "sr-Latn": "Lični podaci obrisani {when}",
    en: "Personal data erased {when}",
  },
  "web.closed.reopen": { sq: "Rihap", "sr-Latn": "Ponovo otvori", en: "Reopen" },
  "web.closed.reopen.reason": { sq: "Pse rihapet?", "sr-Latn": "Zašto se ponovo otvara?", en: "Why reopen it?" },
  "web.closed.reopen.save": { sq: "Rihap rastin", "sr-Latn": "Ponovo otvori slučaj", en: "Reopen the case" },
  "web.closed.reopened": {
    sq: "Rasti u rihap.",
    "sr-Latn": "Slučaj je ponovo otvoren.",
    en: "The case is reopened.",
  },
  "web.erasure.open": { sq: "Fshi të dhënat personale", "sr-Latn": "Obriši lične podatke", en: "Erase personal data" },
  "web.erasure.reason": {
    sq: "Baza ligjore (ruhet në regjistrin e auditimit)",
    "sr-Latn": "Pravni osnov (čuva se u revizorskom zapisu)",
    en: "Legal reason (kept in the audit log)",
  },
  "web.erasure.hint": {
    sq: "Çelësi i rastit shkatërrohet: emrat, shënimet dhe dokumentet nuk hapen më kurrë, as nga kopjet rezervë. Statistikat dhe gjurmët e auditimit mbeten.",
    "sr-Latn":
      "Ključ slučaja se uništava: imena, beleške i dokumenti se više nikada ne otvaraju, ni iz rezervnih kopija. Statistika i revizorski trag ostaju.",
    en: "The case's key is destroyed: names, notes and documents never open again, not even from backups. The statistics and the audit trail stay.",
  },
  "web.erasure.confirm": { sq: "Fshi përgjithmonë", "sr-Latn": "Obriši zauvek", en: "Erase for good" },
  "web.erasure.done": {
    sq: "Të dhënat personale të rastit u fshinë.",
    "sr-Latn": "Lični podaci slučaja su obrisani.",
    en: "The case's personal data is erased.",
  },

  "web.subject-access.title": {
    sq: "Kërkesë për qasje në të dhëna",
    "sr-Latn": "Zahtev za pristup podacima",
    en: "Subject access request",
  },
  "web.subject-access.intro": {
    sq: "Gjithçka që mbahet për një person — të dhënat, rastet, pëlqimet, shënimet, dokumentet dhe kush i lexoi e kur. Çdo eksport regjistrohet në auditim me arsyen.",
    "sr-Latn":
      "Sve što se čuva o osobi — podaci, slučajevi, saglasnosti, beleške, dokumenti i ko ih je čitao i kada. Svaki izvoz se beleži u reviziji sa razlogom.",
    en: "Everything held about a person — details, cases, consents, notes, documents, and who read them and when. Every export is audited with its reason.",
  },
  "web.subject-access.person": {
    sq: "Numri i regjistrit të personit",
    "sr-Latn": "Broj zapisa osobe",
    en: "The person's record number",
  },
  "web.subject-access.person-hint": {
    sq: "26 shkronja e shifra, nga ekipi i rastit (jo emri: emrat nuk shkojnë në kërkesa).",
    "sr-Latn": "26 slova i cifara, od tima slučaja (ne ime: imena ne idu u zahteve).",
    en: "26 letters and digits, from the case team (not a name: names do not go into requests).",
  },
  "web.subject-access.reason": {
    sq: "Arsyeja (referenca e kërkesës)",
    "sr-Latn": "Razlog (oznaka zahteva)",
    en: "Reason (the request's reference)",
  },
  "web.subject-access.language": { sq: "Gjuha e PDF-së", "sr-Latn": "Jezik PDF-a", en: "Language of the PDF" },
  "web.subject-access.json": { sq: "Shkarko JSON", "sr-Latn": "Preuzmi JSON", en: "Download JSON" },
  "web.subject-access.pdf": { sq: "Shkarko PDF", "sr-Latn": "Preuzmi PDF", en: "Download PDF" },
  "web.subject-access.ready": {
    sq: "Eksporti u shkarkua.",
    "sr-Latn": "Izvoz je preuzet.",
    en: "The export is downloaded.",
  },
})

export type WebCorrectionsMessageKey = Catalogue.Key<typeof webCorrectionsMessages>
