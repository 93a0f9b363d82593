/**
 * The fictional world of the demo and of the gateway's tests: the Gjilan
 * mechanism's member institutions and the people who act for them. Every name
 * here is invented; the ids are fixed so that a demo database reads the same on
 * every machine.
 */
import { Id, type Principal, type Sector } from "@bashke/kernel"

const at = (n: number): string => Id.ulidAt(1_767_225_600_000 + n * 1000, new Uint8Array(10).fill(n))

/**
 * The member institutions: their sectors, and their names in the four
 * languages as the registry holds them (Serbian Cyrillic derived).
 */
export const institutions = {
  municipality: {
    id: at(1) as Id.InstitutionId,
    sector: "municipality",
    name: {
      sq: "Komuna e Gjilanit – Zyra për barazi gjinore",
      "sr-Latn": "Opština Gnjilane – Kancelarija za rodnu ravnopravnost",
      en: "Municipality of Gjilan – Gender Equality Office",
    },
  },
  police: {
    id: at(2) as Id.InstitutionId,
    sector: "police",
    name: {
      sq: "Policia e Kosovës – Drejtoria Rajonale Gjilan",
      "sr-Latn": "Kosovska policija – Regionalna direkcija Gnjilane",
      en: "Kosovo Police – Gjilan Regional Directorate",
    },
  },
  socialWork: {
    id: at(3) as Id.InstitutionId,
    sector: "social-work",
    name: {
      sq: "Qendra për Punë Sociale – Gjilan",
      "sr-Latn": "Centar za socijalni rad – Gnjilane",
      en: "Centre for Social Work – Gjilan",
    },
  },
  health: {
    id: at(4) as Id.InstitutionId,
    sector: "health",
    name: {
      sq: "Qendra Kryesore e Mjekësisë Familjare – Gjilan",
      "sr-Latn": "Glavni centar porodične medicine – Gnjilane",
      en: "Main Family Medicine Centre – Gjilan",
    },
  },
  shelter: {
    id: at(5) as Id.InstitutionId,
    sector: "shelter",
    name: {
      sq: "Strehimorja për gra dhe fëmijë – Gjilan",
      "sr-Latn": "Sklonište za žene i decu – Gnjilane",
      en: "Shelter for Women and Children – Gjilan",
    },
  },
  victimAdvocacy: {
    id: at(6) as Id.InstitutionId,
    sector: "victim-advocacy",
    name: {
      sq: "Zyra për Mbrojtjen dhe Ndihmën e Viktimave – Gjilan",
      "sr-Latn": "Kancelarija za zaštitu i pomoć žrtvama – Gnjilane",
      en: "Victim Protection and Assistance Office – Gjilan",
    },
  },
  education: {
    id: at(7) as Id.InstitutionId,
    sector: "education",
    name: {
      sq: "Drejtoria Komunale e Arsimit – Gjilan",
      "sr-Latn": "Opštinska direkcija za obrazovanje – Gnjilane",
      en: "Municipal Education Directorate – Gjilan",
    },
  },
  legalAid: {
    id: at(8) as Id.InstitutionId,
    sector: "legal-aid",
    name: {
      sq: "Agjencia për Ndihmë Juridike Falas – Zyra rajonale Gjilan",
      "sr-Latn": "Agencija za besplatnu pravnu pomoć – Regionalna kancelarija Gnjilane",
      en: "Free Legal Aid Agency – Gjilan Regional Office",
    },
  },
} as const satisfies Record<
  string,
  {
    readonly id: Id.InstitutionId
    readonly sector: Sector.Sector
    readonly name: { readonly sq: string; readonly "sr-Latn": string; readonly en: string }
  }
>

export type InstitutionName = keyof typeof institutions

/** Who acts in the demo, by what they do. */
export const people = {
  coordinator: { n: 20, institution: "municipality", roles: ["coordinator"] },
  policeOfficer: { n: 21, institution: "police", roles: ["case-worker"] },
  caseManager: { n: 22, institution: "socialWork", roles: ["case-worker"] },
  nurse: { n: 23, institution: "health", roles: ["case-worker"] },
  shelterWorker: { n: 24, institution: "shelter", roles: ["case-worker"] },
  advocate: { n: 25, institution: "victimAdvocacy", roles: ["case-worker"] },
  teacher: { n: 26, institution: "education", roles: ["member-representative"] },
  lawyer: { n: 27, institution: "legalAid", roles: ["case-worker"] },
} as const satisfies Record<
  string,
  { readonly n: number; readonly institution: InstitutionName; readonly roles: ReadonlyArray<Principal.Role> }
>

export type PersonName = keyof typeof people | "nationalCoordinator" | "administrator" | "auditor"

/** The principal of one of the demo's people, member of `mechanismId`. */
export const principal = (name: PersonName, mechanismId: Id.MechanismId): Principal.Principal => {
  switch (name) {
    case "nationalCoordinator":
      return { id: at(30) as Id.PrincipalId, kind: "user", roles: ["national-coordinator"], mechanisms: [] }
    case "administrator":
      return { id: at(31) as Id.PrincipalId, kind: "user", roles: ["administrator"], mechanisms: [] }
    case "auditor":
      return { id: at(32) as Id.PrincipalId, kind: "user", roles: ["auditor"], mechanisms: [] }
    default: {
      const person = people[name]
      const institution = institutions[person.institution]
      return {
        id: at(person.n) as Id.PrincipalId,
        kind: "user",
        institution: institution.id,
        sector: institution.sector,
        roles: person.roles,
        mechanisms: [mechanismId],
      }
    }
  }
}

/** Every name `principal` knows. */
export const everyone: ReadonlyArray<PersonName> = [
  ...(Object.keys(people) as Array<keyof typeof people>),
  "nationalCoordinator",
  "administrator",
  "auditor",
]
