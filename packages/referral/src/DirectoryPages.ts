/**
 * The service directory's lists as pages, read through the repository port so
 * that no caller reads the repository itself, each paged in SQL by keyset
 * (ADR 0034), so a page costs the same however large the directory: the
 * providers by institution id, the locations and the services by id, each of
 * the filter's. The directory holds public details only: any caller may read it.
 */
import { Cursor, type Errors, Id, Pagination } from "@bashke/kernel"
import { Effect, Schema } from "effect"
import * as Directory from "./Directory"
import { type LocationFilter, ReferralRepository, type ServiceFilter } from "./ReferralRepository"

/** A page request: `limit` entries after the `after` cursor of the previous page. */
export interface PageQuery {
  readonly limit: number
  readonly after?: string | undefined
}

const OrganizationKey = Schema.Tuple(Id.InstitutionId)
const LocationKey = Schema.Tuple(Directory.LocationId)
const ServiceKey = Schema.Tuple(Id.ServiceId)

/** A page of the providers, by institution id. */
export const organizations = (
  query: PageQuery,
): Effect.Effect<Pagination.Page<Directory.Organization>, Errors.InvalidInput, ReferralRepository> =>
  Effect.gen(function* () {
    const after = yield* Cursor.afterKey(OrganizationKey, query.after)
    const rows = yield* (yield* ReferralRepository).organizationPage({ after: after?.[0], limit: query.limit + 1 })
    return Pagination.paginate(rows, query.limit, (organization) => [organization.institution])
  })

/** A page of the locations, by id: those of one municipality or provider when given. */
export const locations = (
  filter: LocationFilter,
  query: PageQuery,
): Effect.Effect<Pagination.Page<Directory.Location>, Errors.InvalidInput, ReferralRepository> =>
  Effect.gen(function* () {
    const after = yield* Cursor.afterKey(LocationKey, query.after)
    const rows = yield* (yield* ReferralRepository).locationPage({
      ...filter,
      after: after?.[0],
      limit: query.limit + 1,
    })
    return Pagination.paginate(rows, query.limit, (location) => [location.id])
  })

/** A page of the services, by id: of one type, municipality, language, provider or activity when given. */
export const services = (
  filter: ServiceFilter,
  query: PageQuery,
): Effect.Effect<Pagination.Page<Directory.Service>, Errors.InvalidInput, ReferralRepository> =>
  Effect.gen(function* () {
    const after = yield* Cursor.afterKey(ServiceKey, query.after)
    const rows = yield* (yield* ReferralRepository).servicePage({
      ...filter,
      after: after?.[0],
      limit: query.limit + 1,
    })
    return Pagination.paginate(rows, query.limit, (service) => [service.id])
  })
