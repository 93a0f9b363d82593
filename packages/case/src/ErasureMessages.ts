/**
 * The case package's part of the message catalogue for retention and erasure
 * (ADR 0012): the marker an erased case's personal data reads as, and the
 * rules of an erasure request (the event's label is in `caseStoreMessages`). Merge it with the others:
 * `Catalogue.merge(kernelMessages, securityMessages, caseMessages, caseStoreMessages, caseworkMessages, erasureMessages)`.
 */
import { Catalogue } from "@bashke/kernel"

const messages = {
  "case.erased": {
    sq: "Të dhënat personale të këtij rasti janë fshirë (me kërkesë ose pas afatit të ruajtjes). Mbeten vetëm statistikat dhe gjurmët e auditimit.",
    "sr-Latn":
      "Lični podaci ovog slučaja su izbrisani (na zahtev ili po isteku roka čuvanja). Ostaju samo statistika i revizorski tragovi.",
    en: "This case's personal data was erased (on request or at the end of its retention period). Only its statistics and audit trail remain.",
  },
  "case.erasure.reason-required": {
    sq: "Shkruani arsyen ligjore të fshirjes (p.sh. kërkesa e subjektit të të dhënave, vendimi i gjykatës).",
    "sr-Latn": "Upišite pravni osnov brisanja (npr. zahtev lica na koje se podaci odnose, odluka suda).",
    en: "Write the legal reason for the erasure (e.g. the data subject's request, a court decision).",
  },
  "case.erasure.reason-too-long": {
    sq: "Arsyeja është shumë e gjatë: jo më shumë se 2000 shenja.",
    "sr-Latn": "Obrazloženje je predugo: najviše 2000 znakova.",
    en: "The reason is too long: at most 2000 characters.",
  },
  "case.erasure.case-open": {
    sq: "Rasti është ende i hapur: mbylleni para se t'i fshini të dhënat personale.",
    "sr-Latn": "Slučaj je još otvoren: zatvorite ga pre brisanja ličnih podataka.",
    en: "The case is still open: close it before erasing its personal data.",
  },
} as const

/**
 * The messages of retention and erasure.
 */
export const erasureMessages = Catalogue.make(messages)

/**
 * The keys of {@link erasureMessages}.
 */
export type ErasureMessageKey = Catalogue.Key<typeof erasureMessages>
