/**
 * The service directory (`@bashke/referral`'s `Directory`, shaped after Open
 * Referral HSDS): organisations, the locations they serve at and their services,
 * each service's capacity as its provider reports it, and the whole directory as
 * HSDS 3.0 JSON (`GET /v1/services/hsds`).
 *
 * The directory holds providers' public details only, so any authenticated
 * caller reads it. An institution's entries (its organisation, locations,
 * services and their capacity) are written by its own people or an
 * administrator: the referral package's `DirectoryPolicy` decides, so another
 * mechanism's coordinator cannot plant a location under a shelter. Ids of
 * locations and services are generated here; an organisation is keyed by its
 * institution.
 *
 * The database ties locations and services to a registered organisation, and
 * the package does not check it: these routes do, so a bad reference is an
 * `InvalidInput` naming the field rather than a failed statement.
 */
import { Errors, Id, Municipality } from "@bashke/kernel"
import { Directory, HsdsExport, ReferralService, ServiceType } from "@bashke/referral"
import { Effect, Schema } from "effect"
import * as Route from "../Route"
import * as Keyset from "./Keyset"

const tag = "service-directory"

const referrals = Effect.map(ReferralService.ReferralService, (service) => service)

const ServicePath = Schema.Struct({ serviceId: Id.ServiceId })

const requireOrganization = (directory: Directory.Directory, institution: Id.InstitutionId) =>
  directory.organizations.some((organization) => organization.institution === institution)
    ? Effect.void
    : Effect.fail(new Errors.InvalidInput({ field: "institution", rule: "gateway.directory.organization-unknown" }))

const PageQuery = Keyset.query({})

const OrganizationPage = Keyset.pageSchema(Directory.Organization, "OrganizationPage")
const LocationPage = Keyset.pageSchema(Directory.Location, "LocationPage")
const ServicePage = Keyset.pageSchema(Directory.Service, "ServicePage")

const registerOrganization = Route.make({
  method: "post",
  path: "/v1/organizations",
  operationId: "registerOrganization",
  tag,
  summary: "Register a provider (an institution) in the directory (its own people, or an administrator)",
  bodySchema: Directory.Organization,
  success: { status: 201, schema: Directory.Organization },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const service = yield* referrals
      const directory = yield* service.directory
      if (directory.organizations.some((organization) => organization.institution === body.institution))
        return yield* new Errors.Conflict({
          entity: "Organization",
          id: body.institution,
          rule: "gateway.directory.organization-registered",
        })
      return yield* service.registerOrganization(body)
    }),
})

const listOrganizations = Route.make({
  method: "get",
  path: "/v1/organizations",
  operationId: "listOrganizations",
  tag,
  summary: "The directory's providers, by institution id",
  querySchema: PageQuery,
  success: { status: 200, schema: OrganizationPage },
  handle: ({ query }) => Effect.flatMap(referrals, (service) => service.directoryPages.organizations(query)),
})

const registerLocation = Route.make({
  method: "post",
  path: "/v1/locations",
  operationId: "registerLocation",
  tag,
  summary:
    "Register a place where a provider serves (its own people, or an administrator; a shelter's address stays out)",
  bodySchema: Directory.Location.pipe(Schema.omit("id")),
  success: { status: 201, schema: Directory.Location },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const service = yield* referrals
      yield* requireOrganization(yield* service.directory, body.institution as Id.InstitutionId)
      return yield* service.registerLocation({ ...body, id: yield* Directory.LocationId.generate })
    }),
})

const LocationQuery = Keyset.query({
  municipality: Schema.optional(Municipality.MunicipalityCode),
  institution: Schema.optional(Id.InstitutionId),
})

const listLocations = Route.make({
  method: "get",
  path: "/v1/locations",
  operationId: "listLocations",
  tag,
  summary: "The directory's locations, by id",
  querySchema: LocationQuery,
  success: { status: 200, schema: LocationPage },
  handle: ({ query }) =>
    Effect.flatMap(referrals, (service) =>
      service.directoryPages.locations({ municipality: query.municipality, institution: query.institution }, query),
    ),
})

