/**
 * The directory as Open Referral HSDS 3.0 JSON: the `organization`, `service`,
 * `location` and `service_at_location` objects, flat as in HSDS's tabular
 * form, linked by `organization_id`, `service_id` and `location_id`.
 *
 * Mapping: ids are the ULIDs' UUID spelling (HSDS asks for UUIDs); the service
 * type is a `taxonomy_term` of the `bashke-service-type` taxonomy, attached as
 * an `attribute`; languages are `language` objects with their BCP 47 code;
 * capacity is a `service_capacity` with its `unit` and `updated` time;
 * eligibility is `eligibility_description`; a municipality is a
 * `service_area`. An inactive service is `inactive`.
 */
import type * as Directory from "./Directory"
import { ofUlid } from "./internal/Uuid"

/**
 * An HSDS object, as plain JSON.
 */
export type Json = { readonly [key: string]: unknown }

/**
 * The directory in HSDS 3.0.
 */
export interface Hsds {
  readonly organizations: ReadonlyArray<Json>
  readonly services: ReadonlyArray<Json>
  readonly locations: ReadonlyArray<Json>
  readonly service_at_locations: ReadonlyArray<Json>
}

/**
 * The taxonomy the service types are published under.
 */
export const taxonomy = "bashke-service-type"

// Ids of the objects Bashkë does not store on their own (language, area,
// attribute, term, capacity, unit, service at location): the owner's UUID with
// its last group replaced by the kind and the index, so an export is stable
// from run to run and every id is unique within it.
const derived = (owner: string, index: number, kind: number): string =>
  `${owner.slice(0, 24)}${(kind * 4096 + index).toString(16).padStart(12, "0")}`

const optional = <K extends string, V>(key: K, value: V | undefined): { readonly [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { readonly [P in K]?: V }

const organization = (org: Directory.Organization): Json => ({
  id: ofUlid(org.institution),
  name: org.name,
  // HSDS requires a description; a provider without one gets its name.
  description: org.description ?? org.name,
  ...optional("website", org.website),
  ...optional("email", org.email),
})

const service = (svc: Directory.Service): Json => {
  const id = ofUlid(svc.id)
  return {
    id,
    organization_id: ofUlid(svc.institution),
    name: svc.name,
    status: svc.active ? "active" : "inactive",
    ...optional("eligibility_description", svc.eligibility),
    languages: svc.languages.map((code, i) => ({ id: derived(id, i, 1), service_id: id, code })),
    service_areas: [{ id: derived(id, 0, 2), service_id: id, name: svc.municipality, extent_type: "other" }],
    attributes: [
      {
        id: derived(id, 0, 3),
        link_id: id,
        link_type: "service",
        link_entity: "service",
        taxonomy_term_id: derived(id, 0, 4),
        taxonomy_term: { id: derived(id, 0, 4), code: svc.type, name: svc.type, description: svc.type, taxonomy },
      },
    ],
    service_capacities:
      svc.capacity === undefined
        ? []
        : [
            {
              id: derived(id, 0, 5),
              service_id: id,
              unit: { id: derived(id, 0, 6), name: svc.capacity.unit },
              available: svc.capacity.available,
              maximum: svc.capacity.total,
              updated: svc.capacity.updatedAt.toISOString(),
            },
          ],
  }
}

const location = (loc: Directory.Location): Json => ({
  id: ofUlid(loc.id),
  location_type: "physical",
  organization_id: ofUlid(loc.institution),
  name: loc.name,
})

/**
 * The directory in HSDS 3.0.
 */
export const toHsds = (directory: Directory.Directory): Hsds => ({
  organizations: directory.organizations.map(organization),
  services: directory.services.map(service),
  locations: directory.locations.map(location),
  service_at_locations: directory.services.flatMap((svc) =>
    svc.locations.map((loc, i) => ({
      id: derived(ofUlid(svc.id), i, 7),
      service_id: ofUlid(svc.id),
      location_id: ofUlid(loc),
    })),
  ),
})
