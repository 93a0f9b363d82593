/**
 * The meeting package's part of the message catalogue: the rules its errors
 * name, the labels of its codes, agenda titles and calendar summaries. Merge it
 * into the application's catalogue with `Catalogue.merge(kernelMessages, meetingMessages, …)`.
 *
 * Serbian Cyrillic is derived from Serbian Latin (ekavian, as in the kernel).
 */
import { Catalogue } from "@bashke/kernel"

/**
 * The meeting package's messages.
 */
export const meetingMessages = Catalogue.make({
  // Rules named by errors.
  "meeting.input.invalid": {
    sq: "Të dhënat e takimit nuk janë të vlefshme.",
    "sr-Latn": "Podaci o sastanku nisu ispravni.",
    en: "The meeting data is not valid.",
  },
  "meeting.reason.invalid": {
    sq: "Shkruani një arsye (deri në 2000 shenja).",
    "sr-Latn": "Navedite razlog (do 2000 znakova).",
    en: "Give a reason (up to 2000 characters).",
  },
  "meeting.minutes.text-invalid": {
    sq: "Teksti i procesverbalit mungon ose është shumë i gjatë.",
    "sr-Latn": "Tekst zapisnika nedostaje ili je predugačak.",
    en: "The minutes text is missing or too long.",
  },
  "meeting.place.invalid": {
    sq: "Shkruani vendin e takimit (deri në 200 shenja).",
    "sr-Latn": "Navedite mesto sastanka (do 200 znakova).",
    en: "Give the meeting's place (up to 200 characters).",
  },
  "meeting.action-item.invalid": {
    sq: "Përshkruani veprimin (deri në 2000 shenja).",
    "sr-Latn": "Opišite radnju (do 2000 znakova).",
    en: "Describe the action (up to 2000 characters).",
  },
  "meeting.decision.invalid": {
    sq: "Shkruani vendimin (deri në 5000 shenja).",
    "sr-Latn": "Upišite odluku (do 5000 znakova).",
    en: "Write the decision (up to 5000 characters).",
  },
  "meeting.action-item.reason-required": {
    sq: "Për një veprim të pakryer zgjidhni arsyen.",
    "sr-Latn": "Za neizvršenu radnju izaberite razlog.",
    en: "For an action not done, choose the reason.",
  },
  "meeting.action-item.reason-unexpected": {
    sq: "Një veprim i kryer nuk ka arsye mos-kryerjeje.",
    "sr-Latn": "Izvršena radnja nema razlog neizvršenja.",
    en: "An action done has no reason for not being done.",
  },
  "meeting.case.reference-invalid": {
    sq: "Referenca e rastit mund të ketë vetëm shkronja të mëdha, shifra dhe viza.",
    "sr-Latn": "Oznaka slučaja sme imati samo velika slova, cifre i crtice.",
    en: "A case reference may hold only capital letters, digits and hyphens.",
  },
  "meeting.attendance.representative-required": {
    sq: "Për një institucion të pranishëm shënoni kush e përfaqësoi.",
    "sr-Latn": "Za prisutnu instituciju navedite ko ju je predstavljao.",
    en: "For an institution present, say who represented it.",
  },
  "meeting.attendance.representative-unexpected": {
    sq: "Një institucion i arsyetuar ose mungues nuk ka përfaqësues.",
    "sr-Latn": "Opravdano odsutna ili odsutna institucija nema predstavnika.",
    en: "An excused or absent institution has no representative.",
  },
  "meeting.attendance.duplicate": {
    sq: "Një institucion shënohet vetëm një herë në listën e pjesëmarrjes.",
    "sr-Latn": "Institucija se u evidenciji prisustva navodi samo jednom.",
    en: "An institution appears only once in the attendance.",
  },
  "meeting.attendance.unknown-member": {
    sq: "Ky institucion nuk ishte anëtar i mekanizmit në datën e takimit.",
    "sr-Latn": "Ova institucija nije bila član mehanizma na dan sastanka.",
    en: "This institution was not a member of the mechanism on the meeting's date.",
  },
  "meeting.schedule.in-past": {
    sq: "Takimi nuk mund të caktohet në të kaluarën.",
    "sr-Latn": "Sastanak se ne može zakazati u prošlosti.",
    en: "A meeting cannot be scheduled in the past.",
  },
  "meeting.schedule.ends-before-start": {
    sq: "Takimi duhet të përfundojë pasi të fillojë.",
    "sr-Latn": "Sastanak mora da se završi posle početka.",
    en: "A meeting must end after it starts.",
  },
  "meeting.hold.not-started": {
    sq: "Takimi nuk ka filluar ende.",
    "sr-Latn": "Sastanak još nije počeo.",
    en: "The meeting has not started yet.",
  },
  "meeting.minutes.locked": {
    sq: "Procesverbali është miratuar: ndryshohet vetëm me amendament.",
    "sr-Latn": "Zapisnik je usvojen: menja se samo amandmanom.",
    en: "The minutes are approved: they change only by amendment.",
  },
  "meeting.minutes.quorum-required": {
    sq: "Procesverbali nuk mund të miratohet pa kuorum.",
    "sr-Latn": "Zapisnik se ne može usvojiti bez kvoruma.",
    en: "The minutes cannot be approved without a quorum.",
  },
  "meeting.request.not-a-member": {
    sq: "Vetëm një institucion anëtar mund të kërkojë takim të jashtëzakonshëm.",
    "sr-Latn": "Samo institucija članica može zatražiti vanredni sastanak.",
    en: "Only a member institution may request an ad hoc meeting.",
  },
  "meeting.coordinator.required": {
    sq: "Këtë e bën vetëm koordinatori i mekanizmit.",
    "sr-Latn": "Ovo radi samo koordinator mehanizma.",
    en: "Only the mechanism's coordinator may do this.",
  },
  "meeting.member.required": {
    sq: "Këtë e shohin vetëm institucionet anëtare të mekanizmit.",
    "sr-Latn": "Ovo vide samo institucije članice mehanizma.",
    en: "Only the mechanism's member institutions may see this.",
  },
  "meeting.action-item.owner-not-a-member": {
    sq: "Bartësi i veprimit duhet të jetë institucion anëtar.",
    "sr-Latn": "Nosilac radnje mora biti institucija članica.",
    en: "An action item's owner must be a member institution.",
  },
  "meeting.action-item.due-in-past": {
    sq: "Afati i veprimit nuk mund të jetë para ditës së takimit.",
    "sr-Latn": "Rok radnje ne može biti pre dana sastanka.",
    en: "An action item cannot be due before the meeting's day.",
  },
  "meeting.action-item.extension-not-later": {
    sq: "Afati i ri duhet të jetë pas afatit të tanishëm.",
    "sr-Latn": "Novi rok mora biti posle sadašnjeg roka.",
    en: "The new due date must be after the current one.",
  },
  "meeting.action-item.extension-closed": {
    sq: "Afati i një veprimi të mbyllur nuk mund të shtyhet.",
    "sr-Latn": "Rok zatvorene radnje ne može se produžiti.",
    en: "A closed action item's due date cannot be extended.",
  },
  "meeting.action-item.owner-required": {
    sq: "Këtë e bën vetëm institucioni bartës ose koordinatori.",
    "sr-Latn": "Ovo radi samo institucija nosilac ili koordinator.",
    en: "Only the owning institution or the coordinator may do this.",
  },

  // Labels of codes.
  "meeting.kind.regular": { sq: "I rregullt", "sr-Latn": "Redovni", en: "Regular" },
  "meeting.kind.ad-hoc": { sq: "I jashtëzakonshëm", "sr-Latn": "Vanredni", en: "Ad hoc" },
  "meeting.status.requested": { sq: "I kërkuar", "sr-Latn": "Zatražen", en: "Requested" },
  "meeting.status.scheduled": { sq: "I caktuar", "sr-Latn": "Zakazan", en: "Scheduled" },
  "meeting.status.held": { sq: "I mbajtur", "sr-Latn": "Održan", en: "Held" },
  "meeting.status.minutes-drafted": {
    sq: "Procesverbali në hartim",
    "sr-Latn": "Zapisnik u izradi",
    en: "Minutes drafted",
  },
  "meeting.status.minutes-approved": {
    sq: "Procesverbali i miratuar",
    "sr-Latn": "Zapisnik usvojen",
    en: "Minutes approved",
  },
  "meeting.status.cancelled": { sq: "I anuluar", "sr-Latn": "Otkazan", en: "Cancelled" },
  "meeting.urgency.standard": { sq: "E zakonshme", "sr-Latn": "Uobičajena", en: "Standard" },
  "meeting.urgency.urgent": { sq: "Urgjente", "sr-Latn": "Hitna", en: "Urgent" },
  "meeting.presence.present": { sq: "I pranishëm", "sr-Latn": "Prisutan", en: "Present" },
  "meeting.presence.excused": { sq: "I arsyetuar", "sr-Latn": "Opravdano odsutan", en: "Excused" },
  "meeting.presence.absent": { sq: "Mungon", "sr-Latn": "Odsutan", en: "Absent" },
  "meeting.represented-by.representative": { sq: "Përfaqësuesi", "sr-Latn": "Predstavnik", en: "Representative" },
  "meeting.represented-by.deputy": { sq: "Zëvendësi", "sr-Latn": "Zamenik", en: "Deputy" },
  "meeting.represented-by.substitute": { sq: "Zëvendësues", "sr-Latn": "Zamena", en: "Substitute" },
  "meeting.action-item.status.open": { sq: "I hapur", "sr-Latn": "Otvorena", en: "Open" },
  "meeting.action-item.status.done": { sq: "I kryer", "sr-Latn": "Izvršena", en: "Done" },
  "meeting.action-item.status.not-done": { sq: "I pakryer", "sr-Latn": "Nije izvršena", en: "Not done" },
  "meeting.not-done-reason.circumstances-changed": {
    sq: "Rrethanat ndryshuan",
    "sr-Latn": "Okolnosti su se promenile",
    en: "Circumstances changed",
  },
  "meeting.not-done-reason.not-done": { sq: "Nuk u krye", "sr-Latn": "Nije izvršena", en: "Not done" },
  "meeting.risk.standard": { sq: "rrezik standard", "sr-Latn": "standardni rizik", en: "standard risk" },
  "meeting.risk.medium": { sq: "rrezik i mesëm", "sr-Latn": "srednji rizik", en: "medium risk" },
  "meeting.risk.high": { sq: "rrezik i lartë", "sr-Latn": "visok rizik", en: "high risk" },
  "meeting.timeliness.not-requested": {
    sq: "Pa kërkesë",
    "sr-Latn": "Bez zahteva",
    en: "Not requested",
  },
  "meeting.timeliness.pending": {
    sq: "Në pritje të caktimit",
    "sr-Latn": "Čeka zakazivanje",
    en: "Awaiting scheduling",
  },
  "meeting.timeliness.overdue": {
    sq: "Afati për caktim ka kaluar",
    "sr-Latn": "Rok za zakazivanje je prošao",
    en: "Overdue for scheduling",
  },
  "meeting.timeliness.scheduled-in-time": {
    sq: "U caktua brenda afatit",
    "sr-Latn": "Zakazan u roku",
    en: "Scheduled in time",
  },
  "meeting.timeliness.scheduled-late": {
    sq: "U caktua pas afatit",
    "sr-Latn": "Zakazan posle roka",
    en: "Scheduled late",
  },
  "meeting.timeliness.cancelled": { sq: "Kërkesa u anulua", "sr-Latn": "Zahtev otkazan", en: "Request cancelled" },

  // The agenda.
  "meeting.agenda.section.confidentiality": {
    sq: "Konfidencialiteti",
    "sr-Latn": "Poverljivost",
    en: "Confidentiality",
  },
  "meeting.agenda.section.action-items": {
    sq: "Veprimet e hapura nga takimet e mëparshme",
    "sr-Latn": "Otvorene radnje sa prethodnih sastanaka",
    en: "Open actions from earlier meetings",
  },
  "meeting.agenda.section.case-reviews": {
    sq: "Shqyrtimi i rasteve",
    "sr-Latn": "Razmatranje slučajeva",
    en: "Case reviews",
  },
  "meeting.agenda.section.notices": {
    sq: "Njoftime për rastet që mbushin afatin",
    "sr-Latn": "Obaveštenja o slučajevima koji navršavaju rok",
    en: "Notices of cases reaching their term",
  },
  "meeting.agenda.section.other-business": { sq: "Të ndryshme", "sr-Latn": "Razno", en: "Other business" },
  "meeting.agenda.confidentiality": {
    sq: "Deklarata e konfidencialitetit",
    "sr-Latn": "Izjava o poverljivosti",
    en: "Confidentiality statement",
  },
  "meeting.agenda.action-item.open": {
    sq: "Veprim i hapur, afati {due}",
    "sr-Latn": "Otvorena radnja, rok {due}",
    en: "Open action, due {due}",
  },
  "meeting.agenda.action-item.overdue": {
    sq: "Veprim me afat të kaluar, afati {due}",
    "sr-Latn": "Radnja kojoj je istekao rok, rok {due}",
    en: "Overdue action, due {due}",
  },
  "meeting.agenda.referral-overdue.acknowledge": {
    sq: "Referim i pakonfirmuar, afati {due}",
    "sr-Latn": "Uputnica čiji prijem nije potvrđen, rok {due}",
    en: "Referral not acknowledged, due {due}",
  },
  "meeting.agenda.referral-overdue.decide": {
    sq: "Referim pa vendim, afati {due}",
    "sr-Latn": "Uputnica o kojoj nije odlučeno, rok {due}",
    en: "Referral not decided, due {due}",
  },
  "meeting.agenda.referral-overdue.case.acknowledge": {
    sq: "Referim i pakonfirmuar për rastin {reference}, afati {due}",
    "sr-Latn": "Uputnica za slučaj {reference} čiji prijem nije potvrđen, rok {due}",
    en: "Referral for case {reference} not acknowledged, due {due}",
  },
  "meeting.agenda.referral-overdue.case.decide": {
    sq: "Referim pa vendim për rastin {reference}, afati {due}",
    "sr-Latn": "Uputnica za slučaj {reference} o kojoj nije odlučeno, rok {due}",
    en: "Referral for case {reference} not decided, due {due}",
  },
  "meeting.agenda.case-review": {
    sq: "Shqyrtimi i rastit {reference}: {risk}; {sectors}; {openActions, plural, one {# veprim i hapur} other {# veprime të hapura}}",
    "sr-Latn":
      "Razmatranje slučaja {reference}: {risk}; {sectors}; {openActions, plural, one {# otvorena radnja} few {# otvorene radnje} other {# otvorenih radnji}}",
    en: "Case review {reference}: {risk}; {sectors}; {openActions, plural, one {# open action} other {# open actions}}",
  },
  "meeting.agenda.anniversary": {
    sq: "Rasti {reference} ka mbushur {span}",
    "sr-Latn": "Slučaj {reference} je navršio {span}",
    en: "Case {reference} has reached {span}",
  },
  "meeting.agenda.other-business": { sq: "Të ndryshme", "sr-Latn": "Razno", en: "Other business" },

  // The calendar feed.
  "meeting.calendar.name": {
    sq: "Takimet e mekanizmit koordinues",
    "sr-Latn": "Sastanci koordinacionog mehanizma",
    en: "Coordination mechanism meetings",
  },
  "meeting.calendar.summary.regular": {
    sq: "Takim i rregullt i mekanizmit koordinues",
    "sr-Latn": "Redovni sastanak koordinacionog mehanizma",
    en: "Regular meeting of the coordination mechanism",
  },
  "meeting.calendar.summary.ad-hoc": {
    sq: "Takim i jashtëzakonshëm i mekanizmit koordinues",
    "sr-Latn": "Vanredni sastanak koordinacionog mehanizma",
    en: "Ad hoc meeting of the coordination mechanism",
  },

  // Cadence and quorum.
  "meeting.cadence.summary": {
    sq: "{year}: {held, plural, one {# takim i rregullt i mbajtur} other {# takime të rregullta të mbajtura}} nga {required} të kërkuara",
    "sr-Latn":
      "{year}: {held, plural, one {# održan redovni sastanak} few {# održana redovna sastanka} other {# održanih redovnih sastanaka}} od {required} potrebnih",
    en: "{year}: {held, plural, one {# regular meeting held} other {# regular meetings held}} of {required} required",
  },
  "meeting.quorum.met": {
    sq: "Ka kuorum: të pranishëm {present}, nevojiten {required}",
    "sr-Latn": "Kvorum postoji: prisutno {present}, potrebno {required}",
    en: "Quorum met: {present} present, {required} needed",
  },
  "meeting.quorum.not-met": {
    sq: "Nuk ka kuorum: të pranishëm {present}, nevojiten {required}",
    "sr-Latn": "Nema kvoruma: prisutno {present}, potrebno {required}",
    en: "No quorum: {present} present, {required} needed",
  },

  // Scheduling a requested meeting.
  "meeting.schedule.past-deadline": {
    sq: "Takimi i kërkuar duhet të mbahet brenda afatit për caktimin e tij.",
    "sr-Latn": "Traženi sastanak mora se održati u roku za njegovo zakazivanje.",
    en: "The requested meeting must take place within its scheduling deadline.",
  },

  // Minutes circulation.
  "meeting.minutes-circulation.not-due": {
    sq: "Pa afat për procesverbalin",
    "sr-Latn": "Bez roka za zapisnik",
    en: "No minutes due",
  },
  "meeting.minutes-circulation.pending": {
    sq: "Procesverbali duhet të qarkullojë deri më {due}",
    "sr-Latn": "Zapisnik treba dostaviti do {due}",
    en: "Minutes to be circulated by {due}",
  },
  "meeting.minutes-circulation.overdue": {
    sq: "Procesverbali është vonuar: afati ishte {due}",
    "sr-Latn": "Zapisnik kasni: rok je bio {due}",
    en: "Minutes overdue: they were due by {due}",
  },
  "meeting.minutes-circulation.circulated-in-time": {
    sq: "Procesverbali qarkulloi në kohë",
    "sr-Latn": "Zapisnik je dostavljen na vreme",
    en: "Minutes circulated in time",
  },
  "meeting.minutes-circulation.circulated-late": {
    sq: "Procesverbali qarkulloi me vonesë",
    "sr-Latn": "Zapisnik je dostavljen sa zakašnjenjem",
    en: "Minutes circulated late",
  },

  // Decisions' owners.
  "meeting.decision.owner-not-a-member": {
    sq: "Vendimi mund t'i ngarkohet vetëm një institucioni anëtar në datën e takimit.",
    "sr-Latn": "Odluka se može poveriti samo instituciji koja je član na dan sastanka.",
    en: "A decision can only be owned by an institution that is a member on the meeting's date.",
  },
  "meeting.decision.due-date-without-owner": {
    sq: "Afati i vendimit kërkon një institucion përgjegjës.",
    "sr-Latn": "Rok odluke zahteva odgovornu instituciju.",
    en: "A decision's due date needs an institution that owns it.",
  },
  "meeting.decision.due-in-past": {
    sq: "Afati nuk mund të jetë para ditës së takimit.",
    "sr-Latn": "Rok ne može biti pre dana sastanka.",
    en: "The due date cannot be before the day of the meeting.",
  },

  // The coordinator's agenda edits.
  "meeting.agenda.topic-invalid": {
    sq: "Tema duhet të ketë nga 1 deri në 300 karaktere.",
    "sr-Latn": "Tema mora imati od 1 do 300 znakova.",
    en: "A topic must be 1 to 300 characters.",
  },
  "meeting.agenda.too-many-topics": {
    sq: "Rendi i ditës merr më së shumti 30 tema.",
    "sr-Latn": "Dnevni red prima najviše 30 tema.",
    en: "An agenda takes at most 30 topics.",
  },
  "meeting.agenda.item-fixed": {
    sq: "Deklarata e konfidencialitetit dhe çështjet e tjera mbeten gjithmonë në rendin e ditës.",
    "sr-Latn": "Izjava o poverljivosti i ostala pitanja uvek ostaju na dnevnom redu.",
    en: "The confidentiality statement and other business always stay on the agenda.",
  },
  "meeting.agenda.key-invalid": {
    sq: "Ky nuk është çelës i një pike të rendit të ditës.",
    "sr-Latn": "Ovo nije ključ tačke dnevnog reda.",
    en: "This is not the key of an agenda item.",
  },
  "meeting.agenda.topic-unknown": {
    sq: "Kjo temë nuk është në rendin e ditës.",
    "sr-Latn": "Ova tema nije na dnevnom redu.",
    en: "This topic is not on the agenda.",
  },

  // Calendar subscriptions.
  "meeting.calendar-feed.person-required": {
    sq: "Vetëm një person mund të abonohet në kalendarin e takimeve.",
    "sr-Latn": "Samo osoba može da se pretplati na kalendar sastanaka.",
    en: "Only a person can subscribe to the meetings calendar.",
  },
  "meeting.calendar-feed.no-mechanism": {
    sq: "Nuk jeni anëtar i asnjë mekanizmi, prandaj nuk keni takime për t'u abonuar.",
    "sr-Latn": "Niste član nijednog mehanizma, pa nemate sastanke na koje biste se pretplatili.",
    en: "You are not a member of any mechanism, so there are no meetings to subscribe to.",
  },

  // The grounds of a case review.
  "meeting.conference-reason.high-risk": {
    sq: "Rrezik i lartë",
    "sr-Latn": "Visok rizik",
    en: "High risk",
  },
  "meeting.conference-reason.professional-judgement": {
    sq: "Gjykim profesional",
    "sr-Latn": "Stručna procena",
    en: "Professional judgement",
  },
  "meeting.conference-reason.escalation": {
    sq: "Përshkallëzim",
    "sr-Latn": "Eskalacija",
    en: "Escalation",
  },
  "meeting.conference-reason.repeat": {
    sq: "Rast i përsëritur",
    "sr-Latn": "Ponovljeni slučaj",
    en: "Repeat",
  },
  "meeting.conference-reason.order-breach": {
    sq: "Shkelje e urdhrit për mbrojtje",
    "sr-Latn": "Kršenje naredbe za zaštitu",
    en: "Protection order breached",
  },
  // What is due (MeetingDue): a worklist title, then a reminder's sentence per stage.
  "meeting.due.schedule": {
    sq: "Cakto takimin e kërkuar",
    "sr-Latn": "Zakažite traženi sastanak",
    en: "Schedule the requested meeting",
  },
  "meeting.due.schedule.overdue": {
    sq: "Takimi i kërkuar nga një anëtar nuk u caktua deri më {due}, siç kërkohej.",
    "sr-Latn": "Sastanak koji je zatražio član nije zakazan do {due}, kako je trebalo.",
    en: "The meeting a member requested was not scheduled by {due}, as it had to be.",
  },
  "meeting.due.minutes": {
    sq: "Shpërndaj procesverbalin",
    "sr-Latn": "Prosledite zapisnik",
    en: "Circulate the minutes",
  },
  "meeting.due.minutes.overdue": {
    sq: "Procesverbali i një takimi të mbajtur nuk u shpërnda deri më {due}, siç kërkohej.",
    "sr-Latn": "Zapisnik sa održanog sastanka nije prosleđen do {due}, kako je trebalo.",
    en: "The minutes of a meeting held were not circulated by {due}, as they had to be.",
  },
  "meeting.due.action-item": {
    sq: "Detyrë nga takimi",
    "sr-Latn": "Zadatak sa sastanka",
    en: "Action item from a meeting",
  },
  "meeting.due.action-item.approaching": {
    sq: "Një detyrë e institucionit tuaj duhet kryer më {due}.",
    "sr-Latn": "Zadatak vaše institucije treba izvršiti {due}.",
    en: "An action item of your institution is due on {due}.",
  },
  "meeting.due.action-item.due": {
    sq: "Një detyrë e institucionit tuaj duhet kryer sot, {due}.",
    "sr-Latn": "Zadatak vaše institucije treba izvršiti danas, {due}.",
    en: "An action item of your institution is due today, {due}.",
  },
  "meeting.due.action-item.overdue": {
    sq: "Një detyrë e institucionit tuaj duhej kryer më {due} dhe ende nuk është kryer.",
    "sr-Latn": "Zadatak vaše institucije trebalo je izvršiti {due} i još nije izvršen.",
    en: "An action item of your institution was due on {due} and is still not done.",
  },
})

/**
 * A key of the meeting package's messages.
 */
export type MeetingMessageKey = Catalogue.Key<typeof meetingMessages>
