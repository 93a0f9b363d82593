// The service directory: providers' public details, so every authenticated
// caller reads it; an administrator or a coordinator registers; a provider
// reports its own service's capacity. The directory belongs to no mechanism:
// a provider's worker reports for it whatever mechanism their token names.
import { Id } from "@bashke/kernel"
import { institutions } from "../../../src/demo/World"
import { get, ok, type Scenario, statuses, type World } from "./Matrix"

const directory = (world: World) => {
  const found = world.seeded.directory
  if (found === undefined) throw new Error("the demo seeds the directory")
  return found
}

const freshId = () => Id.ulidAt(Date.now(), crypto.getRandomValues(new Uint8Array(10)))

/** An administrator and any coordinator (the directory is shared by the mechanisms). */
const stewards = (status: number) => statuses(403, { coordinator: status, administrator: status })
const everyone = statuses(200)

export const directoryScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "registerOrganization",
    label: "register a provider: an administrator or a coordinator",
    request: async () => ({
      method: "POST",
      path: "/v1/organizations",
      body: { institution: freshId(), sector: "civil-society", name: "Qendra e provës për gra" },
    }),
    expect: stewards(ok("registerOrganization")),
  },
  {
    operationId: "listOrganizations",
    label: "the providers (public details): every authenticated caller",
    request: get(() => "/v1/organizations"),
    expect: everyone,
  },
  {
    operationId: "registerLocation",
    label: "register a provider's location: an administrator or a coordinator",
    request: async () => ({
      method: "POST",
      path: "/v1/locations",
      body: { institution: institutions.socialWork.id, name: "Zyra e provës", municipality: "GJI" },
    }),
    expect: stewards(ok("registerLocation")),
  },
  {
    operationId: "listLocations",
    label: "the locations: every authenticated caller",
    request: get(() => "/v1/locations?municipality=GJI"),
    expect: everyone,
  },
  {
    operationId: "registerService",
    label: "register a service: an administrator or a coordinator",
    request: async () => ({
      method: "POST",
      path: "/v1/services",
      body: {
        institution: institutions.socialWork.id,
        name: "Këshillim në grup",
        type: "psychosocial-counselling",
        municipality: "GJI",
        languages: ["sq"],
        locations: [],
        active: false,
      },
    }),
    expect: stewards(ok("registerService")),
  },
  {
    operationId: "listServices",
    label: "the services: every authenticated caller",
    request: get(() => "/v1/services?type=shelter"),
    expect: everyone,
  },
  {
    operationId: "exportHsds",
    label: "the directory as HSDS: every authenticated caller",
    request: get(() => "/v1/services/hsds"),
    expect: everyone,
  },
  {
    operationId: "getService",
    label: "a service with its capacity: every authenticated caller",
    request: get((w) => `/v1/services/${directory(w).shelter}`),
    expect: everyone,
  },
  {
    operationId: "reportServiceCapacity",
    label:
      "report the shelter's free places: the shelter's workers, in whatever mechanism (the stranger works for the same shelter)",
    request: async (w) => ({
      method: "PUT",
      path: `/v1/services/${directory(w).shelter}/capacity`,
      body: { unit: "beds", available: 3, total: 12, updatedAt: new Date().toISOString() },
    }),
    expect: statuses(403, { shelterWorker: ok("reportServiceCapacity"), stranger: ok("reportServiceCapacity") }),
  },
]