const registerService = Route.make({
  method: "post",
  path: "/v1/services",
  operationId: "registerService",
  tag,
  summary: "Register a service of a provider, at its locations (its own people, or an administrator)",
  bodySchema: Directory.Service.pipe(Schema.omit("id")),
  success: { status: 201, schema: Directory.Service },
  handle: ({ body }) =>
    Effect.gen(function* () {
      const service = yield* referrals
      const directory = yield* service.directory
      yield* requireOrganization(directory, body.institution as Id.InstitutionId)
      for (const [i, location] of body.locations.entries()) {
        const known = directory.locations.find((each) => each.id === location)
        if (known === undefined || known.institution !== body.institution)
          return yield* new Errors.InvalidInput({
            field: `locations.${i}`,
            rule: "gateway.directory.location-unknown",
          })
      }
      return yield* service.registerService({ ...body, id: yield* Id.ServiceId.generate })
    }),
})

const ServiceQuery = Keyset.query({
  type: Schema.optional(ServiceType.ServiceType),
  municipality: Schema.optional(Municipality.MunicipalityCode),
  language: Schema.optional(Directory.Language),
  institution: Schema.optional(Id.InstitutionId),
  active: Schema.optional(Schema.BooleanFromString),
})

const listServices = Route.make({
  method: "get",
  path: "/v1/services",
  operationId: "listServices",
  tag,
  summary: "The directory's services, by id, filtered by type, municipality, language, provider, activity",
  querySchema: ServiceQuery,
  success: { status: 200, schema: ServicePage },
  handle: ({ query }) =>
    Effect.flatMap(referrals, (service) =>
      service.directoryPages.services(
        {
          type: query.type,
          municipality: query.municipality,
          language: query.language,
          institution: query.institution,
          active: query.active,
        },
        query,
      ),
    ),
})

const HsdsObject = Schema.Record({ key: Schema.String, value: Schema.Unknown })

/** The directory in Open Referral HSDS 3.0, as `HsdsExport.toHsds` writes it. */
const Hsds = Schema.Struct({
  organizations: Schema.Array(HsdsObject),
  services: Schema.Array(HsdsObject),
  locations: Schema.Array(HsdsObject),
  service_at_locations: Schema.Array(HsdsObject),
}).annotations({
  identifier: "HsdsDirectory",
  description: "The directory as Open Referral HSDS 3.0 objects (ids as UUIDs), linked by id",
})

// Listed before `/v1/services/:serviceId`, so that `hsds` is never read as an id.
const exportHsds = Route.make({
  method: "get",
  path: "/v1/services/hsds",
  operationId: "exportHsds",
  tag,
  summary: "The whole directory as Open Referral HSDS 3.0 JSON",
  success: { status: 200, schema: Hsds },
  handle: () =>
    Effect.map(
      Effect.flatMap(referrals, (service) => service.directory),
      HsdsExport.toHsds,
    ),
})

const readService = Route.make({
  method: "get",
  path: "/v1/services/:serviceId",
  operationId: "getService",
  tag,
  summary: "A service of the directory, with its capacity",
  pathSchema: ServicePath,
  success: { status: 200, schema: Directory.Service },
  handle: ({ path }) =>
    Effect.gen(function* () {
      const directory = yield* (yield* referrals).directory
      const found = directory.services.find((service) => service.id === path.serviceId)
      if (found === undefined) return yield* new Errors.NotFound({ entity: "Service", id: path.serviceId })
      return found
    }),
})

const reportCapacity = Route.make({
  method: "put",
  path: "/v1/services/:serviceId/capacity",
  operationId: "reportServiceCapacity",
  tag,
  summary: "The provider reports a service's free capacity (an older report than the one held changes nothing)",
  pathSchema: ServicePath,
  bodySchema: Directory.Capacity,
  success: { status: 200, schema: Directory.Service },
  handle: ({ path, body }) => Effect.flatMap(referrals, (service) => service.reportCapacity(path.serviceId, body)),
})

/** The directory routes. */
export const routes: ReadonlyArray<Route.AnyRoute> = [
  registerOrganization,
  listOrganizations,
  registerLocation,
  listLocations,
  registerService,
  listServices,
  exportHsds,
  readService,
  reportCapacity,
]
