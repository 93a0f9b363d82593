/**
 * The case package's part of the message catalogue (the model's keys): the
 * rules its errors name, and the labels of statuses, commands, reasons, risk
 * questions, forms of violence, relationships and the rest. Serbian Cyrillic is
 * derived from Serbian Latin, except where an acronym or a code would be
 * transliterated. The persistence and service keys are in `CaseStoreMessages`.
 *
 * The risk questions are the project's own short paraphrases, not the wording
 * of any licensed checklist.
 */
import { Catalogue } from "@bashke/kernel"

const messages = {
  // Input and rules
  "case.input.invalid": {
    sq: "Kjo fushë mungon ose ka formë të gabuar.",
    "sr-Latn": "Ovo polje nedostaje ili ima pogrešan oblik.",
    en: "This field is missing or has the wrong form.",
  },
  "case.date.out-of-range": {
    sq: "Data dhe ora duhet të jenë një moment i vërtetë midis viteve 1900 dhe 9999.",
    "sr-Latn": "Datum i vreme moraju biti stvaran trenutak između 1900. i 9999. godine.",
    en: "The date and time must be a real moment between the years 1900 and 9999.",
  },
  "case.reference.malformed": {
    sq: "Numri i rastit duhet të ketë formën KOMUNA-VITI-NUMRI, p.sh. GJI-2026-0042.",
    "sr-Latn": "Broj slučaja mora imati oblik OPŠTINA-GODINA-BROJ, npr. GJI-2026-0042.",
    "sr-Cyrl": "Број случаја мора имати облик ОПШТИНА-ГОДИНА-БРОЈ, нпр. GJI-2026-0042.",
    en: "A case reference has the form MUNICIPALITY-YEAR-NUMBER, e.g. GJI-2026-0042.",
  },
  "case.reference.sequence-out-of-range": {
    sq: "Numri rendor i rastit duhet të jetë nga 1 deri në 9999 për çdo vit.",
    "sr-Latn": "Redni broj slučaja mora biti od 1 do 9999 za svaku godinu.",
    en: "A case's sequence number must be from 1 to 9999 in each year.",
  },
  "case.relationship.unknown": {
    sq: "Marrëdhënia nuk është në listën e ligjit (neni 2 i Ligjit 03/L-182), ose nuk thuhet nëse është e tanishme apo e kaluar.",
    "sr-Latn": "Odnos nije na listi zakona (član 2 Zakona 03/L-182), ili nije navedeno da li je sadašnji ili bivši.",
    "sr-Cyrl": "Однос није на листи закона (члан 2 Закона 03/L-182), или није наведено да ли је садашњи или бивши.",
    en: "The relationship is not on the law's list (art. 2 of Law 03/L-182), or it is not said whether it is current or former.",
  },
  "case.person.role.unknown": {
    sq: "Roli duhet të jetë viktimë, fëmijë ose i dyshuar si dhunues.",
    "sr-Latn": "Uloga mora biti žrtva, dete ili navodni počinilac.",
    en: "The role must be victim, child or alleged perpetrator.",
  },
  "case.person.sex.unknown": {
    sq: "Gjinia nuk është nga lista.",
    "sr-Latn": "Pol nije sa liste.",
    en: "The sex is not one of the listed values.",
  },
  "case.person.age-band.unknown": {
    sq: "Grupmosha nuk është nga lista.",
    "sr-Latn": "Starosna grupa nije sa liste.",
    en: "The age band is not one of the listed values.",
  },
  "case.person.community.malformed": {
    sq: "Komuniteti duhet të jepet si kod nga lista.",
    "sr-Latn": "Zajednica mora biti data kao kod sa liste.",
    en: "The community must be given as a code from the list.",
  },
  "case.person.community.unknown": {
    sq: "Komuniteti nuk është në listën e komuniteteve të juridiksionit.",
    "sr-Latn": "Zajednica nije na listi zajednica jurisdikcije.",
    en: "The community is not one of the jurisdiction's communities.",
  },
  "case.person.disability.unknown": {
    sq: "Lloji i aftësisë së kufizuar nuk është nga lista.",
    "sr-Latn": "Vrsta invaliditeta nije sa liste.",
    en: "The kind of disability is not one of the listed values.",
  },
  "case.person.birth-year.invalid": {
    sq: "Viti i lindjes duhet të jetë një vit i vërtetë, jo në të ardhmen.",
    "sr-Latn": "Godina rođenja mora biti stvarna godina, ne u budućnosti.",
    en: "The birth year must be a real year, not in the future.",
  },
  "case.person.details.malformed": {
    sq: "Të dhënat personale nuk mund të jenë bosh dhe kanë një gjatësi maksimale.",
    "sr-Latn": "Lični podaci ne mogu biti prazni i imaju najveću dužinu.",
    en: "Personal details cannot be blank and have a maximum length.",
  },
  "case.person.one-victim": {
    sq: "Një rast ka saktësisht një viktimë.",
    "sr-Latn": "Slučaj ima tačno jednu žrtvu.",
    en: "A case has exactly one victim.",
  },
  "case.person.relationship-required": {
    sq: "Për të dyshuarin si dhunues duhet të jepet marrëdhënia me viktimën.",
    "sr-Latn": "Za navodnog počinioca mora se navesti odnos sa žrtvom.",
    en: "An alleged perpetrator's relationship to the victim must be given.",
  },
  "case.person.relationship-not-applicable": {
    sq: "Marrëdhënia me viktimën jepet vetëm për të dyshuarin si dhunues.",
    "sr-Latn": "Odnos sa žrtvom navodi se samo za navodnog počinioca.",
    en: "A relationship to the victim is given only for an alleged perpetrator.",
  },
  "case.incident.form.unknown": {
    sq: "Forma e dhunës duhet të jetë fizike, seksuale, psikologjike ose ekonomike.",
    "sr-Latn": "Oblik nasilja mora biti fizičko, seksualno, psihološko ili ekonomsko.",
    en: "The form of violence must be physical, sexual, psychological or economic.",
  },
  "case.incident.form.duplicate": {
    sq: "E njëjta formë e dhunës është dhënë dy herë.",
    "sr-Latn": "Isti oblik nasilja naveden je dva puta.",
    en: "The same form of violence is given twice.",
  },
  "case.incident.source.unknown": {
    sq: "Burimi i raportimit nuk është nga lista.",
    "sr-Latn": "Izvor prijave nije sa liste.",
    en: "The source of the report is not one of the listed values.",
  },
  "case.incident.place.unknown": {
    sq: "Vendi nuk është nga lista.",
    "sr-Latn": "Mesto nije sa liste.",
    en: "The place is not one of the listed values.",
  },
  "case.incident.children.unknown": {
    sq: "Duhet thënë nëse fëmijët ishin të pranishëm ose dëshmitarë.",
    "sr-Latn": "Mora se navesti da li su deca bila prisutna ili svedoci.",
    en: "It must be said whether children were present or witnessed it.",
  },
  "case.incident.source-reference.malformed": {
    sq: "Numri i referencës së institucionit përmban vetëm shkronja, shifra dhe / - . (deri në 60).",
    "sr-Latn": "Broj predmeta institucije sadrži samo slova, cifre i / - . (do 60).",
    en: "The institution's reference holds only letters, digits and / - . (up to 60).",
  },
  "case.incident.date-in-future": {
    sq: "Data e incidentit nuk mund të jetë në të ardhmen.",
    "sr-Latn": "Datum incidenta ne može biti u budućnosti.",
    en: "The incident's date cannot be in the future.",
  },
  "case.incident.perpetrator.unknown": {
    sq: "Dhunuesi i incidentit duhet të jetë një i dyshuar si dhunues në këtë rast.",
    "sr-Latn": "Počinilac incidenta mora biti navodni počinilac u ovom slučaju.",
    en: "The incident's perpetrator must be an alleged perpetrator of this case.",
  },
  "case.risk.level.unknown": {
    sq: "Niveli i rrezikut duhet të jetë standard, mesatar ose i lartë.",
    "sr-Latn": "Nivo rizika mora biti standardni, srednji ili visok.",
    en: "The risk level must be standard, medium or high.",
  },
  "case.risk.instrument.unknown": {
    sq: "Ky instrument i vlerësimit të rrezikut nuk njihet.",
    "sr-Latn": "Ovaj instrument procene rizika nije poznat.",
    en: "This risk assessment instrument is not known.",
  },
  "case.risk.instrument.thresholds-out-of-order": {
    sq: "Pragu për rrezik mesatar duhet të jetë nën pragun për rrezik të lartë.",
    "sr-Latn": "Prag za srednji rizik mora biti ispod praga za visok rizik.",
    en: "The medium threshold must be below the high threshold.",
  },
  "case.risk.instrument.duplicate-question": {
    sq: "Instrumenti ka dy pyetje me të njëjtin identifikues.",
    "sr-Latn": "Instrument ima dva pitanja sa istim identifikatorom.",
    en: "The instrument has two questions with the same id.",
  },
  "case.risk.answer.invalid": {
    sq: "Përgjigjja duhet të jetë po, jo ose nuk dihet.",
    "sr-Latn": "Odgovor mora biti da, ne ili nije poznato.",
    en: "An answer must be yes, no or not known.",
  },
  "case.risk.answer.unknown-question": {
    sq: "Kjo pyetje nuk është pjesë e instrumentit.",
    "sr-Latn": "Ovo pitanje nije deo instrumenta.",
    en: "This question is not part of the instrument.",
  },
  "case.risk.answer.missing": {
    sq: "Çdo pyetje duhet të ketë përgjigje (po, jo ose nuk dihet).",
    "sr-Latn": "Svako pitanje mora imati odgovor (da, ne ili nije poznato).",
    en: "Every question needs an answer (yes, no or not known).",
  },
  "case.risk.judgement.cannot-lower": {
    sq: "Gjykimi profesional mund ta rrisë nivelin e rrezikut, por jo ta ulë.",
    "sr-Latn": "Profesionalna procena može podići nivo rizika, ali ne i sniziti ga.",
    en: "Professional judgement may raise the risk level, never lower it.",
  },
  "case.risk.judgement.reason-unknown": {
    sq: "Arsyeja e gjykimit profesional nuk është nga lista.",
    "sr-Latn": "Razlog profesionalne procene nije sa liste.",
    en: "The reason for the professional judgement is not one of the listed values.",
  },
  "case.order.kind.unknown": {
    sq: "Ky lloj i urdhrit për mbrojtje nuk njihet në këtë juridiksion.",
    "sr-Latn": "Ova vrsta naredbe za zaštitu nije poznata u ovoj jurisdikciji.",
    en: "This kind of protection order is not known in this jurisdiction.",
  },
  "case.order.petitioner.unknown": {
    sq: "Parashtruesi i kërkesës nuk është nga lista.",
    "sr-Latn": "Podnosilac zahteva nije sa liste.",
    en: "The petitioner is not one of the listed values.",
  },
  "case.order.dates.out-of-order": {
    sq: "Datat e urdhrit duhet të jenë me radhë: kërkuar ≤ vendosur ≤ lëshuar < skadim.",
    "sr-Latn": "Datumi naredbe moraju biti redom: zatraženo ≤ odlučeno ≤ izdato < istek.",
    en: "The order's dates must be in order: requested ≤ decided ≤ issued < expiry.",
  },
  "case.order.requested-at-required": {
    sq: "Për një urdhër që e vendos gjykata duhet dhënë data e kërkesës.",
    "sr-Latn": "Za naredbu o kojoj odlučuje sud mora se navesti datum zahteva.",
    en: "An order decided by a court needs the date it was requested.",
  },
  "case.order.issued-at-required": {
    sq: "Për një urdhër që e lëshon policia duhet dhënë data e lëshimit.",
    "sr-Latn": "Za naredbu koju izdaje policija mora se navesti datum izdavanja.",
    en: "An order issued by the police needs the date it was issued.",
  },
  "case.order.issue-by-event": {
    sq: "Një urdhër i kërkuar regjistrohet si i lëshuar vetëm pasi gjykata e lëshon.",
    "sr-Latn": "Zatražena naredba se beleži kao izdata tek kada je sud izda.",
    en: "A requested order is recorded as issued only once the court issues it.",
  },
  "case.order.breach.outside-term": {
    sq: "Shkelja duhet të ketë ndodhur ndërsa urdhri ishte në fuqi.",
    "sr-Latn": "Kršenje mora biti dok je naredba bila na snazi.",
    en: "A breach must fall while the order was in force.",
  },
  "case.order.hearing.before-request": {
    sq: "Seanca gjyqësore nuk mund të jetë para se të jetë kërkuar urdhri.",
    "sr-Latn": "Ročište ne može biti pre nego što je naredba zatražena.",
    en: "A court hearing cannot be before the order was requested.",
  },
  "case.order.hearing.out-of-order": {
    sq: "Seanca e re duhet të jetë caktuar pas seancës që e zëvendëson.",
    "sr-Latn": "Novo ročište mora biti zakazano posle ročišta koje zamenjuje.",
    en: "A new hearing must be scheduled after the hearing it replaces.",
  },
  "case.consent.purpose.unknown": {
    sq: "Qëllimi i pëlqimit nuk është nga lista.",
    "sr-Latn": "Svrha saglasnosti nije sa liste.",
    en: "The purpose of the consent is not one of the listed values.",
  },
  "case.consent.recipients-required": {
    sq: "Pëlqimi duhet të emërojë të paktën një institucion ose sektor.",
    "sr-Latn": "Saglasnost mora navesti bar jednu instituciju ili sektor.",
    en: "A consent must name at least one institution or sector.",
  },
  "case.consent.non-member": {
    sq: "Pëlqimi emëron një institucion që nuk është anëtar i mekanizmit.",
    "sr-Latn": "Saglasnost navodi instituciju koja nije član mehanizma.",
    en: "The consent names an institution that is not a member of the mechanism.",
  },
  "case.consent.dates.out-of-order": {
    sq: "Pëlqimi duhet të mbarojë pasi fillon.",
    "sr-Latn": "Saglasnost mora isteći nakon što počne.",
    en: "A consent must end after it starts.",
  },
  "case.consent.already-withdrawn": {
    sq: "Ky pëlqim është tërhequr tashmë.",
    "sr-Latn": "Ova saglasnost je već povučena.",
    en: "This consent has already been withdrawn.",
  },
  "case.consent.method.unknown": {
    sq: "Mënyra si u dha pëlqimi nuk është një nga vlerat e listës.",
    "sr-Latn": "Način davanja saglasnosti nije jedna od navedenih vrednosti.",
    en: "How the consent was given is not one of the listed values.",
  },
  "case.consent.taken-by.non-member": {
    sq: "Institucioni që e mori pëlqimin nuk është anëtar i mekanizmit.",
    "sr-Latn": "Institucija koja je uzela saglasnost nije član mehanizma.",
    en: "The institution that took the consent is not a member of the mechanism.",
  },
  "case.consent.witness-required": {
    sq: "Një pëlqim me gojë kërkon një dëshmitar.",
    "sr-Latn": "Usmena saglasnost zahteva svedoka.",
    en: "A verbal consent needs a witness.",
  },
  "case.consent.witness-is-recorder": {
    sq: "Dëshmitari duhet të jetë një person tjetër nga ai që e regjistron pëlqimin.",
    "sr-Latn": "Svedok mora biti druga osoba, a ne ona koja upisuje saglasnost.",
    en: "The witness must be someone other than the person recording the consent.",
  },
  "case.consent.confirmation-not-needed": {
    sq: "Ky pëlqim nuk ka nevojë për konfirmim.",
    "sr-Latn": "Ovoj saglasnosti nije potrebna potvrda.",
    en: "This consent needs no confirmation.",
  },
  "case.consent.already-confirmed": {
    sq: "Ky pëlqim është konfirmuar tashmë.",
    "sr-Latn": "Ova saglasnost je već potvrđena.",
    en: "This consent has already been confirmed.",
  },
  "case.break-glass.verdict.unknown": {
    sq: "Vendimi nuk është një nga vlerat e listës.",
    "sr-Latn": "Ocena nije jedna od navedenih vrednosti.",
    en: "The verdict is not one of the listed values.",
  },
  "case.break-glass.review-closed": {
    sq: "Kjo qasje në emergjencë është shqyrtuar tashmë.",
    "sr-Latn": "Ovaj hitan pristup je već pregledan.",
    en: "This emergency access has already been reviewed.",
  },
  "case.team.duplicate-member": {
    sq: "Një institucion është dy herë në ekipin e rastit.",
    "sr-Latn": "Jedna institucija je dva puta u timu slučaja.",
    en: "An institution is on the case team twice.",
  },
  "case.team.lead-not-member": {
    sq: "Institucioni udhëheqës duhet të jetë anëtar i ekipit të rastit.",
    "sr-Latn": "Vodeća institucija mora biti član tima slučaja.",
    en: "The lead institution must be a member of the case team.",
  },
  "case.team.lead-needs-full-access": {
    sq: "Institucioni udhëheqës duhet të ketë qasje të plotë.",
    "sr-Latn": "Vodeća institucija mora imati potpun pristup.",
    en: "The lead institution must have full access.",
  },
  "case.team.social-work-required-for-child": {
    sq: "Kur në rast ka fëmijë, qendra për punë sociale duhet të jetë në ekip.",
    "sr-Latn": "Kada u slučaju ima dece, centar za socijalni rad mora biti u timu.",
    en: "When a child is in the case, the centre for social work must be on the team.",
  },
  "case.safety.measure.kind-unknown": {
    sq: "Lloji i masës nuk është nga lista.",
    "sr-Latn": "Vrsta mere nije sa liste.",
    en: "The kind of measure is not one of the listed values.",
  },
  "case.safety.owner-not-in-team": {
    sq: "Masa duhet t'i caktohet një institucioni të ekipit të rastit.",
    "sr-Latn": "Mera mora biti dodeljena instituciji iz tima slučaja.",
    en: "A measure must be owned by an institution of the case team.",
  },
  "case.safety.review-in-past": {
    sq: "Data e rishikimit të masës nuk mund të jetë në të kaluarën.",
    "sr-Latn": "Datum preispitivanja mere ne može biti u prošlosti.",
    en: "A measure's review date cannot be in the past.",
  },
  "case.close.high-risk-reason-required": {
    sq: "Një rast me rrezik të lartë mbyllet vetëm me një arsye.",
    "sr-Latn": "Slučaj visokog rizika zatvara se samo uz razlog.",
    en: "A high-risk case can be closed only with a reason.",
  },
  "case.closure.reason-unknown": {
    sq: "Arsyeja e mbylljes nuk është nga lista.",
    "sr-Latn": "Razlog zatvaranja nije sa liste.",
    en: "The closure reason is not one of the listed values.",
  },
  "case.reopen.reason-required": {
    sq: "Një rast rihapet vetëm me një arsye.",
    "sr-Latn": "Slučaj se ponovo otvara samo uz razlog.",
    en: "A case can be reopened only with a reason.",
  },
  "case.reopen.reason-unknown": {
    sq: "Arsyeja e rihapjes nuk është nga lista.",
    "sr-Latn": "Razlog ponovnog otvaranja nije sa liste.",
    en: "The reason for reopening is not one of the listed values.",
  },

  // Case status, commands, closure and reopen reasons
  "case.status.open": { sq: "I hapur", "sr-Latn": "Otvoren", en: "Open" },
  "case.status.assessed": { sq: "I vlerësuar", "sr-Latn": "Procenjen", en: "Assessed" },
  "case.status.active": { sq: "Aktiv", "sr-Latn": "Aktivan", en: "Active" },
  "case.status.monitoring": { sq: "Në monitorim", "sr-Latn": "U praćenju", en: "Monitoring" },
  "case.status.closed": { sq: "I mbyllur", "sr-Latn": "Zatvoren", en: "Closed" },
  "case.command.assess": { sq: "Shëno si të vlerësuar", "sr-Latn": "Označi kao procenjen", en: "Mark as assessed" },
  "case.command.activate": { sq: "Aktivizo", "sr-Latn": "Aktiviraj", en: "Activate" },
  "case.command.monitor": { sq: "Kalo në monitorim", "sr-Latn": "Prebaci u praćenje", en: "Move to monitoring" },
  "case.command.close": { sq: "Mbyll rastin", "sr-Latn": "Zatvori slučaj", en: "Close the case" },
  "case.command.reopen": { sq: "Rihap rastin", "sr-Latn": "Ponovo otvori slučaj", en: "Reopen the case" },
  "case.closure.risk-reduced": { sq: "Rreziku është ulur", "sr-Latn": "Rizik je smanjen", en: "Risk reduced" },
  "case.closure.goals-met": {
    sq: "Objektivat e planit janë arritur",
    "sr-Latn": "Ciljevi plana su ostvareni",
    en: "Plan goals met",
  },
  "case.closure.victim-declined-services": {
    sq: "Viktima refuzoi shërbimet",
    "sr-Latn": "Žrtva je odbila usluge",
    en: "Victim declined services",
  },
  "case.closure.victim-moved-away": {
    sq: "Viktima u zhvendos në një komunë tjetër",
    "sr-Latn": "Žrtva se preselila u drugu opštinu",
    en: "Victim moved to another municipality",
  },
  "case.closure.transferred": {
    sq: "Rasti u transferua në një mekanizëm tjetër",
    "sr-Latn": "Slučaj je prenet drugom mehanizmu",
    en: "Case transferred to another mechanism",
  },
  "case.closure.no-contact-possible": {
    sq: "Nuk u arrit kontakti me viktimën",
    "sr-Latn": "Kontakt sa žrtvom nije bio moguć",
    en: "No contact with the victim possible",
  },
  "case.closure.perpetrator-no-longer-a-threat": {
    sq: "Dhunuesi nuk përbën më kërcënim",
    "sr-Latn": "Počinilac više ne predstavlja pretnju",
    en: "Perpetrator no longer a threat",
  },
  "case.closure.victim-deceased": { sq: "Viktima ka vdekur", "sr-Latn": "Žrtva je preminula", en: "Victim deceased" },
  "case.closure.opened-in-error": {
    sq: "Rasti u hap gabimisht",
    "sr-Latn": "Slučaj je otvoren greškom",
    en: "Case opened in error",
  },
  "case.reopen.new-incident": { sq: "Incident i ri", "sr-Latn": "Novi incident", en: "New incident" },
  "case.reopen.order-breached": {
    sq: "Urdhri për mbrojtje u shkel",
    "sr-Latn": "Naredba za zaštitu je prekršena",
    en: "Protection order breached",
  },
  "case.reopen.risk-increased": { sq: "Rreziku u rrit", "sr-Latn": "Rizik je povećan", en: "Risk increased" },
  "case.reopen.victim-request": { sq: "Kërkesë e viktimës", "sr-Latn": "Zahtev žrtve", en: "Victim's request" },
  "case.reopen.institution-request": {
    sq: "Kërkesë e një institucioni",
    "sr-Latn": "Zahtev institucije",
    en: "An institution's request",
  },

  // Persons
  "case.person.role.victim": { sq: "Viktimë", "sr-Latn": "Žrtva", en: "Victim" },
  "case.person.role.child": { sq: "Fëmijë", "sr-Latn": "Dete", en: "Child" },
  "case.person.role.alleged-perpetrator": {
    sq: "I dyshuar si dhunues",
    "sr-Latn": "Navodni počinilac",
    en: "Alleged perpetrator",
  },
  "case.person.sex.female": { sq: "Femër", "sr-Latn": "Ženski", en: "Female" },
  "case.person.sex.male": { sq: "Mashkull", "sr-Latn": "Muški", en: "Male" },
  "case.person.sex.not-recorded": { sq: "E pa regjistruar", "sr-Latn": "Nije zabeleženo", en: "Not recorded" },
  "case.person.age-band.0-4": { sq: "0–4 vjeç", "sr-Latn": "0–4 godine", en: "0–4 years" },
  "case.person.age-band.5-9": { sq: "5–9 vjeç", "sr-Latn": "5–9 godina", en: "5–9 years" },
  "case.person.age-band.10-14": { sq: "10–14 vjeç", "sr-Latn": "10–14 godina", en: "10–14 years" },
  "case.person.age-band.15-17": { sq: "15–17 vjeç", "sr-Latn": "15–17 godina", en: "15–17 years" },
  "case.person.age-band.18-24": { sq: "18–24 vjeç", "sr-Latn": "18–24 godine", en: "18–24 years" },
  "case.person.age-band.25-34": { sq: "25–34 vjeç", "sr-Latn": "25–34 godine", en: "25–34 years" },
  "case.person.age-band.35-44": { sq: "35–44 vjeç", "sr-Latn": "35–44 godine", en: "35–44 years" },
  "case.person.age-band.45-54": { sq: "45–54 vjeç", "sr-Latn": "45–54 godine", en: "45–54 years" },
  "case.person.age-band.55-64": { sq: "55–64 vjeç", "sr-Latn": "55–64 godine", en: "55–64 years" },
  "case.person.age-band.65-plus": { sq: "65 vjeç e më shumë", "sr-Latn": "65 godina i više", en: "65 years and over" },
  "case.person.disability.physical": { sq: "Fizike", "sr-Latn": "Fizički", en: "Physical" },
  "case.person.disability.sensory": { sq: "Shqisore", "sr-Latn": "Čulni", en: "Sensory" },
  "case.person.disability.intellectual": { sq: "Intelektuale", "sr-Latn": "Intelektualni", en: "Intellectual" },
  "case.person.disability.psychosocial": { sq: "Psikosociale", "sr-Latn": "Psihosocijalni", en: "Psychosocial" },
  "case.community.albanian": { sq: "Shqiptar", "sr-Latn": "Albanska", en: "Albanian" },
  "case.community.serbian": { sq: "Serb", "sr-Latn": "Srpska", en: "Serbian" },
  "case.community.turkish": { sq: "Turk", "sr-Latn": "Turska", en: "Turkish" },
  "case.community.bosniak": { sq: "Boshnjak", "sr-Latn": "Bošnjačka", en: "Bosniak" },
  "case.community.roma": { sq: "Rom", "sr-Latn": "Romska", en: "Roma" },
  "case.community.ashkali": { sq: "Ashkali", "sr-Latn": "Aškalijska", en: "Ashkali" },
  "case.community.egyptian": { sq: "Egjiptian", "sr-Latn": "Egipćanska", en: "Egyptian" },
  "case.community.gorani": { sq: "Goran", "sr-Latn": "Goranska", en: "Gorani" },
  "case.community.montenegrin": { sq: "Malazez", "sr-Latn": "Crnogorska", en: "Montenegrin" },
  "case.community.croat": { sq: "Kroat", "sr-Latn": "Hrvatska", en: "Croat" },
  "case.community.other": { sq: "Tjetër", "sr-Latn": "Druga", en: "Other" },
  "case.community.not-recorded": { sq: "E pa regjistruar", "sr-Latn": "Nije zabeleženo", en: "Not recorded" },
  "case.person.details.given-name": { sq: "Emri", "sr-Latn": "Ime", en: "Given name" },
  "case.person.details.family-name": { sq: "Mbiemri", "sr-Latn": "Prezime", en: "Family name" },
  "case.person.details.personal-number": { sq: "Numri personal", "sr-Latn": "Lični broj", en: "Personal number" },
  "case.person.details.birth-date": { sq: "Data e lindjes", "sr-Latn": "Datum rođenja", en: "Date of birth" },
  "case.person.details.address": { sq: "Adresa", "sr-Latn": "Adresa", en: "Address" },
  "case.person.details.phone": { sq: "Telefoni", "sr-Latn": "Telefon", en: "Phone" },
  "case.person.details.safe-contact": {
    sq: "Udhëzime për kontakt të sigurt",
    "sr-Latn": "Uputstva za bezbedan kontakt",
    en: "Safe-contact instructions",
  },

  // Relationships (Law 03/L-182 art. 2)
  "case.relationship.engaged": { sq: "Të fejuar", "sr-Latn": "Vereni", en: "Engaged" },
  "case.relationship.married": { sq: "Të martuar", "sr-Latn": "U braku", en: "Married" },
  "case.relationship.extramarital-union": {
    sq: "Bashkësi jashtëmartesore",
    "sr-Latn": "Vanbračna zajednica",
    en: "Extramarital union",
  },
  "case.relationship.shared-household": {
    sq: "Ekonomi familjare e përbashkët",
    "sr-Latn": "Zajedničko domaćinstvo",
    en: "Shared household",
  },
  "case.relationship.relative-blood": { sq: "Të afërm me gjak", "sr-Latn": "Krvni srodnici", en: "Relatives by blood" },
  "case.relationship.relative-marriage": {
    sq: "Të afërm me martesë",
    "sr-Latn": "Srodnici po braku",
    en: "Relatives by marriage",
  },
  "case.relationship.relative-adoption": {
    sq: "Të afërm me birësim",
    "sr-Latn": "Srodnici po usvojenju",
    en: "Relatives by adoption",
  },
  "case.relationship.in-law": { sq: "Krushqi", "sr-Latn": "Tazbina", en: "In-law ties" },
  "case.relationship.guardianship": { sq: "Kujdestari", "sr-Latn": "Starateljstvo", en: "Guardianship" },
  "case.relationship.parents-of-common-child": {
    sq: "Prindër të një fëmije të përbashkët",
    "sr-Latn": "Roditelji zajedničkog deteta",
    en: "Parents of a common child",
  },
  "case.relationship.family-law-dispute-party": {
    sq: "Palë në një kontest të së drejtës familjare",
    "sr-Latn": "Strana u porodičnopravnom sporu",
    en: "Party to a family-law dispute",
  },
  "case.relationship.time.current": { sq: "E tanishme", "sr-Latn": "Sadašnji", en: "Current" },
  "case.relationship.time.former": { sq: "E kaluar", "sr-Latn": "Bivši", en: "Former" },

  // Incidents
  "case.incident.form.physical": { sq: "Fizike", "sr-Latn": "Fizičko", en: "Physical" },
  "case.incident.form.sexual": { sq: "Seksuale", "sr-Latn": "Seksualno", en: "Sexual" },
  "case.incident.form.psychological": { sq: "Psikologjike", "sr-Latn": "Psihološko", en: "Psychological" },
  "case.incident.form.economic": { sq: "Ekonomike", "sr-Latn": "Ekonomsko", en: "Economic" },
  "case.incident.source.police-report": {
    sq: "Raport i policisë",
    "sr-Latn": "Policijska prijava",
    en: "Police report",
  },
  "case.incident.source.self-referral": {
    sq: "Paraqitje nga vetë viktima",
    "sr-Latn": "Lično obraćanje žrtve",
    en: "Self-referral",
  },
  "case.incident.source.health": { sq: "Shëndetësia", "sr-Latn": "Zdravstvo", en: "Health" },
  "case.incident.source.school": { sq: "Shkolla", "sr-Latn": "Škola", en: "School" },
  "case.incident.source.social-work": {
    sq: "Qendra për punë sociale",
    "sr-Latn": "Centar za socijalni rad",
    en: "Centre for social work",
  },
  "case.incident.source.victim-advocacy": {
    sq: "Mbrojtësi i viktimave",
    "sr-Latn": "Zastupnik žrtava",
    en: "Victim advocate",
  },
  "case.incident.source.shelter": { sq: "Strehimore", "sr-Latn": "Sklonište", en: "Shelter" },
  "case.incident.source.prosecution": { sq: "Prokuroria", "sr-Latn": "Tužilaštvo", en: "Prosecution" },
  "case.incident.source.court": { sq: "Gjykata", "sr-Latn": "Sud", en: "Court" },
  "case.incident.source.civil-society": {
    sq: "Organizatë e shoqërisë civile",
    "sr-Latn": "Organizacija civilnog društva",
    en: "Civil society organisation",
  },
  "case.incident.source.other": { sq: "Tjetër", "sr-Latn": "Drugo", en: "Other" },
  "case.incident.place.home": { sq: "Në shtëpi", "sr-Latn": "Kod kuće", en: "Home" },
  "case.incident.place.public-space": { sq: "Hapësirë publike", "sr-Latn": "Javni prostor", en: "Public space" },
  "case.incident.place.workplace": { sq: "Vendi i punës", "sr-Latn": "Radno mesto", en: "Workplace" },
  "case.incident.place.school": { sq: "Shkolla", "sr-Latn": "Škola", en: "School" },
  "case.incident.place.online": { sq: "Në internet", "sr-Latn": "Na internetu", en: "Online" },
  "case.incident.place.other": { sq: "Tjetër", "sr-Latn": "Drugo", en: "Other" },
  "case.incident.children.none": { sq: "Pa fëmijë", "sr-Latn": "Bez dece", en: "No children" },
  "case.incident.children.present": { sq: "Fëmijë të pranishëm", "sr-Latn": "Deca prisutna", en: "Children present" },
  "case.incident.children.witnessed": {
    sq: "Fëmijët ishin dëshmitarë",
    "sr-Latn": "Deca su bila svedoci",
    en: "Children witnessed it",
  },
  "case.incident.children.not-known": { sq: "Nuk dihet", "sr-Latn": "Nije poznato", en: "Not known" },

  // Risk
  "case.risk.level.standard": { sq: "Standard", "sr-Latn": "Standardni", en: "Standard" },
  "case.risk.level.medium": { sq: "Mesatar", "sr-Latn": "Srednji", en: "Medium" },
  "case.risk.level.high": { sq: "I lartë", "sr-Latn": "Visok", en: "High" },
  "case.risk.answer.yes": { sq: "Po", "sr-Latn": "Da", en: "Yes" },
  "case.risk.answer.no": { sq: "Jo", "sr-Latn": "Ne", en: "No" },
  "case.risk.answer.not-known": { sq: "Nuk dihet", "sr-Latn": "Nije poznato", en: "Not known" },
  "case.risk.instrument.dash": {
    sq: "Lista e identifikimit të rrezikut (stil DASH, 24 pyetje)",
    "sr-Latn": "Lista za identifikaciju rizika (DASH stil, 24 pitanja)",
    "sr-Cyrl": "Листа за идентификацију ризика (DASH стил, 24 питања)",
    en: "Risk identification checklist (DASH style, 24 questions)",
  },
  "case.risk.instrument.xk-police-early": {
    sq: "Vlerësimi i hershëm i rrezikut nga policia (draft i projektit)",
    "sr-Latn": "Rana procena rizika policije (nacrt projekta)",
    en: "Police early risk assessment (project draft)",
  },
  "case.risk.score": {
    sq: "Pikët: {score} nga {max}",
    "sr-Latn": "Bodovi: {score} od {max}",
    en: "Score: {score} of {max}",
  },
  "case.risk.reassess-on": {
    sq: "Rivlerësimi më {date}",
    "sr-Latn": "Ponovna procena {date}",
    en: "Reassess on {date}",
  },
  "case.risk.judgement.escalating-pattern": {
    sq: "Model dhune në përshkallëzim",
    "sr-Latn": "Obrazac nasilja u eskalaciji",
    en: "Escalating pattern",
  },
  "case.risk.judgement.victim-fears-for-life": {
    sq: "Viktima ka frikë për jetën",
    "sr-Latn": "Žrtva strahuje za život",
    en: "Victim fears for their life",
  },
  "case.risk.judgement.child-at-risk": { sq: "Fëmijë në rrezik", "sr-Latn": "Dete u opasnosti", en: "Child at risk" },
  "case.risk.judgement.order-breached": {
    sq: "Urdhri për mbrojtje u shkel",
    "sr-Latn": "Naredba za zaštitu je prekršena",
    en: "Protection order breached",
  },
  "case.risk.judgement.access-to-weapons": {
    sq: "Qasje në armë",
    "sr-Latn": "Pristup oružju",
    en: "Access to weapons",
  },
  "case.risk.judgement.isolation-or-dependency": {
    sq: "Izolim ose varësi",
    "sr-Latn": "Izolacija ili zavisnost",
    en: "Isolation or dependency",
  },
  "case.risk.judgement.other-concern": {
    sq: "Shqetësim tjetër profesional",
    "sr-Latn": "Druga stručna zabrinutost",
    en: "Other professional concern",
  },
  "case.risk.dash.injury": {
    sq: "Incidenti i fundit ka shkaktuar lëndim.",
    "sr-Latn": "Poslednji incident je prouzrokovao povredu.",
    en: "The latest incident caused an injury.",
  },
  "case.risk.dash.frightened": {
    sq: "Viktima është shumë e frikësuar.",
    "sr-Latn": "Žrtva je veoma uplašena.",
    en: "The victim is very frightened.",
  },
  "case.risk.dash.fear-of-further-harm": {
    sq: "Viktima ka frikë nga lëndime ose dhunë e mëtejshme.",
    "sr-Latn": "Žrtva se plaši daljih povreda ili nasilja.",
    en: "The victim fears further injury or violence.",
  },
  "case.risk.dash.isolated": {
    sq: "Viktima ndihet e izoluar nga familja ose miqtë.",
    "sr-Latn": "Žrtva se oseća izolovano od porodice ili prijatelja.",
    en: "The victim feels cut off from family or friends.",
  },
  "case.risk.dash.depressed-or-suicidal": {
    sq: "Viktima ndihet e dëshpëruar ose ka mendime vetëvrasëse.",
    "sr-Latn": "Žrtva se oseća depresivno ili ima samoubilačke misli.",
    en: "The victim feels low or has thoughts of suicide.",
  },
  "case.risk.dash.separation": {
    sq: "Viktima është ndarë ose ka tentuar të ndahet gjatë vitit të kaluar.",
    "sr-Latn": "Žrtva se razdvojila ili pokušala da se razdvoji u poslednjih godinu dana.",
    en: "The victim separated, or tried to, within the past year.",
  },
  "case.risk.dash.child-contact-conflict": {
    sq: "Ka konflikt për kontaktin me fëmijët.",
    "sr-Latn": "Postoji sukob oko kontakta sa decom.",
    en: "There is conflict over contact with the children.",
  },
  "case.risk.dash.stalking": {
    sq: "Dhunuesi vazhdimisht telefonon, dërgon mesazhe, ndjek ose ngacmon viktimën.",
    "sr-Latn": "Nasilnik stalno zove, šalje poruke, prati ili uznemirava žrtvu.",
    en: "The abuser keeps calling, messaging, following or harassing the victim.",
  },
  "case.risk.dash.pregnancy-or-new-baby": {
    sq: "Viktima është shtatzënë ose ka lindur së fundmi.",
    "sr-Latn": "Žrtva je trudna ili je nedavno rodila.",
    en: "The victim is pregnant or had a baby recently.",
  },
  "case.risk.dash.more-often": {
    sq: "Dhuna po ndodh më shpesh.",
    "sr-Latn": "Nasilje se dešava sve češće.",
    en: "The abuse happens more often.",
  },
  "case.risk.dash.getting-worse": {
    sq: "Dhuna po përkeqësohet.",
    "sr-Latn": "Nasilje postaje sve teže.",
    en: "The abuse is getting worse.",
  },
  "case.risk.dash.strangulation": {
    sq: "Dhunuesi ka tentuar ta mbysë viktimën.",
    "sr-Latn": "Nasilnik je pokušao da zadavi ili uguši žrtvu.",
    en: "The abuser has tried to strangle, choke or smother the victim.",
  },
  "case.risk.dash.threats-to-kill": {
    sq: "Dhunuesi ka kërcënuar se do ta vrasë viktimën ose dikë tjetër.",
    "sr-Latn": "Nasilnik je pretio da će ubiti žrtvu ili nekog drugog.",
    en: "The abuser has threatened to kill the victim or someone else.",
  },
  "case.risk.dash.weapons": {
    sq: "Dhunuesi ka përdorur armë ose send për ta lënduar viktimën.",
    "sr-Latn": "Nasilnik je upotrebio oružje ili predmet da povredi žrtvu.",
    en: "The abuser has used a weapon or an object to hurt the victim.",
  },
  "case.risk.dash.abuser-suicide-threats": {
    sq: "Dhunuesi ka kërcënuar ose ka tentuar vetëvrasje.",
    "sr-Latn": "Nasilnik je pretio samoubistvom ili ga je pokušao.",
    en: "The abuser has threatened or attempted suicide.",
  },
  "case.risk.dash.jealousy-and-control": {
    sq: "Dhunuesi është shumë xheloz ose kontrollues.",
    "sr-Latn": "Nasilnik je veoma ljubomoran ili kontroliše žrtvu.",
    en: "The abuser is very jealous or controlling.",
  },
  "case.risk.dash.sexual-abuse": {
    sq: "Dhunuesi e ka abuzuar seksualisht viktimën.",
    "sr-Latn": "Nasilnik je seksualno zlostavljao žrtvu.",
    en: "The abuser has sexually abused the victim.",
  },
  "case.risk.dash.other-threats": {
    sq: "Një person tjetër e ka kërcënuar viktimën ose e frikëson atë.",
    "sr-Latn": "Druga osoba je pretila žrtvi ili je plaši.",
    en: "Someone else has threatened the victim or frightens them.",
  },
  "case.risk.dash.hurt-others": {
    sq: "Dhunuesi ka lënduar edhe dikë tjetër.",
    "sr-Latn": "Nasilnik je povredio i nekog drugog.",
    en: "The abuser has hurt someone else too.",
  },
  "case.risk.dash.animal-cruelty": {
    sq: "Dhunuesi ka keqtrajtuar një kafshë.",
    "sr-Latn": "Nasilnik je zlostavljao životinju.",
    en: "The abuser has mistreated an animal.",
  },
  "case.risk.dash.financial-problems": {
    sq: "Ka probleme serioze financiare ose humbje të punës.",
    "sr-Latn": "Postoje ozbiljni finansijski problemi ili gubitak posla.",
    en: "There are serious money problems or a lost job.",
  },
  "case.risk.dash.substance-or-mental-health": {
    sq: "Dhunuesi ka probleme me alkoolin, drogën ose shëndetin mendor.",
    "sr-Latn": "Nasilnik ima problema sa alkoholom, drogom ili mentalnim zdravljem.",
    en: "The abuser has problems with alcohol, drugs or mental health.",
  },
  "case.risk.dash.breached-orders": {
    sq: "Dhunuesi ka shkelur kushtet e lirimit ose një urdhër për mbrojtje.",
    "sr-Latn": "Nasilnik je prekršio uslove puštanja na slobodu ili naredbu za zaštitu.",
    en: "The abuser has broken bail conditions or a protection order.",
  },
  "case.risk.dash.criminal-history": {
    sq: "Dhunuesi ka pasur probleme me policinë ose ka të kaluar kriminale.",
    "sr-Latn": "Nasilnik je imao problema sa policijom ili je ranije krivično gonjen.",
    en: "The abuser has been in trouble with the police or has a criminal record.",
  },
  "case.risk.xk-police-early.previous-reports": {
    sq: "Ka raportime të mëparshme të dhunës në këtë familje.",
    "sr-Latn": "Postoje ranije prijave nasilja u ovoj porodici.",
    en: "There are earlier reports of violence in this family.",
  },
  "case.risk.xk-police-early.injury": {
    sq: "Ka lëndim në këtë incident.",
    "sr-Latn": "Postoji povreda u ovom incidentu.",
    en: "There is an injury in this incident.",
  },
  "case.risk.xk-police-early.weapon-used-or-available": {
    sq: "Është përdorur armë ose i dyshuari ka qasje në armë.",
    "sr-Latn": "Upotrebljeno je oružje ili osumnjičeni ima pristup oružju.",
    en: "A weapon was used or the suspect has access to one.",
  },
  "case.risk.xk-police-early.threats-to-kill": {
    sq: "Ka kërcënime për vrasje.",
    "sr-Latn": "Postoje pretnje ubistvom.",
    en: "There are threats to kill.",
  },
  "case.risk.xk-police-early.strangulation": {
    sq: "Ka pasur tentim mbytjeje.",
    "sr-Latn": "Bilo je pokušaja davljenja ili gušenja.",
    en: "There was strangling or choking.",
  },
  "case.risk.xk-police-early.escalation": {
    sq: "Dhuna është bërë më e shpeshtë ose më e rëndë.",
    "sr-Latn": "Nasilje je postalo češće ili teže.",
    en: "The violence has become more frequent or more severe.",
  },
  "case.risk.xk-police-early.children-present": {
    sq: "Fëmijët ishin të pranishëm ose dëshmitarë.",
    "sr-Latn": "Deca su bila prisutna ili svedoci.",
    en: "Children were present or witnessed it.",
  },
  "case.risk.xk-police-early.victim-under-18": {
    sq: "Viktima është nën 18 vjeç.",
    "sr-Latn": "Žrtva je mlađa od 18 godina.",
    en: "The victim is under 18.",
  },
  "case.risk.xk-police-early.recent-separation": {
    sq: "Ka ndarje të fundit ose të planifikuar.",
    "sr-Latn": "Postoji nedavno ili planirano razdvajanje.",
    en: "There is a recent or planned separation.",
  },
  "case.risk.xk-police-early.substance-abuse": {
    sq: "I dyshuari abuzon me alkool ose drogë.",
    "sr-Latn": "Osumnjičeni zloupotrebljava alkohol ili droge.",
    en: "The suspect misuses alcohol or drugs.",
  },
  "case.risk.xk-police-early.order-breached": {
    sq: "Është shkelur një urdhër për mbrojtje.",
    "sr-Latn": "Prekršena je naredba za zaštitu.",
    en: "A protection order was breached.",
  },
  "case.risk.xk-police-early.victim-fears-for-life": {
    sq: "Viktima ka frikë për jetën e saj.",
    "sr-Latn": "Žrtva strahuje za svoj život.",
    en: "The victim fears for their life.",
  },

  // Conference eligibility
  "case.conference.reason.high-risk": { sq: "Rrezik i lartë", "sr-Latn": "Visok rizik", en: "High risk" },
  "case.conference.reason.professional-judgement": {
    sq: "Gjykim profesional",
    "sr-Latn": "Stručna procena",
    en: "Professional judgement",
  },
  "case.conference.reason.escalation": {
    sq: "Përshkallëzim (disa incidente brenda një viti)",
    "sr-Latn": "Eskalacija (više incidenata u toku godine)",
    en: "Escalation (several incidents within a year)",
  },
  "case.conference.reason.repeat": {
    sq: "Incident i përsëritur pas shqyrtimit të fundit",
    "sr-Latn": "Ponovljeni incident nakon poslednjeg razmatranja",
    en: "Repeat incident after the last review",
  },
  "case.conference.reason.order-breach": {
    sq: "Shkelje e urdhrit për mbrojtje",
    "sr-Latn": "Kršenje naredbe za zaštitu",
    en: "Breach of a protection order",
  },

  // Protection orders
  "case.order.status.requested": { sq: "E kërkuar", "sr-Latn": "Zatražena", en: "Requested" },
  "case.order.status.issued": { sq: "E lëshuar", "sr-Latn": "Izdata", en: "Issued" },
  "case.order.status.rejected": { sq: "E refuzuar", "sr-Latn": "Odbijena", en: "Rejected" },
  "case.order.status.extended": { sq: "E vazhduar", "sr-Latn": "Produžena", en: "Extended" },
  "case.order.status.expired": { sq: "E skaduar", "sr-Latn": "Istekla", en: "Expired" },
  "case.order.petitioner.victim": { sq: "Viktima", "sr-Latn": "Žrtva", en: "The victim" },
  "case.order.petitioner.representative": {
    sq: "Përfaqësuesi i viktimës",
    "sr-Latn": "Zastupnik žrtve",
    en: "The victim's representative",
  },
  "case.order.petitioner.police": { sq: "Policia", "sr-Latn": "Policija", en: "The police" },
  "case.order.petitioner.social-work": {
    sq: "Qendra për punë sociale",
    "sr-Latn": "Centar za socijalni rad",
    en: "The centre for social work",
  },
  "case.order.petitioner.victim-advocate": {
    sq: "Mbrojtësi i viktimave",
    "sr-Latn": "Zastupnik žrtava",
    en: "A victim advocate",
  },
  "case.order.reminder.decision-due": {
    sq: "{reference}: afati për vendimin e gjykatës për urdhrin për mbrojtje",
    "sr-Latn": "{reference}: rok za odluku suda o naredbi za zaštitu",
    en: "{reference}: court decision on the protection order due",
  },
  "case.order.reminder.extension-reminder": {
    sq: "{reference}: urdhri për mbrojtje skadon së shpejti, kërkoni vazhdimin",
    "sr-Latn": "{reference}: naredba za zaštitu uskoro ističe, zatražite produženje",
    en: "{reference}: protection order expires soon, request an extension",
  },
  "case.order.reminder.expiry": {
    sq: "{reference}: urdhri për mbrojtje skadon",
    "sr-Latn": "{reference}: naredba za zaštitu ističe",
    en: "{reference}: protection order expires",
  },
  "case.order.reminder.hearing": {
    sq: "{reference}: seanca gjyqësore për urdhrin për mbrojtje afrohet",
    "sr-Latn": "{reference}: približava se ročište o naredbi za zaštitu",
    en: "{reference}: court hearing on the protection order coming up",
  },

  // Safety plan
  "case.safety.measure.safe-accommodation": {
    sq: "Strehim i sigurt",
    "sr-Latn": "Bezbedan smeštaj",
    en: "Safe accommodation",
  },
  "case.safety.measure.emergency-contact-plan": {
    sq: "Plan kontakti në emergjencë",
    "sr-Latn": "Plan kontakta u hitnim slučajevima",
    en: "Emergency contact plan",
  },
  "case.safety.measure.police-patrols": {
    sq: "Patrullime të policisë",
    "sr-Latn": "Policijske patrole",
    en: "Police patrols",
  },
  "case.safety.measure.alarm-or-phone": {
    sq: "Alarm ose telefon emergjence",
    "sr-Latn": "Alarm ili telefon za hitne slučajeve",
    en: "Alarm or emergency phone",
  },
  "case.safety.measure.school-informed": {
    sq: "Shkolla e njoftuar",
    "sr-Latn": "Škola obaveštena",
    en: "School informed",
  },
  "case.safety.measure.child-protection-plan": {
    sq: "Plan për mbrojtjen e fëmijës",
    "sr-Latn": "Plan zaštite deteta",
    en: "Child protection plan",
  },
  "case.safety.measure.legal-aid": { sq: "Ndihmë juridike", "sr-Latn": "Pravna pomoć", en: "Legal aid" },
  "case.safety.measure.counselling": { sq: "Këshillim", "sr-Latn": "Savetovanje", en: "Counselling" },
  "case.safety.measure.health-care": { sq: "Kujdes shëndetësor", "sr-Latn": "Zdravstvena zaštita", en: "Health care" },
  "case.safety.measure.financial-support": {
    sq: "Mbështetje financiare",
    "sr-Latn": "Finansijska podrška",
    en: "Financial support",
  },
  "case.safety.measure.employment-support": {
    sq: "Mbështetje për punësim",
    "sr-Latn": "Podrška pri zapošljavanju",
    en: "Employment support",
  },
  "case.safety.measure.protection-order-application": {
    sq: "Kërkesë për urdhër për mbrojtje",
    "sr-Latn": "Zahtev za naredbu za zaštitu",
    en: "Protection order application",
  },
  "case.safety.measure.other": { sq: "Masë tjetër", "sr-Latn": "Druga mera", en: "Other measure" },
  "case.safety.status.open": { sq: "E hapur", "sr-Latn": "Otvorena", en: "Open" },
  "case.safety.status.done": { sq: "E kryer", "sr-Latn": "Izvršena", en: "Done" },
  "case.safety.status.cancelled": { sq: "E anuluar", "sr-Latn": "Otkazana", en: "Cancelled" },

  // Consent and team
  "case.consent.purpose.case-management": {
    sq: "Menaxhimi i rastit",
    "sr-Latn": "Vođenje slučaja",
    en: "Case management",
  },
  "case.consent.purpose.referral": { sq: "Referim", "sr-Latn": "Upućivanje", en: "Referral" },
  "case.consent.purpose.case-conference": {
    sq: "Konferencë e rastit",
    "sr-Latn": "Konferencija o slučaju",
    en: "Case conference",
  },
  "case.consent.purpose.statistics": { sq: "Statistika", "sr-Latn": "Statistika", en: "Statistics" },
  "case.consent.method.signed-form": {
    sq: "Formular i nënshkruar",
    "sr-Latn": "Potpisan obrazac",
    en: "Signed form",
  },
  "case.consent.method.verbal-witnessed": {
    sq: "Me gojë, para një dëshmitari",
    "sr-Latn": "Usmeno, pred svedokom",
    en: "Verbally, before a witness",
  },
  "case.consent.awaiting-confirmation": {
    sq: "Pret konfirmimin e një personi të dytë",
    "sr-Latn": "Čeka potvrdu druge osobe",
    en: "Awaiting a second person's confirmation",
  },
  "case.break-glass.verdict.justified": { sq: "E justifikuar", "sr-Latn": "Opravdan", en: "Justified" },
  "case.break-glass.verdict.unjustified": { sq: "E pajustifikuar", "sr-Latn": "Neopravdan", en: "Unjustified" },
  "case.team.access.full": { sq: "Qasje e plotë", "sr-Latn": "Potpun pristup", en: "Full access" },
  "case.team.access.summary": { sq: "Vetëm përmbledhja", "sr-Latn": "Samo sažetak", en: "Summary only" },
  "case.team.lead": { sq: "Institucioni udhëheqës", "sr-Latn": "Vodeća institucija", en: "Lead institution" },

  // Summary
  "case.summary.open-actions": {
    sq: "{count, plural, one {# masë e hapur} other {# masa të hapura}}",
    "sr-Latn": "{count, plural, one {# otvorena mera} few {# otvorene mere} other {# otvorenih mera}}",
    en: "{count, plural, one {# open measure} other {# open measures}}",
  },
  "case.summary.has-children": { sq: "Ka fëmijë", "sr-Latn": "Ima dece", en: "Children involved" },
  // What is due (CaseDue): a worklist title, then a reminder's sentence per stage.
  "case.due.order.decision": {
    sq: "Vendimi i gjykatës për urdhrin për mbrojtje",
    "sr-Latn": "Odluka suda o naredbi za zaštitu",
    en: "The court's decision on the protection order",
  },
  "case.due.order.decision.overdue": {
    sq: "Gjykata nuk ka vendosur për urdhrin e kërkuar për mbrojtje deri më {due}, siç kërkohej.",
    "sr-Latn": "Sud nije odlučio o traženoj naredbi za zaštitu do {due}, kako je trebalo.",
    en: "The court has not decided on the requested protection order by {due}, as it had to.",
  },
  "case.due.order.expiry": {
    sq: "Urdhri për mbrojtje skadon",
    "sr-Latn": "Naredba za zaštitu ističe",
    en: "The protection order expires",
  },
  "case.due.order.expiry.approaching": {
    sq: "Një urdhër për mbrojtje skadon më {due}. Nëse mbrojtja duhet të vazhdojë, kërkoni një urdhër të ri me kohë.",
    "sr-Latn": "Naredba za zaštitu ističe {due}. Ako zaštita treba da se nastavi, na vreme zatražite novu naredbu.",
    en: "A protection order expires on {due}. If protection must go on, ask for a new order in time.",
  },
  "case.due.order.expiry.due": {
    sq: "Një urdhër për mbrojtje skadoi më {due}.",
    "sr-Latn": "Naredba za zaštitu je istekla {due}.",
    en: "A protection order expired on {due}.",
  },
  "case.due.order.extension": {
    sq: "Kërko vazhdimin e urdhrit",
    "sr-Latn": "Zatražite produženje naredbe",
    en: "Request the order's extension",
  },
  "case.due.order.extension.due": {
    sq: "Vazhdimi i urdhrit për mbrojtje mund të kërkohet tani; urdhri skadon më {due}.",
    "sr-Latn": "Produženje naredbe za zaštitu sada se može zatražiti; naredba ističe {due}.",
    en: "The protection order's extension may be requested now; the order expires on {due}.",
  },
  "case.due.order.hearing": {
    sq: "Seanca gjyqësore për urdhrin",
    "sr-Latn": "Ročište o naredbi",
    en: "Court hearing on the order",
  },
  "case.due.order.hearing.due": {
    sq: "Seanca gjyqësore për urdhrin për mbrojtje është më {due}.",
    "sr-Latn": "Ročište o naredbi za zaštitu je {due}.",
    en: "The court hearing on the protection order is on {due}.",
  },
  "case.due.reassessment": {
    sq: "Rivlerësimi i rrezikut",
    "sr-Latn": "Ponovna procena rizika",
    en: "Risk reassessment",
  },
  "case.due.reassessment.due": {
    sq: "Rreziku duhet të rivlerësohet më {due}.",
    "sr-Latn": "Rizik treba ponovo proceniti {due}.",
    en: "The risk is due to be assessed again on {due}.",
  },
} as const

/**
 * The model's messages, as a catalogue part.
 */
export const caseMessages = Catalogue.make(messages)

/**
 * A key of {@link caseMessages}.
 */
export type CaseMessageKey = Catalogue.Key<typeof caseMessages>
