// Finding 5 of the outside review: another mechanism's coordinator registered
// a location with a false address under mechanism A's shelter, and a service
// on it (201 each); A's case workers then saw it under the real shelter. An
// institution's directory entries (organisation, locations, services,
// capacity) are now written only by its own people or an administrator — the
// referral package's `DirectoryPolicy`. The attack, through HTTP, on SQLite
// and PostgreSQL.
import type { Id, Principal } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway, ulid } from "../support/Gateway"
import { counts } from "../support/Rows"

const directoryTables = ["referral_organizations", "referral_locations", "referral_services", "bashke_outbox"]

/** The coordinator of a second mechanism, acting for its own municipality's office. */
const otherCoordinator: Principal.Principal = {
  id: ulid(901) as Id.PrincipalId,
  kind: "user",
  institution: ulid(902) as Id.InstitutionId,
  sector: "municipality",
  roles: ["coordinator"],
  mechanisms: [ulid(903) as Id.MechanismId],
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: no one plants entries under another institution in the directory`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let attacker: string
    let caseWorker: string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      attacker = await gateway.tokenFor(otherCoordinator)
      caseWorker = await gateway.tokenFor(principal("caseManager", seeded.mechanismId))
    })
    afterAll(() => gateway.close())

    it("another mechanism's coordinator cannot register a location, a service or capacity under the shelter", async () => {
      const shelterService = seeded.directory?.shelter
      if (shelterService === undefined) throw new Error("the demo seeds the shelter's service")
      const before = await counts(gateway, directoryTables)

      const location = await gateway.request("POST", "/v1/locations", {
        token: attacker,
        body: {
          institution: institutions.shelter.id,
          name: "Strehimorja – hyrja e re",
          municipality: "GJI",
          address: "Rr. e Rreme 1, Gjilan",
        },
      })
      expect(location.status).toBe(403)
      const problem = await location.json()
      expect(problem).toMatchObject({ rule: "referral.directory.not-own-institution" })
      expect(JSON.stringify(problem)).not.toContain("Rreme")

      const service = await gateway.request("POST", "/v1/services", {
        token: attacker,
        body: {
          institution: institutions.shelter.id,
          name: "Strehim emergjent",
          type: "shelter",
          municipality: "GJI",
          languages: ["sq"],
          locations: [],
          active: true,
        },
      })
      expect(service.status).toBe(403)
      expect(await service.json()).toMatchObject({ rule: "referral.directory.not-own-institution" })

      const capacity = await gateway.request("PUT", `/v1/services/${shelterService}/capacity`, {
        token: attacker,
        body: { unit: "beds", available: 0, total: 12, updatedAt: "2099-01-01T00:00:00Z" },
      })
      expect(capacity.status).toBe(403)

      // Nothing was written, and A's case workers see the shelter as it registered itself.
      expect(await counts(gateway, directoryTables)).toEqual(before)
      const seen = await gateway.request("GET", `/v1/locations?institution=${institutions.shelter.id}`, {
        token: caseWorker,
      })
      expect((await seen.json()).items).toEqual([])
      const shelter = await (
        await gateway.request("GET", `/v1/services/${shelterService}`, { token: caseWorker })
      ).json()
      expect(shelter.capacity.available).toBe(3)
    })
  })
}
