/**
 * The demo's institution registry: the Gjilan mechanism's eight member
 * institutions under the ids the rest of the demo uses, each with its name in
 * the four languages, registered by the demo's administrator as the API would.
 */
import { type Errors, Principal } from "@bashke/kernel"
import { RegisterInstitution } from "@bashke/mechanism"
import { Effect } from "effect"
import { institutions, principal } from "./World"

export const seedInstitutions = (
  mechanismId: Parameters<typeof principal>[1],
): Effect.Effect<void, Errors.DomainError, Exclude<RegisterInstitution.Requirements, Principal.CurrentPrincipal>> =>
  Effect.forEach(
    Object.values(institutions),
    (institution) =>
      RegisterInstitution.register({
        id: institution.id,
        name: institution.name,
        sector: institution.sector,
        municipality: "GJI",
      }),
    { discard: true },
  ).pipe(Effect.provideService(Principal.CurrentPrincipal, principal("administrator", mechanismId)))
