/**
 * This package's part of the message catalogue: every `rule` it puts in an
 * error. Serbian Cyrillic is derived from Serbian Latin by the kernel.
 */
import { Catalogue } from "@bashke/kernel"

export const identityMessages = Catalogue.make({
  "identity.grant.mechanism-required": {
    sq: "Ky rol mbahet në një mekanizëm: zgjidhni mekanizmin.",
    "sr-Latn": "Ova uloga se ima u mehanizmu: izaberite mehanizam.",
    en: "This role is held in a mechanism: choose the mechanism.",
  },
  "identity.grant.installation-role": {
    sq: "Ky rol mbahet për gjithë instalimin, jo në një mekanizëm.",
    "sr-Latn": "Ova uloga se ima za celu instalaciju, ne u mehanizmu.",
    en: "This role is held for the whole installation, not in a mechanism.",
  },
  "identity.grant.institution-required": {
    sq: "Ky rol vepron për një institucion: personi ka nevojë për institucionin e vet.",
    "sr-Latn": "Ova uloga deluje za instituciju: osobi je potrebna njena institucija.",
    en: "This role acts for an institution: the person needs their institution.",
  },
  "identity.grant.repeated": {
    sq: "I njëjti rol në të njëjtin mekanizëm është dhënë dy herë.",
    "sr-Latn": "Ista uloga u istom mehanizmu data je dva puta.",
    en: "The same role in the same mechanism is given twice.",
  },
  "identity.grants.uneven": {
    sq: "Një person mban të njëjtat role në çdo mekanizëm ku është anëtar.",
    "sr-Latn": "Osoba ima iste uloge u svakom mehanizmu čiji je član.",
    en: "A person holds the same roles in every mechanism they belong to.",
  },
  "identity.person.email-taken": {
    sq: "Kjo adresë e-poste i përket tashmë një personi.",
    "sr-Latn": "Ova adresa e-pošte već pripada nekoj osobi.",
    en: "This email address already belongs to a person.",
  },
  "identity.link.invalid": {
    sq: "Kjo lidhje nuk vlen më. Kërkoni një të re.",
    "sr-Latn": "Ova veza više ne važi. Zatražite novu.",
    en: "This link is no longer valid. Ask for a new one.",
  },
  "identity.link.expired": {
    sq: "Kjo lidhje ka skaduar. Kërkoni një të re.",
    "sr-Latn": "Ova veza je istekla. Zatražite novu.",
    en: "This link has expired. Ask for a new one.",
  },
  "identity.sign-in.failed": {
    sq: "Adresa e-postës ose fjalëkalimi nuk është i saktë.",
    "sr-Latn": "Adresa e-pošte ili lozinka nije tačna.",
    en: "The email address or the password is not right.",
  },
  "identity.sign-in.throttled": {
    sq: "Shumë përpjekje. Prisni pak dhe provoni përsëri.",
    "sr-Latn": "Previše pokušaja. Sačekajte malo i pokušajte ponovo.",
    en: "Too many tries. Wait a little and try again.",
  },
  "identity.second-factor.required": {
    sq: "Shkruani kodin nga aplikacioni i vërtetimit ose një kod rezervë.",
    "sr-Latn": "Unesite kod iz aplikacije za potvrdu ili rezervni kod.",
    en: "Enter the code from your authenticator app, or a recovery code.",
  },
  "identity.second-factor.invalid": {
    sq: "Ky kod nuk vlen (ose është përdorur tashmë).",
    "sr-Latn": "Ovaj kod ne važi (ili je već iskorišćen).",
    en: "This code is not valid (or was used already).",
  },
  "identity.second-factor.not-enrolled": {
    sq: "Roli juaj kërkon faktor të dytë. Hyni me lidhjen e ftesës për ta vendosur.",
    "sr-Latn": "Vaša uloga zahteva drugi faktor. Prijavite se vezom iz pozivnice da ga podesite.",
    en: "Your role needs a second factor. Sign in with your invitation link to set one up.",
  },
  "identity.totp.code-invalid": {
    sq: "Kodi nuk përputhet. Kontrolloni orën e telefonit dhe provoni kodin e ri.",
    "sr-Latn": "Kod se ne poklapa. Proverite sat na telefonu i probajte novi kod.",
    en: "The code does not match. Check your phone's clock and try the next code.",
  },
  "identity.person.deactivated": {
    sq: "Kjo llogari është çaktivizuar. Pyesni koordinatorin e mekanizmit.",
    "sr-Latn": "Ovaj nalog je deaktiviran. Obratite se koordinatoru mehanizma.",
    en: "This account has been deactivated. Ask the mechanism's coordinator.",
  },
  "identity.provider.flow-unknown": {
    sq: "Kjo hyrje nuk filloi këtu ose është përfunduar tashmë. Filloni përsëri.",
    "sr-Latn": "Ova prijava nije počela ovde ili je već završena. Počnite ponovo.",
    en: "This sign-in did not start here or has already finished. Start again.",
  },
  "identity.provider.flow-expired": {
    sq: "Hyrja zgjati shumë. Filloni përsëri.",
    "sr-Latn": "Prijava je trajala predugo. Počnite ponovo.",
    en: "The sign-in took too long. Start again.",
  },
  "identity.provider.claims": {
    sq: "Ofruesi i identitetit nuk dërgoi emrin dhe adresën e-postës që kërkon hyrja.",
    "sr-Latn": "Dobavljač identiteta nije poslao ime i adresu e-pošte koje prijava traži.",
    en: "The identity provider did not send the name and email address sign-in needs.",
  },
  "identity.provider.acr": {
    sq: "Ofruesi i identitetit nuk e vërtetoi hyrjen me faktorin e kërkuar.",
    "sr-Latn": "Dobavljač identiteta nije potvrdio prijavu traženim faktorom.",
    en: "The identity provider did not confirm the sign-in with the required factor.",
  },
  "identity.provider.institution-unmapped": {
    sq: "Institucioni juaj te ofruesi i identitetit nuk është lidhur me Bashkë.",
    "sr-Latn": "Vaša institucija kod dobavljača identiteta nije povezana sa Bashkë.",
    en: "Your institution at the identity provider is not connected to Bashkë.",
  },
  "identity.provider.no-role": {
    sq: "Ofruesi i identitetit nuk ju jep asnjë rol në Bashkë.",
    "sr-Latn": "Dobavljač identiteta vam ne daje nijednu ulogu u Bashkë.",
    en: "The identity provider gives you no role in Bashkë.",
  },
  "identity.provider.link-refused": {
    sq: "Kjo llogari nuk mund të lidhet me ofruesin e identitetit. Pyesni administratorin.",
    "sr-Latn": "Ovaj nalog se ne može povezati sa dobavljačem identiteta. Obratite se administratoru.",
    en: "This account cannot be linked to the identity provider. Ask an administrator.",
  },
  "identity.provider.linked": {
    sq: "Kjo llogari te ofruesi i identitetit është lidhur tashmë.",
    "sr-Latn": "Ovaj nalog kod dobavljača identiteta je već povezan.",
    en: "This account at the identity provider is linked already.",
  },
  "identity.people.not-administering": {
    sq: "Vetëm koordinatori i mekanizmit ose një administrator administron njerëzit.",
    "sr-Latn": "Samo koordinator mehanizma ili administrator upravlja osobama.",
    en: "Only the mechanism's coordinator or an administrator administers people.",
  },
  "identity.people.outside-mechanism": {
    sq: "Ju koordinoni mekanizma të tjerë: zgjidhni një nga tuajt.",
    "sr-Latn": "Vi koordinirate druge mehanizme: izaberite jedan od svojih.",
    en: "You coordinate other mechanisms: choose one of yours.",
  },
  "identity.grants.beyond-reach": {
    sq: "Këto role nuk mund t'i jepni: një koordinator jep vetëm role në mekanizmat e vet.",
    "sr-Latn": "Ove uloge ne možete dati: koordinator daje samo uloge u svojim mehanizmima.",
    en: "You cannot give these roles: a coordinator gives only roles in their own mechanisms.",
  },
  "identity.passkey.refused": {
    sq: "Çelësi i kalimit nuk u pranua. Provoni përsëri.",
    "sr-Latn": "Pristupni ključ nije prihvaćen. Pokušajte ponovo.",
    en: "The passkey was not accepted. Try again.",
  },
  "identity.invitation.forbidden": {
    sq: "Mund të ftoni vetëm persona të institucioneve anëtare në mekanizmin tuaj.",
    "sr-Latn": "Možete pozvati samo osobe iz institucija članica u svoj mehanizam.",
    en: "You may invite only people of member institutions into your own mechanism.",
  },
})

export type IdentityMessageKey = Catalogue.Key<typeof identityMessages>
