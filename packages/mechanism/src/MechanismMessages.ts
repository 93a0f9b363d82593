/**
 * The mechanism package's part of the message catalogue: the rules its errors
 * name, and the labels of statuses, commands, contacts and the composition
 * check. Serbian Cyrillic is derived from Serbian Latin, except where an
 * acronym would be transliterated.
 */
import { Catalogue } from "@bashke/kernel"

const messages = {
  "gateway.mechanism.not-member": {
    sq: "Nuk bëni pjesë në këtë mekanizëm koordinues.",
    "sr-Latn": "Ne pripadate ovom koordinacionom mehanizmu.",
    en: "You do not belong to this coordination mechanism.",
  },
  "gateway.mechanism.steward-required": {
    sq: "Vetëm administratori ose koordinatori i mekanizmit mund ta ndryshojë përbërjen dhe statusin e tij.",
    "sr-Latn": "Samo administrator ili koordinator mehanizma može da menja njegov sastav i status.",
    en: "Only an administrator or the mechanism's coordinator may change how it is set up.",
  },
  "mechanism.status.forming": { sq: "Në themelim", "sr-Latn": "U osnivanju", en: "Forming" },
  "mechanism.status.active": { sq: "Aktiv", "sr-Latn": "Aktivan", en: "Active" },
  "mechanism.status.suspended": { sq: "I pezulluar", "sr-Latn": "Suspendovan", en: "Suspended" },
  "mechanism.command.activate": { sq: "Aktivizo", "sr-Latn": "Aktiviraj", en: "Activate" },
  "mechanism.command.suspend": { sq: "Pezullo", "sr-Latn": "Suspenduj", en: "Suspend" },
  "mechanism.command.resume": { sq: "Rifillo", "sr-Latn": "Nastavi rad", en: "Resume" },
  "mechanism.contact.representative": { sq: "Përfaqësuesi", "sr-Latn": "Predstavnik", en: "Representative" },
  "mechanism.contact.deputy": { sq: "Zëvendësi", "sr-Latn": "Zamenik", en: "Deputy" },
  "mechanism.cadence.label": {
    sq: "{count, plural, one {të paktën # takim në vit} other {të paktën # takime në vit}}",
    "sr-Latn":
      "{count, plural, one {najmanje # sastanak godišnje} few {najmanje # sastanka godišnje} other {najmanje # sastanaka godišnje}}",
    en: "{count, plural, one {at least # meeting a year} other {at least # meetings a year}}",
  },
  "mechanism.composition.gaps": {
    sq: "{count, plural, one {# sektor i pambuluar} other {# sektorë të pambuluar}}",
    "sr-Latn": "{count, plural, one {# nepokriven sektor} few {# nepokrivena sektora} other {# nepokrivenih sektora}}",
    en: "{count, plural, one {# sector not covered} other {# sectors not covered}}",
  },
  "mechanism.memorandum.version": {
    sq: "Versioni {version}, në fuqi nga {effectiveFrom}",
    "sr-Latn": "Verzija {version}, na snazi od {effectiveFrom}",
    en: "Version {version}, in force from {effectiveFrom}",
  },
  "mechanism.input.invalid": {
    sq: "Kjo fushë mungon ose ka formë të gabuar.",
    "sr-Latn": "Ovo polje nedostaje ili ima pogrešan oblik.",
    en: "This field is missing or has the wrong form.",
  },
  "mechanism.name.invalid": {
    sq: "Secili emër duhet të jepet dhe të ketë më së shumti 300 karaktere.",
    "sr-Latn": "Svaki naziv mora biti naveden i imati najviše 300 znakova.",
    en: "Each name must be given and be at most 300 characters.",
  },
  "mechanism.municipality.taken": {
    sq: "Kjo komunë ka tashmë një mekanizëm.",
    "sr-Latn": "Ova opština već ima mehanizam.",
    en: "This municipality already has a mechanism.",
  },
  "mechanism.cadence.out-of-range": {
    sq: "Numri i takimeve në vit duhet të jetë numër i plotë nga 1 deri në 52.",
    "sr-Latn": "Broj sastanaka godišnje mora biti ceo broj od 1 do 52.",
    en: "The number of meetings a year must be a whole number from 1 to 52.",
  },
  "mechanism.cadence.below-minimum": {
    sq: "Mekanizmi nuk mund të takohet më rrallë se minimumi i përcaktuar për juridiksionin.",
    "sr-Latn": "Mehanizam se ne može sastajati ređe od minimuma propisanog za jurisdikciju.",
    en: "A mechanism may not meet less often than the jurisdiction's minimum.",
  },
  "mechanism.activation.coordinator-required": {
    sq: "Mekanizmi ka nevojë për një koordinator që është anëtar aktual.",
    "sr-Latn": "Mehanizmu je potreban koordinator koji je trenutni član.",
    en: "The mechanism needs a coordinator who is a current member.",
  },
  "mechanism.activation.memorandum-unsigned": {
    sq: "Memorandumi në fuqi duhet të nënshkruhet nga të paktën një anëtar.",
    "sr-Latn": "Memorandum na snazi mora potpisati bar jedan član.",
    en: "The memorandum in force must be signed by at least one member.",
  },
  "mechanism.coordinator.not-member": {
    sq: "Koordinatori duhet të jetë anëtar aktual i mekanizmit.",
    "sr-Latn": "Koordinator mora biti trenutni član mehanizma.",
    en: "The coordinator must be a current member of the mechanism.",
  },
  "mechanism.coordinator.cannot-leave": {
    sq: "Caktoni një koordinator tjetër para se ta largoni këtë anëtar.",
    "sr-Latn": "Imenujte drugog koordinatora pre uklanjanja ovog člana.",
    en: "Appoint another coordinator before removing this member.",
  },
  "mechanism.membership.duplicate": {
    sq: "Ky institucion është tashmë anëtar për këto data.",
    "sr-Latn": "Ova institucija je već član za ove datume.",
    en: "This institution is already a member for these dates.",
  },
  "mechanism.membership.already-left": {
    sq: "Ky anëtarësim ka përfunduar tashmë.",
    "sr-Latn": "Ovo članstvo je već okončano.",
    en: "This membership has already ended.",
  },
  "mechanism.membership.left-before-joined": {
    sq: "Një anëtar nuk mund të largohet para se të anëtarësohet.",
    "sr-Latn": "Član ne može da istupi pre nego što je pristupio.",
    en: "A member cannot leave before it joined.",
  },
  "mechanism.contacts.forbidden": {
    sq: "Vetëm koordinatori ose përfaqësuesit e anëtarëve të mekanizmit mund t'i shohin ose t'i ndryshojnë kontaktet e përfaqësuesve.",
    "sr-Latn": "Samo koordinator ili predstavnici članova mehanizma mogu da vide ili menjaju kontakte predstavnika.",
    en: "Only the mechanism's coordinator or member representatives may see or change representatives' contacts.",
  },
  "mechanism.contact.name.invalid": {
    sq: "Emri duhet të jepet dhe të ketë më së shumti 200 karaktere.",
    "sr-Latn": "Ime mora biti navedeno i imati najviše 200 znakova.",
    en: "A name must be given and be at most 200 characters.",
  },
  "mechanism.contact.phone.invalid": {
    sq: "Numri i telefonit nuk është i vlefshëm.",
    "sr-Latn": "Broj telefona nije ispravan.",
    en: "The phone number is not valid.",
  },
  "mechanism.contact.email.invalid": {
    sq: "Adresa e postës elektronike nuk është e vlefshme.",
    "sr-Latn": "Adresa elektronske pošte nije ispravna.",
    en: "The e-mail address is not valid.",
  },
  "mechanism.memorandum.hash.malformed": {
    sq: "Gjurma e dokumentit duhet të jetë një përmbledhje SHA-256: 64 karaktere heksadecimale me shkronja të vogla.",
    "sr-Latn": "Heš dokumenta mora biti SHA-256 sažetak: 64 heksadecimalna znaka malim slovima.",
    // "SHA-256" is an algorithm's name, kept in Latin letters.
    "sr-Cyrl": "Хеш документа мора бити SHA-256 сажетак: 64 хексадецимална знака малим словима.",
    en: "The document hash must be a SHA-256 digest: 64 lowercase hexadecimal characters.",
  },
  "mechanism.memorandum.sectors.empty": {
    sq: "Memorandumi duhet të parashikojë të paktën një sektor.",
    "sr-Latn": "Memorandum mora predvideti bar jedan sektor.",
    en: "The memorandum must expect at least one sector.",
  },
  "mechanism.memorandum.sectors.duplicate": {
    sq: "Secili sektor i pritur mund të renditet vetëm një herë.",
    "sr-Latn": "Svaki očekivani sektor može biti naveden samo jednom.",
    en: "Each expected sector may be listed only once.",
  },
  "mechanism.memorandum.effective-not-after-previous": {
    sq: "Versioni i ri duhet të hyjë në fuqi pas versionit të fundit të publikuar.",
    "sr-Latn": "Nova verzija mora stupiti na snagu posle poslednje objavljene verzije.",
    en: "A new version must take effect after the latest published version.",
  },
  "mechanism.memorandum.signed-in-future": {
    sq: "Nënshkrimi nuk mund të ketë datë në të ardhmen.",
    "sr-Latn": "Potpis ne može imati datum u budućnosti.",
    en: "A signature cannot be dated in the future.",
  },
  "mechanism.memorandum.version-superseded": {
    sq: "Ky version ishte zëvendësuar tashmë në datën e nënshkrimit.",
    "sr-Latn": "Ova verzija je na dan potpisivanja već bila zamenjena.",
    en: "This version had already been superseded on the signing date.",
  },
  "mechanism.memorandum.signer-not-member": {
    sq: "Vetëm një institucion që është anëtar në datën e nënshkrimit mund të nënshkruajë.",
    "sr-Latn": "Samo institucija koja je član na dan potpisivanja može da potpiše.",
    en: "Only an institution that is a member on the signing date may sign.",
  },
  "mechanism.memorandum.already-signed": {
    sq: "Ky institucion e ka nënshkruar tashmë këtë version.",
    "sr-Latn": "Ova institucija je već potpisala ovu verziju.",
    en: "This institution has already signed this version.",
  },
  "mechanism.institution.name-invalid": {
    sq: "Emri i institucionit duhet të jepet në shqip, serbisht dhe anglisht, secili me më së shumti 300 karaktere.",
    "sr-Latn": "Naziv institucije mora biti naveden na albanskom, srpskom i engleskom, svaki sa najviše 300 znakova.",
    en: "The institution's name must be given in Albanian, Serbian and English, each at most 300 characters.",
  },
  "mechanism.institution.administrator-required": {
    sq: "Vetëm një administrator mund të regjistrojë ose të ndryshojë institucionet.",
    "sr-Latn": "Samo administrator može da registruje ili menja institucije.",
    en: "Only an administrator may register or change institutions.",
  },
  "mechanism.institution.already-registered": {
    sq: "Një institucion me këtë identifikues është regjistruar tashmë.",
    "sr-Latn": "Institucija sa ovim identifikatorom je već registrovana.",
    en: "An institution with this identifier is already registered.",
  },
  "mechanism.memorandum.signature-recorder-required": {
    sq: "Një nënshkrim e regjistron administratori, koordinatori i mekanizmit ose përfaqësuesi i vetë institucionit nënshkrues.",
    "sr-Latn": "Potpis upisuje administrator, koordinator mehanizma ili predstavnik same institucije potpisnice.",
    en: "A signature is recorded by an administrator, the mechanism's coordinator or the signing institution's own representative.",
  },
  "mechanism.memorandum.countersigner-required": {
    sq: "Vetëm koordinatori i mekanizmit ose një administrator mund ta kundërnënshkruajë një nënshkrim.",
    "sr-Latn": "Samo koordinator mehanizma ili administrator može da supotpiše potpis.",
    en: "Only the mechanism's coordinator or an administrator may countersign a signature.",
  },
  "mechanism.memorandum.already-countersigned": {
    sq: "Ky nënshkrim është kundërnënshkruar tashmë.",
    "sr-Latn": "Ovaj potpis je već supotpisan.",
    en: "This signature has already been countersigned.",
  },
  "mechanism.memorandum.countersigned-in-future": {
    sq: "Kundërnënshkrimi nuk mund të ketë datë në të ardhmen.",
    "sr-Latn": "Supotpis ne može imati datum u budućnosti.",
    en: "A countersignature cannot be dated in the future.",
  },
  "mechanism.memorandum.countersigned-before-signed": {
    sq: "Kundërnënshkrimi nuk mund të jetë para nënshkrimit.",
    "sr-Latn": "Supotpis ne može biti pre potpisa.",
    en: "A countersignature cannot be dated before the signature.",
  },
} as const

/**
 * The keys of {@link mechanismMessages}.
 */
export type Key = Extract<keyof typeof messages, string>

export const mechanismMessages: Catalogue.Catalogue<Key> = Catalogue.make(messages)
