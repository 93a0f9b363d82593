/**
 * The case package's part of the message catalogue for documents: the rules
 * an upload, a download or a withdrawal may break, and the names of the kinds
 * of document. Merge it with the others:
 * `Catalogue.merge(kernelMessages, securityMessages, caseMessages, caseStoreMessages, caseworkMessages, documentMessages)`.
 */
import { Catalogue } from "@bashke/kernel"

const messages = {
  "case.document.kind.unknown": {
    sq: "Zgjidhni llojin e dokumentit.",
    "sr-Latn": "Izaberite vrstu dokumenta.",
    en: "Choose what kind of document this is.",
  },
  "case.document.type.not-allowed": {
    sq: "Ky lloj skedari nuk pranohet. Ngarkoni PDF, JPEG, PNG ose ODT.",
    "sr-Latn": "Ova vrsta datoteke nije dozvoljena. Otpremite PDF, JPEG, PNG ili ODT.",
    en: "This type of file is not accepted. Upload a PDF, JPEG, PNG or ODT file.",
  },
  "case.document.type.mismatch": {
    sq: "Përmbajtja e skedarit nuk është e llojit të deklaruar ose të lejuar.",
    "sr-Latn": "Sadržaj datoteke nije navedene ili dozvoljene vrste.",
    en: "The file's content is not of the declared or an accepted type.",
  },
  "case.document.too-large": {
    sq: "Skedari është shumë i madh.",
    "sr-Latn": "Datoteka je prevelika.",
    en: "The file is too large.",
  },
  "case.document.empty": {
    sq: "Skedari është bosh.",
    "sr-Latn": "Datoteka je prazna.",
    en: "The file is empty.",
  },
  "case.document.incomplete": {
    sq: "Skedari nuk u pranua i plotë. Provoni përsëri.",
    "sr-Latn": "Datoteka nije primljena cela. Pokušajte ponovo.",
    en: "The file did not arrive whole. Try again.",
  },
  "case.document.name.required": {
    sq: "Jepni emrin e skedarit.",
    "sr-Latn": "Navedite ime datoteke.",
    en: "Give the file's name.",
  },
  "case.document.name.too-long": {
    sq: "Emri i skedarit është shumë i gjatë.",
    "sr-Latn": "Ime datoteke je predugačko.",
    en: "The file's name is too long.",
  },
  "case.document.name.invalid": {
    sq: "Emri i skedarit përmban shenja që nuk lejohen.",
    "sr-Latn": "Ime datoteke sadrži nedozvoljene znakove.",
    en: "The file's name contains characters that are not allowed.",
  },
  "case.document.attachment.unknown": {
    sq: "Personi, urdhri ose pëlqimi nuk është në këtë rast.",
    "sr-Latn": "Osoba, nalog ili saglasnost nisu u ovom slučaju.",
    en: "The person, order or consent is not in this case.",
  },
  "case.document.attachment.ambiguous": {
    sq: "Bashkëngjiteni dokumentin te një gjë e vetme: rasti, një person, një urdhër ose një pëlqim.",
    "sr-Latn": "Priložite dokument uz jednu stvar: slučaj, osobu, nalog ili saglasnost.",
    en: "Attach the document to one thing only: the case, a person, an order or a consent.",
  },
  "case.document.withdraw.institution-only": {
    sq: "Dokumentin e tërheq vetëm institucioni që e ngarkoi.",
    "sr-Latn": "Dokument povlači samo institucija koja ga je otpremila.",
    en: "Only the institution that uploaded the document can withdraw it.",
  },
  "case.document.kind.consent-form": {
    sq: "Formular i pëlqimit",
    "sr-Latn": "Obrazac saglasnosti",
    en: "Consent form",
  },
  "case.document.kind.order-copy": {
    sq: "Kopje e urdhrit",
    "sr-Latn": "Kopija naloga",
    en: "Copy of the order",
  },
  "case.document.kind.medical-report": {
    sq: "Raport mjekësor",
    "sr-Latn": "Medicinski izveštaj",
    en: "Medical report",
  },
  "case.document.kind.police-report": {
    sq: "Raport i policisë",
    "sr-Latn": "Policijski izveštaj",
    en: "Police report",
  },
  "case.document.kind.court-decision": {
    sq: "Vendim i gjykatës",
    "sr-Latn": "Sudska odluka",
    en: "Court decision",
  },
  "case.document.kind.social-report": {
    sq: "Raport i punës sociale",
    "sr-Latn": "Izveštaj socijalnog rada",
    en: "Social work report",
  },
  "case.document.kind.other": {
    sq: "Tjetër",
    "sr-Latn": "Drugo",
    en: "Other",
  },
} as const

/**
 * The messages of documents.
 */
export const documentMessages = Catalogue.make(messages)

/**
 * The keys of {@link documentMessages}.
 */
export type DocumentMessageKey = Catalogue.Key<typeof documentMessages>
