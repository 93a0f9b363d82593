/**
 * The words of the passkey sign-in and of enrolment from an invitation: a
 * part of the web app's catalogue of its own, merged in `Text.ts`. Serbian
 * Cyrillic is derived from Serbian Latin.
 */
import { Catalogue } from "@bashke/kernel"

export const webIdentityMessages = Catalogue.make({
  "web.passkey.sign-in": {
    sq: "Hyr me çelës kalimi",
    "sr-Latn": "Prijavi se pristupnim ključem",
    en: "Sign in with a passkey",
  },
  "web.passkey.sign-in.hint": {
    sq: "Telefoni, kompjuteri ose çelësi i sigurisë ju pyet për PIN-in ose gjurmën e gishtit.",
    "sr-Latn": "Telefon, računar ili sigurnosni ključ traži vaš PIN ili otisak prsta.",
    en: "Your phone, computer or security key asks for your PIN or fingerprint.",
  },
  "web.passkey.unsupported": {
    sq: "Ky shfletues nuk përdor çelësa kalimi. Hyni me fjalëkalim dhe kod.",
    "sr-Latn": "Ovaj pregledač ne koristi pristupne ključeve. Prijavite se lozinkom i kodom.",
    en: "This browser cannot use passkeys. Sign in with password and code.",
  },
  "web.passkey.cancelled": {
    sq: "Çelësi i kalimit nuk u përdor. Provoni përsëri.",
    "sr-Latn": "Pristupni ključ nije upotrebljen. Pokušajte ponovo.",
    en: "The passkey was not used. Try again.",
  },
  "web.enrolment.title": { sq: "Mirë se vini", "sr-Latn": "Dobro došli", en: "Welcome" },
  "web.enrolment.accepting": {
    sq: "Duke hapur ftesën…",
    "sr-Latn": "Otvara se pozivnica…",
    en: "Opening the invitation…",
  },
  "web.enrolment.refused": {
    sq: "Kjo ftesë nuk vlen më: është përdorur ose ka skaduar. Kërkoni një të re.",
    "sr-Latn": "Ova pozivnica više ne važi: iskorišćena je ili je istekla. Zatražite novu.",
    en: "This invitation is no longer valid: it was used or it expired. Ask for a new one.",
  },
  "web.enrolment.intro": {
    sq: "Para se të shihni ndonjë rast, vendosni një faktor të dytë. Një çelës kalimi është më i sigurti.",
    "sr-Latn": "Pre nego što vidite bilo koji slučaj, podesite drugi faktor. Pristupni ključ je najsigurniji.",
    en: "Before you can see any case, set up a second factor. A passkey is the safest.",
  },
  "web.enrolment.passkey.title": { sq: "Çelës kalimi", "sr-Latn": "Pristupni ključ", en: "Passkey" },
  "web.enrolment.passkey.create": {
    sq: "Krijo çelësin e kalimit",
    "sr-Latn": "Napravi pristupni ključ",
    en: "Create the passkey",
  },
  "web.enrolment.totp.title": {
    sq: "Ose: fjalëkalim dhe aplikacion vërtetimi",
    "sr-Latn": "Ili: lozinka i aplikacija za potvrdu",
    en: "Or: a password and an authenticator app",
  },
  "web.enrolment.password.label": {
    sq: "Fjalëkalimi i ri (të paktën 12 shenja)",
    "sr-Latn": "Nova lozinka (najmanje 12 znakova)",
    en: "New password (at least 12 characters)",
  },
  "web.enrolment.password.submit": {
    sq: "Ruaj fjalëkalimin",
    "sr-Latn": "Sačuvaj lozinku",
    en: "Save the password",
  },
  "web.enrolment.totp.secret": {
    sq: "Shtoni këtë çelës në aplikacionin e vërtetimit:",
    "sr-Latn": "Dodajte ovaj ključ u aplikaciju za potvrdu:",
    en: "Add this key to your authenticator app:",
  },
  "web.enrolment.totp.code": {
    sq: "Kodi që tregon aplikacioni",
    "sr-Latn": "Kod koji prikazuje aplikacija",
    en: "The code the app shows",
  },
  "web.enrolment.totp.submit": { sq: "Konfirmo", "sr-Latn": "Potvrdi", en: "Confirm" },
  "web.enrolment.recovery": {
    sq: "Kodet rezervë: ruajini diku të sigurt. Secili vlen një herë dhe nuk do të tregohen më.",
    "sr-Latn": "Rezervni kodovi: čuvajte ih na sigurnom. Svaki važi jednom i neće biti ponovo prikazani.",
    en: "Recovery codes: keep them somewhere safe. Each works once and they will not be shown again.",
  },
  "web.enrolment.done": {
    sq: "Gati. Tani hyni me të.",
    "sr-Latn": "Spremno. Sada se prijavite njime.",
    en: "Ready. Now sign in with it.",
  },
  "web.enrolment.sign-in": { sq: "Vazhdo te hyrja", "sr-Latn": "Nastavi na prijavu", en: "Go to sign in" },
})
