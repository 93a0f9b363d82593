/**
 * The web app's words for extending an action item's due date with a reason
 * and for showing the extensions — on the meeting's action items and in the
 * linked case's timeline — in the four languages. A part of the web's
 * catalogue like `WebMeetingMessages.ts`, in its own module so it loads with
 * the screens that show it (the first page's script stays within its budget).
 * Serbian Cyrillic is derived from Serbian Latin.
 */
import { Catalogue } from "@bashke/kernel"

export const webActionItemMessages = Catalogue.make({
  "web.extension.extend": { sq: "Shty afatin", "sr-Latn": "Produži rok", en: "Extend the due date" },
  "web.extension.due-date": { sq: "Afati i ri", "sr-Latn": "Novi rok", en: "New due date" },
  "web.extension.reason": {
    sq: "Arsyeja e shtyrjes",
    "sr-Latn": "Razlog produženja",
    en: "Reason for the extension",
  },
  "web.extension.save": { sq: "Ruaj shtyrjen", "sr-Latn": "Sačuvaj produženje", en: "Save the extension" },
  "web.extension.saved": { sq: "Afati u shty.", "sr-Latn": "Rok je produžen.", en: "The due date was extended." },
  "web.extension.history": { sq: "Shtyrjet e afatit", "sr-Latn": "Produženja roka", en: "Due date extensions" },
  "web.extension.moved": {
    sq: "Nga {previous} në {next}",
    "sr-Latn": "Sa {previous} na {next}",
    en: "From {previous} to {next}",
  },
  "web.extension.by": {
    sq: "{institution}, {when}",
    "sr-Latn": "{institution}, {when}",
    en: "{institution}, {when}",
  },
  "web.extension.reason.shown": { sq: "Arsyeja", "sr-Latn": "Razlog", en: "Reason" },
  "web.case.event.extension": {
    sq: "Afati i një veprimi u shty",
    "sr-Latn": "Rok zadatka je produžen",
    en: "An action item's due date was extended",
  },
  "web.case.event.extension.detail": {
    sq: "Nga {previous} në {next} · {institution}",
    "sr-Latn": "Sa {previous} na {next} · {institution}",
    en: "From {previous} to {next} · {institution}",
  },
})

export type WebActionItemMessageKey = Catalogue.Key<typeof webActionItemMessages>
