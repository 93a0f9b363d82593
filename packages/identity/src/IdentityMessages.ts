/**
 * This package's part of the message catalogue: every `rule` it puts in an
 * error. Serbian Cyrillic is derived from Serbian Latin by the kernel.
 *
 * @since 0.1.0
 */
import { Catalogue } from "@bashke/kernel"

/**
 * @since 0.1.0
 */
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
})

/**
 * @since 0.1.0
 */
export type IdentityMessageKey = Catalogue.Key<typeof identityMessages>
