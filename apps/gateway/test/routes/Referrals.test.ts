// The referral routes on SQLite and PostgreSQL, over the seeded demo: the
// closed loop (send → acknowledge → accept), the consent guard and the team
// rule refusing without writing, versions (ETag, If-Match 412/428), an
// idempotent retry of a send, who may read what, the demo's overdue referral,
// response times and the FHIR export.
import { CaseService } from "@bashke/case"
import { Id } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"
import { counts } from "../support/Rows"

const problemType = (slug: string) => `https://bashke.org/problems/${slug}`
const written = ["referrals", "referral_steps", "bashke_outbox", "bashke_idempotency", "audit_log"]
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: referral routes`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (name: PersonName) => tokens.get(name) as string
    const cases = () => seeded.cases as NonNullable<Seeded["cases"]>
    const directory = () => seeded.directory as NonNullable<Seeded["directory"]>
    const demo = () => seeded.referrals as NonNullable<Seeded["referrals"]>
    let highRiskConsent: string
    let mediumRiskConsent: string
    // The case demo's consent to referral: to named institutions, or to whole sectors.
    const consentOf = (caseId: Id.CaseId, to: "institutions" | "sectors") =>
      gateway.runtime.runPromise(
        Effect.map(
          Effect.flatMap(CaseService.CaseService, (cases) => cases.facts(caseId)),
          (facts) =>
            facts.consents.find((consent) => consent.purposes.includes("referral") && consent[to].length > 0)
              ?.id as string,
        ),
      )

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const name of [
        "coordinator",
        "caseManager",
        "policeOfficer",
        "shelterWorker",
        "nurse",
        "lawyer",
        "advocate",
        "teacher",
        "nationalCoordinator",
      ] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
      highRiskConsent = await consentOf(cases().highRisk.caseId, "institutions")
      mediumRiskConsent = await consentOf(cases().mediumRisk.caseId, "sectors")
    })
    afterAll(() => gateway.close())

    const sendToCounselling = (token: string, idempotencyKey?: string) =>
      gateway.request("POST", "/v1/referrals", {
        token,
        ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        body: {
          case: cases().highRisk.caseId,
          service: directory().counselling,
          reason: "psychosocial-support",
          basis: { _tag: "Consent", consent: highRiskConsent },
        },
      })

    it("sends, acknowledges and accepts a referral, each step with its ETag", async () => {
      const sent = await sendToCounselling(as("policeOfficer"), "send-counselling")
      expect(sent.status).toBe(201)
      expect(sent.headers.get("etag")).toBe('"1"')
      const referral = await sent.json()
      expect(referral).toMatchObject({
        case: cases().highRisk.caseId,
        from: institutions.police.id,
        to: institutions.socialWork.id,
        service: directory().counselling,
        urgency: "high",
        status: "sent",
        version: 1,
      })
      expect(referral.history[0].at).toMatch(isoInstant)

      const acknowledged = await gateway.request("POST", `/v1/referrals/${referral.id}/acknowledgement`, {
        token: as("caseManager"),
        ifMatch: '"1"',
      })
      expect(acknowledged.status).toBe(200)
      expect(acknowledged.headers.get("etag")).toBe('"2"')
      expect(await acknowledged.json()).toMatchObject({ status: "acknowledged", version: 2 })

      const accepted = await gateway.request("POST", `/v1/referrals/${referral.id}/acceptance`, {
        token: as("caseManager"),
        ifMatch: '"2"',
      })
      expect(accepted.status).toBe(200)
      expect(accepted.headers.get("etag")).toBe('"3"')

      const read = await gateway.request("GET", `/v1/referrals/${referral.id}`, { token: as("policeOfficer") })
      expect(read.status).toBe(200)
      expect(read.headers.get("etag")).toBe('"3"')
      const body = await read.json()
      expect(body.status).toBe("accepted")
      expect(body.history.map((step: { status: string }) => step.status)).toEqual(["sent", "acknowledged", "accepted"])
      expect(body.history.map((step: { actor: { institution: string } }) => step.actor.institution)).toEqual([
        institutions.police.id,
        institutions.socialWork.id,
        institutions.socialWork.id,
      ])
    })

    it("answers a retried send with the same referral, marked as replayed, and writes it once", async () => {
      const body = {
        case: cases().mediumRisk.caseId,
        service: directory().counselling,
        reason: "psychosocial-support",
        basis: { _tag: "Consent", consent: mediumRiskConsent },
      }
      const before = await counts(gateway, ["referrals"])
      const once = await gateway.request("POST", "/v1/referrals", {
        token: as("advocate"),
        idempotencyKey: "k-1",
        body,
      })
      expect(once.status).toBe(201)
      expect(once.headers.get("idempotent-replayed")).toBeNull()
      const again = await gateway.request("POST", "/v1/referrals", {
        token: as("advocate"),
        idempotencyKey: "k-1",
        body,
      })
      expect(again.status).toBe(201)
      expect(again.headers.get("idempotent-replayed")).toBe("true")
      expect(again.headers.get("etag")).toBe('"1"')
      expect(await again.json()).toEqual(await once.json())
      expect(await counts(gateway, ["referrals"])).toEqual({ referrals: (before.referrals ?? 0) + 1 })
      // The same key with another body is the client's mistake: 422, nothing written.
      const other = await gateway.request("POST", "/v1/referrals", {
        token: as("advocate"),
        idempotencyKey: "k-1",
        body: { ...body, reason: "other-reason" },
      })
      expect(other.status).toBe(422)
      expect(await counts(gateway, ["referrals"])).toEqual({ referrals: (before.referrals ?? 0) + 1 })
    })

    it("refuses a referral no consent covers, naming the rule, and writes nothing", async () => {
      const before = await counts(gateway, written)
      const response = await gateway.request("POST", "/v1/referrals", {
        token: as("nurse"),
        body: {
          case: cases().standardRisk.caseId,
          service: directory().counselling,
          reason: "psychosocial-support",
          basis: { _tag: "Consent", consent: highRiskConsent },
        },
      })
      expect(response.status).toBe(422)
      expect(await response.json()).toMatchObject({
        type: problemType("invalid-input"),
        rule: "referral.consent.not-covered",
        field: "basis",
      })
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("refuses a sender whose institution is not on the case team, and writes nothing", async () => {
      const before = await counts(gateway, written)
      const response = await gateway.request("POST", "/v1/referrals", {
        token: as("teacher"),
        body: {
          case: cases().highRisk.caseId,
          service: directory().childProtection,
          reason: "child-protection",
          basis: { _tag: "Consent", consent: highRiskConsent },
        },
      })
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ rule: "policy.case-team.not-member" })
      expect(await counts(gateway, written)).toEqual(before)
    })

    it("needs If-Match on a step (428), refuses a stale one (412) and changes nothing", async () => {
      const pending = demo().pending
      const missing = await gateway.request("POST", `/v1/referrals/${pending}/acknowledgement`, {
        token: as("nurse"),
      })
      expect(missing.status).toBe(428)
      expect(await missing.json()).toMatchObject({ rule: "gateway.if-match.required", field: "If-Match" })
      const malformed = await gateway.request("POST", `/v1/referrals/${pending}/acknowledgement`, {
        token: as("nurse"),
        ifMatch: "soon",
      })
      expect(malformed.status).toBe(428)
      const before = await counts(gateway, written)
      const stale = await gateway.request("POST", `/v1/referrals/${pending}/acknowledgement`, {
        token: as("nurse"),
        ifMatch: '"7"',
      })
      expect(stale.status).toBe(412)
      expect(await stale.json()).toMatchObject({ type: problemType("stale-version"), rule: "version.stale" })
      expect(await counts(gateway, written)).toEqual(before)
      const read = await gateway.request("GET", `/v1/referrals/${pending}`, { token: as("nurse") })
      expect(read.headers.get("etag")).toBe('"1"')
      expect((await read.json()).status).toBe("sent")
    })

    it("lets only the receiver answer and requires a decline's reason", async () => {
      const pending = demo().pending
      const bySender = await gateway.request("POST", `/v1/referrals/${pending}/acknowledgement`, {
        token: as("caseManager"),
        ifMatch: '"1"',
      })
      expect(bySender.status).toBe(403)
      expect(await bySender.json()).toMatchObject({ rule: "referral.actor.not-receiver" })
      const noReason = await gateway.request("POST", `/v1/referrals/${pending}/decline`, {
        token: as("nurse"),
        ifMatch: '"1"',
        body: {},
      })
      expect(noReason.status).toBe(422)
      expect(await noReason.json()).toMatchObject({ rule: "referral.decline.reason-required", field: "reason" })
      const unknownField = await gateway.request("POST", `/v1/referrals/${pending}/decline`, {
        token: as("nurse"),
        ifMatch: '"1"',
        body: { reason: "no-capacity", note: "free text" },
      })
      expect(unknownField.status).toBe(422)
      expect(await unknownField.json()).toMatchObject({ rule: "gateway.input.unknown-field", field: "input" })
    })

    it("shows a referral to its parties, the case team and the coordinator only", async () => {
      const accepted = demo().accepted
      for (const name of ["caseManager", "shelterWorker", "policeOfficer", "coordinator"] as const) {
        const response = await gateway.request("GET", `/v1/referrals/${accepted}`, { token: as(name) })
        expect(response.status, name).toBe(200)
      }
      for (const name of ["lawyer", "teacher"] as const) {
        const response = await gateway.request("GET", `/v1/referrals/${accepted}`, { token: as(name) })
        expect(response.status, name).toBe(403)
        expect(await response.json()).toMatchObject({ rule: "gateway.referral.not-party" })
      }
      // Outside the mechanism, the referral is not found, as an unknown id (issue 13, finding 6).
      const national = await gateway.request("GET", `/v1/referrals/${accepted}`, { token: as("nationalCoordinator") })
      expect(national.status).toBe(404)
      const unknown = await gateway.request(
        "GET",
        `/v1/referrals/${Id.ulidAt(1_700_000_000_000, new Uint8Array(10))}`,
        {
          token: as("coordinator"),
        },
      )
      expect(unknown.status).toBe(404)
    })

    it("lists a case's referrals the caller may see, and a mechanism's by status", async () => {
      const byCase = await gateway.request("GET", `/v1/cases/${cases().highRisk.caseId}/referrals?limit=1`, {
        token: as("caseManager"),
      })
      expect(byCase.status).toBe(200)
      const page = await byCase.json()
      expect(page.items).toHaveLength(1)
      expect(page.next).toEqual(expect.any(String))
      const rest = await (
        await gateway.request("GET", `/v1/cases/${cases().highRisk.caseId}/referrals?after=${page.next}`, {
          token: as("caseManager"),
        })
      ).json()
      expect(rest.items.length).toBeGreaterThanOrEqual(2)
      // Legal aid is on neither case's team: it sees only what was sent to it.
      const lawyerHigh = await (
        await gateway.request("GET", `/v1/cases/${cases().highRisk.caseId}/referrals`, { token: as("lawyer") })
      ).json()
      expect(lawyerHigh.items).toEqual([])
      const lawyerMedium = await (
        await gateway.request("GET", `/v1/cases/${cases().mediumRisk.caseId}/referrals`, { token: as("lawyer") })
      ).json()
      expect(lawyerMedium.items.map((item: { id: string }) => item.id)).toEqual([demo().overdue])

      const accepted = await gateway.request("GET", `/v1/referrals?mechanismId=${seeded.mechanismId}&status=accepted`, {
        token: as("coordinator"),
      })
      expect(accepted.status).toBe(200)
      const ids = (await accepted.json()).items.map((item: { id: string }) => item.id)
      expect(ids).toContain(demo().accepted)
      const lawyer = await (
        await gateway.request("GET", `/v1/referrals?mechanismId=${seeded.mechanismId}`, { token: as("lawyer") })
      ).json()
      expect(lawyer.items.map((item: { id: string }) => item.id)).toEqual([demo().overdue])
      const outsider = await gateway.request("GET", `/v1/referrals?mechanismId=${seeded.mechanismId}`, {
        token: as("nationalCoordinator"),
      })
      expect(outsider.status).toBe(403)
    })

    it("lists the demo's overdue referral for the coordinator and the signatories", async () => {
      const response = await gateway.request("GET", `/v1/mechanisms/${seeded.mechanismId}/referrals/overdue`, {
        token: as("coordinator"),
      })
      expect(response.status).toBe(200)
      const overdue = await response.json()
      expect(overdue).toContainEqual(
        expect.objectContaining({
          referral: demo().overdue,
          case: cases().mediumRisk.caseId,
          to: institutions.legalAid.id,
          step: "acknowledge",
          due: expect.stringMatching(isoInstant),
        }),
      )
      expect(overdue.map((item: { referral: string }) => item.referral)).not.toContain(demo().accepted)
      const teacher = await gateway.request("GET", `/v1/mechanisms/${seeded.mechanismId}/referrals/overdue`, {
        token: as("teacher"),
      })
      expect(teacher.status).toBe(403)
      expect(await teacher.json()).toMatchObject({ rule: "policy.memorandum.not-signatory" })
    })

    it("answers response times, to the national coordinator too", async () => {
      for (const name of ["coordinator", "nationalCoordinator"] as const) {
        const response = await gateway.request("GET", `/v1/mechanisms/${seeded.mechanismId}/referrals/response-times`, {
          token: as(name),
        })
        expect(response.status, name).toBe(200)
        const times = await response.json()
        expect(times.perInstitution).toContainEqual(
          expect.objectContaining({
            key: institutions.shelter.id,
            acknowledge: expect.objectContaining({ count: 1 }),
            decide: expect.objectContaining({ count: 1 }),
          }),
        )
        const legalAid = times.perInstitution.find((line: { key: string }) => line.key === institutions.legalAid.id)
        expect(legalAid.acknowledge).toEqual({ count: 0, median: null, p90: null })
      }
    })

    it("exports a referral as a FHIR R4 Bundle of its ServiceRequest and Task", async () => {
      const response = await gateway.request("GET", `/v1/referrals/${demo().accepted}/fhir`, {
        token: as("shelterWorker"),
      })
      expect(response.status).toBe(200)
      const bundle = await response.json()
      expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" })
      const [request, task] = bundle.entry.map((entry: { resource: Record<string, unknown> }) => entry.resource)
      expect(request).toMatchObject({
        resourceType: "ServiceRequest",
        id: demo().accepted,
        status: "active",
        intent: "order",
        priority: "urgent",
        code: { coding: [{ code: "shelter" }] },
      })
      expect(task).toMatchObject({
        resourceType: "Task",
        status: "accepted",
        basedOn: [{ reference: `ServiceRequest/${demo().accepted}` }],
        owner: { identifier: { value: institutions.shelter.id } },
      })
      const denied = await gateway.request("GET", `/v1/referrals/${demo().accepted}/fhir`, { token: as("lawyer") })
      expect(denied.status).toBe(403)
    })

    it("describes the referral operations in the OpenAPI document", async () => {
      const document = await (await gateway.request("GET", "/openapi.json")).json()
      const operations = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>)
        .flatMap((path) => Object.values(path))
        .map((operation) => operation.operationId)
      expect(operations).toEqual(
        expect.arrayContaining([
          "sendReferral",
          "getReferral",
          "acknowledgeReferral",
          "acceptReferral",
          "declineReferral",
          "completeReferral",
          "cancelReferral",
          "getReferralFhir",
          "listOverdueReferrals",
        ]),
      )
      expect(document.paths["/v1/referrals/{referralId}/acknowledgement"].post.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: "If-Match", required: true })]),
      )
    })
  })
}
