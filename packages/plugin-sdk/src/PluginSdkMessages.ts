/**
 * The plugin SDK's part of the message catalogue: the rules its webhook
 * answers name, and a label for each capability (for an administrator's
 * screen). Merge it into the application's catalogue with
 * `Catalogue.merge(kernelMessages, pluginSdkMessages, …)`.
 *
 * Serbian Cyrillic is derived from Serbian Latin (ekavian, as in the kernel).
 */
import { Catalogue } from "@bashke/kernel"

/**
 * The plugin SDK's messages.
 */
export const pluginSdkMessages = Catalogue.make({
  "plugin.webhook.not-found": {
    sq: "Ky plugin nuk ka një rrugë të tillë.",
    "sr-Latn": "Ovaj dodatak nema takvu putanju.",
    en: "This plugin has no such route.",
  },
  "plugin.webhook.method-not-allowed": {
    sq: "Kjo rrugë nuk pranon këtë metodë.",
    "sr-Latn": "Ova putanja ne prihvata ovaj metod.",
    en: "This route does not accept this method.",
  },
  "plugin.webhook.signature-missing": {
    sq: "Mungon nënshkrimi ose koha e nënshkrimit.",
    "sr-Latn": "Nedostaje potpis ili vreme potpisa.",
    en: "The signature or its timestamp is missing.",
  },
  "plugin.webhook.signature-malformed": {
    sq: "Nënshkrimi ose koha e nënshkrimit nuk janë në formën e duhur.",
    "sr-Latn": "Potpis ili vreme potpisa nisu u ispravnom obliku.",
    en: "The signature or its timestamp is malformed.",
  },
  "plugin.webhook.signature-stale": {
    sq: "Koha e nënshkrimit është shumë larg nga ora e serverit.",
    "sr-Latn": "Vreme potpisa je predaleko od vremena servera.",
    en: "The signature's timestamp is too far from the server's clock.",
  },
  "plugin.webhook.signature-invalid": {
    sq: "Nënshkrimi nuk është i vlefshëm.",
    "sr-Latn": "Potpis nije ispravan.",
    en: "The signature is not valid.",
  },
  "plugin.webhook.body-too-large": {
    sq: "Trupi i kërkesës është shumë i madh.",
    "sr-Latn": "Telo zahteva je preveliko.",
    en: "The request body is too large.",
  },
  "plugin.webhook.body-unreadable": {
    sq: "Trupi i kërkesës nuk mund të lexohej.",
    "sr-Latn": "Telo zahteva nije moglo da se pročita.",
    en: "The request body could not be read.",
  },
  "plugin.webhook.rejected": {
    sq: "Plugin-i e refuzoi këtë kërkesë.",
    "sr-Latn": "Dodatak je odbio ovaj zahtev.",
    en: "The plugin rejected this request.",
  },
  "plugin.webhook.failed": {
    sq: "Plugin-i nuk e përfundoi kërkesën. Provoni përsëri më vonë.",
    "sr-Latn": "Dodatak nije završio zahtev. Pokušajte ponovo kasnije.",
    en: "The plugin did not complete the request. Try again later.",
  },
  "plugin.webhook.store-failed": {
    sq: "Të dhënat e marra nuk mund të ruheshin. Provoni përsëri më vonë.",
    "sr-Latn": "Primljeni podaci nisu mogli da se sačuvaju. Pokušajte ponovo kasnije.",
    en: "The records received could not be stored. Try again later.",
  },
  "plugin.webhook.answer-invalid": {
    sq: "Plugin-i dha një përgjigje të pavlefshme.",
    "sr-Latn": "Dodatak je dao neispravan odgovor.",
    en: "The plugin gave an invalid answer.",
  },
  "plugin.unavailable": {
    sq: "Plugin-i nuk është i disponueshëm për momentin. Provoni përsëri më vonë.",
    "sr-Latn": "Dodatak trenutno nije dostupan. Pokušajte ponovo kasnije.",
    en: "The plugin is unavailable at the moment. Try again later.",
  },
  "plugin.review.proposal-mismatch": {
    sq: "Propozimi i një elementi për shqyrtim duhet të jetë për të njëjtin regjistrim si elementi.",
    "sr-Latn": "Predlog stavke za pregled mora biti za isti zapis kao i stavka.",
    en: "A review item's proposal must be about the same record as the item.",
  },
  "plugin.capability.incidents.import": {
    sq: "Importon incidente në raste",
    "sr-Latn": "Uvozi incidente u slučajeve",
    en: "Imports incidents into cases",
  },
  "plugin.capability.persons.match": {
    sq: "Kërkon persona të rasteve (me indeks të verbër)",
    "sr-Latn": "Traži osobe iz slučajeva (slepim indeksom)",
    en: "Looks up case persons (by blind index)",
  },
  "plugin.capability.protection-orders.sync": {
    sq: "Përditëson urdhrat e mbrojtjes",
    "sr-Latn": "Ažurira naloge za zaštitu",
    en: "Updates protection orders",
  },
  "plugin.capability.review-queue.write": {
    sq: "Dërgon të dhëna për shqyrtim nga një person",
    "sr-Latn": "Šalje podatke na pregled osobi",
    en: "Sends records for review by a person",
  },
  "plugin.capability.notices.send": {
    sq: "Dërgon njoftime institucioneve të jashtme, sipas pëlqimit",
    "sr-Latn": "Šalje obaveštenja spoljnim institucijama, u skladu sa pristankom",
    en: "Sends notices to outside institutions, as consent allows",
  },
  "plugin.capability.directory.capacity": {
    sq: "Raporton kapacitetin e shërbimeve të institucionit të vet",
    "sr-Latn": "Prijavljuje kapacitet usluga svoje institucije",
    en: "Reports the capacity of its own institution's services",
  },
  "plugin.capability.schedule.pull": {
    sq: "Merr të dhëna në intervale të rregullta",
    "sr-Latn": "Preuzima podatke u redovnim intervalima",
    en: "Pulls records on a schedule",
  },
  "plugin.capability.events.subscribe": {
    sq: "Merr ngjarjet e sistemit",
    "sr-Latn": "Prima događaje sistema",
    en: "Receives the system's events",
  },
  "plugin.capability.routes.webhook": {
    sq: "Pranon thirrje të nënshkruara (webhook)",
    "sr-Latn": "Prima potpisane pozive (webhook)",
    en: "Receives signed calls (webhooks)",
  },
})
