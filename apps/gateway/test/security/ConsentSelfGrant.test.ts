// Finding 1 of the outside review: a police case-team member refused the
// victim's details (`policy.consent.not-covered`) recorded the victim's
// consent for its own institution (201) and then read the victim's and the
// alleged perpetrator's details (200); a summary-only member could record
// consents too. Now a consent is recorded by the lead or the institution that
// took it (full access), one that opens the recorder's own institution counts
// only once a second person confirms it, the lead is told, and the victim's
// consent never opens the alleged perpetrator's details. The attack, through
// HTTP, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts, outboxPayloads } from "../support/Rows"

const written = ["consents", "cases", "bashke_outbox", "audit_log"]

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: no one grants themselves the survivor's consent`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (who: PersonName) => tokens.get(who) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const who of ["policeOfficer", "nurse", "caseManager", "coordinator"] as const)
        tokens.set(who, await gateway.tokenFor(principal(who, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const highRisk = () => {
      const found = seeded.cases?.highRisk
      if (found === undefined) throw new Error("the demo seeds the high-risk case")
      return found
    }
    const casePath = () => `/v1/cases/${highRisk().caseId}`
    const etag = async () =>
      (await gateway.request("GET", casePath(), { token: as("caseManager") })).headers.get("etag") ?? ""
    const read = (who: PersonName, personId: string, purpose: string) =>
      gateway.request("POST", `${casePath()}/persons/${personId}/details/read`, {
        token: as(who),
        body: { purpose, fields: ["givenName", "address"] },
      })
    const perpetrator = async () => {
      const body = await (await gateway.request("GET", casePath(), { token: as("caseManager") })).json()
      return body.persons.find((person: { role: string }) => person.role === "alleged-perpetrator").id as string
    }

    it("the police record the victim's consent for themselves: it opens nothing until a second person confirms it", async () => {
      const victim = highRisk().victim
      const refused = await read("policeOfficer", victim, "case-management")
      expect(refused.status).toBe(403)
      expect((await refused.json()).rule).toBe("policy.consent.not-covered")

      // The review's attack.
      const recorded = await gateway.request("POST", `${casePath()}/consents`, {
        token: as("policeOfficer"),
        body: {
          givenBy: victim,
          institutions: [institutions.police.id],
          purposes: ["case-management"],
          method: "signed-form",
        },
        ifMatch: await etag(),
      })
      expect(recorded.status).toBe(201)
      const consent = await recorded.json()
      expect(consent).toMatchObject({ needsConfirmation: true, recording: { takenBy: institutions.police.id } })
      expect(consent.confirmation).toBeUndefined()

      const still = await read("policeOfficer", victim, "case-management")
      expect(still.status).toBe(403)
      expect((await still.json()).rule).toBe("policy.consent.not-covered")
      // The alleged perpetrator's details: the victim's consent never opens them.
      const theirs = await read("policeOfficer", await perpetrator(), "case-management")
      expect(theirs.status).toBe(403)
      expect((await theirs.json()).rule).toBe("policy.perpetrator.protection-purpose-only")

      // The police cannot confirm their own consent; nothing is written.
      const before = await counts(gateway, written)
      const self = await gateway.request("POST", `${casePath()}/consents/${consent.id}/confirmation`, {
        token: as("policeOfficer"),
        body: {},
        ifMatch: await etag(),
      })
      expect(self.status).toBe(403)
      expect((await self.json()).rule).toBe("policy.consent.confirmer-is-recorder")
      expect(await counts(gateway, written)).toEqual(before)

      // The lead was told, with ids only.
      const payloads = await outboxPayloads(gateway, "case.consent.lead-notice")
      expect(payloads.at(-1)).toEqual({
        caseId: highRisk().caseId,
        consentId: consent.id,
        lead: institutions.socialWork.id,
        change: "recorded",
        awaitingConfirmation: true,
        principalId: principal("policeOfficer", seeded.mechanismId).id,
        institutionId: institutions.police.id,
      })
      expect(leaked(JSON.stringify(payloads))).toEqual([])

      // The case lead confirms: now it counts.
      const confirmed = await gateway.request("POST", `${casePath()}/consents/${consent.id}/confirmation`, {
        token: as("caseManager"),
        body: {},
        ifMatch: await etag(),
      })
      expect(confirmed.status).toBe(200)
      expect((await read("policeOfficer", victim, "case-management")).status).toBe(200)
    })

    it("a summary-only member records no consent, and the refusal writes nothing", async () => {
      const before = await counts(gateway, written)
      const response = await gateway.request("POST", `${casePath()}/consents`, {
        token: as("nurse"),
        body: {
          givenBy: highRisk().victim,
          institutions: [institutions.health.id],
          purposes: ["case-management"],
          method: "signed-form",
        },
        ifMatch: await etag(),
      })
      expect(response.status).toBe(403)
      expect((await response.json()).rule).toBe("policy.access.summary-only")
      expect(await counts(gateway, written)).toEqual(before)
    })
  })
}
