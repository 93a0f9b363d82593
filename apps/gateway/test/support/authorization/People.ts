// Administering people: an administrator lists, changes the roles of, reads
// the sign-ins of and deactivates anyone, a coordinator the people of their
// own mechanism; for everyone else the person is as unknown (404), and a list
// is refused (403). Each change meets a fresh case worker of the demo's
// mechanism, so every caller meets an active person at version 1.
import { People } from "@bashke/identity"
import { Principal } from "@bashke/kernel"
import { Effect } from "effect"
import { principal } from "../../../src/demo/World"
import { type Scenario, statuses, type World } from "./Matrix"

let made = 0

/** A new case worker of the centre for social work in the demo's mechanism. */
const newCaseWorker = async (world: World) => {
  made += 1
  const social = principal("caseManager", world.mechanismId)
  const person = await world.gateway.runtime.runPromise(
    Effect.flatMap(People.People, (people) =>
      people.add(
        {
          displayName: "Lule Hoxha",
          email: `lule.hoxha.${made}@matrix.example`,
          language: "sq",
          ...(social.institution === undefined ? {} : { institution: social.institution }),
          sector: "social-work",
        },
        [{ role: "case-worker", mechanism: world.mechanismId }],
        Principal.platformId,
      ),
    ).pipe(Effect.orDie),
  )
  return person.id
}

export const peopleScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "deactivatePerson",
    label: "deactivating a case worker of the mechanism: its coordinator and administrators",
    request: async (world) => ({ method: "POST", path: `/v1/people/${await newCaseWorker(world)}/deactivate` }),
    expect: statuses(404, { coordinator: 200, administrator: 200 }),
  },
  {
    operationId: "listPeople",
    label: "the people of the mechanism: its coordinator and administrators",
    request: async (world) => ({ method: "GET", path: `/v1/people?mechanismId=${world.mechanismId}` }),
    expect: statuses(403, { coordinator: 200, administrator: 200 }),
  },
  {
    operationId: "changePersonRoles",
    label: "changing a case worker's roles: the mechanism's coordinator and administrators",
    request: async (world) => ({
      method: "PUT",
      path: `/v1/people/${await newCaseWorker(world)}/roles`,
      body: { grants: [{ role: "member-representative", mechanism: world.mechanismId }] },
      ifMatch: '"1"',
    }),
    expect: statuses(404, { coordinator: 200, administrator: 200 }),
  },
  {
    operationId: "listPersonSignIns",
    label: "a case worker's sign-ins: the mechanism's coordinator and administrators",
    request: async (world) => ({ method: "GET", path: `/v1/people/${await newCaseWorker(world)}/sign-ins` }),
    expect: statuses(404, { coordinator: 200, administrator: 200 }),
  },
]
