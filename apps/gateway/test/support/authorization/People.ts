// Administering people: an administrator deactivates anyone, a coordinator
// the people of their own mechanism; for everyone else the person is as
// unknown (404). Each call deactivates a fresh case worker of the demo's
// mechanism, so every caller meets an active person.
import { People } from "@bashke/identity"
import { Principal } from "@bashke/kernel"
import { Effect } from "effect"
import { principal } from "../../../src/demo/World"
import { type Scenario, statuses } from "./Matrix"

let made = 0

export const peopleScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "deactivatePerson",
    label: "deactivating a case worker of the mechanism: its coordinator and administrators",
    request: async (world) => {
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
      return { method: "POST", path: `/v1/people/${person.id}/deactivate` }
    },
    expect: statuses(404, { coordinator: 200, administrator: 200 }),
  },
]
