/**
 * The web app's words for a case's records in words and files — its notes,
 * its documents, and the survivor's voice (her safe contact, what she was
 * told, her wishes at the case reviews) — in the four languages. A part of
 * the web's catalogue kept in its own module, so it loads with those screens
 * only (the first page's script stays within its budget); the screens add it
 * with `addMessages`, together with the case package's parts whose rules
 * they check before sending (`caseworkMessages`, `documentMessages`).
 * Serbian Cyrillic is derived from Serbian Latin.
 */
import { Catalogue } from "@bashke/kernel"

export const webCaseNotesMessages = Catalogue.make({
  "web.records.title": {
    sq: "Shënimet, dokumentet dhe zëri i të mbijetuarës",
    "sr-Latn": "Beleške, dokumenti i glas preživele",
    en: "Notes, documents and the survivor's voice",
  },
  "web.records.back": {
    sq: "Kthehu te rasti {reference}",
    "sr-Latn": "Nazad na slučaj {reference}",
    en: "Back to case {reference}",
  },
  "web.records.page": { sq: "{page} · {reference}", "sr-Latn": "{page} · {reference}", en: "{page} · {reference}" },
  "web.records.full-access-only": {
    sq: "Këtë e lexojnë vetëm anëtarët e ekipit me qasje të plotë.",
    "sr-Latn": "Ovo čitaju samo članovi tima sa punim pristupom.",
    en: "Only members of the case team with full access read this.",
  },
  "web.records.audited": {
    sq: "Çdo lexim regjistrohet në auditim.",
    "sr-Latn": "Svako čitanje se beleži u reviziji.",
    en: "Every reading is recorded in the audit log.",
  },
  "web.records.saved": { sq: "U ruajt.", "sr-Latn": "Sačuvano.", en: "Saved." },
  "web.records.when-empty-now": {
    sq: "Kur (bosh: tani)",
    "sr-Latn": "Kada (prazno: sada)",
    en: "When (empty: now)",
  },

  "web.notes.title": { sq: "Shënimet e rastit", "sr-Latn": "Beleške o slučaju", en: "Case notes" },
  "web.notes.none": {
    sq: "Ende asnjë shënim që mund ta lexoni.",
    "sr-Latn": "Još nema beleški koje možete da čitate.",
    en: "No notes you may read yet.",
  },
  "web.notes.write": { sq: "Shkruaj një shënim", "sr-Latn": "Napiši belešku", en: "Write a note" },
  "web.notes.text": { sq: "Shënimi", "sr-Latn": "Beleška", en: "Note" },
  "web.notes.visibility": { sq: "Kush mund ta lexojë", "sr-Latn": "Ko može da je čita", en: "Who may read it" },
  "web.notes.visibility.team": {
    sq: "I gjithë ekipi i rastit",
    "sr-Latn": "Ceo tim slučaja",
    en: "The whole case team",
  },
  "web.notes.visibility.full-access": {
    sq: "Vetëm anëtarët me qasje të plotë",
    "sr-Latn": "Samo članovi sa punim pristupom",
    en: "Full-access members only",
  },
  "web.notes.visibility.institution": {
    sq: "Vetëm institucioni i autorit",
    "sr-Latn": "Samo institucija autora",
    en: "The author's institution only",
  },
  "web.notes.save": { sq: "Ruaj shënimin", "sr-Latn": "Sačuvaj belešku", en: "Save the note" },
  "web.notes.written": {
    sq: "{institution} · {when}",
    "sr-Latn": "{institution} · {when}",
    en: "{institution} · {when}",
  },
  "web.notes.corrected": {
    sq: "Korrigjuar (versioni {version})",
    "sr-Latn": "Ispravljeno (verzija {version})",
    en: "Corrected (version {version})",
  },
  "web.notes.correct": { sq: "Korrigjo shënimin", "sr-Latn": "Ispravi belešku", en: "Correct the note" },
  "web.notes.reason": {
    sq: "Pse korrigjohet",
    "sr-Latn": "Zašto se ispravlja",
    en: "Why it is corrected",
  },
  "web.notes.save-correction": {
    sq: "Ruaj korrigjimin",
    "sr-Latn": "Sačuvaj ispravku",
    en: "Save the correction",
  },
  "web.notes.history": { sq: "Historiku", "sr-Latn": "Istorija", en: "History" },
  "web.notes.version": {
    sq: "Versioni {version} · {when}",
    "sr-Latn": "Verzija {version} · {when}",
    en: "Version {version} · {when}",
  },
  "web.notes.current": { sq: "Aktual", "sr-Latn": "Važeća", en: "Current" },
  "web.notes.superseded": { sq: "I zëvendësuar", "sr-Latn": "Zamenjena", en: "Superseded" },
  "web.notes.reason-given": { sq: "Arsyeja", "sr-Latn": "Razlog", en: "Reason" },

  "web.documents.title": { sq: "Dokumentet", "sr-Latn": "Dokumenti", en: "Documents" },
  "web.documents.hint": {
    sq: "Emrat e skedarëve mund të tregojnë se kush është ajo: thoni pse i hapni. Çdo listim dhe shkarkim regjistrohet.",
    "sr-Latn":
      "Imena datoteka mogu otkriti ko je ona: navedite zašto ih otvarate. Svaki pregled i preuzimanje se beleži.",
    en: "The files' names may tell who she is: say why you open them. Every listing and download is recorded.",
  },
  "web.documents.show": { sq: "Shfaq dokumentet", "sr-Latn": "Prikaži dokumente", en: "Show the documents" },
  "web.documents.none": { sq: "Asnjë dokument.", "sr-Latn": "Nema dokumenata.", en: "No documents." },
  "web.documents.upload": { sq: "Ngarko një dokument", "sr-Latn": "Otpremi dokument", en: "Upload a document" },
  "web.documents.kind": { sq: "Çfarë është", "sr-Latn": "Šta je to", en: "What it is" },
  "web.documents.attached-to": { sq: "Për kë ose për çfarë", "sr-Latn": "Na koga ili šta se odnosi", en: "About" },
  "web.documents.attached.case": {
    sq: "Rasti në tërësi",
    "sr-Latn": "Slučaj u celini",
    en: "The case as a whole",
  },
  "web.documents.attached.order": {
    sq: "Urdhri për mbrojtje ({status}), {date}",
    "sr-Latn": "Naredba za zaštitu ({status}), {date}",
    en: "Protection order ({status}), {date}",
  },
  "web.documents.attached.consent": {
    sq: "Pëlqimi i {date}",
    "sr-Latn": "Saglasnost od {date}",
    en: "Consent of {date}",
  },
  "web.documents.file": { sq: "Skedari", "sr-Latn": "Datoteka", en: "File" },
  "web.documents.file.hint": {
    sq: "PDF, JPEG, PNG ose tekst OpenDocument. Lloji kontrollohet nga përmbajtja e skedarit.",
    "sr-Latn": "PDF, JPEG, PNG ili OpenDocument tekst. Vrsta se proverava iz sadržaja datoteke.",
    en: "PDF, JPEG, PNG or OpenDocument text. The type is checked from the file's content.",
  },
  "web.documents.file.required": { sq: "Zgjidhni një skedar.", "sr-Latn": "Izaberite datoteku.", en: "Choose a file." },
  "web.documents.send": { sq: "Ngarko", "sr-Latn": "Otpremi", en: "Upload" },
  "web.documents.uploaded": {
    sq: "Dokumenti u ngarkua.",
    "sr-Latn": "Dokument je otpremljen.",
    en: "The document was uploaded.",
  },
  "web.documents.download": { sq: "Shkarko", "sr-Latn": "Preuzmi", en: "Download" },
  "web.documents.withdraw": { sq: "Tërhiqe", "sr-Latn": "Povuci", en: "Withdraw" },
  "web.documents.withdraw.confirm": {
    sq: "Të tërhiqet ky dokument? Përmbajtja e tij shkatërrohet; mbetet shënimi që ka ekzistuar.",
    "sr-Latn": "Povući ovaj dokument? Njegov sadržaj se uništava; ostaje zapis da je postojao.",
    en: "Withdraw this document? Its content is destroyed; the record that it existed stays.",
  },
  "web.documents.withdraw.yes": { sq: "Po, tërhiqe", "sr-Latn": "Da, povuci", en: "Yes, withdraw it" },
  "web.documents.withdraw.no": { sq: "Anulo", "sr-Latn": "Otkaži", en: "Cancel" },
  "web.documents.withdrawn-now": {
    sq: "Dokumenti u tërhoq; mbetet shënimi që ka ekzistuar.",
    "sr-Latn": "Dokument je povučen; ostaje zapis da je postojao.",
    en: "The document was withdrawn; the record that it existed stays.",
  },
  "web.documents.withdrawn": {
    sq: "Tërhequr më {date}",
    "sr-Latn": "Povučen {date}",
    en: "Withdrawn on {date}",
  },

  "web.survivor.title": { sq: "Zëri i të mbijetuarës", "sr-Latn": "Glas preživele", en: "The survivor's voice" },
  "web.survivor.person": { sq: "Personi", "sr-Latn": "Osoba", en: "Person" },
  "web.survivor.safe-contact": { sq: "Kontakti i sigurt", "sr-Latn": "Bezbedan kontakt", en: "Safe contact" },
  "web.survivor.safe-contact.hint": {
    sq: "Si mund të arrihet pa rrezik. Shfaqet vetëm për një qëllim të deklaruar; çdo lexim regjistrohet.",
    "sr-Latn": "Kako do nje doći bez opasnosti. Prikazuje se samo za navedenu svrhu; svako čitanje se beleži.",
    en: "How to reach her without danger. Shown only for a stated purpose; every reading is recorded.",
  },
  "web.survivor.safe-contact.show": {
    sq: "Shfaq kontaktin e sigurt",
    "sr-Latn": "Prikaži bezbedan kontakt",
    en: "Show the safe contact",
  },
  "web.survivor.safe-contact.hide": {
    sq: "Fshih kontaktin e sigurt",
    "sr-Latn": "Sakrij bezbedan kontakt",
    en: "Hide the safe contact",
  },
  "web.survivor.safe-contact.none": {
    sq: "Ende nuk është regjistruar kontakt i sigurt.",
    "sr-Latn": "Bezbedan kontakt još nije zabeležen.",
    en: "No safe contact recorded yet.",
  },
  "web.survivor.safe-contact.record": {
    sq: "Regjistro kontaktin e sigurt",
    "sr-Latn": "Zabeleži bezbedan kontakt",
    en: "Record the safe contact",
  },
  "web.survivor.safe-contact.version": {
    sq: "Versioni {version}, {when}, {institution}",
    "sr-Latn": "Verzija {version}, {when}, {institution}",
    en: "Version {version}, {when}, {institution}",
  },
  "web.survivor.safe-to-call": {
    sq: "Është e sigurt ta telefononi",
    "sr-Latn": "Bezbedno je pozvati je",
    en: "It is safe to call her",
  },
  "web.survivor.call.safe": { sq: "Thirrja është e sigurt", "sr-Latn": "Poziv je bezbedan", en: "Calling is safe" },
  "web.survivor.call.not-safe": {
    sq: "Mos e telefononi",
    "sr-Latn": "Ne zovite je",
    en: "Do not call her",
  },
  "web.survivor.safe-times": { sq: "Oraret e sigurta", "sr-Latn": "Bezbedna vremena", en: "Safe times" },
  "web.survivor.safe-times.any": { sq: "Në çdo kohë", "sr-Latn": "U bilo koje vreme", en: "Any time" },
  "web.survivor.safe-time": {
    sq: "Orari {number}",
    "sr-Latn": "Vreme {number}",
    en: "Time {number}",
  },
  "web.survivor.safe-time.from": { sq: "Nga", "sr-Latn": "Od", en: "From" },
  "web.survivor.safe-time.to": { sq: "Deri", "sr-Latn": "Do", en: "To" },
  "web.survivor.safe-time.add": { sq: "Shto një orar", "sr-Latn": "Dodaj vreme", en: "Add a time" },
  "web.survivor.safe-time.remove": { sq: "Hiqe këtë orar", "sr-Latn": "Ukloni ovo vreme", en: "Remove this time" },
  "web.survivor.through": { sq: "Përmes kujt", "sr-Latn": "Preko koga", en: "Through whom" },
  "web.survivor.code-word": { sq: "Fjala kod", "sr-Latn": "Šifra", en: "Code word" },
  "web.survivor.channels": {
    sq: "Mënyrat e sigurta për ta arritur",
    "sr-Latn": "Bezbedni načini da se do nje dođe",
    en: "Safe ways to reach her",
  },
  "web.survivor.channel.phone-call": { sq: "Thirrje telefonike", "sr-Latn": "Telefonski poziv", en: "Phone call" },
  "web.survivor.channel.text-message": { sq: "Mesazh", "sr-Latn": "Poruka", en: "Text message" },
  "web.survivor.channel.in-person": { sq: "Takim në person", "sr-Latn": "Lično", en: "In person" },
  "web.survivor.channel.through-contact": {
    sq: "Përmes personit të kontaktit",
    "sr-Latn": "Preko kontakt osobe",
    en: "Through the contact person",
  },
  "web.survivor.channel.email": { sq: "Email", "sr-Latn": "Imejl", en: "Email" },
  "web.survivor.note": { sq: "Shënim", "sr-Latn": "Napomena", en: "Note" },
  "web.survivor.save": { sq: "Ruaj", "sr-Latn": "Sačuvaj", en: "Save" },

  "web.survivor.told": {
    sq: "Çfarë iu tha",
    "sr-Latn": "Šta joj je rečeno",
    en: "What she was told",
  },
  "web.survivor.told.none": {
    sq: "Ende asgjë e regjistruar.",
    "sr-Latn": "Još ništa nije zabeleženo.",
    en: "Nothing recorded yet.",
  },
  "web.survivor.told.record": {
    sq: "Regjistro çfarë iu tha",
    "sr-Latn": "Zabeleži šta joj je rečeno",
    en: "Record what she was told",
  },
  "web.survivor.told.topics": { sq: "Temat", "sr-Latn": "Teme", en: "Topics" },
  "web.survivor.told.topic.rights": { sq: "Të drejtat e saj", "sr-Latn": "Njena prava", en: "Her rights" },
  "web.survivor.told.topic.protection-order": {
    sq: "Urdhri për mbrojtje",
    "sr-Latn": "Naredba za zaštitu",
    en: "The protection order",
  },
  "web.survivor.told.topic.safety-plan": {
    sq: "Plani i sigurisë",
    "sr-Latn": "Plan bezbednosti",
    en: "The safety plan",
  },
  "web.survivor.told.topic.referral": { sq: "Një referim", "sr-Latn": "Upućivanje", en: "A referral" },
  "web.survivor.told.topic.case-conference": {
    sq: "Konferenca e rastit",
    "sr-Latn": "Konferencija o slučaju",
    en: "The case conference",
  },
  "web.survivor.told.topic.case-closure": {
    sq: "Mbyllja e rastit",
    "sr-Latn": "Zatvaranje slučaja",
    en: "Closing the case",
  },
  "web.survivor.told.topic.data-protection": {
    sq: "Si përdoren të dhënat e saj",
    "sr-Latn": "Kako se koriste njeni podaci",
    en: "How her data is used",
  },
  "web.survivor.told.topic.other": { sq: "Tjetër", "sr-Latn": "Drugo", en: "Other" },
  "web.survivor.told.said": { sq: "Çfarë u tha", "sr-Latn": "Šta je rečeno", en: "What was said" },
  "web.survivor.told.language": { sq: "Gjuha", "sr-Latn": "Jezik", en: "Language" },
  "web.survivor.told.entry": {
    sq: "{when} · {person} · {language}",
    "sr-Latn": "{when} · {person} · {language}",
    en: "{when} · {person} · {language}",
  },

  "web.survivor.reviews": {
    sq: "Dëshirat e saj dhe përfundimi në rishikimet e rastit",
    "sr-Latn": "Njene želje i ishod na razmatranjima slučaja",
    en: "Her wishes and the outcome at the case reviews",
  },
  "web.survivor.reviews.none": {
    sq: "Ende asnjë rishikim i regjistruar.",
    "sr-Latn": "Još nijedno razmatranje nije zabeleženo.",
    en: "No review recorded yet.",
  },
  "web.survivor.review.record": {
    sq: "Regjistro një rishikim",
    "sr-Latn": "Zabeleži razmatranje",
    en: "Record a review",
  },
  "web.survivor.review.heard": {
    sq: "Si u dëgjuan dëshirat e saj",
    "sr-Latn": "Kako su saslušane njene želje",
    en: "How her wishes were heard",
  },
  "web.survivor.review.wishes": { sq: "Dëshirat e saj", "sr-Latn": "Njene želje", en: "Her wishes" },
  "web.survivor.review.outcomes": { sq: "Përfundimi", "sr-Latn": "Ishod", en: "Outcome" },
  "web.survivor.review.note": {
    sq: "Shënim për përfundimin",
    "sr-Latn": "Napomena o ishodu",
    en: "Note on the outcome",
  },
})

export type WebCaseNotesMessageKey = Catalogue.Key<typeof webCaseNotesMessages>
