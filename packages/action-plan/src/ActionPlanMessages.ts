/**
 * The action-plan package's part of the message catalogue: the rules its
 * errors name and the labels of its codes (statuses, units, frameworks,
 * pillars, computed-indicator queries). Merge it into the application's
 * catalogue with `Catalogue.merge(kernelMessages, actionPlanMessages, …)`.
 *
 * Serbian Cyrillic is derived from Serbian Latin (ekavian, as in the kernel).
 */
import { Catalogue } from "@bashke/kernel"

/**
 * The action-plan package's messages.
 */
export const actionPlanMessages = Catalogue.make({
  // Rules named by errors.
  "action-plan.input.invalid": {
    sq: "Të dhënat e planit të veprimit nuk janë të vlefshme.",
    "sr-Latn": "Podaci akcionog plana nisu ispravni.",
    en: "The action plan data is not valid.",
  },
  "action-plan.text.empty": {
    sq: "Plotësoni tekstin.",
    "sr-Latn": "Unesite tekst.",
    en: "Fill in the text.",
  },
  "action-plan.pillar.code-invalid": {
    sq: "Kodi i shtyllës nuk është i vlefshëm.",
    "sr-Latn": "Šifra stuba nije ispravna.",
    en: "The pillar code is not valid.",
  },
  "action-plan.quarter.malformed": {
    sq: "Tremujori shkruhet si VVVV-Qn (p.sh. 2026-Q1).",
    "sr-Latn": "Kvartal se piše kao GGGG-Qn (npr. 2026-Q1).",
    en: "A quarter is written YYYY-Qn (e.g. 2026-Q1).",
  },
  "action-plan.period.ends-before-start": {
    sq: "Periudha mbaron para se të fillojë.",
    "sr-Latn": "Period se završava pre nego što počne.",
    en: "The period ends before it starts.",
  },
  "action-plan.objective.code-invalid": {
    sq: "Kodi i objektivit nuk është i vlefshëm.",
    "sr-Latn": "Šifra cilja nije ispravna.",
    en: "The objective code is not valid.",
  },
  "action-plan.objective.pillar-missing": {
    sq: "Çdo objektiv duhet t'i lidhet një shtylle të strategjisë.",
    "sr-Latn": "Svaki cilj mora biti povezan sa stubom strategije.",
    en: "Every objective must be mapped to a pillar of the strategy.",
  },
  "action-plan.objective.pillar-unknown": {
    sq: "Shtylla nuk i përket kornizës së planit.",
    "sr-Latn": "Stub ne pripada okviru plana.",
    en: "The pillar does not belong to the plan's framework.",
  },
  "action-plan.objective.duplicate": {
    sq: "Ky kod objektivi është përdorur tashmë në plan.",
    "sr-Latn": "Ova šifra cilja je već upotrebljena u planu.",
    en: "This objective code is already used in the plan.",
  },
  "action-plan.budget.negative": {
    sq: "Shuma e buxhetit nuk mund të jetë negative.",
    "sr-Latn": "Iznos budžeta ne može biti negativan.",
    en: "The budget amount cannot be negative.",
  },
  "action-plan.budget.currency-invalid": {
    sq: "Monedha shkruhet me kodin ISO me tri shkronja (EUR).",
    "sr-Latn": "Valuta se piše ISO šifrom od tri slova (EUR).",
    en: "The currency is a three-letter ISO code (EUR).",
  },
  "action-plan.activity.weight-not-positive": {
    sq: "Pesha e aktivitetit duhet të jetë më e madhe se zero.",
    "sr-Latn": "Težina aktivnosti mora biti veća od nule.",
    en: "An activity's weight must be greater than zero.",
  },
  "action-plan.activity.duplicate": {
    sq: "Ky aktivitet është tashmë në plan.",
    "sr-Latn": "Ova aktivnost je već u planu.",
    en: "This activity is already in the plan.",
  },
  "action-plan.activity.objective-unknown": {
    sq: "Aktiviteti i referohet një objektivi që nuk është në plan.",
    "sr-Latn": "Aktivnost upućuje na cilj koji nije u planu.",
    en: "The activity refers to an objective that is not in the plan.",
  },
  "action-plan.activity.quarter-outside-period": {
    sq: "Tremujori është jashtë periudhës së planit.",
    "sr-Latn": "Kvartal je van perioda plana.",
    en: "The quarter is outside the plan's period.",
  },
  "action-plan.activity.unknown": {
    sq: "Aktiviteti nuk është në këtë plan.",
    "sr-Latn": "Aktivnost nije u ovom planu.",
    en: "The activity is not in this plan.",
  },
  "action-plan.indicator.duplicate": {
    sq: "Ky tregues është tashmë në plan.",
    "sr-Latn": "Ovaj pokazatelj je već u planu.",
    en: "This indicator is already in the plan.",
  },
  "action-plan.indicator.objective-unknown": {
    sq: "Treguesi i referohet një objektivi që nuk është në plan.",
    "sr-Latn": "Pokazatelj upućuje na cilj koji nije u planu.",
    en: "The indicator refers to an objective that is not in the plan.",
  },
  "action-plan.indicator.computed-not-percent": {
    sq: "Një tregues i llogaritur matet në përqindje.",
    "sr-Latn": "Izračunati pokazatelj se meri u procentima.",
    en: "A computed indicator is measured in percent.",
  },
  "action-plan.indicator.unknown": {
    sq: "Treguesi nuk është në këtë plan.",
    "sr-Latn": "Pokazatelj nije u ovom planu.",
    en: "The indicator is not in this plan.",
  },
  "action-plan.measurement.unit-mismatch": {
    sq: "Matja është në një njësi tjetër nga ajo e treguesit.",
    "sr-Latn": "Merenje je u drugoj jedinici od jedinice pokazatelja.",
    en: "The measurement is in another unit than the indicator's.",
  },
  "action-plan.measurement.out-of-range": {
    sq: "Kjo vlerë nuk i përshtatet njësisë së treguesit: numri është i plotë, përqindja deri në 100, asnjë vlerë nën zero.",
    "sr-Latn":
      "Ova vrednost ne odgovara jedinici pokazatelja: broj je ceo, procenat najviše 100, nijedna vrednost ispod nule.",
    en: "This value does not fit the indicator's unit: a count is whole, a percent at most 100, nothing below zero.",
  },
  "action-plan.indicator.value-out-of-range": {
    sq: "Vlera bazë dhe caku duhet t'i përshtaten njësisë së treguesit: numri është i plotë, përqindja deri në 100, asnjë vlerë nën zero.",
    "sr-Latn":
      "Polazna i ciljna vrednost moraju odgovarati jedinici pokazatelja: broj je ceo, procenat najviše 100, nijedna vrednost ispod nule.",
    en: "The baseline and the target must fit the indicator's unit: a count is whole, a percent at most 100, nothing below zero.",
  },
  "action-plan.plan.not-draft": {
    sq: "Plani është miratuar: përmbajtja e tij nuk ndryshon më. Regjistroni ecurinë ose hartoni një plan të ri.",
    "sr-Latn": "Plan je usvojen: njegov sadržaj se više ne menja. Beležite napredak ili izradite novi plan.",
    en: "The plan is adopted: its content no longer changes. Record progress, or draft a new plan.",
  },
  "action-plan.measurement.computed-indicator": {
    sq: "Ky tregues llogaritet nga të dhënat e sistemit dhe nuk shkruhet me dorë.",
    "sr-Latn": "Ovaj pokazatelj se računa iz podataka sistema i ne unosi se ručno.",
    en: "This indicator is computed from the system's data and is not typed in.",
  },
  "action-plan.mechanism.not-member": {
    sq: "Nuk jeni koordinator i këtij mekanizmi.",
    "sr-Latn": "Niste koordinator ovog mehanizma.",
    en: "You are not a coordinator of this mechanism.",
  },
  "action-plan.plan.read-denied": {
    sq: "Plani është i dukshëm vetëm për anëtarët e mekanizmit dhe koordinatorin kombëtar.",
    "sr-Latn": "Plan vide samo članovi mehanizma i nacionalni koordinator.",
    en: "The plan is visible to the mechanism's members and the national coordinator only.",
  },

  // Plan statuses.
  "action-plan.status.draft": { sq: "Projekt", "sr-Latn": "Nacrt", en: "Draft" },
  "action-plan.status.adopted": { sq: "I miratuar", "sr-Latn": "Usvojen", en: "Adopted" },
  "action-plan.status.in-implementation": { sq: "Në zbatim", "sr-Latn": "U primeni", en: "In implementation" },
  "action-plan.status.evaluated": { sq: "I vlerësuar", "sr-Latn": "Evaluiran", en: "Evaluated" },

  // Activity statuses.
  "action-plan.activity-status.planned": { sq: "I planifikuar", "sr-Latn": "Planirana", en: "Planned" },
  "action-plan.activity-status.in-progress": { sq: "Në vazhdim", "sr-Latn": "U toku", en: "In progress" },
  "action-plan.activity-status.completed": { sq: "I përfunduar", "sr-Latn": "Završena", en: "Completed" },
  "action-plan.activity-status.cancelled": { sq: "I anuluar", "sr-Latn": "Otkazana", en: "Cancelled" },

  // Indicator units.
  "action-plan.unit.count": { sq: "numër", "sr-Latn": "broj", en: "count" },
  "action-plan.unit.percent": { sq: "përqindje", "sr-Latn": "procenat", en: "percent" },
  "action-plan.unit.euro": { sq: "euro", "sr-Latn": "evro", en: "euro" },
  "action-plan.unit.days": { sq: "ditë", "sr-Latn": "dani", en: "days" },

  // Frameworks and their pillars.
  "action-plan.framework.kosovo-local-plan": {
    sq: "Shtyllat e planit lokal të veprimit",
    "sr-Latn": "Stubovi lokalnog akcionog plana",
    en: "Local action plan pillars",
  },
  "action-plan.framework.istanbul-convention": {
    sq: "Konventa e Stambollit",
    "sr-Latn": "Istanbulska konvencija",
    en: "Istanbul Convention",
  },
  "action-plan.framework.inspire": {
    sq: "INSPIRE: shtatë strategji për t'i dhënë fund dhunës ndaj fëmijëve",
    "sr-Latn": "INSPIRE: sedam strategija za okončanje nasilja nad decom",
    "sr-Cyrl": "INSPIRE: седам стратегија за окончање насиља над децом",
    en: "INSPIRE: seven strategies for ending violence against children",
  },
  "action-plan.pillar.kosovo-local-plan.awareness-prevention": {
    sq: "Vetëdijesimi dhe parandalimi",
    "sr-Latn": "Podizanje svesti i prevencija",
    en: "Awareness and prevention",
  },
  "action-plan.pillar.kosovo-local-plan.protection-coordination": {
    sq: "Mbrojtja dhe koordinimi",
    "sr-Latn": "Zaštita i koordinacija",
    en: "Protection and coordination",
  },
  "action-plan.pillar.kosovo-local-plan.empowerment-reintegration": {
    sq: "Fuqizimi ekonomik, rehabilitimi dhe riintegrimi",
    "sr-Latn": "Ekonomsko osnaživanje, rehabilitacija i reintegracija",
    en: "Economic empowerment, rehabilitation and reintegration",
  },
  "action-plan.pillar.istanbul-convention.prevention": {
    sq: "Parandalimi",
    "sr-Latn": "Prevencija",
    en: "Prevention",
  },
  "action-plan.pillar.istanbul-convention.protection": { sq: "Mbrojtja", "sr-Latn": "Zaštita", en: "Protection" },
  "action-plan.pillar.istanbul-convention.prosecution": {
    sq: "Ndjekja penale",
    "sr-Latn": "Krivično gonjenje",
    en: "Prosecution",
  },
  "action-plan.pillar.istanbul-convention.integrated-policies": {
    sq: "Politikat e integruara",
    "sr-Latn": "Integrisane politike",
    en: "Integrated policies",
  },
  "action-plan.pillar.inspire.laws": {
    sq: "Zbatimi dhe fuqizimi i ligjeve",
    "sr-Latn": "Primena i sprovođenje zakona",
    en: "Implementation and enforcement of laws",
  },
  "action-plan.pillar.inspire.norms-values": {
    sq: "Normat dhe vlerat",
    "sr-Latn": "Norme i vrednosti",
    en: "Norms and values",
  },
  "action-plan.pillar.inspire.safe-environments": {
    sq: "Mjedise të sigurta",
    "sr-Latn": "Bezbedna okruženja",
    en: "Safe environments",
  },
  "action-plan.pillar.inspire.parent-caregiver-support": {
    sq: "Mbështetja e prindërve dhe kujdestarëve",
    "sr-Latn": "Podrška roditeljima i starateljima",
    en: "Parent and caregiver support",
  },
  "action-plan.pillar.inspire.income-economic-strengthening": {
    sq: "Të ardhurat dhe forcimi ekonomik",
    "sr-Latn": "Prihodi i ekonomsko jačanje",
    en: "Income and economic strengthening",
  },
  "action-plan.pillar.inspire.response-support-services": {
    sq: "Shërbimet e reagimit dhe mbështetjes",
    "sr-Latn": "Usluge reagovanja i podrške",
    en: "Response and support services",
  },
  "action-plan.pillar.inspire.education-life-skills": {
    sq: "Arsimi dhe shkathtësitë jetësore",
    "sr-Latn": "Obrazovanje i životne veštine",
    en: "Education and life skills",
  },

  // Computed-indicator queries.
  "action-plan.query.high-risk-cases-reviewed-within-30-days": {
    sq: "Pjesa e rasteve me rrezik të lartë të shqyrtuara në takim brenda 30 ditëve",
    "sr-Latn": "Udeo slučajeva visokog rizika razmotrenih na sastanku u roku od 30 dana",
    en: "Share of high-risk cases reviewed at a meeting within 30 days",
  },
  "action-plan.query.referrals-acknowledged-in-time": {
    sq: "Pjesa e referimeve të pranuara në afat",
    "sr-Latn": "Udeo upućivanja potvrđenih u roku",
    en: "Share of referrals acknowledged in time",
  },
  "action-plan.query.meetings-held-vs-required": {
    sq: "Takimet e mbajtura kundrejt atyre të kërkuara",
    "sr-Latn": "Održani sastanci u odnosu na obavezne",
    en: "Meetings held against those required",
  },

  // Report summary.
  "action-plan.report.implementation": {
    sq: "Niveli i zbatimit: {level, number, percent} ({completed} nga {due} aktivitete)",
    "sr-Latn": "Nivo primene: {level, number, percent} ({completed} od {due} aktivnosti)",
    en: "Implementation level: {level, number, percent} ({completed} of {due} activities)",
  },
  "action-plan.report.nothing-due": {
    sq: "Asnjë aktivitet nuk ishte në afat në këtë periudhë.",
    "sr-Latn": "Nijedna aktivnost nije dospela u ovom periodu.",
    en: "No activity was due in this period.",
  },
})
