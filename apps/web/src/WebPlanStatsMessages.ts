/**
 * The web app's words for the local action plan (drafting, editing,
 * adopting, monitoring, its charts) and the statistics (the Istanbul
 * Convention tables, their charts and downloads), in the four languages. A
 * part of the web's catalogue like `WebCaseworkMessages.ts`, loaded with the
 * screens that show it (`addMessages`), so the first page's script keeps its
 * budget. Serbian Cyrillic is derived from Serbian Latin.
 */
import { Catalogue } from "@bashke/kernel"

export const webPlanStatsMessages = Catalogue.make({
  // The plans of the mechanism.
  "web.plans.title": {
    sq: "Planet lokale të veprimit",
    "sr-Latn": "Lokalni akcioni planovi",
    en: "Local action plans",
  },
  "web.plans.new": { sq: "Harto një plan", "sr-Latn": "Izradi plan", en: "Draft a plan" },
  "web.plans.empty": {
    sq: "Mekanizmi nuk ka ende plan veprimi.",
    "sr-Latn": "Mehanizam još nema akcioni plan.",
    en: "The mechanism has no action plan yet.",
  },
  "web.plans.period": { sq: "{start} – {end}", "sr-Latn": "{start} – {end}", en: "{start} – {end}" },
  // Drafting and editing.
  "web.plan.new.title": { sq: "Një plan i ri", "sr-Latn": "Novi plan", en: "A new plan" },
  "web.plan.edit": { sq: "Ndrysho draftin", "sr-Latn": "Izmeni nacrt", en: "Edit the draft" },
  "web.plan.edit.cancel": { sq: "Anulo", "sr-Latn": "Otkaži", en: "Cancel" },
  "web.plan.save": { sq: "Ruaj draftin", "sr-Latn": "Sačuvaj nacrt", en: "Save the draft" },
  "web.plan.create": { sq: "Krijo draftin", "sr-Latn": "Napravi nacrt", en: "Create the draft" },
  "web.plan.saved": { sq: "Drafti u ruajt.", "sr-Latn": "Nacrt je sačuvan.", en: "The draft was saved." },
  "web.plan.field.title": { sq: "Titulli i planit", "sr-Latn": "Naziv plana", en: "Title of the plan" },
  "web.plan.field.start": { sq: "Fillimi", "sr-Latn": "Početak", en: "Starts" },
  "web.plan.field.end": { sq: "Fundi", "sr-Latn": "Kraj", en: "Ends" },
  "web.plan.field.reason": {
    sq: "Pse ndryshohet (nuk detyrohet)",
    "sr-Latn": "Zašto se menja (nije obavezno)",
    en: "Why it changes (optional)",
  },
  "web.plan.objectives": { sq: "Objektivat", "sr-Latn": "Ciljevi", en: "Objectives" },
  "web.plan.objective": { sq: "Objektivi {code}", "sr-Latn": "Cilj {code}", en: "Objective {code}" },
  "web.plan.objective.code": { sq: "Kodi", "sr-Latn": "Oznaka", en: "Code" },
  "web.plan.objective.title": { sq: "Objektivi", "sr-Latn": "Cilj", en: "Objective" },
  "web.plan.objective.pillar": { sq: "Shtylla", "sr-Latn": "Stub", en: "Pillar" },
  "web.plan.objective.add": { sq: "Shto një objektiv", "sr-Latn": "Dodaj cilj", en: "Add an objective" },
  "web.plan.activities": { sq: "Aktivitetet", "sr-Latn": "Aktivnosti", en: "Activities" },
  "web.plan.activity": { sq: "Aktiviteti {number}", "sr-Latn": "Aktivnost {number}", en: "Activity {number}" },
  "web.plan.activity.title": { sq: "Aktiviteti", "sr-Latn": "Aktivnost", en: "Activity" },
  "web.plan.activity.objective": { sq: "Nën objektivin", "sr-Latn": "Pod ciljem", en: "Under objective" },
  "web.plan.activity.responsible": {
    sq: "Institucioni përgjegjës",
    "sr-Latn": "Odgovorna institucija",
    en: "Responsible institution",
  },
  "web.plan.activity.partners": { sq: "Partnerët", "sr-Latn": "Partneri", en: "Partners" },
  "web.plan.activity.quarters": { sq: "Tremujorët", "sr-Latn": "Kvartali", en: "Quarters" },
  "web.plan.activity.budget": {
    sq: "Buxheti (euro, nuk detyrohet)",
    "sr-Latn": "Budžet (evra, nije obavezno)",
    en: "Budget (euro, optional)",
  },
  "web.plan.activity.budget-source": { sq: "Burimi i fondeve", "sr-Latn": "Izvor sredstava", en: "Source of funds" },
  "web.plan.activity.weight": { sq: "Pesha", "sr-Latn": "Težina", en: "Weight" },
  "web.plan.activity.add": { sq: "Shto një aktivitet", "sr-Latn": "Dodaj aktivnost", en: "Add an activity" },
  "web.plan.activity.status": { sq: "Gjendja", "sr-Latn": "Stanje", en: "Status" },
  "web.plan.activity.due": { sq: "Afati", "sr-Latn": "Rok", en: "Due" },
  "web.plan.indicators": { sq: "Treguesit", "sr-Latn": "Indikatori", en: "Indicators" },
  "web.plan.indicator": { sq: "Treguesi {number}", "sr-Latn": "Indikator {number}", en: "Indicator {number}" },
  "web.plan.indicator.title": { sq: "Treguesi", "sr-Latn": "Indikator", en: "Indicator" },
  "web.plan.indicator.unit": { sq: "Njësia", "sr-Latn": "Jedinica", en: "Unit" },
  "web.plan.indicator.baseline": { sq: "Vlera bazë", "sr-Latn": "Polazna vrednost", en: "Baseline" },
  "web.plan.indicator.baseline-date": {
    sq: "Data e vlerës bazë",
    "sr-Latn": "Datum polazne vrednosti",
    en: "Date of the baseline",
  },
  "web.plan.indicator.baseline-source": {
    sq: "Burimi i vlerës bazë",
    "sr-Latn": "Izvor polazne vrednosti",
    en: "Source of the baseline",
  },
  "web.plan.indicator.target": { sq: "Synimi", "sr-Latn": "Ciljna vrednost", en: "Target" },
  "web.plan.indicator.latest": { sq: "Matja e fundit", "sr-Latn": "Poslednje merenje", en: "Latest measurement" },
  "web.plan.indicator.endline": { sq: "Vlera përfundimtare", "sr-Latn": "Završna vrednost", en: "End-line" },
  "web.plan.indicator.add": { sq: "Shto një tregues", "sr-Latn": "Dodaj indikator", en: "Add an indicator" },
  "web.plan.remove": { sq: "Hiqe", "sr-Latn": "Ukloni", en: "Remove" },
  // The plan's page.
  "web.plan.status": { sq: "Gjendja e planit", "sr-Latn": "Stanje plana", en: "Status of the plan" },
  "web.plan.framework": { sq: "Korniza", "sr-Latn": "Okvir", en: "Framework" },
  "web.plan.adopt": { sq: "Miratoje planin", "sr-Latn": "Usvoji plan", en: "Adopt the plan" },
  "web.plan.start-implementation": {
    sq: "Fillo zbatimin",
    "sr-Latn": "Započni sprovođenje",
    en: "Start implementation",
  },
  "web.plan.evaluate": {
    sq: "Shëno planin si të vlerësuar",
    "sr-Latn": "Označi plan kao ocenjen",
    en: "Mark the plan evaluated",
  },
  "web.plan.activity.set-status": { sq: "Ruaj gjendjen", "sr-Latn": "Sačuvaj stanje", en: "Save the status" },
  "web.plan.measure": { sq: "Shëno një matje", "sr-Latn": "Unesi merenje", en: "Record a measurement" },
  "web.plan.measure.value": { sq: "Vlera ({unit})", "sr-Latn": "Vrednost ({unit})", en: "Value ({unit})" },
  "web.plan.measure.date": { sq: "Data e matjes", "sr-Latn": "Datum merenja", en: "Date measured" },
  "web.plan.measure.source": { sq: "Burimi", "sr-Latn": "Izvor", en: "Source" },
  "web.plan.measure.endline": {
    sq: "Është vlera përfundimtare (anketa përmbyllëse)",
    "sr-Latn": "Ovo je završna vrednost (završna anketa)",
    en: "This is the end-line value (end-line survey)",
  },
  "web.plan.measure.computed": {
    sq: "Llogaritet nga të dhënat e sistemit.",
    "sr-Latn": "Računa se iz podataka sistema.",
    en: "Computed from the system's own data.",
  },
  "web.plan.measured": { sq: "Matja u shënua.", "sr-Latn": "Merenje je uneto.", en: "The measurement was recorded." },
  "web.plan.history": { sq: "Historiku i draftit", "sr-Latn": "Istorija nacrta", en: "History of the draft" },
  "web.plan.history.entry": {
    sq: "Versioni {version}, zëvendësuar më {date}",
    "sr-Latn": "Verzija {version}, zamenjena {date}",
    en: "Version {version}, replaced on {date}",
  },
  "web.plan.history.previous": {
    sq: "Titulli ishte: {title}",
    "sr-Latn": "Naziv je bio: {title}",
    en: "The title was: {title}",
  },
  "web.plan.history.counts": {
    sq: "{objectives} objektiva, {activities} aktivitete, {indicators} tregues",
    "sr-Latn": "{objectives} ciljeva, {activities} aktivnosti, {indicators} indikatora",
    en: "{objectives} objectives, {activities} activities, {indicators} indicators",
  },
  "web.plan.history.reason": { sq: "Arsyeja: {reason}", "sr-Latn": "Razlog: {reason}", en: "Reason: {reason}" },
  "web.plan.history.empty": {
    sq: "Drafti nuk është ndryshuar ende.",
    "sr-Latn": "Nacrt još nije menjan.",
    en: "The draft has not been changed yet.",
  },
  // The monitoring report and its charts.
  "web.plan.report": { sq: "Raporti i monitorimit", "sr-Latn": "Izveštaj o praćenju", en: "Monitoring report" },
  "web.plan.report.level": {
    sq: "Niveli i zbatimit: {level}",
    "sr-Latn": "Nivo sprovođenja: {level}",
    en: "Implementation level: {level}",
  },
  "web.plan.report.level-none": {
    sq: "Niveli i zbatimit: asgjë me afat ende",
    "sr-Latn": "Nivo sprovođenja: još ništa nije dospelo",
    en: "Implementation level: nothing due yet",
  },
  "web.plan.report.overdue": {
    sq: "Aktivitete me afat të kaluar: {count}",
    "sr-Latn": "Aktivnosti sa isteklim rokom: {count}",
    en: "Overdue activities: {count}",
  },
  "web.chart.by-pillar": {
    sq: "Niveli i zbatimit sipas shtyllës",
    "sr-Latn": "Nivo sprovođenja po stubu",
    en: "Implementation level by pillar",
  },
  "web.chart.by-quarter": {
    sq: "Niveli i zbatimit ndër tremujorë (kumulativ)",
    "sr-Latn": "Nivo sprovođenja kroz kvartale (kumulativno)",
    en: "Implementation level over the quarters (cumulative)",
  },
  "web.chart.indicator": {
    sq: "{title}: vlera bazë, synimi dhe matja e fundit",
    "sr-Latn": "{title}: polazna vrednost, cilj i poslednje merenje",
    en: "{title}: baseline, target and latest measurement",
  },
  "web.chart.pillar": { sq: "Shtylla", "sr-Latn": "Stub", en: "Pillar" },
  "web.chart.quarter": { sq: "Tremujori", "sr-Latn": "Kvartal", en: "Quarter" },
  "web.chart.level": { sq: "Niveli", "sr-Latn": "Nivo", en: "Level" },
  "web.chart.due": { sq: "Me afat (pesha)", "sr-Latn": "Dospelo (težina)", en: "Due (weight)" },
  "web.chart.completed": { sq: "Përfunduar (pesha)", "sr-Latn": "Završeno (težina)", en: "Completed (weight)" },
  "web.chart.nothing-due": { sq: "asgjë me afat", "sr-Latn": "ništa dospelo", en: "nothing due" },
  "web.chart.value": { sq: "Vlera", "sr-Latn": "Vrednost", en: "Value" },
  "web.chart.progress": { sq: "Përparimi", "sr-Latn": "Napredak", en: "Progress" },
  "web.chart.not-measured": { sq: "pa matje", "sr-Latn": "nije mereno", en: "not measured" },
  "web.chart.summary.levels": {
    sq: "{label}: {value}",
    "sr-Latn": "{label}: {value}",
    en: "{label}: {value}",
  },
  "web.chart.show-table": { sq: "Të dhënat e grafikut", "sr-Latn": "Podaci grafikona", en: "The chart's data" },
  // Statistics.
  "web.stats.title": { sq: "Statistikat", "sr-Latn": "Statistika", en: "Statistics" },
  "web.stats.intro": {
    sq: "Tabelat e Konventës së Stambollit (neni 11) për një periudhë dhe një zonë. Nuk ka emra: vetëm numra.",
    "sr-Latn": "Tabele Istanbulske konvencije (član 11) za period i područje. Bez imena: samo brojevi.",
    en: "The Istanbul Convention tables (article 11) for a period and an area. No names: counts only.",
  },
  "web.stats.year": { sq: "Viti", "sr-Latn": "Godina", en: "Year" },
  "web.stats.period": { sq: "Periudha", "sr-Latn": "Period", en: "Period" },
  "web.stats.period.year": { sq: "I gjithë viti", "sr-Latn": "Cela godina", en: "The whole year" },
  "web.stats.period.quarter": {
    sq: "Tremujori {quarter}",
    "sr-Latn": "Kvartal {quarter}",
    en: "Quarter {quarter}",
  },
  "web.stats.area": { sq: "Zona", "sr-Latn": "Područje", en: "Area" },
  "web.stats.area.national": {
    sq: "Të gjithë mekanizmat (kombëtare)",
    "sr-Latn": "Svi mehanizmi (nacionalno)",
    en: "Every mechanism (national)",
  },
  "web.stats.disclosure": { sq: "Përdorimi", "sr-Latn": "Upotreba", en: "Use" },
  "web.stats.disclosure.published": {
    sq: "Për publikim (qelizat e vogla të fshehura)",
    "sr-Latn": "Za objavljivanje (male ćelije skrivene)",
    en: "For publication (small cells hidden)",
  },
  "web.stats.disclosure.internal": {
    sq: "Për punën e brendshme të mekanizmit",
    "sr-Latn": "Za unutrašnji rad mehanizma",
    en: "For the mechanism's internal work",
  },
  "web.stats.suppressed-why": {
    sq: "Një qelizë me „{marker}” fshihet: një numër më i vogël se {threshold} (ose ai që do ta zbulonte) mund të tregonte se për kë bëhet fjalë.",
    "sr-Latn":
      "Ćelija sa „{marker}” je skrivena: broj manji od {threshold} (ili onaj koji bi ga otkrio) mogao bi da otkrije o kome se radi.",
    en: "A cell marked “{marker}” is hidden: a count under {threshold} (or one that would give it away) could tell who it is about.",
  },
  "web.stats.suppressed-cell": { sq: "e fshehur", "sr-Latn": "skriveno", en: "hidden" },
  "web.stats.download.xlsx": {
    sq: "Shkarko të gjitha tabelat (XLSX)",
    "sr-Latn": "Preuzmi sve tabele (XLSX)",
    en: "Download every table (XLSX)",
  },
  "web.stats.download.csv": { sq: "Shkarko (CSV)", "sr-Latn": "Preuzmi (CSV)", en: "Download (CSV)" },
  "web.stats.chart.totals": {
    sq: "{title}: gjithsej sipas rreshtit",
    "sr-Latn": "{title}: ukupno po redu",
    en: "{title}: totals by row",
  },
  "web.stats.chart.hidden": {
    sq: "{count} rreshta të fshehur nuk shfaqen në grafik.",
    "sr-Latn": "{count} skrivenih redova nije prikazano na grafikonu.",
    en: "{count} hidden rows are not drawn in the chart.",
  },
  "web.stats.empty": {
    sq: "Asgjë e regjistruar në këtë periudhë.",
    "sr-Latn": "Ništa nije zabeleženo u ovom periodu.",
    en: "Nothing recorded in this period.",
  },
})

export type WebPlanStatsMessageKey = Catalogue.Key<typeof webPlanStatsMessages>
