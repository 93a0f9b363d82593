/**
 * The case package's part of the message catalogue for casework in words:
 * the rules of case notes and their corrections, and of the register of
 * closed cases. Merge it with the others:
 * `Catalogue.merge(kernelMessages, securityMessages, caseMessages, caseStoreMessages, caseworkMessages)`.
 */
import { Catalogue } from "@bashke/kernel"

const messages = {
  "case.note.text.required": {
    sq: "Shkruani tekstin e shënimit.",
    "sr-Latn": "Upišite tekst beleške.",
    en: "Write the note's text.",
  },
  "case.note.text.too-long": {
    sq: "Shënimi është shumë i gjatë: ngarkojeni si dokument.",
    "sr-Latn": "Beleška je predugačka: otpremite je kao dokument.",
    en: "The note is too long: upload it as a document.",
  },
  "case.note.visibility.unknown": {
    sq: "Zgjidhni kush e sheh shënimin: i gjithë ekipi i rastit, anëtarët me qasje të plotë, ose vetëm institucioni juaj.",
    "sr-Latn": "Izaberite ko vidi belešku: ceo tim slučaja, članovi sa punim pristupom ili samo vaša institucija.",
    en: "Choose who sees the note: the whole case team, full-access members, or your institution only.",
  },
  "case.note.correct.institution-only": {
    sq: "Shënimin e korrigjon vetëm institucioni që e shkroi.",
    "sr-Latn": "Belešku ispravlja samo institucija koja ju je napisala.",
    en: "Only the institution that wrote the note can correct it.",
  },
  "case.correction.reason.required": {
    sq: "Shkruani pse po korrigjohet: arsyeja ruhet me vlerën e mëparshme.",
    "sr-Latn": "Upišite zašto se ispravlja: razlog se čuva uz prethodnu vrednost.",
    en: "Write why it is corrected: the reason is kept with the previous value.",
  },
  "case.correction.reason.too-long": {
    sq: "Arsyeja e korrigjimit është shumë e gjatë.",
    "sr-Latn": "Razlog ispravke je predugačak.",
    en: "The reason for the correction is too long.",
  },
  "case.correction.nothing-changed": {
    sq: "Korrigjimi nuk ndryshon asgjë: shkruani vlerën e saktë.",
    "sr-Latn": "Ispravka ništa ne menja: upišite tačnu vrednost.",
    en: "The correction changes nothing: enter the right value.",
  },
  "case.review.wishes-heard.unknown": {
    sq: "Zgjidhni si u dëgjuan dëshirat e saj: vetë, përmes dikujt që ajo zgjodhi, ose nuk u pyet.",
    "sr-Latn": "Izaberite kako su njene želje saslušane: lično, preko osobe koju je izabrala, ili nije pitana.",
    en: "Choose how her wishes were heard: in person, through someone she chose, or not asked.",
  },
  "case.review.wishes.required": {
    sq: "Shkruani çfarë dëshiron ajo, ose pse nuk u pyet.",
    "sr-Latn": "Upišite šta ona želi, ili zašto nije pitana.",
    en: "Write what she wants, or why she was not asked.",
  },
  "case.review.wishes.too-long": {
    sq: "Teksti i dëshirave është shumë i gjatë.",
    "sr-Latn": "Tekst želja je predugačak.",
    en: "The text of her wishes is too long.",
  },
  "case.review.outcome.unknown": {
    sq: "Zgjidhni rezultatet nga lista.",
    "sr-Latn": "Izaberite ishode sa liste.",
    en: "Choose the outcomes from the list.",
  },
  "case.review.outcome.duplicate": {
    sq: "Secili rezultat jepet vetëm një herë.",
    "sr-Latn": "Svaki ishod se navodi samo jednom.",
    en: "Give each outcome once.",
  },
  "case.review.note.required": {
    sq: "Shënimi nuk mund të jetë bosh: hiqeni ose shkruani diçka.",
    "sr-Latn": "Napomena ne može biti prazna: uklonite je ili nešto upišite.",
    en: "The note cannot be blank: remove it or write something.",
  },
  "case.review.note.too-long": {
    sq: "Shënimi i rishikimit është shumë i gjatë.",
    "sr-Latn": "Napomena pregleda je predugačka.",
    en: "The review's note is too long.",
  },
  "case.review.outcome.continue-monitoring": {
    sq: "Vazhdon monitorimi",
    "sr-Latn": "Nastavlja se praćenje",
    en: "Monitoring continues",
  },
  "case.review.outcome.safety-plan-updated": {
    sq: "Plani i sigurisë u përditësua",
    "sr-Latn": "Plan bezbednosti je ažuriran",
    en: "Safety plan updated",
  },
  "case.review.outcome.risk-reassessment": {
    sq: "Rivlerësim i rrezikut",
    "sr-Latn": "Ponovna procena rizika",
    en: "Risk to be reassessed",
  },
  "case.review.outcome.referral": { sq: "Referim", "sr-Latn": "Upućivanje", en: "Referral" },
  "case.review.outcome.protection-order": {
    sq: "Urdhër mbrojtjeje",
    "sr-Latn": "Nalog za zaštitu",
    en: "Protection order",
  },
  "case.review.outcome.team-changed": {
    sq: "Ekipi i rastit u ndryshua",
    "sr-Latn": "Tim slučaja je promenjen",
    en: "Case team changed",
  },
  "case.review.outcome.escalated": { sq: "U përshkallëzua", "sr-Latn": "Eskalirano", en: "Escalated" },
  "case.review.outcome.closure-proposed": {
    sq: "U propozua mbyllja",
    "sr-Latn": "Predloženo zatvaranje",
    en: "Closure proposed",
  },
  "case.review.outcome.other": { sq: "Tjetër", "sr-Latn": "Drugo", en: "Other" },
  "case.review.wishes-heard.in-person": { sq: "Nga ajo vetë", "sr-Latn": "Od nje lično", en: "From her, in person" },
  "case.review.wishes-heard.through-representative": {
    sq: "Përmes dikujt që ajo zgjodhi",
    "sr-Latn": "Preko osobe koju je izabrala",
    en: "Through someone she chose",
  },
  "case.review.wishes-heard.not-asked": { sq: "Nuk u pyet", "sr-Latn": "Nije pitana", en: "Not asked" },
  "case.safe-contact.time.malformed": {
    sq: "Shkruani orën si OO:MM (p.sh. 09:30).",
    "sr-Latn": "Upišite vreme kao SS:MM (npr. 09:30).",
    en: "Write the time as HH:MM (e.g. 09:30).",
  },
  "case.safe-contact.time-range": {
    sq: "Ora e fundit duhet të jetë pas orës së fillimit.",
    "sr-Latn": "Kraj mora biti posle početka.",
    en: "The end must come after the start.",
  },
  "case.safe-contact.channel.unknown": {
    sq: "Zgjidhni mënyrat nga lista.",
    "sr-Latn": "Izaberite načine sa liste.",
    en: "Choose the ways from the list.",
  },
  "case.safe-contact.through.malformed": {
    sq: "Shkruani përmes kujt (jo bosh, deri në 200 shenja).",
    "sr-Latn": "Upišite preko koga (ne prazno, do 200 znakova).",
    en: "Write through whom (not blank, up to 200 characters).",
  },
  "case.safe-contact.code-word.malformed": {
    sq: "Fjala kod nuk mund të jetë bosh dhe ka deri në 100 shenja.",
    "sr-Latn": "Šifra ne može biti prazna i ima do 100 znakova.",
    en: "The code word cannot be blank and has up to 100 characters.",
  },
  "case.safe-contact.note.malformed": {
    sq: "Shënimi nuk mund të jetë bosh dhe ka deri në 1.000 shenja.",
    "sr-Latn": "Napomena ne može biti prazna i ima do 1.000 znakova.",
    en: "The note cannot be blank and has up to 1,000 characters.",
  },
  "case.safe-contact.person-not-survivor": {
    sq: "Zgjidhni viktimën ose një fëmijë të këtij rasti.",
    "sr-Latn": "Izaberite žrtvu ili dete iz ovog slučaja.",
    en: "Choose the victim or a child of this case.",
  },
  "case.safe-contact.through-required": {
    sq: "Nëse thirrja nuk është e sigurt, shkruani përmes kujt mund të kontaktohet.",
    "sr-Latn": "Ako poziv nije bezbedan, upišite preko koga se može kontaktirati.",
    en: "If calling is not safe, write through whom she can be reached.",
  },
  "case.safe-contact.call-not-safe": {
    sq: "Thirrja telefonike nuk është e sigurt: hiqeni nga mënyrat.",
    "sr-Latn": "Telefonski poziv nije bezbedan: uklonite ga iz načina.",
    en: "A phone call is not safe: remove it from the ways.",
  },
  "case.order.condition.unknown": {
    sq: "Zgjidhni kushtin nga lista e ligjit.",
    "sr-Latn": "Izaberite uslov sa liste iz zakona.",
    en: "Choose the condition from the law's list.",
  },
  "case.order.condition.duplicate": {
    sq: "Secili kusht jepet vetëm një herë.",
    "sr-Latn": "Svaki uslov se navodi samo jednom.",
    en: "Give each condition once.",
  },
  "case.order.condition.distance-required": {
    sq: "Shkruani distancën në metra.",
    "sr-Latn": "Upišite udaljenost u metrima.",
    en: "Enter the distance in metres.",
  },
  "case.order.condition.places-required": {
    sq: "Zgjidhni vendet nga të cilat duhet të qëndrojë larg.",
    "sr-Latn": "Izaberite mesta od kojih mora da se drži podalje.",
    en: "Choose the places to stay away from.",
  },
  "case.order.condition.children-required": {
    sq: "Zgjidhni fëmijët për të cilët vlen.",
    "sr-Latn": "Izaberite decu na koju se odnosi.",
    en: "Choose the children it concerns.",
  },
  "case.order.condition.not-applicable": {
    sq: "Ky kusht nuk e merr këtë të dhënë: hiqeni.",
    "sr-Latn": "Ovaj uslov ne prima ovaj podatak: uklonite ga.",
    en: "This condition does not take this detail: remove it.",
  },
  "case.order.condition.child-unknown": {
    sq: "Zgjidhni një fëmijë të këtij rasti.",
    "sr-Latn": "Izaberite dete iz ovog slučaja.",
    en: "Choose a child of this case.",
  },
  "case.order.condition.distance.out-of-range": {
    sq: "Distanca duhet të jetë nga 1 deri në 10.000 metra.",
    "sr-Latn": "Udaljenost mora biti od 1 do 10.000 metara.",
    en: "The distance must be from 1 to 10,000 metres.",
  },
  "case.order.condition.place.unknown": {
    sq: "Zgjidhni vendet nga lista.",
    "sr-Latn": "Izaberite mesta sa liste.",
    en: "Choose the places from the list.",
  },
  "case.transfer.coordinator-only": {
    sq: "Transferimin e propozon koordinatori i mekanizmit dërgues dhe e vendos koordinatori i mekanizmit pranues.",
    "sr-Latn": "Prenos predlaže koordinator mehanizma koji šalje, a odlučuje koordinator mehanizma koji prima.",
    en: "The sending mechanism's coordinator proposes a transfer; the receiving mechanism's coordinator decides.",
  },
  "case.transfer.same-mechanism": {
    sq: "Zgjidhni një mekanizëm tjetër: rasti është tashmë këtu.",
    "sr-Latn": "Izaberite drugi mehanizam: slučaj je već ovde.",
    en: "Choose another mechanism: the case is already here.",
  },
  "case.transfer.mechanism-unknown": {
    sq: "Ky mekanizëm nuk ekziston ose nuk ka memorandum në fuqi.",
    "sr-Latn": "Ovaj mehanizam ne postoji ili nema memorandum na snazi.",
    en: "This mechanism does not exist or has no memorandum in force.",
  },
  "case.transfer.pending": {
    sq: "Një transferim i këtij rasti pret ende vendimin.",
    "sr-Latn": "Prenos ovog slučaja još čeka odluku.",
    en: "A transfer of this case is still waiting for a decision.",
  },
  "case.transfer.consent-required": {
    sq: "Për transferim duhet pëlqimi i saj në fuqi për menaxhimin e rastit.",
    "sr-Latn": "Za prenos je potreban njen važeći pristanak za vođenje slučaja.",
    en: "A transfer needs her consent in force for case management.",
  },
  "case.transfer.decided": {
    sq: "Për këtë transferim është vendosur tashmë.",
    "sr-Latn": "O ovom prenosu je već odlučeno.",
    en: "This transfer has already been decided.",
  },
  "case.closed.reference-malformed": {
    sq: "Shkruani fillimin e numrit të rastit: shkronja, shifra dhe viza (p.sh. GJI-2026).",
    "sr-Latn": "Upišite početak broja slučaja: slova, cifre i crtice (npr. GJI-2026).",
    en: "Type the beginning of the case reference: letters, digits and dashes (e.g. GJI-2026).",
  },
  "case.told.topic.unknown": {
    sq: "Zgjidhni temat nga lista: të drejtat, urdhri i mbrojtjes, plani i sigurisë, referimi, konferenca e rastit, mbyllja e rastit, mbrojtja e të dhënave, tjetër.",
    "sr-Latn":
      "Izaberite teme sa liste: prava, nalog za zaštitu, plan bezbednosti, upućivanje, konferencija slučaja, zatvaranje slučaja, zaštita podataka, drugo.",
    en: "Choose the topics from the list: rights, protection order, safety plan, referral, case conference, case closure, data protection, other.",
  },
  "case.told.said.required": {
    sq: "Shkruani çfarë iu tha.",
    "sr-Latn": "Upišite šta je rečeno.",
    en: "Write what was said.",
  },
  "case.told.said.too-long": {
    sq: "Teksti është shumë i gjatë: shkruani shkurt çfarë iu tha.",
    "sr-Latn": "Tekst je predugačak: ukratko upišite šta je rečeno.",
    en: "The text is too long: write briefly what was said.",
  },
  "case.told.person-not-survivor": {
    sq: "Zgjidhni viktimën ose një fëmijë të këtij rasti.",
    "sr-Latn": "Izaberite žrtvu ili dete iz ovog slučaja.",
    en: "Choose the victim or a child of this case.",
  },
  "case.told.date-out-of-range": {
    sq: "Data duhet të jetë pas hapjes së rastit dhe jo në të ardhmen.",
    "sr-Latn": "Datum mora biti posle otvaranja slučaja i ne u budućnosti.",
    en: "The date must be after the case was opened and not in the future.",
  },
  "subject-access.reason.required": {
    sq: "Shkruani kërkesën dhe bazën ligjore të eksportit: ruhet në regjistrin e auditimit.",
    "sr-Latn": "Upišite zahtev i pravni osnov izvoza: čuva se u revizorskom zapisu.",
    en: "Write the request and the legal basis of the export: it is kept in the audit log.",
  },
  "subject-access.reason.too-long": {
    sq: "Arsyeja e eksportit është shumë e gjatë.",
    "sr-Latn": "Razlog izvoza je predugačak.",
    en: "The reason for the export is too long.",
  },
  "subject-access.person.unknown": {
    sq: "Ky person nuk gjendet në asnjë rast.",
    "sr-Latn": "Ova osoba nije pronađena ni u jednom slučaju.",
    en: "This person is not found in any case.",
  },
  "subject-access.pdf.title": {
    sq: "Qasja e subjektit të të dhënave: çfarë mbahet për personin",
    "sr-Latn": "Pristup lica podacima: šta se čuva o osobi",
    en: "Subject access: what is held about the person",
  },
  "subject-access.pdf.exported": {
    sq: "Eksportuar më {at} nga {who}",
    "sr-Latn": "Izvezeno {at}, izvezao {who}",
    en: "Exported on {at} by {who}",
  },
  "subject-access.pdf.case": {
    sq: "Rasti {reference}",
    "sr-Latn": "Slučaj {reference}",
    en: "Case {reference}",
  },
  "subject-access.pdf.details": {
    sq: "Të dhënat identifikuese",
    "sr-Latn": "Identifikacioni podaci",
    en: "Identifying details",
  },
  "subject-access.pdf.consents": { sq: "Pëlqimet", "sr-Latn": "Saglasnosti", en: "Consents" },
  "subject-access.pdf.safe-contact": { sq: "Kontakti i sigurt", "sr-Latn": "Bezbedan kontakt", en: "Safe contact" },
  "subject-access.pdf.corrections": { sq: "Korrigjimet", "sr-Latn": "Ispravke", en: "Corrections" },
  "subject-access.pdf.notes": { sq: "Shënimet e rastit", "sr-Latn": "Beleške slučaja", en: "Case notes" },
  "subject-access.pdf.told": {
    sq: "Çfarë iu tha personit",
    "sr-Latn": "Šta je osobi rečeno",
    en: "What the person was told",
  },
  "subject-access.pdf.documents": { sq: "Dokumentet", "sr-Latn": "Dokumenti", en: "Documents" },
  "subject-access.pdf.accesses": {
    sq: "Kush ka pasur qasje në të dhënat dhe kur",
    "sr-Latn": "Ko je pristupao podacima i kada",
    en: "Who accessed the data and when",
  },
  "subject-access.pdf.none": { sq: "Asnjë", "sr-Latn": "Nema", en: "None" },
  "subject-access.pdf.access-line": {
    sq: "{at} · {who} · {action} · {purpose}",
    "sr-Latn": "{at} · {who} · {action} · {purpose}",
    en: "{at} · {who} · {action} · {purpose}",
  },
  "subject-access.pdf.field.given-name": { sq: "Emri", "sr-Latn": "Ime", en: "Given name" },
  "subject-access.pdf.field.family-name": { sq: "Mbiemri", "sr-Latn": "Prezime", en: "Family name" },
  "subject-access.pdf.field.personal-number": { sq: "Numri personal", "sr-Latn": "Lični broj", en: "Personal number" },
  "subject-access.pdf.field.birth-date": { sq: "Data e lindjes", "sr-Latn": "Datum rođenja", en: "Date of birth" },
  "subject-access.pdf.field.address": { sq: "Adresa", "sr-Latn": "Adresa", en: "Address" },
  "subject-access.pdf.field.phone": { sq: "Telefoni", "sr-Latn": "Telefon", en: "Phone" },
  "subject-access.pdf.field.safe-contact": {
    sq: "Udhëzime për kontakt",
    "sr-Latn": "Uputstva za kontakt",
    en: "Contact instructions",
  },
} as const

/**
 * The messages of case notes and corrections, and of the subject-access
 * export (its rules and its document's headings).
 */
export const caseworkMessages = Catalogue.make(messages)

/**
 * The keys of {@link caseworkMessages}.
 */
export type CaseworkMessageKey = Catalogue.Key<typeof caseworkMessages>
