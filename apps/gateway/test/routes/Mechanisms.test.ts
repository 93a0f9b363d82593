// The mechanism routes over the seeded Gjilan demo, on SQLite and PostgreSQL:
// reading the mechanism, its memberships, memoranda and composition; a new
// mechanism set up through the API from creation to activation; ETags and
// If-Match on every change; contacts and signers read only in audited POSTs;
// refusals that write nothing; callers outside the mechanism refused.
import type { Id, Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway, ulid } from "../support/Gateway"

const problemType = (slug: string) => `https://bashke.org/problems/${slug}`

/** A case worker of an institution that is no member, whose token names another mechanism. */
const outsider: Principal.Principal = {
  id: ulid(801) as Id.PrincipalId,
  kind: "user",
  institution: ulid(802) as Id.InstitutionId,
  sector: "police",
  roles: ["coordinator"],
  mechanisms: [ulid(803) as Id.MechanismId],
}

const count = (gateway: Gateway, table: string) =>
  gateway.runtime.runPromise(
    Effect.flatMap(
      SqlClient.SqlClient,
      (sql) => sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`,
    ).pipe(
      Effect.map((rows) => Number(rows[0]?.n)),
      Effect.orDie,
    ),
  )

const name = {
  sq: "Mekanizmi lokal i koordinimit – Prishtinë",
  "sr-Latn": "Lokalni mehanizam koordinacije – Priština",
  en: "Local coordination mechanism – Prishtina",
}

const hash = "a".repeat(64)

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: mechanism routes`, () => {
    let gateway: Gateway
    let mechanismId: Id.MechanismId
    const tokens = new Map<string, string>()
    const token = (who: PersonName | "outsider") => tokens.get(who) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      mechanismId = (await gateway.runtime.runPromise(seed)).mechanismId
      for (const who of [
        "administrator",
        "coordinator",
        "policeOfficer",
        "nurse",
        "teacher",
        "nationalCoordinator",
        "auditor",
      ] as const) {
        tokens.set(who, await gateway.tokenFor(principal(who, mechanismId)))
      }
      tokens.set("outsider", await gateway.tokenFor(outsider))
    })
    afterAll(() => gateway.close())

    const get = (path: string, who: Parameters<typeof token>[0] = "teacher") =>
      gateway.request("GET", path, { token: token(who) })
    const etagOf = async (id: string) => (await get(`/v1/mechanisms/${id}`, "administrator")).headers.get("etag")
    const membershipOf = async (id: string, institution: Id.InstitutionId) => {
      const page = await (await get(`/v1/mechanisms/${id}/memberships`, "administrator")).json()
      return page.items.find((membership: { institutionId: string }) => membership.institutionId === institution)
    }

    describe("reading", () => {
      it("lists the mechanisms a caller may see", async () => {
        for (const who of ["administrator", "nationalCoordinator", "coordinator", "teacher"] as const) {
          const page = await (await get("/v1/mechanisms", who)).json()
          expect(page.items.map((mechanism: { id: string }) => mechanism.id)).toContain(mechanismId)
        }
        expect((await (await get("/v1/mechanisms", "outsider")).json()).items).toEqual([])
        const filtered = await (await get("/v1/mechanisms?municipality=GJI&status=active", "administrator")).json()
        expect(filtered.items).toEqual([expect.objectContaining({ id: mechanismId, municipality: "GJI" })])
        expect((await (await get("/v1/mechanisms?status=suspended", "administrator")).json()).items).toEqual([])
        expect((await get("/v1/mechanisms?municipality=Gjilan", "administrator")).status).toBe(422)
      })

      it("reads the mechanism with its version as ETag", async () => {
        const response = await get(`/v1/mechanisms/${mechanismId}`)
        expect(response.status).toBe(200)
        const mechanism = await response.json()
        expect(response.headers.get("etag")).toBe(`"${mechanism.version}"`)
        expect(mechanism).toMatchObject({ id: mechanismId, status: "active", municipality: "GJI" })
        expect(mechanism.coordinator).toEqual(expect.any(String))
      })

      it("lists memberships without names, in pages, by day and by sector", async () => {
        const all = await (await get(`/v1/mechanisms/${mechanismId}/memberships`)).json()
        expect(all.items).toHaveLength(8)
        expect(leaked(JSON.stringify(all))).toEqual([])
        const first = await (await get(`/v1/mechanisms/${mechanismId}/memberships?limit=5`)).json()
        expect(first.items).toHaveLength(5)
        const rest = await (await get(`/v1/mechanisms/${mechanismId}/memberships?limit=5&after=${first.next}`)).json()
        expect(rest.next).toBeNull()
        expect([...first.items, ...rest.items].map((membership: { id: string }) => membership.id)).toEqual(
          all.items.map((membership: { id: string }) => membership.id),
        )
        const police = await (await get(`/v1/mechanisms/${mechanismId}/memberships?sector=police`)).json()
        expect(police.items).toEqual([expect.objectContaining({ institutionId: institutions.police.id })])
        const longAgo = await (await get(`/v1/mechanisms/${mechanismId}/memberships?on=2000-01-01`)).json()
        expect(longAgo.items).toEqual([])
        expect((await get(`/v1/mechanisms/${mechanismId}/memberships?limit=0`)).status).toBe(422)
      })

      it("lists the memorandum versions with signatures but no signer", async () => {
        const page = await (await get(`/v1/mechanisms/${mechanismId}/memoranda`)).json()
        expect(page.items).toHaveLength(1)
        expect(page.items[0]).toMatchObject({ version: 1, expectedSectors: expect.any(Array) })
        expect(page.items[0].signatures).toHaveLength(7)
        expect(leaked(JSON.stringify(page))).toEqual([])
      })

      it("checks the composition today and on a day before the memorandum", async () => {
        const today = await (await get(`/v1/mechanisms/${mechanismId}/composition`)).json()
        expect(today).toMatchObject({ version: 1, gaps: [] })
        expect(today.expectedSectors).toHaveLength(6)
        const before = await (await get(`/v1/mechanisms/${mechanismId}/composition?on=2000-01-01`)).json()
        expect(before).toEqual({ day: "2000-01-01", expectedSectors: [], gaps: [] })
        expect((await get(`/v1/mechanisms/${mechanismId}/composition?on=2000-02-30`)).status).toBe(422)
      })

      it("reads contacts and signers only in POSTs that change nothing, audited", async () => {
        const police = await membershipOf(mechanismId, institutions.police.id)
        const audited = await count(gateway, "audit_log")
        const contacts = await gateway.request(
          "POST",
          `/v1/mechanisms/${mechanismId}/memberships/${police.id}/contacts/read`,
          { token: token("coordinator"), idempotencyKey: "" },
        )
        expect(contacts.status).toBe(200)
        expect(await contacts.json()).toMatchObject({ representative: { name: "Arben Gashi" } })
        const memorandum = (await (await get(`/v1/mechanisms/${mechanismId}/memoranda`)).json()).items[0]
        const signer = await gateway.request(
          "POST",
          `/v1/mechanisms/${mechanismId}/memoranda/${memorandum.memorandumId}/versions/1/signatures/${institutions.police.id}/signer/read`,
          { token: token("teacher"), idempotencyKey: "" },
        )
        expect(signer.status).toBe(200)
        expect(await signer.json()).toEqual({ signer: "Arben Gashi" })
        expect(await count(gateway, "audit_log")).toBe(audited + 2)
      })

      const refusals: ReadonlyArray<readonly [string, PersonName | "outsider", (id: string) => string, string]> = [
        ["read the mechanism", "outsider", (id) => `/v1/mechanisms/${id}`, "gateway.mechanism.not-member"],
        ["list memberships", "outsider", (id) => `/v1/mechanisms/${id}/memberships`, "gateway.mechanism.not-member"],
        ["list memoranda", "outsider", (id) => `/v1/mechanisms/${id}/memoranda`, "gateway.mechanism.not-member"],
        [
          "check the composition",
          "outsider",
          (id) => `/v1/mechanisms/${id}/composition`,
          "gateway.mechanism.not-member",
        ],
        ["read the mechanism as an auditor", "auditor", (id) => `/v1/mechanisms/${id}`, "gateway.mechanism.not-member"],
      ]
      for (const [label, who, path, rule] of refusals) {
        it(`refuses a caller outside the mechanism to ${label}`, async () => {
          const response = await get(path(mechanismId), who)
          expect(response.status).toBe(403)
          expect(await response.json()).toMatchObject({ type: problemType("forbidden"), rule })
        })
      }

      it("refuses contacts to those outside the mechanism and to case workers, naming nobody", async () => {
        const police = await membershipOf(mechanismId, institutions.police.id)
        for (const who of ["outsider", "nurse", "nationalCoordinator"] as const) {
          const response = await gateway.request(
            "POST",
            `/v1/mechanisms/${mechanismId}/memberships/${police.id}/contacts/read`,
            { token: token(who), idempotencyKey: "" },
          )
          expect(response.status).toBe(403)
          const text = await response.text()
          expect(JSON.parse(text).rule).toBe("mechanism.contacts.forbidden")
          expect(leaked(text)).toEqual([])
        }
      })
    })

    describe("changing the demo mechanism", () => {
      it("configures the cadence with If-Match: 428 without, 412 when stale, 403 for a non-coordinator; each writes nothing", async () => {
        const before = await get(`/v1/mechanisms/${mechanismId}`)
        const etag = before.headers.get("etag") as string
        const version = Number(etag.replaceAll('"', ""))
        const original = await before.json()
        const body = { minimumMeetingsPerYear: 6 }
        const path = `/v1/mechanisms/${mechanismId}`

        expect((await gateway.request("PATCH", path, { token: token("coordinator"), body })).status).toBe(428)
        const stale = await gateway.request("PATCH", path, {
          token: token("coordinator"),
          body,
          ifMatch: `"${version - 1}"`,
        })
        expect(stale.status).toBe(412)
        expect(await stale.json()).toMatchObject({ type: problemType("stale-version") })
        const police = await gateway.request("PATCH", path, { token: token("policeOfficer"), body, ifMatch: etag })
        expect(police.status).toBe(403)
        expect((await police.json()).rule).toBe("gateway.mechanism.steward-required")
        const belowMinimum = await gateway.request("PATCH", path, {
          token: token("coordinator"),
          body: { minimumMeetingsPerYear: 2 },
          ifMatch: etag,
        })
        expect(belowMinimum.status).toBe(422)
        expect((await belowMinimum.json()).rule).toBe("mechanism.cadence.below-minimum")
        const unchanged = await get(path)
        expect(unchanged.headers.get("etag")).toBe(etag)
        expect(await unchanged.json()).toEqual(original)

        const configured = await gateway.request("PATCH", path, { token: token("coordinator"), body, ifMatch: etag })
        expect(configured.status).toBe(200)
        expect(configured.headers.get("etag")).toBe(`"${version + 1}"`)
        expect(await configured.json()).toMatchObject({ minimumMeetingsPerYear: 6, version: version + 1 })
      })

      it("replaces a member's contacts (the coordinator), which the next read shows", async () => {
        const health = await membershipOf(mechanismId, institutions.health.id)
        const path = `/v1/mechanisms/${mechanismId}/memberships/${health.id}/contacts`
        const contacts = {
          representative: { name: "Hana Example", phone: "+383 44 000 404" },
          deputy: { name: "Deputy Example", email: "deputy@health.example" },
        }
        const refused = await gateway.request("PUT", path, { token: token("nurse"), body: contacts })
        expect(refused.status).toBe(403)
        const replaced = await gateway.request("PUT", path, { token: token("coordinator"), body: contacts })
        expect(replaced.status).toBe(200)
        const membership = await replaced.json()
        expect(membership).toMatchObject({ id: health.id, institutionId: institutions.health.id })
        expect(JSON.stringify(membership)).not.toContain("Example")
        const read = await gateway.request("POST", `${path}/read`, { token: token("coordinator"), idempotencyKey: "" })
        expect(await read.json()).toEqual(contacts)
        const malformed = await gateway.request("PUT", path, {
          token: token("coordinator"),
          body: { representative: { name: "Someone", phone: "call me" } },
        })
        expect(malformed.status).toBe(422)
        expect(await malformed.text()).not.toContain("call me")
      })
    })

    describe("a new mechanism through the API", () => {
      it("is created by an administrator only; a refused creation writes nothing", async () => {
        const before = await count(gateway, "mechanisms")
        const coordinator = await gateway.request("POST", "/v1/mechanisms", {
          token: token("coordinator"),
          body: { municipality: "PRI", name },
        })
        expect(coordinator.status).toBe(403)
        expect((await coordinator.json()).rule).toBe("principal.role.required")
        const taken = await gateway.request("POST", "/v1/mechanisms", {
          token: token("administrator"),
          body: { municipality: "GJI", name },
        })
        expect(taken.status).toBe(409)
        expect((await taken.json()).rule).toBe("mechanism.municipality.taken")
        const unknown = await gateway.request("POST", "/v1/mechanisms", {
          token: token("administrator"),
          body: { municipality: "PRI", name, chair: "someone" },
        })
        expect(unknown.status).toBe(422)
        expect(await count(gateway, "mechanisms")).toBe(before)
      })

      it("is set up from creation to activation, each change answering with the next ETag", async () => {
        const admin = token("administrator")
        const created = await gateway.request("POST", "/v1/mechanisms", {
          token: admin,
          body: { municipality: "PRI", name },
        })
        expect(created.status).toBe(201)
        expect(created.headers.get("etag")).toBe('"1"')
        const mechanism = await created.json()
        expect(mechanism).toMatchObject({ municipality: "PRI", status: "forming", minimumMeetingsPerYear: 4 })
        const base = `/v1/mechanisms/${mechanism.id}`

        const municipality = ulid(810) as Id.InstitutionId
        const police = ulid(811) as Id.InstitutionId
        const added = await gateway.request("POST", `${base}/memberships`, {
          token: admin,
          body: {
            institutionId: municipality,
            sector: "municipality",
            contacts: { representative: { name: "Gender Equality Officer Example" } },
          },
          ifMatch: '"1"',
        })
        expect(added.status).toBe(201)
        expect(added.headers.get("etag")).toBe('"2"')
        const coordinatorMembership = await added.json()
        expect(JSON.stringify(coordinatorMembership)).not.toContain("Example")
        const stale = await gateway.request("POST", `${base}/memberships`, {
          token: admin,
          body: { institutionId: police, sector: "police", contacts: { representative: { name: "Officer Example" } } },
          ifMatch: '"1"',
        })
        expect(stale.status).toBe(412)
        expect((await (await get(`${base}/memberships`, "administrator")).json()).items).toHaveLength(1)
        const policeAdded = await gateway.request("POST", `${base}/memberships`, {
          token: admin,
          body: { institutionId: police, sector: "police", contacts: { representative: { name: "Officer Example" } } },
          ifMatch: '"2"',
        })
        expect(policeAdded.status).toBe(201)
        expect(policeAdded.headers.get("etag")).toBe('"3"')
        const policeMembership = await policeAdded.json()

        const appointed = await gateway.request("PUT", `${base}/coordinator`, {
          token: admin,
          body: { membershipId: coordinatorMembership.id },
          ifMatch: '"3"',
        })
        expect(appointed.status).toBe(200)
        expect(appointed.headers.get("etag")).toBe('"4"')
        expect(await appointed.json()).toMatchObject({ coordinator: coordinatorMembership.id })

        // No signed memorandum yet: activation is refused and nothing changes.
        const early = await gateway.request("POST", `${base}/activation`, { token: admin, ifMatch: '"4"' })
        expect(early.status).toBe(409)
        expect((await early.json()).rule).toBe("mechanism.activation.memorandum-unsigned")
        expect(await etagOf(mechanism.id)).toBe('"4"')

        const today = (await (await get(`${base}/composition`, "administrator")).json()).day
        const published = await gateway.request("POST", `${base}/memoranda`, {
          token: admin,
          body: { effectiveFrom: today, documentHash: hash, expectedSectors: ["municipality", "police", "health"] },
          ifMatch: '"4"',
        })
        expect(published.status).toBe(201)
        expect(published.headers.get("etag")).toBe('"5"')
        const memorandum = await published.json()
        expect(memorandum).toMatchObject({ version: 1, signatures: [] })

        const signed = await gateway.request(
          "POST",
          `${base}/memoranda/${memorandum.memorandumId}/versions/1/signatures`,
          { token: admin, body: { institutionId: municipality, signer: "Mayor Example" }, ifMatch: '"5"' },
        )
        expect(signed.status).toBe(201)
        expect(signed.headers.get("etag")).toBe('"6"')
        const signedVersion = await signed.json()
        expect(signedVersion.signatures).toEqual([
          expect.objectContaining({ institutionId: municipality, membershipId: coordinatorMembership.id }),
        ])
        expect(JSON.stringify(signedVersion)).not.toContain("Mayor")

        // Recorded, not countersigned: it does not count, so the mechanism still cannot start.
        const uncounted = await (await get(`${base}/composition`, "administrator")).json()
        expect(uncounted.gaps).toEqual(["municipality", "police", "health"])
        const notYet = await gateway.request("POST", `${base}/activation`, { token: admin, ifMatch: '"6"' })
        expect(notYet.status).toBe(409)
        expect((await notYet.json()).rule).toBe("mechanism.activation.memorandum-unsigned")
        const countersigned = await gateway.request(
          "POST",
          `${base}/memoranda/${memorandum.memorandumId}/versions/1/signatures/${municipality}/countersignature`,
          { token: admin, body: {}, ifMatch: '"6"' },
        )
        expect(countersigned.status).toBe(200)
        expect(countersigned.headers.get("etag")).toBe('"7"')
        expect((await countersigned.json()).signatures).toEqual([
          expect.objectContaining({
            institutionId: municipality,
            countersignature: expect.objectContaining({ countersignedOn: today }),
          }),
        ])

        const composition = await (await get(`${base}/composition`, "administrator")).json()
        expect(composition.gaps).toEqual(["police", "health"])

        const activated = await gateway.request("POST", `${base}/activation`, { token: admin, ifMatch: '"7"' })
        expect(activated.status).toBe(200)
        expect(activated.headers.get("etag")).toBe('"8"')
        expect((await activated.json()).status).toBe("active")
        const suspended = await gateway.request("POST", `${base}/suspension`, { token: admin, ifMatch: '"8"' })
        expect(suspended.status).toBe(200)
        expect((await suspended.json()).status).toBe("suspended")
        const again = await gateway.request("POST", `${base}/suspension`, { token: admin, ifMatch: '"9"' })
        expect(again.status).toBe(409)
        const resumed = await gateway.request("POST", `${base}/resumption`, { token: admin, ifMatch: '"9"' })
        expect(resumed.status).toBe(200)
        expect(resumed.headers.get("etag")).toBe('"10"')

        const coordinatorLeaves = await gateway.request(
          "POST",
          `${base}/memberships/${coordinatorMembership.id}/removal`,
          { token: admin, body: {}, ifMatch: '"10"' },
        )
        expect(coordinatorLeaves.status).toBe(409)
        expect((await coordinatorLeaves.json()).rule).toBe("mechanism.coordinator.cannot-leave")
        const removed = await gateway.request("POST", `${base}/memberships/${policeMembership.id}/removal`, {
          token: admin,
          body: { leftOn: today },
          ifMatch: '"10"',
        })
        expect(removed.status).toBe(200)
        expect(removed.headers.get("etag")).toBe('"11"')
        expect(await removed.json()).toMatchObject({ id: policeMembership.id, leftOn: today })
        expect(
          (await (await get(`${base}/memberships?on=${today}`, "administrator")).json()).items.map(
            (membership: { id: string }) => membership.id,
          ),
        ).toEqual([coordinatorMembership.id])

        // The demo's coordinator belongs to Gjilan, not here.
        const elsewhere = await gateway.request("POST", `${base}/suspension`, {
          token: token("coordinator"),
          ifMatch: '"11"',
        })
        expect(elsewhere.status).toBe(403)
        expect(await etagOf(mechanism.id)).toBe('"11"')
      })
    })

    it("describes every mechanism route in the OpenAPI document", async () => {
      const document = await (await gateway.request("GET", "/openapi.json")).json()
      const operations = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>)
        .flatMap((methods) => Object.values(methods))
        .map((operation) => operation.operationId)
      for (const operationId of [
        "listMechanisms",
        "createMechanism",
        "configureMechanism",
        "activateMechanism",
        "readMembershipContacts",
        "signMemorandum",
        "countersignMemorandum",
        "getMechanismComposition",
      ])
        expect(operations).toContain(operationId)
    })

    it("writes no name into the request log", () => {
      const lines = JSON.stringify(gateway.logs)
      expect(leaked(lines)).toEqual([])
      expect(lines).not.toContain("Example")
    })
  })
}
