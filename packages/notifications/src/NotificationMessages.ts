/**
 * The notifications package's part of the message catalogue: what an event
 * tells people (a break-glass read, referrals cancelled because consent was
 * withdrawn, a person's email failing), the frame of every email and digest,
 * and the rules its routes name. What a due item asks lives in its domain's
 * catalogue (`referral.due.acknowledge.overdue`); {@link catalogue} merges
 * them. Serbian Cyrillic is derived from Serbian Latin.
 */
import { caseMessages } from "@bashke/case"
import { Catalogue, kernelMessages } from "@bashke/kernel"
import { meetingMessages } from "@bashke/meeting"
import { referralMessages } from "@bashke/referral"

const messages = {
  // Events: a title, then the sentence (`{at}` is when it happened).
  "notifications.event.break-glass": {
    sq: "Lexim emergjent i të dhënave personale",
    "sr-Latn": "Hitno čitanje ličnih podataka",
    en: "Emergency read of personal details",
  },
  "notifications.event.break-glass.event": {
    sq: "Të dhënat personale të rastit u hapën në emergjencë (thyerje e xhamit) më {at}. Shqyrtoni arsyen dhe vendosni nëse ishte e drejtë.",
    "sr-Latn":
      "Lični podaci slučaja otvoreni su u hitnom postupku (razbijanje stakla) {at}. Pregledajte razlog i odlučite da li je bilo opravdano.",
    en: "The case's personal details were opened in an emergency (break-glass) on {at}. Review the reason and decide whether it was justified.",
  },
  "notifications.event.referral-cancelled": {
    sq: "Referimi u anulua: pëlqimi u tërhoq",
    "sr-Latn": "Upućivanje otkazano: saglasnost povučena",
    en: "Referral cancelled: consent withdrawn",
  },
  "notifications.event.referral-cancelled.event": {
    sq: "Një referim drejt institucionit tuaj u anulua më {at}, sepse pëlqimi mbi të cilin mbështetej u tërhoq. Mos e vazhdoni shërbimin mbi këtë bazë dhe mos përdorni më atë që u nda.",
    "sr-Latn":
      "Upućivanje vašoj instituciji otkazano je {at}, jer je saglasnost na kojoj se zasnivalo povučena. Ne nastavljajte uslugu po tom osnovu i ne koristite više ono što je podeljeno.",
    en: "A referral to your institution was cancelled on {at} because the consent it relied on was withdrawn. Do not go on with the service on that basis, and stop using what was shared.",
  },
  "notifications.event.email-failing": {
    sq: "Email-i i një personi nuk dërgohet",
    "sr-Latn": "E-pošta jednoj osobi se ne isporučuje",
    en: "Email to a person is failing",
  },
  "notifications.event.email-failing.event": {
    sq: "Serveri i postës refuzoi adresën e personit {person} më {at}. Njoftimet e tij ose të saj mbeten në aplikacion; kontrolloni adresën dhe rivendosni kanalin.",
    "sr-Latn":
      "Server pošte je odbio adresu osobe {person} {at}. Njena obaveštenja ostaju u aplikaciji; proverite adresu i ponovo uključite kanal.",
    en: "The mail server refused the address of person {person} on {at}. Their notifications stay in the app; check the address and reset the channel.",
  },
  // Emails
  "notifications.email.case": {
    sq: "Rasti: {reference}",
    "sr-Latn": "Slučaj: {reference}",
    en: "Case: {reference}",
  },
  "notifications.email.open": {
    sq: "Hapeni në Bashkë:",
    "sr-Latn": "Otvorite u Bashkë:",
    en: "Open it in Bashkë:",
  },
  "notifications.email.late": {
    sq: "Ky njoftim vjen me vonesë: sistemi nuk punonte kur u bë i detyrueshëm.",
    "sr-Latn": "Ovo obaveštenje kasni: sistem nije radio kada je dospelo.",
    en: "This notice comes late: the system was not running when it fell due.",
  },
  "notifications.email.footer": {
    sq: "Ju e merrni këtë për shkak të rolit tuaj në mekanizmin e koordinimit. Këtu nuk ka të dhëna personale; ato janë vetëm në Bashkë. Si të njoftoheni:",
    "sr-Latn":
      "Ovo primate zbog svoje uloge u mehanizmu koordinacije. Ovde nema ličnih podataka; oni su samo u Bashkë. Kako da budete obaveštavani:",
    en: "You receive this because of your role in the coordination mechanism. It holds no personal details; those stay in Bashkë. How you are told:",
  },
  "notifications.digest.subject": {
    sq: "Bashkë: {count, plural, one {# njoftim} other {# njoftime}} më {day}",
    "sr-Latn": "Bashkë: {count, plural, one {# obaveštenje} few {# obaveštenja} other {# obaveštenja}} za {day}",
    en: "Bashkë: {count, plural, one {# notice} other {# notices}} for {day}",
  },
  "notifications.digest.intro": {
    sq: "Njoftimet tuaja që nga përmbledhja e fundit:",
    "sr-Latn": "Vaša obaveštenja od poslednjeg pregleda:",
    en: "Your notices since the last digest:",
  },
  // Rules
  "notifications.notification.unknown": {
    sq: "Ky njoftim nuk ekziston ose nuk është për ju.",
    "sr-Latn": "Ovo obaveštenje ne postoji ili nije za vas.",
    en: "This notification does not exist or is not yours.",
  },
  "notifications.preferences.invalid": {
    sq: "Mënyra e njoftimit me email duhet të jetë: menjëherë, përmbledhje ditore ose asnjë.",
    "sr-Latn": "Način obaveštavanja e-poštom mora biti: odmah, dnevni pregled ili nikako.",
    en: "The email setting must be one of: immediately, a daily digest, or none.",
  },
  "notifications.smtp-url.malformed": {
    sq: "BASHKE_SMTP_URL duhet të jetë smtp://host:port ose smtps://host:port, me përdorues dhe fjalëkalim sipas nevojës.",
    "sr-Latn": "BASHKE_SMTP_URL mora biti smtp://host:port ili smtps://host:port, sa korisnikom i lozinkom po potrebi.",
    en: "BASHKE_SMTP_URL must be smtp://host:port or smtps://host:port, with a user and password if needed.",
  },
  "notifications.mail-from.malformed": {
    sq: "BASHKE_MAIL_FROM duhet të jetë një adresë email-i.",
    "sr-Latn": "BASHKE_MAIL_FROM mora biti adresa e-pošte.",
    en: "BASHKE_MAIL_FROM must be an email address.",
  },
  "notifications.public-url.malformed": {
    sq: "BASHKE_PUBLIC_ORIGIN duhet të jetë një adresë http:// ose https://.",
    "sr-Latn": "BASHKE_PUBLIC_ORIGIN mora biti adresa http:// ili https://.",
    en: "BASHKE_PUBLIC_ORIGIN must be an http:// or https:// address.",
  },
} as const

/**
 * The notifications package's own messages.
 */
export const notificationMessages = Catalogue.make(messages)

/**
 * A key of {@link notificationMessages}.
 */
export type Key = Catalogue.Key<typeof notificationMessages>

/**
 * Every message a notification, an email or a worklist may show: this
 * package's, and the due items' of each domain package it composes.
 */
export const catalogue = Catalogue.merge(
  kernelMessages,
  notificationMessages,
  caseMessages,
  referralMessages,
  meetingMessages,
)
