/**
 * Administering people: `POST /v1/people/{personId}/deactivate`. An
 * administrator may deactivate anyone, a coordinator the people of their own
 * mechanisms (`@bashke/identity`'s `Grants.mayAdminister`); anyone else, or a
 * person out of reach, gets the same 404 as an unknown id. Every session,
 * token and JWT of the person stops at the next request, on every instance.
 */
import { Administration, Person } from "@bashke/identity"
import { Schema } from "effect"
import * as Route from "../Route"

const PersonPath = Schema.Struct({ personId: Person.PersonId })
const Deactivated = Schema.Struct({ deactivated: Schema.Literal(true) }).annotations({ identifier: "Deactivated" })

const deactivate = Route.make({
  method: "post",
  path: "/v1/people/:personId/deactivate",
  operationId: "deactivatePerson",
  tag: "people",
  summary: "Deactivate a person: every session, token and JWT of theirs stops at the next request",
  pathSchema: PersonPath,
  success: { status: 200, schema: Deactivated },
  handle: ({ path }) => Administration.deactivate(path.personId),
})

export const routes: ReadonlyArray<Route.AnyRoute> = [deactivate]
