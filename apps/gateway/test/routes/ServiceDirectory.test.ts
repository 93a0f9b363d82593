// The service directory routes on SQLite and PostgreSQL, over the seeded demo:
// reading and filtering, registering (an institution's own people or an
// administrator, references checked before anything is written), capacity
// reports by the provider, and the HSDS export.
import { Id } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts } from "../support/Rows"

const directoryTables = ["referral_organizations", "referral_locations", "referral_services", "bashke_outbox"]
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: service directory routes`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (name: PersonName) => tokens.get(name) as string
    const directory = () => seeded.directory as NonNullable<Seeded["directory"]>
    // An institution of the world that is not in the directory yet: the victim advocate.
    const newcomer = institutions.victimAdvocacy.id

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const name of [
        "coordinator",
        "administrator",
        "caseManager",
        "shelterWorker",
        "lawyer",
        "advocate",
      ] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    it("lists the demo's services, filtered, with capacity times as ISO strings", async () => {
      const all = await (await gateway.request("GET", "/v1/services", { token: as("lawyer") })).json()
      expect(all.items).toHaveLength(5)
      const shelters = await gateway.request("GET", "/v1/services?type=shelter&language=tr&active=true", {
        token: as("lawyer"),
      })
      expect(shelters.status).toBe(200)
      const [shelter] = (await shelters.json()).items
      expect(shelter).toMatchObject({
        id: directory().shelter,
        institution: institutions.shelter.id,
        locations: [],
        capacity: { unit: "beds", available: 3, total: 12, updatedAt: expect.stringMatching(/Z$/) },
      })
      const page = await (await gateway.request("GET", "/v1/services?limit=2", { token: as("lawyer") })).json()
      expect(page.items).toHaveLength(2)
      const next = await (
        await gateway.request("GET", `/v1/services?limit=2&after=${page.next}`, { token: as("lawyer") })
      ).json()
      expect(next.items[0].id > page.items[1].id).toBe(true)
      const bad = await gateway.request("GET", "/v1/services?type=spa", { token: as("lawyer") })
      expect(bad.status).toBe(422)
      const organizations = await (await gateway.request("GET", "/v1/organizations", { token: as("lawyer") })).json()
      expect(organizations.items).toHaveLength(4)
      const locations = await (
        await gateway.request("GET", `/v1/locations?institution=${institutions.legalAid.id}`, { token: as("lawyer") })
      ).json()
      expect(locations.items).toHaveLength(1)
    })

    it("reads one service, and tells an unknown one", async () => {
      const found = await gateway.request("GET", `/v1/services/${directory().legalAid}`, { token: as("caseManager") })
      expect(found.status).toBe(200)
      expect(await found.json()).toMatchObject({ type: "legal-aid", languages: ["sq", "sr-Latn", "tr"] })
      const unknown = await gateway.request("GET", `/v1/services/${Id.ulidAt(1_700_000_000_000, new Uint8Array(10))}`, {
        token: as("caseManager"),
      })
      expect(unknown.status).toBe(404)
    })

    it("exports the directory as HSDS 3.0, ids as UUIDs, linked", async () => {
      const response = await gateway.request("GET", "/v1/services/hsds", { token: as("caseManager") })
      expect(response.status).toBe(200)
      const hsds = await response.json()
      expect(hsds.organizations).toHaveLength(4)
      expect(hsds.services).toHaveLength(5)
      expect(hsds.locations).toHaveLength(3)
      expect(hsds.service_at_locations).toHaveLength(4)
      const organizationIds = new Set(hsds.organizations.map((org: { id: string }) => org.id))
      for (const service of hsds.services) {
        expect(service.id).toMatch(uuid)
        expect(organizationIds.has(service.organization_id)).toBe(true)
      }
      const shelter = hsds.services.find((service: { name: string }) => service.name.startsWith("Strehim"))
      expect(shelter.service_capacities[0]).toMatchObject({ available: 3, maximum: 12, unit: { name: "beds" } })
    })

    it("registers an organisation, a location and a service for the institution itself or an administrator, with generated ids", async () => {
      const organization = await gateway.request("POST", "/v1/organizations", {
        token: as("advocate"),
        body: { institution: newcomer, sector: "victim-advocacy", name: "Mbrojtësi i viktimave – Gjilan" },
      })
      expect(organization.status).toBe(201)
      const location = await gateway.request("POST", "/v1/locations", {
        token: as("administrator"),
        body: { institution: newcomer, name: "Zyra në gjykatë", municipality: "GJI", address: "Rr. e Gjykatës 8" },
      })
      expect(location.status).toBe(201)
      const { id: locationId } = await location.json()
      expect(locationId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
      const service = await gateway.request("POST", "/v1/services", {
        token: as("advocate"),
        body: {
          institution: newcomer,
          name: "Përfaqësim i viktimës në procedurë",
          type: "legal-aid",
          municipality: "GJI",
          languages: ["sq"],
          locations: [locationId],
          active: true,
          capacity: { unit: "appointments", available: 2, total: 5, updatedAt: "2026-03-01T08:00:00Z" },
        },
      })
      expect(service.status).toBe(201)
      expect(await service.json()).toMatchObject({
        institution: newcomer,
        locations: [locationId],
        capacity: { updatedAt: "2026-03-01T08:00:00.000Z" },
      })
      const again = await gateway.request("POST", "/v1/organizations", {
        token: as("advocate"),
        body: { institution: newcomer, name: "Twice" },
      })
      expect(again.status).toBe(409)
      expect(await again.json()).toMatchObject({ rule: "gateway.directory.organization-registered" })
    })

    it("refuses registrations for another institution, of unknown providers or of others' locations, writing nothing", async () => {
      const before = await counts(gateway, directoryTables)
      const forAnother = await gateway.request("POST", "/v1/organizations", {
        token: as("caseManager"),
        body: { institution: institutions.education.id, name: "Shkolla" },
      })
      expect(forAnother.status).toBe(403)
      expect(await forAnother.json()).toMatchObject({ rule: "referral.directory.not-own-institution" })
      const unknownProvider = await gateway.request("POST", "/v1/services", {
        token: as("coordinator"),
        body: {
          institution: institutions.education.id,
          name: "Këshillim në shkollë",
          type: "education",
          municipality: "GJI",
          languages: ["sq"],
          locations: [],
          active: true,
        },
      })
      expect(unknownProvider.status).toBe(422)
      expect(await unknownProvider.json()).toMatchObject({
        rule: "gateway.directory.organization-unknown",
        field: "institution",
      })
      const legalAidOffice = (
        await (
          await gateway.request("GET", `/v1/locations?institution=${institutions.legalAid.id}`, {
            token: as("coordinator"),
          })
        ).json()
      ).items[0].id
      const othersLocation = await gateway.request("POST", "/v1/services", {
        token: as("shelterWorker"),
        body: {
          institution: institutions.shelter.id,
          name: "Këshillim",
          type: "psychosocial-counselling",
          municipality: "GJI",
          languages: ["sq"],
          locations: [legalAidOffice],
          active: true,
        },
      })
      expect(othersLocation.status).toBe(422)
      expect(await othersLocation.json()).toMatchObject({
        rule: "gateway.directory.location-unknown",
        field: "locations.0",
      })
      expect(await counts(gateway, directoryTables)).toEqual(before)
    })

    it("takes a capacity report from the provider only, and keeps the newest", async () => {
      const later = { unit: "beds", available: 1, total: 12, updatedAt: "2099-01-01T00:00:00Z" }
      const report = await gateway.request("PUT", `/v1/services/${directory().shelter}/capacity`, {
        token: as("shelterWorker"),
        body: later,
      })
      expect(report.status).toBe(200)
      expect((await report.json()).capacity).toEqual({ ...later, updatedAt: "2099-01-01T00:00:00.000Z" })
      const older = await gateway.request("PUT", `/v1/services/${directory().shelter}/capacity`, {
        token: as("shelterWorker"),
        body: { ...later, available: 9, updatedAt: "2098-01-01T00:00:00Z" },
      })
      expect((await older.json()).capacity.available).toBe(1)
      const notProvider = await gateway.request("PUT", `/v1/services/${directory().shelter}/capacity`, {
        token: as("lawyer"),
        body: later,
      })
      expect(notProvider.status).toBe(403)
      expect(await notProvider.json()).toMatchObject({ rule: "referral.directory.not-own-institution" })
      const overTotal = await gateway.request("PUT", `/v1/services/${directory().shelter}/capacity`, {
        token: as("shelterWorker"),
        body: { ...later, available: 13 },
      })
      expect(overTotal.status).toBe(422)
    })
  })
}
