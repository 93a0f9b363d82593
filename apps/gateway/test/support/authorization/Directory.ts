// The service directory: providers' public details, so every authenticated
// caller reads it; an institution's entries (organisation, locations, services,
// capacity) are written by its own people or an administrator, never by
// another institution — a coordinator included. The directory belongs to no
// mechanism: a provider's worker writes for it whatever mechanism their token
// names (the stranger works for the same shelter, in another mechanism).
import { Id } from "@bashke/kernel"
import { institutions } from "../../../src/demo/World"
import { get, ok, type Scenario, statuses, type World } from "./Matrix"

const directory = (world: World) => {
  const found = world.seeded.directory
  if (found === undefined) throw new Error("the demo seeds the directory")
  return found
}

const freshId = () => Id.ulidAt(Date.now(), crypto.getRandomValues(new Uint8Array(10)))

/** The institution's own people (those of the demo who act for it, and the stranger for the shelter) and an administrator. */
const own = (institution: "socialWork" | "shelter", status: number) =>
  statuses(403, {
    administrator: status,
    ...(institution === "socialWork" ? { caseManager: status } : { shelterWorker: status, stranger: status }),
  })
const everyone = statuses(200)

export const directoryScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "registerOrganization",
    label: "register a new provider (an institution none of the callers acts for): an administrator only",
    request: async () => ({
      method: "POST",
      path: "/v1/organizations",
      body: { institution: freshId(), sector: "civil-society", name: "Qendra e provës për gra" },
    }),
    expect: statuses(403, { administrator: ok("registerOrganization") }),
  },
  {
    operationId: "listOrganizations",
    label: "the providers (public details): every authenticated caller",
    request: get(() => "/v1/organizations"),
    expect: everyone,
  },
  {
    operationId: "registerLocation",
    label: "register the centre for social work's location: its own people or an administrator",
    request: async () => ({
      method: "POST",
      path: "/v1/locations",
      body: { institution: institutions.socialWork.id, name: "Zyra e provës", municipality: "GJI" },
    }),
    expect: own("socialWork", ok("registerLocation")),
  },
  {
    operationId: "registerLocation",
    label:
      "plant a location under the shelter (the review's attack): only the shelter's own people or an administrator",
    request: async () => ({
      method: "POST",
      path: "/v1/locations",
      body: { institution: institutions.shelter.id, name: "Adresa e provës", municipality: "GJI" },
    }),
    expect: own("shelter", ok("registerLocation")),
  },
  {
    operationId: "listLocations",
    label: "the locations: every authenticated caller",
    request: get(() => "/v1/locations?municipality=GJI"),
    expect: everyone,
  },
  {
    operationId: "registerService",
    label: "register a service of the centre for social work: its own people or an administrator",
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
    expect: own("socialWork", ok("registerService")),
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
      "report the shelter's free places: the shelter's workers, in whatever mechanism (the stranger works for the same shelter), or an administrator",
    request: async (w) => ({
      method: "PUT",
      path: `/v1/services/${directory(w).shelter}/capacity`,
      body: { unit: "beds", available: 3, total: 12, updatedAt: new Date().toISOString() },
    }),
    expect: own("shelter", ok("reportServiceCapacity")),
  },
]
