/**
 * This package's part of the message catalogue: why the policy denied or allowed
 * a request, what the audit log refuses, and the labels of purposes and audit
 * actions. Every `rule` this package puts in an error, and every policy rule
 * and reason, is a key here. Serbian Cyrillic is derived from Serbian Latin
 * (ekavian, as the kernel's messages).
 *
 * Configuration errors at start-up (a missing key) are for the operator and
 * stay in English, like the rest of the server's log.
 */
import { Catalogue } from "@bashke/kernel"

const messages = {
  "policy.default-deny": {
    sq: "Ky veprim nuk lejohet.",
    "sr-Latn": "Ova radnja nije dozvoljena.",
    en: "This action is not allowed.",
  },
  "policy.resource.mismatch": {
    sq: "Ky veprim nuk mund të kryhet mbi këtë objekt.",
    "sr-Latn": "Ova radnja se ne odnosi na ovaj objekat.",
    en: "This action does not apply to this object.",
  },
  "policy.national.aggregates-only": {
    sq: "Niveli kombëtar sheh vetëm statistika të përmbledhura, asnjëherë të dhëna të rasteve.",
    "sr-Latn": "Nacionalni nivo vidi samo zbirnu statistiku, nikada podatke o slučajevima.",
    en: "The national level sees aggregate statistics only, never case data.",
  },
  "policy.auditor.audit-only": {
    sq: "Auditori mund të lexojë vetëm regjistrin e auditimit.",
    "sr-Latn": "Revizor može da čita samo revizorski dnevnik.",
    en: "An auditor may read the audit log only.",
  },
  "policy.audit.auditor-only": {
    sq: "Vetëm auditori mund të lexojë regjistrin e auditimit.",
    "sr-Latn": "Samo revizor može da čita revizorski dnevnik.",
    en: "Only an auditor may read the audit log.",
  },
  "policy.statistics.scope": {
    sq: "Mund të shihni vetëm statistikat e mekanizmit tuaj.",
    "sr-Latn": "Možete da vidite samo statistiku svog mehanizma.",
    en: "You may see the statistics of your own mechanism only.",
  },
  "policy.role.not-permitted": {
    sq: "Roli juaj nuk e lejon këtë veprim.",
    "sr-Latn": "Vaša uloga ne dozvoljava ovu radnju.",
    en: "Your role does not allow this action.",
  },
  "policy.mechanism.not-member": {
    sq: "Nuk bëni pjesë në mekanizmin koordinues të këtij rasti.",
    "sr-Latn": "Ne pripadate koordinacionom mehanizmu ovog slučaja.",
    en: "You do not belong to this case's coordination mechanism.",
  },
  "policy.memorandum.not-signatory": {
    sq: "Institucioni juaj nuk e ka nënshkruar memorandumin e marrëveshjes në fuqi.",
    "sr-Latn": "Vaša institucija nije potpisala važeći memorandum o sporazumu.",
    en: "Your institution has not signed the memorandum of agreement in force.",
  },
  "policy.case-team.not-member": {
    sq: "Institucioni juaj nuk është në ekipin e këtij rasti.",
    "sr-Latn": "Vaša institucija nije u timu ovog slučaja.",
    en: "Your institution is not on this case's team.",
  },
  "policy.purpose.required": {
    sq: "Tregoni pse ju duhen këto të dhëna personale: qëllimi është i detyrueshëm.",
    "sr-Latn": "Navedite zašto su vam potrebni ovi lični podaci: svrha je obavezna.",
    en: "Say why you need this personal data: a purpose is required.",
  },
  "policy.access.summary-only": {
    sq: "Institucioni juaj sheh vetëm përmbledhjen e këtij rasti.",
    "sr-Latn": "Vaša institucija vidi samo sažetak ovog slučaja.",
    en: "Your institution sees the summary of this case only.",
  },
  "policy.consent.withdrawn": {
    sq: "Personi e ka tërhequr pëlqimin për këtë.",
    "sr-Latn": "Osoba je povukla saglasnost za ovo.",
    en: "The person has withdrawn their consent for this.",
  },
  "policy.consent.not-in-force": {
    sq: "Pëlqimi për këtë nuk është në fuqi tani.",
    "sr-Latn": "Saglasnost za ovo trenutno nije na snazi.",
    en: "The consent for this is not in force now.",
  },
  "policy.consent.not-covered": {
    sq: "Asnjë pëlqim nuk e mbulon institucionin tuaj për këtë qëllim.",
    "sr-Latn": "Nijedna saglasnost ne obuhvata vašu instituciju za ovu svrhu.",
    en: "No consent covers your institution for this purpose.",
  },
  "policy.break-glass.not-permitted": {
    sq: "Vetëm ekipi i rastit mund ta hapë rastin në emergjencë.",
    "sr-Latn": "Samo tim slučaja može hitno da otvori slučaj.",
    en: "Only the case team may open the case in an emergency.",
  },
  "policy.break-glass.reason-required": {
    sq: "Leximi në emergjencë kërkon një arsye të shkruar.",
    "sr-Latn": "Hitan uvid zahteva pisano obrazloženje.",
    en: "An emergency read needs a written reason.",
  },

  "policy.allow.auditor": {
    sq: "Auditori lexon regjistrin e auditimit.",
    "sr-Latn": "Revizor čita revizorski dnevnik.",
    en: "An auditor reads the audit log.",
  },
  "policy.allow.statistics": {
    sq: "Statistika të përmbledhura.",
    "sr-Latn": "Zbirna statistika.",
    en: "Aggregate statistics.",
  },
  "policy.allow.case-create": {
    sq: "Institucion anëtar që ka nënshkruar memorandumin.",
    "sr-Latn": "Institucija članica koja je potpisala memorandum.",
    en: "A member institution that signed the memorandum.",
  },
  "policy.allow.case-team": {
    sq: "Në ekipin e rastit.",
    "sr-Latn": "U timu slučaja.",
    en: "On the case team.",
  },
  "policy.allow.consent": {
    sq: "Qasje e plotë në ekipin e rastit, me pëlqimin e personit në fuqi.",
    "sr-Latn": "Pun pristup u timu slučaja, uz važeću saglasnost osobe.",
    en: "Full access on the case team, with the person's consent in force.",
  },
  "policy.break-glass.role-not-permitted": {
    sq: "Vetëm një punonjës i rastit mund të kërkojë qasje në emergjencë.",
    "sr-Latn": "Samo službenik na slučaju može da zatraži hitan pristup.",
    en: "Only a case worker may ask for emergency access.",
  },
  "policy.break-glass.full-access-required": {
    sq: "Qasja në emergjencë është vetëm për institucionet e ekipit të rastit me qasje të plotë.",
    "sr-Latn": "Hitan pristup je samo za institucije tima sa punim pristupom.",
    en: "Emergency access is only for case team institutions with full access.",
  },
  "policy.break-glass.code-required": {
    sq: "Zgjidhni arsyen e emergjencës nga lista.",
    "sr-Latn": "Izaberite razlog hitnosti sa liste.",
    en: "Choose the reason for the emergency from the list.",
  },
  "policy.break-glass.code-unknown": {
    sq: "Kjo arsye emergjence nuk është në listë.",
    "sr-Latn": "Ovaj razlog hitnosti nije na listi.",
    en: "This emergency reason is not on the list.",
  },
  "policy.break-glass.reason-too-short": {
    sq: "Shkruani me një fjali çfarë e bëri të nevojshme qasjen në emergjencë.",
    "sr-Latn": "Napišite jednom rečenicom šta je učinilo hitan pristup neophodnim.",
    en: "Write in a sentence what made the emergency access necessary.",
  },
  "policy.break-glass.review-coordinator-only": {
    sq: "Vetëm koordinatori i mekanizmit i shqyrton qasjet në emergjencë.",
    "sr-Latn": "Samo koordinator mehanizma pregleda hitne pristupe.",
    en: "Only the mechanism's coordinator reviews emergency accesses.",
  },
  "policy.consent.recorder-not-permitted": {
    sq: "Një pëlqim e regjistron institucioni udhëheqës i rastit ose institucioni që e mori nga i mbijetuari.",
    "sr-Latn": "Saglasnost upisuje vodeća institucija slučaja ili institucija koja ju je uzela od preživele osobe.",
    en: "A consent is recorded by the case's lead institution or the institution that took it from the survivor.",
  },
  "policy.consent.confirmer-not-permitted": {
    sq: "Një pëlqim e konfirmon koordinatori ose institucioni udhëheqës i rastit kur e ka regjistruar një institucion tjetër.",
    "sr-Latn": "Saglasnost potvrđuje koordinator, ili vodeća institucija slučaja kada ju je upisala druga institucija.",
    en: "A consent is confirmed by the coordinator, or by the case's lead institution when another institution recorded it.",
  },
  "policy.consent.confirmer-is-recorder": {
    sq: "Një pëlqim duhet ta konfirmojë një person tjetër nga ai që e regjistroi.",
    "sr-Latn": "Saglasnost mora da potvrdi druga osoba, a ne ona koja ju je upisala.",
    en: "A consent must be confirmed by someone other than the person who recorded it.",
  },
  "policy.perpetrator.protection-purpose-only": {
    sq: "Të dhënat e autorit të dyshuar lexohen vetëm për mbrojtjen e viktimës dhe procedurën ligjore.",
    "sr-Latn": "Podaci navodnog učinioca čitaju se samo radi zaštite žrtve i pravnog postupka.",
    en: "The alleged perpetrator's details are read only for the victim's protection and the legal process.",
  },
  "policy.perpetrator.no-legal-basis": {
    sq: "Sektori juaj nuk ka bazë ligjore për të dhënat e autorit të dyshuar.",
    "sr-Latn": "Vaš sektor nema pravni osnov za podatke navodnog učinioca.",
    en: "Your sector has no legal basis for the alleged perpetrator's details.",
  },
  "policy.purpose.protection-perpetrator-only": {
    sq: "Qëllimi i mbrojtjes vlen vetëm për të dhënat e autorit të dyshuar.",
    "sr-Latn": "Svrha zaštite važi samo za podatke navodnog učinioca.",
    en: "The protection purpose applies to the alleged perpetrator's details only.",
  },
  "policy.allow.protection": {
    sq: "Lejohet: mbrojtja e viktimës, me bazën ligjore të sektorit tuaj.",
    "sr-Latn": "Dozvoljeno: zaštita žrtve, na pravnom osnovu vašeg sektora.",
    en: "Allowed: the victim's protection, on your sector's legal basis.",
  },
  "policy.allow.break-glass-review": {
    sq: "Lejohet: koordinatori shqyrton qasjet në emergjencë.",
    "sr-Latn": "Dozvoljeno: koordinator pregleda hitne pristupe.",
    en: "Allowed: the coordinator reviews emergency accesses.",
  },
  "policy.allow.consent-recording": {
    sq: "Lejohet: institucioni udhëheqës ose ai që e mori pëlqimin.",
    "sr-Latn": "Dozvoljeno: vodeća institucija ili ona koja je uzela saglasnost.",
    en: "Allowed: the lead institution or the one that took the consent.",
  },
  "policy.notice.purpose-unknown": {
    sq: "Qëllimi i njoftimit nuk njihet.",
    "sr-Latn": "Svrha obaveštenja nije poznata.",
    en: "The notice's purpose is not known.",
  },
  "policy.erasure.administrator-only": {
    sq: "Vetëm administratori mund t'i fshijë të dhënat personale të një rasti, me arsye ligjore.",
    "sr-Latn": "Samo administrator može da izbriše lične podatke slučaja, uz pravni osnov.",
    en: "Only an administrator can erase a case's personal data, with a legal reason.",
  },
  "policy.allow.erasure": {
    sq: "Administratori fshin të dhënat personale të rastit me arsye ligjore.",
    "sr-Latn": "Administrator briše lične podatke slučaja uz pravni osnov.",
    en: "An administrator erases the case's personal data with a legal reason.",
  },
  "policy.allow.referral-receiver": {
    sq: "Marrësi i një referimi të hapur, me pëlqimin e personit në fuqi.",
    "sr-Latn": "Primalac otvorenog upućivanja, uz važeću saglasnost osobe.",
    en: "The receiver of an open referral, with the person's consent in force.",
  },
  "policy.allow.consent-confirmation": {
    sq: "Lejohet: një person i dytë e konfirmon pëlqimin.",
    "sr-Latn": "Dozvoljeno: druga osoba potvrđuje saglasnost.",
    en: "Allowed: a second person confirms the consent.",
  },
  "policy.allow.break-glass": {
    sq: "Qasje në emergjencë me arsye të shkruar, e shënuar në regjistrin e auditimit.",
    "sr-Latn": "Hitan pristup uz pisano obrazloženje, zabeležen u revizorskom dnevniku.",
    en: "Emergency access with a written reason, flagged in the audit log.",
  },

  "audit.purpose.required": {
    sq: "Për të lexuar ose shkruar të dhëna personale duhet të jepet qëllimi.",
    "sr-Latn": "Za čitanje ili upis ličnih podataka mora se navesti svrha.",
    en: "A purpose is required to read or write personal data.",
  },
  "audit.reason.required": {
    sq: "Për leximin në emergjencë duhet një arsye e shkruar.",
    "sr-Latn": "Za hitan uvid potrebno je pisano obrazloženje.",
    en: "A written reason is required for an emergency read.",
  },
  "audit.reason.too-long": {
    sq: "Arsyeja është shumë e gjatë: jo më shumë se {max} shenja.",
    "sr-Latn": "Obrazloženje je predugo: najviše {max} znakova.",
    en: "The reason is too long: at most {max} characters.",
  },
  "audit.chain.intact": {
    sq: "{entries, plural, one {U verifikua # hyrje} other {U verifikuan # hyrje}}: zinxhiri është i paprekur.",
    "sr-Latn":
      "{entries, plural, one {Proverena je # stavka} few {Proverene su # stavke} other {Provereno je # stavki}}: lanac je netaknut.",
    en: "{entries, plural, one {# entry verified} other {# entries verified}}: the chain is intact.",
  },
  "audit.chain.broken": {
    sq: "Regjistri i auditimit është ndryshuar: zinxhiri këputet te hyrja {seq}.",
    "sr-Latn": "Revizorski dnevnik je izmenjen: lanac je prekinut kod stavke {seq}.",
    en: "The audit log was altered: the chain breaks at entry {seq}.",
  },
  "audit.action.read": { sq: "Lexim", "sr-Latn": "Čitanje", en: "Read" },
  "audit.action.write": { sq: "Shkrim", "sr-Latn": "Upis", en: "Write" },
  "audit.action.export": { sq: "Eksportim", "sr-Latn": "Izvoz", en: "Export" },
  "audit.action.break-glass-read": { sq: "Lexim në emergjencë", "sr-Latn": "Hitan uvid", en: "Emergency read" },
  "audit.action.erase": { sq: "Fshirje", "sr-Latn": "Brisanje", en: "Erasure" },

  "purpose.case-management": { sq: "Menaxhimi i rastit", "sr-Latn": "Vođenje slučaja", en: "Case management" },
  "purpose.protection": {
    sq: "Mbrojtja e viktimës dhe procedura ligjore",
    "sr-Latn": "Zaštita žrtve i pravni postupak",
    en: "The victim's protection and the legal process",
  },
  "purpose.referral": { sq: "Referimi", "sr-Latn": "Upućivanje", en: "Referral" },
  "purpose.case-conference": { sq: "Konferenca e rastit", "sr-Latn": "Konferencija o slučaju", en: "Case conference" },
  "purpose.mechanism-administration": {
    sq: "Administrimi i mekanizmit",
    "sr-Latn": "Administracija mehanizma",
    en: "Mechanism administration",
  },
  "purpose.statistics": { sq: "Statistikat", "sr-Latn": "Statistika", en: "Statistics" },
  "purpose.audit": { sq: "Auditimi", "sr-Latn": "Revizija", en: "Audit" },
  "purpose.break-glass": { sq: "Qasje në emergjencë", "sr-Latn": "Hitan pristup", en: "Emergency access" },

  "break-glass.code.imminent-danger": {
    sq: "Rrezik i menjëhershëm për jetën ose sigurinë",
    "sr-Latn": "Neposredna opasnost po život ili bezbednost",
    en: "Imminent danger to life or safety",
  },
  "break-glass.code.child-at-risk": {
    sq: "Një fëmijë në rrezik",
    "sr-Latn": "Dete u opasnosti",
    en: "A child at risk",
  },
  "break-glass.code.medical-emergency": {
    sq: "Emergjencë mjekësore",
    "sr-Latn": "Hitan medicinski slučaj",
    en: "Medical emergency",
  },
  "break-glass.code.person-missing": {
    sq: "Viktima ose një fëmijë nuk gjendet",
    "sr-Latn": "Žrtva ili dete se ne mogu pronaći",
    en: "The victim or a child cannot be found",
  },

  "blind-index.empty": {
    sq: "Kjo vlerë mbetet bosh pasi hiqen hapësirat dhe ndarësit.",
    "sr-Latn": "Ova vrednost ostaje prazna kada se uklone razmaci i separatori.",
    en: "This value is empty once spaces and separators are removed.",
  },
  "vault.unreadable": {
    sq: "Të dhënat e mbrojtura nuk mund të hapen. Kontaktoni administratorin.",
    "sr-Latn": "Zaštićeni podaci ne mogu da se otvore. Obratite se administratoru.",
    en: "Protected data could not be opened. Contact the administrator.",
  },
} satisfies Record<string, Catalogue.Translations>

/**
 * The keys of `securityMessages`.
 */
export type SecurityMessageKey = Extract<keyof typeof messages, string>

/**
 * The security messages; merge them into the application's catalogue.
 */
export const securityMessages: Catalogue.Catalogue<SecurityMessageKey> = Catalogue.make(messages)
