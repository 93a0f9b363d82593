/**
 * The referral package's part of the message catalogue: the rules its errors
 * name and the labels of service types, statuses, commands and overdue steps.
 * Serbian Cyrillic is derived from Serbian Latin.
 */
import { Catalogue } from "@bashke/kernel"

const messages = {
  // Rules
  "gateway.referral.not-party": {
    sq: "Këtë referim e shohin vetëm institucioni dërgues dhe ai pritës, ekipi i rastit dhe koordinatori i mekanizmit.",
    "sr-Latn":
      "Ovo upućivanje vide samo institucija pošiljalac i institucija primalac, tim slučaja i koordinator mehanizma.",
    en: "Only the sending and receiving institutions, the case team and the mechanism's coordinator see this referral.",
  },
  "referral.input.invalid": {
    sq: "Kjo fushë mungon ose ka formë të gabuar.",
    "sr-Latn": "Ovo polje nedostaje ili ima pogrešan oblik.",
    en: "This field is missing or has the wrong form.",
  },
  "referral.code.malformed": {
    sq: "Kodi duhet të jetë me shkronja të vogla dhe viza, p.sh. pa-kapacitet.",
    "sr-Latn": "Šifra mora biti malim slovima sa crticama, npr. bez-kapaciteta.",
    en: "A code is lower case with hyphens, e.g. no-capacity.",
  },
  "referral.language.malformed": {
    sq: "Gjuha duhet të jepet si kod BCP 47, p.sh. sq ose sr-Latn.",
    "sr-Latn": "Jezik se navodi kao BCP 47 oznaka, npr. sq ili sr-Latn.",
    en: "A language is a BCP 47 tag, e.g. sq or sr-Latn.",
  },
  "referral.service-type.unknown": {
    sq: "Lloji i shërbimit nuk është në listë.",
    "sr-Latn": "Vrsta usluge nije na listi.",
    en: "The service type is not on the list.",
  },
  "referral.capacity.over-total": {
    sq: "Vendet e lira nuk mund të jenë më shumë se gjithsej.",
    "sr-Latn": "Slobodnih mesta ne može biti više od ukupnog broja.",
    en: "Free places cannot exceed the total.",
  },
  "referral.service.unknown": {
    sq: "Shërbimi nuk është në regjistrin e shërbimeve ose nuk është aktiv.",
    "sr-Latn": "Usluga nije u imeniku usluga ili nije aktivna.",
    en: "The service is not in the service directory or is not active.",
  },
  "referral.consent.not-covered": {
    sq: "Nuk ka pëlqim në fuqi që mbulon institucionin pranues dhe qëllimin e referimit.",
    "sr-Latn": "Nema važeće saglasnosti koja obuhvata instituciju primaoca i svrhu upućivanja.",
    en: "No consent in force covers the receiving institution and the purpose of referral.",
  },
  "referral.override.not-allowed": {
    sq: "Profili i juridiksionit nuk lejon referim pa pëlqim për këtë arsye.",
    "sr-Latn": "Profil jurisdikcije ne dozvoljava upućivanje bez saglasnosti po ovom osnovu.",
    en: "The jurisdiction profile does not allow a referral without consent on this ground.",
  },
  "referral.duplicate-open": {
    sq: "Rasti ka tashmë një referim të hapur te ky shërbim.",
    "sr-Latn": "Slučaj već ima otvoreno upućivanje ovoj usluzi.",
    en: "The case already has an open referral to this service.",
  },
  "referral.decline.reason-required": {
    sq: "Refuzimi kërkon një kod arsyeje.",
    "sr-Latn": "Odbijanje zahteva šifru razloga.",
    en: "A decline needs a reason code.",
  },
  "referral.complete.outcome-required": {
    sq: "Përfundimi kërkon një kod rezultati.",
    "sr-Latn": "Završetak zahteva šifru ishoda.",
    en: "Completion needs an outcome code.",
  },
  "referral.cancel.reason-required": {
    sq: "Anulimi kërkon një kod arsyeje.",
    "sr-Latn": "Otkazivanje zahteva šifru razloga.",
    en: "A cancellation needs a reason code.",
  },
  "referral.revoke.reason-required": {
    sq: "Revokimi kërkon një kod arsyeje.",
    "sr-Latn": "Opoziv zahteva šifru razloga.",
    en: "A revocation needs a reason code.",
  },
  "referral.transition.before-previous": {
    sq: "Koha e hapit nuk mund të jetë para hapit të mëparshëm.",
    "sr-Latn": "Vreme koraka ne može biti pre prethodnog koraka.",
    en: "A step cannot be dated before the previous one.",
  },
  "referral.actor.no-institution": {
    sq: "Vetëm një punonjës i një institucioni mund ta bëjë këtë.",
    "sr-Latn": "Ovo može da uradi samo službenik neke institucije.",
    en: "Only someone acting for an institution can do this.",
  },
  "referral.directory.not-own-institution": {
    sq: "Regjistrimet e një institucioni në drejtori (organizata, vendndodhjet, shërbimet, kapaciteti) i shkruan vetë institucioni ose një administrator.",
    "sr-Latn":
      "Unose jedne institucije u imeniku (organizaciju, lokacije, usluge, kapacitet) upisuje sama institucija ili administrator.",
    en: "An institution's directory entries (organisation, locations, services, capacity) are written by the institution itself or an administrator.",
  },
  "referral.actor.not-sender": {
    sq: "Vetëm institucioni që e dërgoi referimin mund ta anulojë ose revokojë.",
    "sr-Latn": "Samo institucija koja je poslala upućivanje može da ga otkaže ili opozove.",
    en: "Only the sending institution can cancel or revoke the referral.",
  },
  "referral.actor.not-receiver": {
    sq: "Vetëm institucioni pranues mund ta konfirmojë, pranojë, refuzojë ose përfundojë referimin.",
    "sr-Latn": "Samo institucija primalac može da potvrdi, prihvati, odbije ili završi upućivanje.",
    en: "Only the receiving institution can acknowledge, accept, decline or complete the referral.",
  },
  // Service types
  "referral.service-type.shelter": { sq: "Strehimore", "sr-Latn": "Sklonište", en: "Shelter" },
  "referral.service-type.legal-aid": { sq: "Ndihmë juridike", "sr-Latn": "Pravna pomoć", en: "Legal aid" },
  "referral.service-type.medical-care": { sq: "Kujdes shëndetësor", "sr-Latn": "Medicinska nega", en: "Medical care" },
  "referral.service-type.psychosocial-counselling": {
    sq: "Këshillim psikosocial",
    "sr-Latn": "Psihosocijalno savetovanje",
    en: "Psychosocial counselling",
  },
  "referral.service-type.child-protection": {
    sq: "Mbrojtja e fëmijëve",
    "sr-Latn": "Zaštita dece",
    en: "Child protection",
  },
  "referral.service-type.economic-empowerment": {
    sq: "Fuqizim ekonomik dhe punësim",
    "sr-Latn": "Ekonomsko osnaživanje i zapošljavanje",
    en: "Economic empowerment and employment",
  },
  "referral.service-type.education": { sq: "Arsim", "sr-Latn": "Obrazovanje", en: "Education" },
  "referral.service-type.housing": { sq: "Strehim", "sr-Latn": "Stanovanje", en: "Housing" },
  "referral.service-type.police-protection": {
    sq: "Mbrojtje policore",
    "sr-Latn": "Policijska zaštita",
    en: "Police protection",
  },
  // Statuses
  "referral.status.sent": { sq: "Dërguar", "sr-Latn": "Poslato", en: "Sent" },
  "referral.status.acknowledged": { sq: "Konfirmuar marrja", "sr-Latn": "Potvrđen prijem", en: "Acknowledged" },
  "referral.status.accepted": { sq: "Pranuar", "sr-Latn": "Prihvaćeno", en: "Accepted" },
  "referral.status.declined": { sq: "Refuzuar", "sr-Latn": "Odbijeno", en: "Declined" },
  "referral.status.in-service": { sq: "Në shërbim", "sr-Latn": "U toku usluge", en: "In service" },
  "referral.status.completed": { sq: "Përfunduar", "sr-Latn": "Završeno", en: "Completed" },
  "referral.status.cancelled": { sq: "Anuluar", "sr-Latn": "Otkazano", en: "Cancelled" },
  "referral.status.revoked": { sq: "Revokuar", "sr-Latn": "Opozvano", en: "Revoked" },
  // Commands
  "referral.command.acknowledge": { sq: "Konfirmo marrjen", "sr-Latn": "Potvrdi prijem", en: "Acknowledge" },
  "referral.command.accept": { sq: "Prano", "sr-Latn": "Prihvati", en: "Accept" },
  "referral.command.decline": { sq: "Refuzo", "sr-Latn": "Odbij", en: "Decline" },
  "referral.command.start-service": { sq: "Fillo shërbimin", "sr-Latn": "Započni uslugu", en: "Start the service" },
  "referral.command.complete": { sq: "Përfundo", "sr-Latn": "Završi", en: "Complete" },
  "referral.command.cancel": { sq: "Anulo", "sr-Latn": "Otkaži", en: "Cancel" },
  "referral.command.revoke": { sq: "Revoko", "sr-Latn": "Opozovi", en: "Revoke" },
  // Overdue (agenda item titles)
  "referral.overdue.acknowledge": {
    sq: "Referim pa konfirmim marrjeje pas afatit",
    "sr-Latn": "Upućivanje bez potvrde prijema posle roka",
    en: "Referral not acknowledged by its deadline",
  },
  "referral.overdue.decide": {
    sq: "Referim pa vendim pas afatit",
    "sr-Latn": "Upućivanje bez odluke posle roka",
    en: "Referral not decided by its deadline",
  },
  // What is due (ReferralDue): a worklist title, then a reminder's sentence per stage.
  "referral.due.acknowledge": {
    sq: "Konfirmo marrjen e referimit",
    "sr-Latn": "Potvrdite prijem upućivanja",
    en: "Acknowledge the referral",
  },
  "referral.due.acknowledge.approaching": {
    sq: "Një referim drejt institucionit tuaj duhet të konfirmohet deri më {due}.",
    "sr-Latn": "Upućivanje vašoj instituciji mora se potvrditi do {due}.",
    en: "A referral to your institution must be acknowledged by {due}.",
  },
  "referral.due.acknowledge.overdue": {
    sq: "Referimi nuk u konfirmua deri më {due}, siç kërkohej.",
    "sr-Latn": "Prijem upućivanja nije potvrđen do {due}, kako je trebalo.",
    en: "The referral was not acknowledged by {due}, as it had to be.",
  },
  "referral.due.acknowledge.escalated": {
    sq: "Referimi ende nuk është konfirmuar; afati ishte {due}. Koordinatori duhet të ndërhyjë.",
    "sr-Latn": "Prijem upućivanja još nije potvrđen; rok je bio {due}. Koordinator treba da reaguje.",
    en: "The referral is still not acknowledged; it was due by {due}. The coordinator needs to step in.",
  },
  "referral.due.decide": {
    sq: "Prano ose refuzo referimin",
    "sr-Latn": "Prihvatite ili odbijte upućivanje",
    en: "Accept or decline the referral",
  },
  "referral.due.decide.approaching": {
    sq: "Një referim drejt institucionit tuaj duhet të pranohet ose refuzohet deri më {due}.",
    "sr-Latn": "Upućivanje vašoj instituciji mora se prihvatiti ili odbiti do {due}.",
    en: "A referral to your institution must be accepted or declined by {due}.",
  },
  "referral.due.decide.overdue": {
    sq: "Referimi nuk u pranua as nuk u refuzua deri më {due}, siç kërkohej.",
    "sr-Latn": "Upućivanje nije ni prihvaćeno ni odbijeno do {due}, kako je trebalo.",
    en: "The referral was neither accepted nor declined by {due}, as it had to be.",
  },
  "referral.due.decide.escalated": {
    sq: "Për referimin ende nuk ka vendim; afati ishte {due}. Koordinatori duhet të ndërhyjë.",
    "sr-Latn": "O upućivanju još nema odluke; rok je bio {due}. Koordinator treba da reaguje.",
    en: "The referral is still undecided; it was due by {due}. The coordinator needs to step in.",
  },
} as const

/**
 * The referral package's messages.
 */
export const referralMessages = Catalogue.make(messages)

/**
 * A key of the referral package's messages.
 */
export type Key = Catalogue.Key<typeof referralMessages>
