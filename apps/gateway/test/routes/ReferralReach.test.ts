// Who reaches a referral from outside its mechanism, on SQLite and PostgreSQL:
// a provider that is no member of the mechanism reads and answers the
// referrals sent to it, whatever its token names; a worker of a member
// institution whose token names another mechanism only (the same shelter's,
// elsewhere) neither reads nor moves this mechanism's referrals to the
// shelter, and a refused step writes nothing.
import type { Id, Principal } from "@bashke/kernel"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, principal } from "../../src/demo/World"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway, ulid } from "../support/Gateway"
import { counts } from "../support/Rows"

const written = ["referrals", "referral_steps", "bashke_outbox", "bashke_idempotency", "audit_log"]

/** A counselling centre run by an NGO that is no member of any mechanism. */
const outsideInstitution = ulid(861) as Id.InstitutionId
const outsideProvider: Principal.Principal = {
  id: ulid(862) as Id.PrincipalId,
  kind: "user",
  institution: outsideInstitution,
  sector: "civil-society",
  roles: ["case-worker"],
  mechanisms: [],
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: reaching a referral from outside its mechanism`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<string, string>()
    const cases = () => seeded.cases as NonNullable<Seeded["cases"]>

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const name of ["caseManager", "shelterWorker", "administrator"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
      tokens.set("outside", await gateway.tokenFor(outsideProvider))
      tokens.set(
        "stray",
        await gateway.tokenFor({
          ...principal("shelterWorker", seeded.mechanismId),
          id: ulid(863) as Id.PrincipalId,
          mechanisms: [ulid(864) as Id.MechanismId],
        }),
      )
    })
    afterAll(() => gateway.close())

    const call = async (
      who: string,
      method: string,
      path: string,
      options: { readonly body?: unknown; readonly ifMatch?: string } = {},
    ) => gateway.request(method, path, { token: tokens.get(who) as string, ...options })

    const ok = async (response: Response) => {
      expect(response.status, await response.clone().text()).toBeLessThan(300)
      return { body: await response.json(), etag: response.headers.get("etag") as string }
    }

    /** A new active service of `institution`, registered by the administrator. */
    const service = async (institution: Id.InstitutionId, type: string): Promise<string> =>
      (
        await ok(
          await call("administrator", "POST", "/v1/services", {
            body: {
              institution,
              name: "Shërbim",
              type,
              municipality: "GJI",
              languages: ["sq"],
              locations: [],
              active: true,
            },
          }),
        )
      ).body.id

    /** The high-risk case referred to `serviceId` by the case manager, on `consent`. */
    const send = async (serviceId: string, consent: string) =>
      ok(
        await call("caseManager", "POST", "/v1/referrals", {
          body: {
            case: cases().highRisk.caseId,
            service: serviceId,
            reason: "psychosocial-support",
            basis: { _tag: "Consent", consent },
          },
        }),
      )

    /** A consent to referral the victim gives now, to `to` (a consent names members, or whole sectors). */
    const consent = async (to: { institutions: Array<Id.InstitutionId> } | { sectors: Array<string> }) => {
      const path = `/v1/cases/${cases().highRisk.caseId}`
      const read = await ok(await call("caseManager", "GET", path))
      const given = await ok(
        await call("caseManager", "POST", `${path}/consents`, {
          body: { givenBy: cases().highRisk.victim, ...to, purposes: ["referral"], method: "signed-form" },
          ifMatch: read.etag,
        }),
      )
      return given.body.id as string
    }

    it("lets a provider outside the mechanism read and answer what was sent to it", async () => {
      await ok(
        await call("administrator", "POST", "/v1/organizations", {
          body: { institution: outsideInstitution, sector: "civil-society", name: "Qendra e këshillimit" },
        }),
      )
      const sent = await send(
        await service(outsideInstitution, "psychosocial-counselling"),
        await consent({ sectors: ["civil-society"] }),
      )
      const read = await call("outside", "GET", `/v1/referrals/${sent.body.id}`)
      expect(read.status).toBe(200)
      const acknowledged = await call("outside", "POST", `/v1/referrals/${sent.body.id}/acknowledgement`, {
        ifMatch: sent.etag,
      })
      expect(acknowledged.status).toBe(200)
      expect((await acknowledged.json()).status).toBe("acknowledged")
      const listed = await ok(await call("outside", "GET", `/v1/cases/${cases().highRisk.caseId}/referrals`))
      expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([sent.body.id])
    })

    it("refuses the same shelter's worker in another mechanism: no read, no step, nothing written", async () => {
      const accepted = (seeded.referrals as NonNullable<Seeded["referrals"]>).accepted
      const read = await call("stray", "GET", `/v1/referrals/${accepted}`)
      // Outside the referral's mechanism: the same 404 as an id that does not exist (issue 13, finding 6).
      expect(read.status).toBe(404)
      const text = await read.text()
      expect(JSON.parse(text)).toMatchObject({ status: 404 })
      expect(leaked(text)).toEqual([])
      const listed = await ok(await call("stray", "GET", `/v1/cases/${cases().highRisk.caseId}/referrals`))
      expect(listed.body.items).toEqual([])

      const sent = await send(
        await service(institutions.shelter.id, "shelter"),
        await consent({ institutions: [institutions.shelter.id] }),
      )
      const before = await counts(gateway, written)
      const stray = await call("stray", "POST", `/v1/referrals/${sent.body.id}/acknowledgement`, { ifMatch: sent.etag })
      expect(stray.status).toBe(404)
      expect(await stray.json()).toMatchObject({ status: 404 })
      expect(await counts(gateway, written)).toEqual(before)
      const own = await call("shelterWorker", "POST", `/v1/referrals/${sent.body.id}/acknowledgement`, {
        ifMatch: sent.etag,
      })
      expect(own.status).toBe(200)
    })
  })
}
