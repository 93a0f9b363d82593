/**
 * The case package's part of the message catalogue for its use cases and
 * store: the rules `CaseService` names in its errors, and the labels of the
 * events it announces (`case.event.<topic>`, for a case's activity list and
 * notifications). The model's keys are in `CaseMessages`; merge both:
 * `Catalogue.merge(kernelMessages, securityMessages, caseMessages, caseStoreMessages)`.
 */
import { Catalogue } from "@bashke/kernel"

const messages = {
  // Rules of the use cases
  "case.team.member-not-signatory": {
    sq: "Në ekipin e rastit mund të jenë vetëm institucionet që kanë nënshkruar memorandumin në fuqi të mekanizmit.",
    "sr-Latn": "U timu slučaja mogu biti samo institucije koje su potpisale važeći memorandum mehanizma.",
    en: "Only institutions that signed the mechanism's memorandum in force can be on the case team.",
  },
  "case.team.lead-only": {
    sq: "Ekipin e rastit e ndryshon vetëm institucioni udhëheqës i rastit ose koordinatori i mekanizmit.",
    "sr-Latn": "Tim slučaja menja samo vodeća institucija slučaja ili koordinator mehanizma.",
    en: "Only the case's lead institution or the mechanism's coordinator can change the case team.",
  },
  "case.mechanism.municipality-mismatch": {
    sq: "Komuna nuk përputhet me komunën e rasteve të mëparshme të këtij mekanizmi.",
    "sr-Latn": "Opština se ne poklapa sa opštinom ranijih slučajeva ovog mehanizma.",
    en: "The municipality does not match that of this mechanism's earlier cases.",
  },
  "case.consent.giver-unknown": {
    sq: "Pëlqimin mund ta japë vetëm viktima ose një fëmijë i këtij rasti.",
    "sr-Latn": "Saglasnost može dati samo žrtva ili dete u ovom slučaju.",
    en: "Consent can be given only by the victim or a child of this case.",
  },
  "case.reference.taken": {
    sq: "Ky numër rasti është zënë tashmë.",
    "sr-Latn": "Ovaj broj slučaja je već zauzet.",
    en: "This case reference is already taken.",
  },
  "case.risk.assessment-required": {
    sq: "Rasti i raportuar nga policia ka nevojë për vlerësimin e hershëm të rrezikut nga policia para se të shënohet si i vlerësuar.",
    "sr-Latn":
      "Slučaj koji je prijavila policija mora imati ranu policijsku procenu rizika pre nego što se označi kao procenjen.",
    en: "A police-reported case needs the police early risk assessment before it can be marked assessed.",
  },
  "case.review.date-out-of-range": {
    sq: "Data e shqyrtimit duhet të jetë pas hapjes së rastit dhe jo në të ardhmen.",
    "sr-Latn": "Datum razmatranja mora biti posle otvaranja slučaja i ne u budućnosti.",
    en: "The review date must be after the case was opened and not in the future.",
  },
  "case.closed.read-only": {
    sq: "Rasti është i mbyllur: rihapeni para se ta ndryshoni.",
    "sr-Latn": "Slučaj je zatvoren: ponovo ga otvorite pre izmene.",
    en: "The case is closed: reopen it before changing it.",
  },
  // Events, for a case's activity list
  "case.event.case.opened": { sq: "Rasti u hap", "sr-Latn": "Slučaj je otvoren", en: "Case opened" },
  "case.event.case.transitioned": {
    sq: "Gjendja e rastit ndryshoi",
    "sr-Latn": "Stanje slučaja je promenjeno",
    en: "Case status changed",
  },
  "case.event.case.reviewed": {
    sq: "Rasti u shqyrtua në takimin e mekanizmit",
    "sr-Latn": "Slučaj je razmotren na sastanku mehanizma",
    en: "Case reviewed in a mechanism meeting",
  },
  "case.event.person.added": { sq: "Person i shtuar", "sr-Latn": "Dodata osoba", en: "Person added" },
  "case.event.incident.recorded": {
    sq: "Incident i regjistruar",
    "sr-Latn": "Evidentiran incident",
    en: "Incident recorded",
  },
  "case.event.risk.assessed": {
    sq: "Rreziku u vlerësua",
    "sr-Latn": "Procenjen rizik",
    en: "Risk assessed",
  },
  "case.event.protection-order.requested": {
    sq: "U kërkua urdhër mbrojtjeje",
    "sr-Latn": "Zatražena naredba za zaštitu",
    en: "Protection order requested",
  },
  "case.event.protection-order.issued": {
    sq: "U lëshua urdhër mbrojtjeje",
    "sr-Latn": "Izdata naredba za zaštitu",
    en: "Protection order issued",
  },
  "case.event.protection-order.rejected": {
    sq: "Kërkesa për urdhër mbrojtjeje u refuzua",
    "sr-Latn": "Zahtev za naredbu za zaštitu je odbijen",
    en: "Protection order refused",
  },
  "case.event.protection-order.extended": {
    sq: "Urdhri i mbrojtjes u vazhdua",
    "sr-Latn": "Naredba za zaštitu je produžena",
    en: "Protection order extended",
  },
  "case.event.protection-order.expired": {
    sq: "Urdhri i mbrojtjes skadoi",
    "sr-Latn": "Naredba za zaštitu je istekla",
    en: "Protection order expired",
  },
  "case.event.protection-order.breached": {
    sq: "U shkel urdhri i mbrojtjes",
    "sr-Latn": "Prekršena naredba za zaštitu",
    en: "Protection order breached",
  },
  "case.event.protection-order.hearing-scheduled": {
    sq: "U caktua seanca gjyqësore për urdhrin e mbrojtjes",
    "sr-Latn": "Zakazano ročište o naredbi za zaštitu",
    en: "Court hearing on the protection order scheduled",
  },
  "case.event.safety-measure.added": {
    sq: "Masë sigurie e shtuar",
    "sr-Latn": "Dodata mera bezbednosti",
    en: "Safety measure added",
  },
  "case.event.safety-measure.updated": {
    sq: "Masa e sigurisë u përditësua",
    "sr-Latn": "Mera bezbednosti je ažurirana",
    en: "Safety measure updated",
  },
  "case.event.consent.given": { sq: "U dha pëlqimi", "sr-Latn": "Data saglasnost", en: "Consent given" },
  "case.event.consent.withdrawn": {
    sq: "Pëlqimi u tërhoq",
    "sr-Latn": "Saglasnost je povučena",
    en: "Consent withdrawn",
  },
  "case.event.team.changed": {
    sq: "Ekipi i rastit ndryshoi",
    "sr-Latn": "Tim slučaja je promenjen",
    en: "Case team changed",
  },
  "case.event.break-glass.denied": {
    sq: "U refuzua një qasje emergjente",
    "sr-Latn": "Odbijen hitan uvid",
    en: "Emergency access refused",
  },
  "case.event.consent.confirmed": {
    sq: "Pëlqimi u konfirmua",
    "sr-Latn": "Saglasnost je potvrđena",
    en: "Consent confirmed",
  },
  "case.event.consent.lead-notice": {
    sq: "Njoftim për institucionin udhëheqës: një pëlqim ndryshoi",
    "sr-Latn": "Obaveštenje vodećoj instituciji: saglasnost je promenjena",
    en: "Notice to the lead institution: a consent changed",
  },
  "case.event.break-glass.alert": {
    sq: "Dikush lexoi të dhëna identifikuese në emergjencë: duhet shqyrtuar",
    "sr-Latn": "Neko je hitno pročitao identifikacione podatke: potreban je pregled",
    en: "Someone read identifying details in an emergency: to be reviewed",
  },
  "case.event.break-glass.reviewed": {
    sq: "Qasja në emergjencë u shqyrtua",
    "sr-Latn": "Hitan pristup je pregledan",
    en: "Emergency access reviewed",
  },
  "case.event.note.written": { sq: "U shkrua një shënim", "sr-Latn": "Napisana je beleška", en: "Note written" },
  "case.event.note.corrected": {
    sq: "Një shënim u korrigjua",
    "sr-Latn": "Beleška je ispravljena",
    en: "Note corrected",
  },
  "case.event.person.corrected": {
    sq: "Të dhënat e një personi u korrigjuan",
    "sr-Latn": "Podaci osobe su ispravljeni",
    en: "A person's details corrected",
  },
  "case.event.incident.corrected": {
    sq: "Faktet e një incidenti u korrigjuan",
    "sr-Latn": "Činjenice incidenta su ispravljene",
    en: "An incident's facts corrected",
  },
  "case.event.safe-contact.recorded": {
    sq: "U shënua si mund të kontaktohet në mënyrë të sigurt",
    "sr-Latn": "Zabeleženo je kako se može bezbedno kontaktirati",
    en: "Safe contact recorded",
  },
  "case.event.protection-order.conditions-corrected": {
    sq: "Kushtet e një urdhri mbrojtjeje u korrigjuan",
    "sr-Latn": "Uslovi naloga za zaštitu su ispravljeni",
    en: "A protection order's conditions corrected",
  },
  "case.event.transfer.proposed": {
    sq: "U propozua transferimi i rastit",
    "sr-Latn": "Predložen je prenos slučaja",
    en: "Case transfer proposed",
  },
  "case.event.transfer.accepted": {
    sq: "Transferimi i rastit u pranua",
    "sr-Latn": "Prenos slučaja je prihvaćen",
    en: "Case transfer accepted",
  },
  "case.event.case.erased": {
    sq: "Të dhënat personale të rastit u fshinë",
    "sr-Latn": "Lični podaci slučaja su izbrisani",
    en: "Case personal data erased",
  },
  "case.event.transfer.declined": {
    sq: "Transferimi i rastit u refuzua",
    "sr-Latn": "Prenos slučaja je odbijen",
    en: "Case transfer declined",
  },
  "case.event.survivor.informed": {
    sq: "U shënua çfarë iu tha të mbijetuarës",
    "sr-Latn": "Zabeleženo je šta je rečeno preživeloj",
    en: "What the survivor was told recorded",
  },
} as const

/**
 * The messages of the case package's use cases and store.
 */
export const caseStoreMessages = Catalogue.make(messages)

/**
 * The keys of {@link caseStoreMessages}.
 */
export type CaseStoreMessageKey = Catalogue.Key<typeof caseStoreMessages>
