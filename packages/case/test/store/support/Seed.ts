// A realistic seed: cases of a Gjilan mechanism with victims, children and
// alleged perpetrators carrying fictional Albanian and Serbian names, personal
// numbers, phones, addresses, birth dates and safe-contact instructions. Every
// identifying value is listed in `plaintexts`, for the tests that search the raw
// storage for them.
import { Principal } from "@bashke/kernel"
import { Effect } from "effect"
import type * as Case from "../../../src/Case"
import type * as CaseCommands from "../../../src/CaseCommands"
import { CaseService } from "../../../src/CaseService"
import { institutions, mechanismId, principals } from "./Databases"

export interface SeedPerson extends CaseCommands.NewPerson {}

const victim = (details: NonNullable<SeedPerson["details"]>, birthYear: number): SeedPerson => ({
  role: "victim",
  sex: "female",
  birthYear,
  community: "albanian",
  details,
})

/** The persons of each seeded case. */
export const seedCases: ReadonlyArray<ReadonlyArray<SeedPerson>> = [
  [
    victim(
      {
        givenName: "Arbëresha",
        familyName: "Krasniqi",
        personalNumber: "1234567890",
        birthDate: "1988-04-12",
        address: "Rruga Adem Jashari 12, Gjilan",
        phone: "+383 44 123 456",
        safeContact: "Thirrni vetëm ditëve të punës pas orës 16, thoni se jeni nga klinika",
      },
      1988,
    ),
    {
      role: "child",
      sex: "male",
      birthYear: 2015,
      community: "albanian",
      details: { givenName: "Drenushi", familyName: "Krasniqi", birthDate: "2015-09-03" },
    },
    {
      role: "alleged-perpetrator",
      sex: "male",
      birthYear: 1984,
      relationship: { kind: "married", time: "current" },
      details: {
        givenName: "Besnik",
        familyName: "Krasniqi",
        personalNumber: "1122334455",
        phone: "+383 49 765 432",
        address: "Rruga Adem Jashari 12, Gjilan",
      },
    },
  ],
  [
    {
      role: "victim",
      sex: "female",
      birthYear: 1991,
      community: "serbian",
      disabilities: ["sensory"],
      details: {
        givenName: "Dragana",
        familyName: "Petrović",
        personalNumber: "2233445566",
        birthDate: "1991-11-27",
        address: "Ulica Kralja Petra 5, Gnjilane",
        phone: "+383 45 222 333",
        safeContact: "Pozvati samo preko sestre Ljiljane",
      },
    },
    {
      role: "child",
      sex: "female",
      birthYear: 2019,
      community: "serbian",
      details: { givenName: "Jovana", familyName: "Petrović" },
    },
    {
      role: "alleged-perpetrator",
      sex: "male",
      birthYear: 1987,
      relationship: { kind: "extramarital-union", time: "former" },
      details: { givenName: "Milovan", familyName: "Petrović", personalNumber: "3344556677", phone: "+383 45 999 111" },
    },
  ],
  [
    victim(
      {
        givenName: "Fatmire",
        familyName: "Berisha",
        personalNumber: "4455667788",
        address: "Lagjja Dardania, Blloku 4, hyrja 2",
        phone: "+383 44 987 654",
      },
      1979,
    ),
    {
      role: "alleged-perpetrator",
      sex: "male",
      relationship: { kind: "engaged", time: "former" },
      details: { givenName: "Ilirjan", familyName: "Gashi", personalNumber: "5566778899" },
    },
  ],
]

/** Every identifying value of the seed. */
export const plaintexts: ReadonlyArray<string> = [
  ...new Set(
    seedCases.flatMap((persons) =>
      persons.flatMap((person) =>
        Object.values(person.details ?? {}).filter((v): v is string => typeof v === "string"),
      ),
    ),
  ),
]

/** Opens the seeded cases as the police officer, with health on the team (summary access). */
export const seed: Effect.Effect<ReadonlyArray<Case.Case>, never, CaseService> = Effect.gen(function* () {
  const service = yield* CaseService
  const cases: Array<Case.Case> = []
  for (const persons of seedCases)
    cases.push(
      yield* service
        .openCase({
          mechanismId,
          municipality: "GJI",
          team: [{ institution: institutions.health, access: "summary" }],
          persons,
        })
        .pipe(Effect.provideService(Principal.CurrentPrincipal, principals.officer), Effect.orDie),
    )
  return cases
})
