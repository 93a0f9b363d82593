/**
 * The reporting package's part of the message catalogue: the rules its errors
 * name, and the labels of its tables — titles, dimensions, measures, the
 * codes no other package labels (order events, urgency, "not recorded"), the
 * total and the marker of a hidden cell. Codes recorded by the case and
 * referral packages keep those packages' labels (`caseMessages`,
 * `referralMessages`). Merge it into the application's catalogue with
 * `Catalogue.merge(kernelMessages, …, reportingMessages)`.
 *
 * Serbian Cyrillic is derived from Serbian Latin (ekavian, as in the kernel).
 */
import { Catalogue } from "@bashke/kernel"

/**
 * The reporting package's messages.
 */
export const reportingMessages = Catalogue.make({
  // Rules named by errors.
  "reporting.input.invalid": {
    sq: "Kërkesa për raport nuk është e vlefshme.",
    "sr-Latn": "Zahtev za izveštaj nije ispravan.",
    en: "The report request is not valid.",
  },
  "reporting.period.ends-before-start": {
    sq: "Periudha mbaron para se të fillojë.",
    "sr-Latn": "Period se završava pre nego što počne.",
    en: "The period ends before it starts.",
  },
  "reporting.year.out-of-range": {
    sq: "Viti duhet të jetë nga 2000 deri në 2999.",
    "sr-Latn": "Godina mora biti od 2000 do 2999.",
    en: "The year must be from 2000 to 2999.",
  },
  "reporting.source.unknown": {
    sq: "Ky burim i të dhënave nuk njihet.",
    "sr-Latn": "Ovaj izvor podataka nije poznat.",
    en: "This data source is not known.",
  },
  "reporting.dimension.unknown": {
    sq: "Kjo ndarje nuk njihet.",
    "sr-Latn": "Ova podela nije poznata.",
    en: "This breakdown is not known.",
  },
  "reporting.dimension.not-in-source": {
    sq: "Ky burim nuk mund të ndahet sipas kësaj ndarjeje.",
    "sr-Latn": "Ovaj izvor se ne može podeliti po ovoj podeli.",
    en: "This source cannot be broken down this way.",
  },
  "reporting.dimension.same": {
    sq: "Rreshtat dhe kolonat duhet të kenë ndarje të ndryshme.",
    "sr-Latn": "Redovi i kolone moraju imati različite podele.",
    en: "Rows and columns need different breakdowns.",
  },
  "reporting.disclosure.unknown": {
    sq: "Niveli i publikimit nuk njihet.",
    "sr-Latn": "Nivo objavljivanja nije poznat.",
    en: "The disclosure level is not known.",
  },
  "reporting.scope.national-role-required": {
    sq: "Vetëm koordinatori kombëtar mund të shohë shifrat kombëtare.",
    "sr-Latn": "Samo nacionalni koordinator može da vidi nacionalne podatke.",
    en: "Only the national coordinator may see national figures.",
  },
  "reporting.scope.not-member": {
    sq: "Nuk jeni koordinator i këtij mekanizmi.",
    "sr-Latn": "Niste koordinator ovog mehanizma.",
    en: "You are not a coordinator of this mechanism.",
  },
  "reporting.disclosure.internal-not-allowed": {
    sq: "Shifrat pa fshehje të qelizave të vogla mbeten brenda mekanizmit: vetëm koordinatori i tij mund t'i shohë.",
    "sr-Latn": "Podaci bez skrivanja malih ćelija ostaju u mehanizmu: samo njegov koordinator može da ih vidi.",
    en: "Figures without small cells hidden stay inside the mechanism: only its coordinator may see them.",
  },

  // Cells.
  "reporting.cell.total": { sq: "Gjithsej", "sr-Latn": "Ukupno", en: "Total" },
  "reporting.cell.suppressed": { sq: "x", "sr-Latn": "x", en: "x" },
  "reporting.cell.suppressed.note": {
    sq: "x: numër nën {threshold} ose që do ta zbulonte një të tillë, i fshehur për të mbrojtur personat.",
    "sr-Latn": "x: broj manji od {threshold} ili broj koji bi takav otkrio, skriven radi zaštite osoba.",
    en: "x: a count under {threshold}, or one that would reveal such a count, hidden to protect the persons concerned.",
  },
  "reporting.value.not-recorded": { sq: "E pa regjistruar", "sr-Latn": "Nije zabeleženo", en: "Not recorded" },

  // Sources (what a table counts).
  "reporting.source.cases": { sq: "Rastet", "sr-Latn": "Slučajevi", en: "Cases" },
  "reporting.source.perpetrators": {
    sq: "Kryerësit e dyshuar",
    "sr-Latn": "Navodni počinioci",
    en: "Alleged perpetrators",
  },
  "reporting.source.protection-orders": {
    sq: "Urdhrat për mbrojtje",
    "sr-Latn": "Naredbe za zaštitu",
    en: "Protection orders",
  },
  "reporting.source.referrals": { sq: "Referimet", "sr-Latn": "Upućivanja", en: "Referrals" },
  "reporting.source.incidents": { sq: "Incidentet", "sr-Latn": "Incidenti", en: "Incidents" },

  // Dimensions.
  "reporting.dimension.year": { sq: "Viti", "sr-Latn": "Godina", en: "Year" },
  "reporting.dimension.municipality": { sq: "Komuna", "sr-Latn": "Opština", en: "Municipality" },
  "reporting.dimension.mechanism": { sq: "Mekanizmi", "sr-Latn": "Mehanizam", en: "Mechanism" },
  "reporting.dimension.victim-sex": { sq: "Gjinia e viktimës", "sr-Latn": "Pol žrtve", en: "Victim's sex" },
  "reporting.dimension.victim-age-band": {
    sq: "Mosha e viktimës",
    "sr-Latn": "Uzrast žrtve",
    en: "Victim's age",
  },
  "reporting.dimension.form": { sq: "Forma e dhunës", "sr-Latn": "Oblik nasilja", en: "Form of violence" },
  "reporting.dimension.place": { sq: "Vendi i dhunës", "sr-Latn": "Mesto nasilja", en: "Place of violence" },
  "reporting.dimension.children": {
    sq: "Fëmijët e pranishëm ose dëshmitarë",
    "sr-Latn": "Deca prisutna ili svedoci",
    en: "Children present or witnessing",
  },
  "reporting.dimension.perpetrator-sex": {
    sq: "Gjinia e kryerësit",
    "sr-Latn": "Pol počinioca",
    en: "Perpetrator's sex",
  },
  "reporting.dimension.perpetrator-age-band": {
    sq: "Mosha e kryerësit",
    "sr-Latn": "Uzrast počinioca",
    en: "Perpetrator's age",
  },
  "reporting.dimension.relationship": {
    sq: "Lidhja me viktimën",
    "sr-Latn": "Odnos sa žrtvom",
    en: "Relationship to the victim",
  },
  "reporting.dimension.relationship-time": {
    sq: "Lidhja aktuale apo e mëparshme",
    "sr-Latn": "Sadašnji ili bivši odnos",
    en: "Current or former relationship",
  },
  "reporting.dimension.order-kind": { sq: "Lloji i urdhrit", "sr-Latn": "Vrsta naredbe", en: "Kind of order" },
  "reporting.dimension.order-event": { sq: "Ngjarja", "sr-Latn": "Događaj", en: "Event" },
  "reporting.dimension.petitioner": { sq: "Parashtruesi", "sr-Latn": "Podnosilac", en: "Petitioner" },
  "reporting.dimension.service-type": { sq: "Lloji i shërbimit", "sr-Latn": "Vrsta usluge", en: "Type of service" },
  "reporting.dimension.referral-status": {
    sq: "Gjendja e referimit",
    "sr-Latn": "Stanje upućivanja",
    en: "Status of the referral",
  },
  "reporting.dimension.urgency": { sq: "Urgjenca", "sr-Latn": "Hitnost", en: "Urgency" },

  // Codes no other package labels.
  "reporting.order-event.requested": { sq: "Kërkuar", "sr-Latn": "Zatraženo", en: "Requested" },
  "reporting.order-event.issued": { sq: "Lëshuar", "sr-Latn": "Izdato", en: "Issued" },
  "reporting.order-event.rejected": { sq: "Refuzuar", "sr-Latn": "Odbijeno", en: "Rejected" },
  "reporting.order-event.extended": { sq: "Vazhduar", "sr-Latn": "Produženo", en: "Extended" },
  "reporting.order-event.expired": { sq: "Skaduar", "sr-Latn": "Isteklo", en: "Expired" },
  "reporting.order-event.breach-recorded": {
    sq: "Shkelje e regjistruar",
    "sr-Latn": "Zabeleženo kršenje",
    en: "Breach recorded",
  },
  "reporting.urgency.high": { sq: "E lartë", "sr-Latn": "Visoka", en: "High" },
  "reporting.urgency.standard": { sq: "Standarde", "sr-Latn": "Standardna", en: "Standard" },

  // Measures.
  "reporting.measure.acknowledge-median-hours": {
    sq: "Orët deri te konfirmimi (mediana)",
    "sr-Latn": "Sati do potvrde (medijana)",
    en: "Hours to acknowledge (median)",
  },
  "reporting.measure.acknowledge-p90-hours": {
    sq: "Orët deri te konfirmimi (përqendëshi i 90-të)",
    "sr-Latn": "Sati do potvrde (90. percentil)",
    en: "Hours to acknowledge (90th percentile)",
  },
  "reporting.measure.decide-median-hours": {
    sq: "Orët deri te vendimi (mediana)",
    "sr-Latn": "Sati do odluke (medijana)",
    en: "Hours to decide (median)",
  },
  "reporting.measure.decide-p90-hours": {
    sq: "Orët deri te vendimi (përqendëshi i 90-të)",
    "sr-Latn": "Sati do odluke (90. percentil)",
    en: "Hours to decide (90th percentile)",
  },
  "reporting.measure.regular-held": {
    sq: "Takime të rregullta të mbajtura",
    "sr-Latn": "Održani redovni sastanci",
    en: "Regular meetings held",
  },
  "reporting.measure.ad-hoc-held": {
    sq: "Takime ad hoc të mbajtura",
    "sr-Latn": "Održani vanredni sastanci",
    en: "Ad hoc meetings held",
  },
  "reporting.measure.required": {
    sq: "Takime të rregullta të kërkuara",
    "sr-Latn": "Potrebni redovni sastanci",
    en: "Regular meetings required",
  },
  "reporting.measure.shortfall": { sq: "Mungesa", "sr-Latn": "Manjak", en: "Shortfall" },
  "reporting.measure.activities-due": {
    sq: "Aktivitete që duhej të kryheshin",
    "sr-Latn": "Aktivnosti sa rokom u periodu",
    en: "Activities due",
  },
  "reporting.measure.activities-completed": {
    sq: "Aktivitete të kryera",
    "sr-Latn": "Završene aktivnosti",
    en: "Activities completed",
  },
  "reporting.measure.implementation-level": {
    sq: "Niveli i zbatimit (%)",
    "sr-Latn": "Nivo sprovođenja (%)",
    en: "Implementation level (%)",
  },

  // Table titles.
  "reporting.table.custom": {
    sq: "{unit} sipas: {rows} dhe {columns}",
    "sr-Latn": "{unit} po: {rows} i {columns}",
    en: "{unit} by {rows} and {columns}",
  },
  "reporting.table.cases-by-form": {
    sq: "Rastet sipas formës së dhunës dhe gjinisë së viktimës",
    "sr-Latn": "Slučajevi po obliku nasilja i polu žrtve",
    en: "Cases by form of violence and victim's sex",
  },
  "reporting.table.victims-by-age": {
    sq: "Viktimat sipas moshës dhe gjinisë",
    "sr-Latn": "Žrtve po uzrastu i polu",
    en: "Victims by age and sex",
  },
  "reporting.table.cases-by-municipality": {
    sq: "Rastet sipas komunës dhe gjinisë së viktimës",
    "sr-Latn": "Slučajevi po opštini i polu žrtve",
    en: "Cases by municipality and victim's sex",
  },
  "reporting.table.cases-by-children": {
    sq: "Rastet sipas pranisë së fëmijëve dhe gjinisë së viktimës",
    "sr-Latn": "Slučajevi po prisustvu dece i polu žrtve",
    en: "Cases by children present or witnessing and victim's sex",
  },
  "reporting.table.perpetrators-by-age": {
    sq: "Kryerësit e dyshuar sipas moshës dhe gjinisë",
    "sr-Latn": "Navodni počinioci po uzrastu i polu",
    en: "Alleged perpetrators by age and sex",
  },
  "reporting.table.perpetrators-by-relationship": {
    sq: "Kryerësit e dyshuar sipas lidhjes me viktimën dhe gjinisë së viktimës",
    "sr-Latn": "Navodni počinioci po odnosu sa žrtvom i polu žrtve",
    en: "Alleged perpetrators by relationship to the victim and victim's sex",
  },
  "reporting.table.protection-orders": {
    sq: "Urdhrat për mbrojtje: të kërkuar, të lëshuar, të shkelur, sipas llojit",
    "sr-Latn": "Naredbe za zaštitu: zatražene, izdate, prekršene, po vrsti",
    en: "Protection orders requested, issued and breached, by kind",
  },
  "reporting.table.referrals-by-service": {
    sq: "Referimet sipas llojit të shërbimit dhe gjendjes",
    "sr-Latn": "Upućivanja po vrsti usluge i stanju",
    en: "Referrals by type of service and status",
  },
  "reporting.table.incidents-by-place": {
    sq: "Incidentet sipas vendit të dhunës dhe gjinisë së viktimës",
    "sr-Latn": "Incidenti po mestu nasilja i polu žrtve",
    en: "Incidents by place of violence and sex of the victim",
  },
  "reporting.table.referral-response-times": {
    sq: "Kohët e përgjigjes së referimeve sipas llojit të shërbimit",
    "sr-Latn": "Vreme odgovora na upućivanja po vrsti usluge",
    en: "Referral response times by type of service",
  },
  "reporting.table.meetings": {
    sq: "Takimet e mbajtura dhe të kërkuara sipas mekanizmit",
    "sr-Latn": "Održani i potrebni sastanci po mehanizmu",
    en: "Meetings held and required, by mechanism",
  },
  "reporting.table.plan-implementation": {
    sq: "Zbatimi i planit lokal të veprimit sipas mekanizmit",
    "sr-Latn": "Sprovođenje lokalnog akcionog plana po mehanizmu",
    en: "Local action plan implementation, by mechanism",
  },
})
