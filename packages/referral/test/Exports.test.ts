import Ajv from "ajv"
import Ajv2020 from "ajv/dist/2020"
import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import * as Directory from "../src/Directory"
import * as FhirExport from "../src/FhirExport"
import * as HsdsExport from "../src/HsdsExport"
import type * as Referral from "../src/Referral"
import * as ReferralLifecycle from "../src/ReferralLifecycle"
import { actor, directory, sent, services } from "./Fixtures"
import fhirSchema from "./schemas/fhir-r4.json"
import hsdsSchema from "./schemas/hsds-3.0.json"

// The string formats the schemas use, checked for real (ajv leaves formats to plugins).
const formats = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  email: /^[^\s@]+@[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:\S*$/i,
}

const hsds = new Ajv2020({ allErrors: true, formats })
hsds.addSchema(hsdsSchema)
const fhir = new Ajv({ allErrors: true, strictTypes: false })
fhir.addSchema(fhirSchema)

const hsdsValidator = (entity: string) => {
  const validate = hsds.getSchema(`https://bashke.test/schemas/hsds-3.0.json#/$defs/${entity}`)
  if (validate === undefined) throw new Error(`no HSDS schema for ${entity}`)
  return (value: unknown) => (validate(value) ? [] : validate.errors)
}
const fhirValidator = (resource: string) => {
  const validate = fhir.getSchema(`https://bashke.test/schemas/fhir-r4.json#/definitions/${resource}`)
  if (validate === undefined) throw new Error(`no FHIR schema for ${resource}`)
  return (value: unknown) => (validate(value) ? [] : validate.errors)
}

describe("HsdsExport.toHsds", () => {
  const exported = HsdsExport.toHsds(directory)

  it("validates against the HSDS 3.0 schemas", () => {
    for (const o of exported.organizations) expect(hsdsValidator("organization")(o)).toEqual([])
    for (const s of exported.services) expect(hsdsValidator("service")(s)).toEqual([])
    for (const l of exported.locations) expect(hsdsValidator("location")(l)).toEqual([])
    for (const sl of exported.service_at_locations) expect(hsdsValidator("service_at_location")(sl)).toEqual([])
    expect(exported.service_at_locations).toHaveLength(1)
  })

  it("carries the type, languages, capacity with its update time, and links by UUID", () => {
    const shelter = exported.services[0] as Record<string, unknown>
    expect(shelter.status).toBe("active")
    expect(shelter.organization_id).toBe(exported.organizations[0]?.id)
    expect(shelter.languages).toEqual([
      expect.objectContaining({ code: "sq" }),
      expect.objectContaining({ code: "sr-Latn" }),
    ])
    expect(shelter.service_capacities).toEqual([
      expect.objectContaining({ available: 3, maximum: 12, updated: "2026-03-01T08:00:00.000Z" }),
    ])
    expect(shelter.attributes).toEqual([
      expect.objectContaining({
        taxonomy_term: expect.objectContaining({ code: "shelter", taxonomy: "bashke-service-type" }),
      }),
    ])
    expect((exported.services[2] as Record<string, unknown>).status).toBe("inactive")
    const ids = [exported.organizations, exported.services, exported.locations, exported.service_at_locations].flatMap(
      (objects) => objects.map((o) => o.id),
    )
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("rejects what the schema forbids (the validator is not a rubber stamp)", () => {
    expect(hsdsValidator("service")({ id: "not-a-uuid", name: "x", status: "open" })).not.toEqual([])
    expect(hsdsValidator("organization")({ id: exported.organizations[0]?.id, name: "x" })).not.toEqual([])
  })

  it("property: a capacity update keeps the newest report", () => {
    const shelter = directory.services[0] as Directory.Service
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -100, max: 100 }), (available, hours) => {
        const report = {
          unit: "beds" as const,
          available,
          total: 12,
          updatedAt: new Date(Date.parse("2026-03-01T08:00:00Z") + hours * 3_600_000),
        }
        const updated = Directory.updateCapacity(shelter, report)
        expect(updated.capacity).toEqual(hours >= 0 ? report : shelter.capacity)
      }),
    )
  })
})

describe("FhirExport", () => {
  const t0 = new Date("2026-03-02T09:00:00Z")
  const shelter = directory.services.find((s) => s.id === services.shelterBeds) as Directory.Service

  const paths: ReadonlyArray<ReadonlyArray<ReferralLifecycle.Command>> = [
    [],
    [{ _tag: "Acknowledge" }],
    [{ _tag: "Accept" }],
    [{ _tag: "Decline", reason: "no-capacity" }],
    [{ _tag: "Accept" }, { _tag: "StartService" }],
    [{ _tag: "Accept" }, { _tag: "StartService" }, { _tag: "Complete", outcome: "safe-housing-found" }],
    [{ _tag: "Cancel", reason: "not-needed" }],
    [{ _tag: "Revoke", reason: "consent-withdrawn" }],
  ]
  const reach = (commands: ReadonlyArray<ReferralLifecycle.Command>, base: Referral.Referral = sent(t0)) =>
    commands.reduce(
      (r, c, i) =>
        Either.getOrThrow(ReferralLifecycle.transition(r, c, actor(), new Date(t0.getTime() + (i + 1) * 60_000))),
      base,
    )

  it("validates a ServiceRequest and a Task in every state against the FHIR R4 schema", () => {
    const statuses = new Set<string>()
    for (const path of paths) {
      for (const urgency of ["high", "standard"] as const) {
        const referral = reach(path, sent(t0, { urgency }))
        statuses.add(referral.status)
        expect(fhirValidator("ServiceRequest")(FhirExport.toServiceRequest(referral, shelter))).toEqual([])
        expect(fhirValidator("Task")(FhirExport.toTask(referral))).toEqual([])
      }
    }
    expect(statuses.size).toBe(8)
  })

  it("maps statuses as documented", () => {
    const declined = reach([{ _tag: "Decline", reason: "no-capacity" }])
    expect(FhirExport.toServiceRequest(declined, shelter)).toMatchObject({ status: "revoked", intent: "order" })
    expect(FhirExport.toTask(declined)).toMatchObject({
      status: "rejected",
      statusReason: { coding: [{ code: "no-capacity" }] },
      businessStatus: { coding: [{ code: "declined" }] },
    })
    expect(FhirExport.statusOf("in-service")).toEqual({ serviceRequest: "active", task: "in-progress" })
    expect(FhirExport.toServiceRequest(sent(t0, { urgency: "high" }), shelter)).toMatchObject({ priority: "urgent" })
  })

  it("rejects what the schema forbids", () => {
    expect(fhirValidator("Task")({ resourceType: "Task", status: "declined", intent: "order" })).not.toEqual([])
    expect(fhirValidator("ServiceRequest")({ resourceType: "ServiceRequest", status: "active" })).not.toEqual([])
  })
})
