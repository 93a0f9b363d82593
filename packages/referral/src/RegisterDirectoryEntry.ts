/**
 * A provider registers its directory entries: the organization, its
 * locations and its services. The entry is written by its own institution or
 * an administrator (`DirectoryPolicy`); a new service is announced on the
 * outbox (`referral.service.registered`) in the same transaction.
 *
 * Fails with `InvalidInput` naming the field or `Forbidden`
 * (`DirectoryPolicy`'s rules).
 */
import { type Errors, type Id, Principal } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect, type Schema } from "effect"
import * as Directory from "./Directory"
import * as DirectoryPolicy from "./DirectoryPolicy"
import { emit } from "./internal/Events"
import { decode } from "./internal/Input"
import { topics } from "./ReferralEvents"
import { ReferralRepository } from "./ReferralRepository"

/**
 * What registering needs.
 */
export type Requirements = ReferralRepository | SqlClient.SqlClient | Id.IdGenerator | Principal.CurrentPrincipal

const register = <A extends { readonly institution: Id.InstitutionId }, I>(
  schema: Schema.Schema<A, I>,
  write: DirectoryPolicy.Write,
  span: string,
  insert: (entry: A) => Effect.Effect<void, never, Requirements>,
): ((input: I) => Effect.Effect<A, Errors.InvalidInput | Errors.Forbidden, Requirements>) => {
  const pipeline = UseCase.make({
    span: `ReferralService.${span}`,
    decode: (input: I) => decode(schema)(input),
    load: () => Principal.CurrentPrincipal,
    decide: (principal, entry) => DirectoryPolicy.requireWriter(principal, entry.institution, write),
    write: (_, __, entry: A) => Effect.as(insert(entry), entry),
  })
  return pipeline
}

/**
 * Registers an organization (a provider).
 */
export const organization: (
  input: typeof Directory.Organization.Encoded,
) => Effect.Effect<Directory.Organization, Errors.InvalidInput | Errors.Forbidden, Requirements> = register(
  Directory.Organization,
  "organization.register",
  "registerOrganization",
  (org) => Effect.flatMap(ReferralRepository, (repo) => repo.insertOrganization(org)),
)

/**
 * Registers a location of a provider.
 */
export const location: (
  input: typeof Directory.Location.Encoded,
) => Effect.Effect<Directory.Location, Errors.InvalidInput | Errors.Forbidden, Requirements> = register(
  Directory.Location,
  "location.register",
  "registerLocation",
  (loc) => Effect.flatMap(ReferralRepository, (repo) => repo.insertLocation(loc)),
)

/**
 * Registers a service of a provider and announces it.
 */
export const service: (
  input: typeof Directory.Service.Encoded,
) => Effect.Effect<Directory.Service, Errors.InvalidInput | Errors.Forbidden, Requirements> = register(
  Directory.Service,
  "service.register",
  "registerService",
  (svc) =>
    Effect.gen(function* () {
      yield* (yield* ReferralRepository).insertService(svc)
      yield* emit(topics.serviceRegistered, "Service", svc.id, { service: svc.id, type: svc.type })
    }),
)
