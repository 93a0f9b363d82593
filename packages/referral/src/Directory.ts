/**
 * The service directory, shaped after Open Referral HSDS 3.0: an
 * `Organization` (a member institution or an NGO) provides `Service`s, offered
 * at `Location`s (`ServiceAtLocation`). A service records its type,
 * municipality, languages, eligibility and its capacity as last updated by the
 * provider. Contact details are an organisation's public ones: a directory holds
 * no personal data.
 */
import { Id, Instant, Municipality, Sector } from "@bashke/kernel"
import { Schema } from "effect"
import { ServiceType } from "./ServiceType"

const Text = Schema.NonEmptyTrimmedString

/**
 * A language a service is given in, as a BCP 47 tag (`sq`, `sr-Latn`, `tr`,
 * `rom`): wider than the interface's locales, since a service may work in
 * Turkish or Romani.
 */
export const Language = Schema.String.pipe(
  Schema.pattern(/^[a-z]{2,3}(-[A-Z][a-z]{3})?$/),
  Schema.annotations({ identifier: "Language", message: () => "referral.language.malformed" }),
)

/**
 * A provider: `institution` links it to the kernel's institution, so that
 * consent naming the institution covers a referral to its services; `sector`
 * lets a consent given to a whole sector cover it too.
 */
export const Organization = Schema.Struct({
  institution: Id.InstitutionId,
  sector: Schema.optional(Sector.Sector),
  name: Text,
  description: Schema.optional(Text),
  website: Schema.optional(Text),
  email: Schema.optional(Text),
}).annotations({ identifier: "Organization" })

export type Organization = typeof Organization.Type

/**
 * A location's id (the kernel has none: locations exist only in the directory).
 */
export const LocationId = Id.make("LocationId")

export type LocationId = typeof LocationId.Type

/**
 * A physical place where services are given (a shelter's address stays out of
 * the directory: `address` is optional and meant for public offices only).
 */
export const Location = Schema.Struct({
  id: LocationId,
  institution: Id.InstitutionId,
  name: Text,
  municipality: Municipality.MunicipalityCode,
  address: Schema.optional(Text),
}).annotations({ identifier: "Location" })

export type Location = typeof Location.Type

/**
 * How much of a service is free: `available` of `total` units (beds, places,
 * appointments), as the provider last reported it, at `updatedAt` (the kernel's
 * `Instant`: a `Date`, or an ISO 8601 string as it arrives over HTTP).
 */
export const Capacity = Schema.Struct({
  unit: Schema.Literal("beds", "places", "appointments"),
  available: Schema.NonNegativeInt,
  total: Schema.NonNegativeInt,
  updatedAt: Instant.Instant,
}).pipe(
  Schema.filter((c) => c.available <= c.total || "referral.capacity.over-total"),
  Schema.annotations({ identifier: "Capacity" }),
)

export type Capacity = typeof Capacity.Type

/**
 * A service of an organisation.
 */
export const Service = Schema.Struct({
  id: Id.ServiceId,
  institution: Id.InstitutionId,
  name: Text,
  type: ServiceType,
  municipality: Municipality.MunicipalityCode,
  languages: Schema.NonEmptyArray(Language),
  eligibility: Schema.optional(Text),
  capacity: Schema.optional(Capacity),
  locations: Schema.Array(LocationId),
  active: Schema.Boolean,
}).annotations({ identifier: "Service" })

export type Service = typeof Service.Type

/**
 * A directory: organisations, locations and services.
 */
export const Directory = Schema.Struct({
  organizations: Schema.Array(Organization),
  locations: Schema.Array(Location),
  services: Schema.Array(Service),
}).annotations({ identifier: "Directory" })

export type Directory = typeof Directory.Type

/**
 * The active service with the id, if the directory lists it.
 */
export const findService = (directory: Pick<Directory, "services">, id: Id.ServiceId): Service | undefined =>
  directory.services.find((service) => service.id === id && service.active)

/**
 * The service with its capacity replaced by the provider's update. An update
 * older than the one held is ignored, so reports arriving out of order keep the
 * newest figure.
 */
export const updateCapacity = (service: Service, capacity: Capacity): Service =>
  service.capacity !== undefined && service.capacity.updatedAt.getTime() > capacity.updatedAt.getTime()
    ? service
    : { ...service, capacity }

/**
 * The sector of a provider, as the directory records it.
 */
export const sectorOf =
  (directory: Pick<Directory, "organizations">) =>
  (institution: Id.InstitutionId): Sector.Sector | undefined =>
    directory.organizations.find((org) => org.institution === institution)?.sector
