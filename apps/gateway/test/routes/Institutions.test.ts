// The institution registry over the seeded demo, on SQLite and PostgreSQL:
// read by anyone signed in, registered and revised by an administrator with
// If-Match, every refusal a problem naming the field and writing nothing; and
// institution names beside institution ids in every answer people read — a
// record that carries a registered institution's id without its name fails.
import type { Id } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { Seeded } from "../../src/demo/Seed"
import { seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

type Name = { readonly sq: string; readonly "sr-Latn": string; readonly "sr-Cyrl": string; readonly en: string }

const counts = (gateway: Gateway) =>
  gateway.runtime.runPromise(
    Effect.gen(function* () {
      const sql = (yield* SqlClient.SqlClient).withoutTransforms()
      const out: Record<string, number> = {}
      for (const table of ["mechanism_institutions", "audit_log", "bashke_outbox"]) {
        const rows = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql(table)}`
        out[table] = Number(rows[0]?.n)
      }
      return out
    }).pipe(Effect.orDie),
  )

const ulid = /^[0-9A-HJKMNP-TV-Z]{26}$/

/** The records of an answer: a page's items (`items` and `next`), an array's elements, or the answer itself. */
const recordsOf = (answer: unknown): ReadonlyArray<Record<string, unknown>> =>
  Array.isArray(answer)
    ? answer
    : typeof answer === "object" && answer !== null && "next" in answer && "items" in answer
      ? (answer as { items: Array<Record<string, unknown>> }).items
      : [answer as Record<string, unknown>]

const idsIn = (value: unknown, found: Set<string>): Set<string> => {
  if (typeof value === "string" && ulid.test(value)) found.add(value)
  else if (Array.isArray(value)) for (const element of value) idsIn(element, found)
  else if (typeof value === "object" && value !== null) for (const child of Object.values(value)) idsIn(child, found)
  return found
}

/**
 * The registered institutions each record of `answer` mentions without their
 * name beside them (in the record's `institutionNames`, equal to the
 * registry's); and how many mentions were checked, so a check of an answer
 * that mentions none cannot pass unnoticed.
 */
const unnamed = (answer: unknown, registry: ReadonlyMap<string, Name>) => {
  const missing: Array<string> = []
  let checked = 0
  for (const record of recordsOf(answer)) {
    const { institutionNames, ...rest } = record as { institutionNames?: Record<string, Name> }
    for (const id of idsIn(rest, new Set())) {
      const name = registry.get(id)
      if (name === undefined) continue
      checked += 1
      if (JSON.stringify(institutionNames?.[id]) !== JSON.stringify(name)) missing.push(id)
    }
  }
  return { missing, checked }
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: institution registry routes`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const token = (name: PersonName) => tokens.get(name) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const name of ["coordinator", "policeOfficer", "shelterWorker", "teacher", "administrator"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    const get = (path: string, who: PersonName = "teacher") => gateway.request("GET", path, { token: token(who) })

    const registry = async (): Promise<ReadonlyMap<string, Name>> => {
      const page = await (await get("/v1/institutions?limit=200")).json()
      return new Map(page.items.map((item: { id: string; name: Name }) => [item.id, item.name]))
    }

    it("lists the demo's member institutions with their names in the four languages, by sector too", async () => {
      const response = await get("/v1/institutions")
      expect(response.status).toBe(200)
      const page = await response.json()
      expect(page.items.map((item: { id: string }) => item.id).sort()).toEqual(
        Object.values(institutions)
          .map((institution) => institution.id)
          .sort(),
      )
      const police = page.items.find((item: { id: string }) => item.id === institutions.police.id)
      expect(police).toMatchObject({
        sector: "police",
        municipality: "GJI",
        name: { ...institutions.police.name, "sr-Cyrl": "Косовска полиција – Регионална дирекција Гњилане" },
      })
      const bySector = await (await get("/v1/institutions?sector=shelter")).json()
      expect(bySector.items.map((item: { id: string }) => item.id)).toEqual([institutions.shelter.id])
      const one = await get(`/v1/institutions/${institutions.shelter.id}`, "shelterWorker")
      expect(one.status).toBe(200)
      expect(one.headers.get("etag")).toBe('"1"')
    })

    it("lets an administrator register an institution, audited; anyone else is refused", async () => {
      const before = await counts(gateway)
      const refused = await gateway.request("POST", "/v1/institutions", {
        token: token("coordinator"),
        body: { name: { sq: "OJQ Shpresa", "sr-Latn": "NVO Nada", en: "Hope NGO" }, sector: "civil-society" },
        headers: { "accept-language": "sr-Cyrl" },
      })
      expect(refused.status).toBe(403)
      const problem = await refused.json()
      expect(problem.rule).toBe("mechanism.institution.administrator-required")
      expect(problem.detail).toBe("Само администратор може да региструје или мења институције.")
      expect(await counts(gateway)).toEqual(before)

      const created = await gateway.request("POST", "/v1/institutions", {
        token: token("administrator"),
        body: { name: { sq: "OJQ Shpresa", "sr-Latn": "NVO Nada", en: "Hope NGO" }, sector: "civil-society" },
      })
      expect(created.status).toBe(201)
      expect(created.headers.get("etag")).toBe('"1"')
      const institution = await created.json()
      expect(institution).toMatchObject({ sector: "civil-society", version: 1, name: { "sr-Cyrl": "НВО Нада" } })
      expect(institution.municipality).toBeUndefined()
      expect(await counts(gateway)).toEqual({
        mechanism_institutions: (before.mechanism_institutions ?? 0) + 1,
        audit_log: (before.audit_log ?? 0) + 1,
        bashke_outbox: (before.bashke_outbox ?? 0) + 1,
      })
    })

    it("refuses bad input with a problem naming the field, writing nothing", async () => {
      const before = await counts(gateway)
      const blank = await gateway.request("POST", "/v1/institutions", {
        token: token("administrator"),
        body: { name: { sq: "Emri", "sr-Latn": "Ime", en: " " }, sector: "police" },
        headers: { "accept-language": "sq" },
      })
      expect(blank.status).toBe(422)
      const problem = await blank.json()
      expect(problem).toMatchObject({ field: "name.en", rule: "mechanism.institution.name-invalid" })
      expect(problem.detail).toContain("shqip, serbisht dhe anglisht")
      const twice = await gateway.request("POST", "/v1/institutions", {
        token: token("administrator"),
        body: { id: institutions.police.id, name: institutions.police.name, sector: "police" },
      })
      expect(twice.status).toBe(409)
      expect((await twice.json()).rule).toBe("mechanism.institution.already-registered")
      const municipality = await gateway.request("POST", "/v1/institutions", {
        token: token("administrator"),
        body: { name: institutions.police.name, sector: "police", municipality: "XXX" },
      })
      expect(municipality.status).toBe(422)
      expect((await municipality.json()).field).toBe("municipality")
      expect(await counts(gateway)).toEqual(before)
    })

    it("revises an institution with If-Match: 428 without, 412 when stale; the new name shows in other answers", async () => {
      const path = `/v1/institutions/${institutions.health.id}`
      const body = {
        name: { ...institutions.health.name, en: "Family Medicine Centre – Gjilan" },
        sector: "health",
        municipality: "GJI",
      }
      const before = await counts(gateway)
      const without = await gateway.request("PUT", path, { token: token("administrator"), body })
      expect(without.status).toBe(428)
      const stale = await gateway.request("PUT", path, { token: token("administrator"), body, ifMatch: '"7"' })
      expect(stale.status).toBe(412)
      expect(await counts(gateway)).toEqual(before)
      const revised = await gateway.request("PUT", path, { token: token("administrator"), body, ifMatch: '"1"' })
      expect(revised.status).toBe(200)
      expect(revised.headers.get("etag")).toBe('"2"')
      const members = await (await get(`/v1/mechanisms/${seeded.mechanismId}/memberships`)).json()
      const health = members.items.find(
        (membership: { institutionId: string }) => membership.institutionId === institutions.health.id,
      )
      expect(health.institutionNames[institutions.health.id].en).toBe("Family Medicine Centre – Gjilan")
    })

    it("names every registered institution beside its id in the answers people read", async () => {
      const names = await registry()
      const mechanism = seeded.mechanismId
      const meetings = seeded.meetings
      const referrals = seeded.referrals
      if (meetings === undefined || referrals === undefined) throw new Error("the demo seeds meetings and referrals")
      const reads: ReadonlyArray<readonly [string, string, PersonName]> = [
        ["members", `/v1/mechanisms/${mechanism}/memberships`, "teacher"],
        ["memoranda and their signatures", `/v1/mechanisms/${mechanism}/memoranda`, "teacher"],
        ["meetings and attendance", `/v1/mechanisms/${mechanism}/meetings`, "teacher"],
        ["a meeting's attendance", `/v1/meetings/${meetings.held[1]}`, "teacher"],
        ["an ad hoc request", `/v1/meetings/${meetings.request.meetingId}`, "shelterWorker"],
        ["the agenda", `/v1/meetings/${meetings.upcoming.meetingId}/agenda`, "coordinator"],
        ["a meeting's action items", `/v1/meetings/${meetings.held[1]}/action-items`, "teacher"],
        ["open action items", `/v1/mechanisms/${mechanism}/action-items`, "teacher"],
        ["the mechanism's referrals", `/v1/referrals?mechanismId=${mechanism}`, "coordinator"],
        ["overdue referrals", `/v1/mechanisms/${mechanism}/referrals/overdue`, "coordinator"],
        ["response times", `/v1/mechanisms/${mechanism}/referrals/response-times`, "coordinator"],
        ["action plans", `/v1/action-plans?mechanismId=${mechanism}`, "teacher"],
        ["an action plan", `/v1/action-plans/${seeded.actionPlan?.planId}`, "teacher"],
      ]
      for (const [what, path, who] of reads) {
        const response = await get(path, who)
        expect(response.status, what).toBe(200)
        const { missing, checked } = unnamed(await response.json(), names)
        expect(missing, what).toEqual([])
        if (!what.startsWith("overdue")) expect(checked, what).toBeGreaterThan(0)
      }
      const decisions = await gateway.request("POST", `/v1/meetings/${meetings.held[1]}/decisions/read`, {
        token: token("coordinator"),
        idempotencyKey: "",
      })
      expect(decisions.status).toBe(200)
      expect(unnamed(await decisions.json(), names).missing).toEqual([])
    })

    it("would fail an answer that carries a registered id without its name", async () => {
      const names = await registry()
      const id = institutions.police.id as Id.InstitutionId
      expect(unnamed({ owner: id, institutionNames: {} }, names)).toEqual({ missing: [id], checked: 1 })
      expect(unnamed({ items: [{ attendance: [{ institution: id }] }], next: null }, names).missing).toEqual([id])
      expect(unnamed({ owner: id, institutionNames: { [id]: names.get(id) } }, names)).toEqual({
        missing: [],
        checked: 1,
      })
    })
  })
}
