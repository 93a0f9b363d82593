/**
 * The demo's people: one account for each of the demo's principals (the same
 * ids, so what the demo's data says they did is theirs), with invented names
 * and addresses under `.example` (a domain that never receives mail).
 */
import { Grants, People, type Person } from "@bashke/identity"
import { type Errors, type Id, type Locale, Principal } from "@bashke/kernel"
import { Effect, Option } from "effect"
import { everyone, type PersonName, principal } from "./World"

/** Each demo person's invented name and language. */
export const accounts: Record<PersonName, { readonly displayName: string; readonly language: Locale.Locale }> = {
  coordinator: { displayName: "Vjosa Rexhepi", language: "sq" },
  policeOfficer: { displayName: "Blerim Gashi", language: "sq" },
  caseManager: { displayName: "Teuta Morina", language: "sq" },
  nurse: { displayName: "Milica Jovanović", language: "sr-Latn" },
  shelterWorker: { displayName: "Arbnora Hasani", language: "sq" },
  advocate: { displayName: "Fjolla Krasniqi", language: "en" },
  teacher: { displayName: "Dragan Petrović", language: "sr-Cyrl" },
  lawyer: { displayName: "Liridon Berisha", language: "sq" },
  nationalCoordinator: { displayName: "Shqipe Bytyqi", language: "sq" },
  administrator: { displayName: "Ardit Osmani", language: "en" },
  auditor: { displayName: "Jelena Nikolić", language: "sr-Latn" },
}

/** A demo person's address. */
export const emailOf = (name: PersonName): string => `${name.toLowerCase()}@demo.bashke.example`

/** Adds the demo's people that are not there yet; returns each one's id. */
export const seedPeople = (
  mechanismId: Id.MechanismId,
): Effect.Effect<Record<PersonName, Person.PersonId>, Errors.InvalidInput | Errors.Conflict, People.People> =>
  Effect.gen(function* () {
    const people = yield* People.People
    const ids = {} as Record<PersonName, Person.PersonId>
    for (const name of everyone) {
      const acting = principal(name, mechanismId)
      ids[name] = acting.id
      if (Option.isSome(yield* people.find(acting.id))) continue
      yield* people.add(
        {
          ...accounts[name],
          email: emailOf(name),
          ...(acting.institution === undefined ? {} : { institution: acting.institution }),
          ...(acting.sector === undefined ? {} : { sector: acting.sector }),
        },
        acting.roles.map((role) => ({ role, mechanism: Grants.mechanismRoles.includes(role) ? mechanismId : null })),
        Principal.platformId,
        { id: acting.id },
      )
    }
    return ids
  })
