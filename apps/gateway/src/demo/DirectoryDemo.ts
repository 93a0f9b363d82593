/**
 * The demo's service directory: what Gjilan's member institutions offer a
 * survivor — shelter places for women and children, psychosocial counselling
 * and child protection at the centre for social work, free legal aid, and
 * medical care with the documentation of injuries at the family medicine
 * centre — with the providers' capacity as they reported it. An administrator
 * registers the entries when the installation is set up (an institution's
 * entries are its own or an administrator's to write). Organisation names
 * describe the kind of institution; addresses and e-mails are invented, and
 * the shelter, as shelters do, publishes no address.
 */
import { type Errors, Id, Instant, Municipality, Principal } from "@bashke/kernel"
import { Directory, ReferralService } from "@bashke/referral"
import { Effect } from "effect"
import { institutions, principal } from "./World"

/** What the referrals of the demo are sent to. */
export interface DemoDirectory {
  readonly shelter: Id.ServiceId
  readonly counselling: Id.ServiceId
  readonly childProtection: Id.ServiceId
  readonly legalAid: Id.ServiceId
  readonly medicalCare: Id.ServiceId
}

const gjilan = Municipality.MunicipalityCode.make("GJI")

export const seedDirectory = (
  mechanismId: Id.MechanismId,
): Effect.Effect<DemoDirectory, Errors.DomainError, ReferralService.ReferralService | Id.IdGenerator> =>
  Effect.gen(function* () {
    const directory = yield* ReferralService.ReferralService
    const now = yield* Instant.now
    const as = (name: Parameters<typeof principal>[0]) =>
      Effect.provideService(Principal.CurrentPrincipal, principal(name, mechanismId))
    const register = as("administrator")

    yield* register(
      directory.registerOrganization({
        institution: institutions.shelter.id,
        sector: "shelter",
        name: "Strehimorja për gra dhe fëmijë – Gjilan",
        description: "Strehim i sigurt, këshillim dhe përcjellje për gra dhe fëmijë të dhunuar në familje.",
        email: "strehimorja@gjilan.example",
      }),
    )
    yield* register(
      directory.registerOrganization({
        institution: institutions.socialWork.id,
        sector: "social-work",
        name: "Qendra për Punë Sociale – Gjilan",
        description: "Menaxhimi i rastit, këshillim psikosocial dhe mbrojtja e fëmijëve.",
        website: "https://qps.gjilan.example",
        email: "qps@gjilan.example",
      }),
    )
    yield* register(
      directory.registerOrganization({
        institution: institutions.legalAid.id,
        sector: "legal-aid",
        name: "Agjencia për Ndihmë Juridike Falas – Zyra rajonale Gjilan",
        email: "ndihmajuridike@gjilan.example",
      }),
    )
    yield* register(
      directory.registerOrganization({
        institution: institutions.health.id,
        sector: "health",
        name: "Qendra Kryesore e Mjekësisë Familjare – Gjilan",
        email: "qkmf@gjilan.example",
      }),
    )

    const office = (institution: Id.InstitutionId, name: string, address: string) =>
      Effect.flatMap(Directory.LocationId.generate, (id) =>
        Effect.as(register(directory.registerLocation({ id, institution, name, municipality: gjilan, address })), id),
      )
    const socialWorkOffice = yield* office(
      institutions.socialWork.id,
      "Qendra për Punë Sociale, zyra qendrore",
      "Rr. e Shkollës 3, Gjilan",
    )
    const legalAidOffice = yield* office(institutions.legalAid.id, "Zyra rajonale Gjilan", "Rr. e Gjykatës 8, Gjilan")
    const healthCentre = yield* office(
      institutions.health.id,
      "Qendra Kryesore e Mjekësisë Familjare",
      "Rr. e Spitalit 1, Gjilan",
    )

    const service = (input: Omit<typeof Directory.Service.Encoded, "id">) =>
      Effect.flatMap(Id.ServiceId.generate, (id) =>
        Effect.map(register(directory.registerService({ ...input, id })), () => id),
      )
    const shelter = yield* service({
      institution: institutions.shelter.id,
      name: "Strehim emergjent për gra dhe fëmijë",
      type: "shelter",
      municipality: gjilan,
      languages: ["sq", "sr-Latn", "tr"],
      eligibility: "Gra dhe fëmijët e tyre në rrezik nga dhuna në familje; pranim 24 orë në ditë.",
      locations: [],
      active: true,
    })
    const counselling = yield* service({
      institution: institutions.socialWork.id,
      name: "Këshillim psikosocial për viktimat e dhunës në familje",
      type: "psychosocial-counselling",
      municipality: gjilan,
      languages: ["sq", "sr-Latn"],
      locations: [socialWorkOffice],
      active: true,
    })
    const childProtection = yield* service({
      institution: institutions.socialWork.id,
      name: "Mbrojtja e fëmijëve",
      type: "child-protection",
      municipality: gjilan,
      languages: ["sq", "sr-Latn"],
      eligibility: "Fëmijët që kanë përjetuar ose kanë qenë dëshmitarë të dhunës në familje.",
      locations: [socialWorkOffice],
      active: true,
    })
    const legalAid = yield* service({
      institution: institutions.legalAid.id,
      name: "Ndihmë juridike falas",
      type: "legal-aid",
      municipality: gjilan,
      languages: ["sq", "sr-Latn", "tr"],
      eligibility: "Viktimat e dhunës në familje, pa kriter të të ardhurave.",
      locations: [legalAidOffice],
      active: true,
    })
    const medicalCare = yield* service({
      institution: institutions.health.id,
      name: "Kujdes mjekësor dhe dokumentim i lëndimeve",
      type: "medical-care",
      municipality: gjilan,
      languages: ["sq", "sr-Latn"],
      locations: [healthCentre],
      active: true,
    })

    // The providers report what is free today.
    yield* directory
      .reportCapacity(shelter, { unit: "beds", available: 3, total: 12, updatedAt: now })
      .pipe(as("shelterWorker"))
    yield* directory
      .reportCapacity(counselling, { unit: "appointments", available: 6, total: 20, updatedAt: now })
      .pipe(as("caseManager"))
    yield* directory
      .reportCapacity(legalAid, { unit: "appointments", available: 4, total: 10, updatedAt: now })
      .pipe(as("lawyer"))

    return { shelter, counselling, childProtection, legalAid, medicalCare }
  })
