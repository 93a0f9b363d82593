/**
 * The web app's words for the mechanism's meetings — the calendar, ad hoc
 * requests, scheduling, the agenda, attendance and quorum, the minutes, the
 * decisions and action items, the printable record — and for calendar
 * subscriptions, in the four languages. A part of the web's catalogue kept in
 * its own module so it loads with the screens that show it (`addMessages`);
 * the meeting package's own words (statuses, agenda titles, rules) come from
 * `meetingMessages`. Serbian Cyrillic is derived from Serbian Latin.
 */
import { Catalogue } from "@bashke/kernel"

export const webMeetingMessages = Catalogue.make({
  "web.meetings.title": { sq: "Takimet e mekanizmit", "sr-Latn": "Sastanci mehanizma", en: "The mechanism's meetings" },
  "web.meetings.upcoming": { sq: "Takimet e ardhshme", "sr-Latn": "Predstojeći sastanci", en: "Upcoming meetings" },
  "web.meetings.requests": {
    sq: "Kërkesat për takime të jashtëzakonshme",
    "sr-Latn": "Zahtevi za vanredne sastanke",
    en: "Requests for ad hoc meetings",
  },
  "web.meetings.past": { sq: "Takimet e mëparshme", "sr-Latn": "Prethodni sastanci", en: "Past meetings" },
  "web.meetings.none": { sq: "Asnjë takim.", "sr-Latn": "Nema sastanaka.", en: "No meetings." },
  "web.meetings.open": { sq: "Hape takimin", "sr-Latn": "Otvori sastanak", en: "Open the meeting" },
  "web.meetings.when": { sq: "Koha", "sr-Latn": "Vreme", en: "When" },
  "web.meetings.kind": { sq: "Lloji", "sr-Latn": "Vrsta", en: "Kind" },
  "web.meetings.status": { sq: "Gjendja", "sr-Latn": "Stanje", en: "Status" },
  "web.meetings.place": { sq: "Vendi", "sr-Latn": "Mesto", en: "Place" },
  "web.meetings.requested-by": { sq: "Kërkuar nga", "sr-Latn": "Zatražio", en: "Requested by" },
  "web.meetings.schedule-by": {
    sq: "Koordinatori duhet ta caktojë deri më {deadline}",
    "sr-Latn": "Koordinator treba da ga zakaže do {deadline}",
    en: "The coordinator must schedule it by {deadline}",
  },
  "web.meetings.request.title": {
    sq: "Kërko një takim të jashtëzakonshëm",
    "sr-Latn": "Zatraži vanredni sastanak",
    en: "Request an ad hoc meeting",
  },
  "web.meetings.request.hint": {
    sq: "Koordinatori e cakton brenda {standard}, ose brenda {urgent} kur është urgjente. Mos shkruani emra njerëzish.",
    "sr-Latn": "Koordinator ga zakazuje u roku od {standard}, ili {urgent} kada je hitno. Ne pišite imena ljudi.",
    en: "The coordinator schedules it within {standard}, or {urgent} when urgent. Do not write people's names.",
  },
  "web.meetings.reason": { sq: "Arsyeja", "sr-Latn": "Razlog", en: "Reason" },
  "web.meetings.urgency": { sq: "Urgjenca", "sr-Latn": "Hitnost", en: "Urgency" },
  "web.meetings.request.submit": { sq: "Dërgo kërkesën", "sr-Latn": "Pošalji zahtev", en: "Send the request" },
  "web.meetings.request.sent": {
    sq: "Kërkesa u dërgua. Koordinatori duhet ta caktojë takimin deri më {deadline}.",
    "sr-Latn": "Zahtev je poslat. Koordinator treba da zakaže sastanak do {deadline}.",
    en: "Request sent. The coordinator must schedule the meeting by {deadline}.",
  },
  "web.meetings.new.title": { sq: "Cakto një takim", "sr-Latn": "Zakaži sastanak", en: "Schedule a meeting" },
  "web.meetings.new.submit": { sq: "Cakto takimin", "sr-Latn": "Zakaži sastanak", en: "Schedule the meeting" },
  "web.meetings.starts-at": { sq: "Fillon më", "sr-Latn": "Počinje", en: "Starts" },
  "web.meetings.ends-at": { sq: "Përfundon më", "sr-Latn": "Završava se", en: "Ends" },
  "web.meetings.time-zone": {
    sq: "Kohët janë sipas orës së vendit ({zone}).",
    "sr-Latn": "Vremena su po lokalnom vremenu ({zone}).",
    en: "Times are local time ({zone}).",
  },
  "web.meetings.subscribe": {
    sq: "Abonohu në kalendar",
    "sr-Latn": "Pretplati se na kalendar",
    en: "Subscribe in your calendar",
  },
  "web.meeting.title": { sq: "Takimi", "sr-Latn": "Sastanak", en: "Meeting" },
  "web.meeting.heading": { sq: "{kind} · {status}", "sr-Latn": "{kind} · {status}", en: "{kind} · {status}" },
  "web.meeting.back": { sq: "Të gjitha takimet", "sr-Latn": "Svi sastanci", en: "All meetings" },
  "web.meeting.not-scheduled": { sq: "Ende pa u caktuar", "sr-Latn": "Još nije zakazan", en: "Not scheduled yet" },
  "web.meeting.schedule.title": { sq: "Caktimi", "sr-Latn": "Zakazivanje", en: "Scheduling" },
  "web.meeting.schedule.latest": {
    sq: "Duhet të fillojë para {latest}",
    "sr-Latn": "Mora da počne pre {latest}",
    en: "Must start before {latest}",
  },
  "web.meeting.schedule.submit": { sq: "Cakto", "sr-Latn": "Zakaži", en: "Schedule" },
  "web.meeting.reschedule.submit": { sq: "Ndrysho kohën", "sr-Latn": "Promeni vreme", en: "Change the time" },
  "web.meeting.print": {
    sq: "Rendi i ditës dhe procesverbali për shtypje",
    "sr-Latn": "Dnevni red i zapisnik za štampu",
    en: "Agenda and minutes for printing",
  },
  "web.agenda.title": { sq: "Rendi i ditës", "sr-Latn": "Dnevni red", en: "Agenda" },
  "web.agenda.hint": {
    sq: "Ndërtuar nga të dhënat: vetëm rastet që plotësojnë kriteret e konferencës dhe kanë pëlqimin, me emërtim pseudonim.",
    "sr-Latn":
      "Sastavljen iz podataka: samo slučajevi koji ispunjavaju kriterijume konferencije i imaju pristanak, pod pseudonimom.",
    en: "Built from data: only cases that meet the conference criteria and whose consent allows it, pseudonymised.",
  },
  "web.agenda.keep": { sq: "Në rendin e ditës", "sr-Latn": "Na dnevnom redu", en: "On the agenda" },
  "web.agenda.left-out": { sq: "Të lëna jashtë: {count}", "sr-Latn": "Izostavljeno: {count}", en: "Left out: {count}" },
  "web.agenda.topic": { sq: "Temë e re", "sr-Latn": "Nova tema", en: "New topic" },
  "web.agenda.topic.section": { sq: "Seksioni i temës", "sr-Latn": "Odeljak teme", en: "Topic's section" },
  "web.agenda.topic.add": { sq: "Shto temën", "sr-Latn": "Dodaj temu", en: "Add the topic" },
  "web.agenda.topic.remove": { sq: "Hiqe temën", "sr-Latn": "Ukloni temu", en: "Remove the topic" },
  "web.agenda.save": { sq: "Ruaj rendin e ditës", "sr-Latn": "Sačuvaj dnevni red", en: "Save the agenda" },
  "web.agenda.saved": { sq: "Rendi i ditës u ruajt.", "sr-Latn": "Dnevni red je sačuvan.", en: "Agenda saved." },
  "web.attendance.title": { sq: "Pjesëmarrja", "sr-Latn": "Prisustvo", en: "Attendance" },
  "web.attendance.institution": { sq: "Institucioni", "sr-Latn": "Institucija", en: "Institution" },
  "web.attendance.presence": { sq: "Prania", "sr-Latn": "Prisustvo", en: "Presence" },
  "web.attendance.represented-by": { sq: "Përfaqësuar nga", "sr-Latn": "Zastupljen od", en: "Represented by" },
  "web.attendance.hold": {
    sq: "Regjistro takimin si të mbajtur",
    "sr-Latn": "Zabeleži da je sastanak održan",
    en: "Record the meeting as held",
  },
  "web.attendance.save": { sq: "Ruaj pjesëmarrjen", "sr-Latn": "Sačuvaj prisustvo", en: "Save the attendance" },
  "web.attendance.before-start": {
    sq: "Pjesëmarrja regjistrohet pasi të fillojë takimi.",
    "sr-Latn": "Prisustvo se beleži kada sastanak počne.",
    en: "Attendance is recorded once the meeting has started.",
  },
  "web.minutes.title": { sq: "Procesverbali", "sr-Latn": "Zapisnik", en: "Minutes" },
  "web.minutes.body": { sq: "Teksti i procesverbalit", "sr-Latn": "Tekst zapisnika", en: "Text of the minutes" },
  "web.minutes.hint": {
    sq: "Rastet vetëm me numrin e referencës; asnjë emër.",
    "sr-Latn": "Slučajevi samo po broju reference; bez imena.",
    en: "Cases by their reference only; no names.",
  },
  "web.minutes.save": { sq: "Ruaj draftin", "sr-Latn": "Sačuvaj nacrt", en: "Save the draft" },
  "web.minutes.saved": {
    sq: "Drafti u ruajt (versioni {revision}).",
    "sr-Latn": "Nacrt je sačuvan (verzija {revision}).",
    en: "Draft saved (revision {revision}).",
  },
  "web.minutes.approve": { sq: "Mirato procesverbalin", "sr-Latn": "Odobri zapisnik", en: "Approve the minutes" },
  "web.minutes.state.none": {
    sq: "Ende pa procesverbal.",
    "sr-Latn": "Zapisnik još nije napisan.",
    en: "No minutes yet.",
  },
  "web.minutes.state.draft": { sq: "Draft", "sr-Latn": "Nacrt", en: "Draft" },
  "web.minutes.state.locked": {
    sq: "Miratuar më {at} dhe i kyçur: ndryshohet vetëm me amendamente.",
    "sr-Latn": "Odobren {at} i zaključan: menja se samo amandmanima.",
    en: "Approved on {at} and locked: changed only by amendments.",
  },
  "web.minutes.amendments": { sq: "Amendamentet", "sr-Latn": "Amandmani", en: "Amendments" },
  "web.minutes.amendment": { sq: "Amendamenti {at}", "sr-Latn": "Amandman {at}", en: "Amendment of {at}" },
  "web.minutes.amend.reason": {
    sq: "Arsyeja e amendamentit",
    "sr-Latn": "Razlog amandmana",
    en: "Reason for the amendment",
  },
  "web.minutes.amend.text": { sq: "Teksti i amendamentit", "sr-Latn": "Tekst amandmana", en: "Text of the amendment" },
  "web.minutes.amend.submit": { sq: "Shto amendamentin", "sr-Latn": "Dodaj amandman", en: "Add the amendment" },
  "web.decisions.title": { sq: "Vendimet", "sr-Latn": "Odluke", en: "Decisions" },
  "web.decisions.none": { sq: "Asnjë vendim.", "sr-Latn": "Nema odluka.", en: "No decisions." },
  "web.decisions.text": { sq: "Vendimi", "sr-Latn": "Odluka", en: "Decision" },
  "web.decisions.add": { sq: "Regjistro vendimin", "sr-Latn": "Zabeleži odluku", en: "Record the decision" },
  "web.outcome.owner": { sq: "Institucioni përgjegjës", "sr-Latn": "Odgovorna institucija", en: "Owner institution" },
  "web.outcome.no-owner": { sq: "Pa institucion", "sr-Latn": "Bez institucije", en: "No institution" },
  "web.outcome.due": { sq: "Afati", "sr-Latn": "Rok", en: "Due date" },
  "web.outcome.owned": {
    sq: "{owner} · afati {due}",
    "sr-Latn": "{owner} · rok {due}",
    en: "{owner} · due {due}",
  },
  "web.action-items.title": { sq: "Veprimet", "sr-Latn": "Zadaci", en: "Action items" },
  "web.action-items.none": { sq: "Asnjë veprim.", "sr-Latn": "Nema zadataka.", en: "No action items." },
  "web.action-items.description": { sq: "Përshkrimi", "sr-Latn": "Opis", en: "Description" },
  "web.action-items.add": { sq: "Shto veprimin", "sr-Latn": "Dodaj zadatak", en: "Add the action item" },
  "web.print.title": {
    sq: "Rendi i ditës dhe procesverbali",
    "sr-Latn": "Dnevni red i zapisnik",
    en: "Agenda and minutes",
  },
  "web.print.back": { sq: "Kthehu te takimi", "sr-Latn": "Nazad na sastanak", en: "Back to the meeting" },
  "web.print.button": { sq: "Shtyp", "sr-Latn": "Štampaj", en: "Print" },
  "web.print.confidential": {
    sq: "Konfidenciale: vetëm për anëtarët e mekanizmit. Rastet paraqiten me pseudonim.",
    "sr-Latn": "Poverljivo: samo za članove mehanizma. Slučajevi su prikazani pod pseudonimom.",
    en: "Confidential: for the mechanism's members only. Cases appear under a pseudonym.",
  },
  "web.print.meeting": { sq: "Takimi", "sr-Latn": "Sastanak", en: "Meeting" },
  "web.calendar-feed.title": {
    sq: "Abonimi në kalendar",
    "sr-Latn": "Pretplata na kalendar",
    en: "Calendar subscription",
  },
  "web.calendar-feed.intro": {
    sq: "Një adresë e fshehtë që Thunderbird, Outlook ose kalendari i telefonit e ndjekin pa u identifikuar. Ajo tregon vetëm kohën dhe vendin e takimeve, asnjë emër apo rast. Kushdo që e ka adresën i sheh takimet: revokojeni nëse del jashtë.",
    "sr-Latn":
      "Tajna adresa koju Thunderbird, Outlook ili kalendar telefona prate bez prijave. Prikazuje samo vreme i mesto sastanaka, bez imena i slučajeva. Svako ko ima adresu vidi sastanke: opozovite je ako procuri.",
    en: "A secret address that Thunderbird, Outlook or a phone's calendar follows without signing in. It shows only when and where meetings are, no names and no cases. Anyone holding the address sees the meetings: revoke it if it leaks.",
  },
  "web.calendar-feed.language": { sq: "Gjuha e kalendarit", "sr-Latn": "Jezik kalendara", en: "Calendar's language" },
  "web.calendar-feed.create": { sq: "Krijo një adresë", "sr-Latn": "Napravi adresu", en: "Create an address" },
  "web.calendar-feed.created": {
    sq: "Adresa juaj e re. Kopjojeni tani: nuk shfaqet më.",
    "sr-Latn": "Vaša nova adresa. Kopirajte je sada: neće se ponovo prikazati.",
    en: "Your new address. Copy it now: it is not shown again.",
  },
  "web.calendar-feed.url": { sq: "Adresa e kalendarit", "sr-Latn": "Adresa kalendara", en: "Calendar address" },
  "web.calendar-feed.copy": { sq: "Kopjo adresën", "sr-Latn": "Kopiraj adresu", en: "Copy the address" },
  "web.calendar-feed.copied": { sq: "U kopjua.", "sr-Latn": "Kopirano.", en: "Copied." },
  "web.calendar-feed.list": { sq: "Adresat tuaja", "sr-Latn": "Vaše adrese", en: "Your addresses" },
  "web.calendar-feed.none": { sq: "Asnjë adresë.", "sr-Latn": "Nema adresa.", en: "No addresses." },
  "web.calendar-feed.made": { sq: "Krijuar më {at}", "sr-Latn": "Napravljena {at}", en: "Created on {at}" },
  "web.calendar-feed.revoked": { sq: "Revokuar më {at}", "sr-Latn": "Opozvana {at}", en: "Revoked on {at}" },
  "web.calendar-feed.active": { sq: "Aktive", "sr-Latn": "Aktivna", en: "Active" },
  "web.calendar-feed.revoke": { sq: "Revoko", "sr-Latn": "Opozovi", en: "Revoke" },
})

export type WebMeetingMessageKey = Catalogue.Key<typeof webMeetingMessages>
