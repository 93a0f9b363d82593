// The institution registry: names are public, so every authenticated caller
// reads it; only an administrator registers and revises institutions.
import { institutions } from "../../../src/demo/World"
import { etagOf, get, ok, type Scenario, statuses } from "./Matrix"

const administrator = (status: number) => statuses(403, { administrator: status })
const name = { sq: "Qendra e provës", "sr-Latn": "Probni centar", en: "Test centre" }

export const institutionScenarios: ReadonlyArray<Scenario> = [
  {
    operationId: "listInstitutions",
    label: "the institutions by name: every authenticated caller",
    request: get(() => "/v1/institutions?sector=police"),
    expect: statuses(200),
  },
  {
    operationId: "getInstitution",
    label: "an institution by name: every authenticated caller",
    request: get(() => `/v1/institutions/${institutions.shelter.id}`),
    expect: statuses(200),
  },
  {
    operationId: "registerInstitution",
    label: "register an institution: an administrator",
    request: async () => ({ method: "POST", path: "/v1/institutions", body: { name, sector: "civil-society" } }),
    expect: administrator(ok("registerInstitution")),
  },
  {
    operationId: "reviseInstitution",
    label: "revise an institution: an administrator",
    request: async (world) => {
      const path = `/v1/institutions/${institutions.legalAid.id}`
      return {
        method: "PUT",
        path,
        body: { name: institutions.legalAid.name, sector: "legal-aid", municipality: "GJI" },
        ifMatch: await etagOf(world, path),
      }
    },
    expect: administrator(ok("reviseInstitution")),
  },
]
