// Administering people through HTTP on SQLite and PostgreSQL, over the seeded
// demo: the coordinator lists the mechanism's people (an administrator any
// mechanism's, or everyone), changes a person's roles with If-Match — audited
// with who, the person's session and API token stop, the caller's own session
// rotates when their own roles change — reads a person's sign-in history;
// each person lists their sessions and signs out everywhere. Bad input is an
// RFC 9457 problem naming the field, with nothing changed; someone out of
// reach is a 404 like an unknown id.
import { People, SignInLinks } from "@bashke/identity"
import { type Id, Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { type Seeded, seed } from "../../src/demo/Seed"
import { institutions, type PersonName, principal } from "../../src/demo/World"
import { databases, type Gateway, makeGateway, ulid } from "../support/Gateway"

const local = "http://localhost"
const browser = { origin: local, "x-bashke-request": "1" }
let made = 0

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: administering people`, () => {
    let gateway: Gateway
    let seeded: Seeded
    const tokens = new Map<PersonName, string>()
    const as = (name: PersonName) => tokens.get(name) as string
    const id = (name: PersonName) => principal(name, seeded.mechanismId).id

    /** A new case worker of the centre for social work in the demo's mechanism. */
    const newCaseWorker = async () => {
      made += 1
      const person = await gateway.runtime.runPromise(
        Effect.flatMap(People.People, (people) =>
          people.add(
            {
              displayName: "Mimoza Beqiri",
              email: `mimoza.beqiri.${made}@people.example`,
              language: "sr-Latn",
              institution: institutions.socialWork.id,
              sector: "social-work",
            },
            [{ role: "case-worker", mechanism: seeded.mechanismId }],
            Principal.platformId,
          ),
        ),
      )
      return person.id
    }
    /** A session cookie of `person`, signed in through a one-time link. */
    const sessionOf = async (person: Id.PrincipalId) => {
      const token = await gateway.runtime.runPromise(
        Effect.flatMap(SignInLinks.SignInLinks, (links) => links.issue(person, "sign-in")),
      )
      const response = await gateway.request("POST", "/v1/sign-in/link", { body: { token }, headers: browser })
      expect(response.status).toBe(200)
      return (response.headers.get("set-cookie") ?? "").split(";")[0] as string
    }
    const withCookie = (cookie: string) => ({ headers: { ...browser, cookie } })
    const auditWrites = () =>
      gateway.runtime.runPromise(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql`SELECT principal_id FROM audit_log WHERE action = 'write'
            AND purpose = 'mechanism-administration' ORDER BY seq DESC LIMIT 1`,
        ).pipe(Effect.map((rows) => rows.map((row) => Object.values(row)[0]))),
      )

    beforeAll(async () => {
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      for (const name of ["coordinator", "nurse", "administrator", "caseManager"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
    })
    afterAll(() => gateway.close())

    it("lists the mechanism's people for its coordinator, page by page; others are refused", async () => {
      const first = await gateway.request("GET", `/v1/people?mechanismId=${seeded.mechanismId}&limit=3`, {
        token: as("coordinator"),
      })
      expect(first.status).toBe(200)
      const page = (await first.json()) as {
        items: ReadonlyArray<{ id: string; grants: unknown; version: number; active: boolean; displayName: string }>
        next: string | null
      }
      expect(page.items).toHaveLength(3)
      expect(page.next).not.toBeNull()
      const all: Array<string> = page.items.map((each) => each.id)
      let next = page.next
      while (next !== null) {
        const more = await gateway.request("GET", `/v1/people?limit=3&after=${next}`, { token: as("coordinator") })
        expect(more.status).toBe(200)
        const body = (await more.json()) as { items: ReadonlyArray<{ id: string }>; next: string | null }
        all.push(...body.items.map((each) => each.id))
        next = body.next
      }
      for (const name of ["coordinator", "nurse", "caseManager", "policeOfficer"] as const)
        expect(all).toContain(id(name))
      // Installation people hold no role in the mechanism: not in its list.
      expect(all).not.toContain(id("administrator"))
      const everyone = await gateway.request("GET", "/v1/people?limit=200", { token: as("administrator") })
      expect(
        ((await everyone.json()) as { items: ReadonlyArray<{ id: string }> }).items.map((each) => each.id),
      ).toContain(id("administrator"))
      const nurse = await gateway.request("GET", `/v1/people?mechanismId=${seeded.mechanismId}`, { token: as("nurse") })
      expect(nurse.status).toBe(403)
      expect(nurse.headers.get("content-type")).toContain("application/problem+json")
      expect((await nurse.json()).rule).toBe("identity.people.not-administering")
      const elsewhere = await gateway.request("GET", `/v1/people?mechanismId=${ulid(91)}`, { token: as("coordinator") })
      expect(elsewhere.status).toBe(403)
      expect((await elsewhere.json()).rule).toBe("identity.people.outside-mechanism")
    })

    it("bad list queries: problems naming the field", async () => {
      for (const [query, field] of [
        ["limit=0", "limit"],
        ["limit=many", "limit"],
        ["mechanismId=not-an-id", "mechanismId"],
        ["after=%21%21", "after"],
      ] as const) {
        const response = await gateway.request("GET", `/v1/people?${query}`, { token: as("coordinator") })
        expect(response.status, query).toBeGreaterThanOrEqual(400)
        expect(response.status, query).toBeLessThan(500)
        expect(response.headers.get("content-type")).toContain("application/problem+json")
        const problem = await response.json()
        expect(problem.field, query).toBe(field)
        expect(JSON.stringify(problem)).not.toContain("not-an-id")
      }
    })

    it("changes a person's roles with If-Match: audited with who, their token and session stop", async () => {
      const person = await newCaseWorker()
      const token = await gateway.tokenFor({
        id: person,
        kind: "user",
        institution: institutions.socialWork.id,
        roles: ["case-worker"],
        mechanisms: [seeded.mechanismId],
      })
      const cookie = await sessionOf(person)
      expect((await gateway.request("GET", "/v1/me", { token })).status).toBe(200)
      const grants = [{ role: "member-representative", mechanism: seeded.mechanismId }]
      const path = `/v1/people/${person}/roles`
      const without = await gateway.request("PUT", path, { token: as("coordinator"), body: { grants } })
      expect(without.status).toBe(428)
      const stale = await gateway.request("PUT", path, { token: as("coordinator"), body: { grants }, ifMatch: '"7"' })
      expect(stale.status).toBe(412)
      const changed = await gateway.request("PUT", path, { token: as("coordinator"), body: { grants }, ifMatch: '"1"' })
      expect(changed.status).toBe(200)
      expect(changed.headers.get("etag")).toBe('"2"')
      expect(await changed.json()).toEqual({ grants, version: 2 })
      expect(await auditWrites()).toEqual([id("coordinator")])
      // The token made before carried the old roles, the session too: both stop.
      expect((await gateway.request("GET", "/v1/me", { token })).status).toBe(401)
      expect((await gateway.request("GET", "/v1/me", withCookie(cookie))).status).toBe(401)
      // Signed in again: the new roles.
      const again = await gateway.request("GET", "/v1/me", withCookie(await sessionOf(person)))
      expect((await again.json()).roles).toEqual(["member-representative"])
    })

    it("bad role changes: problems naming the field, nothing changed; out of reach is unknown", async () => {
      const person = await newCaseWorker()
      const path = `/v1/people/${person}/roles`
      const change = (body: unknown, name: PersonName = "coordinator", to = path) =>
        gateway.request("PUT", to, { token: as(name), body, ifMatch: '"1"' })
      for (const [body, field] of [
        [{}, "grants"],
        [{ grants: [{ role: "wizard", mechanism: seeded.mechanismId }] }, "grants.0.role"],
        [{ grants: [{ role: "case-worker", mechanism: "nowhere" }] }, "grants.0.mechanism"],
        [{ grants: [{ role: "case-worker", mechanism: null }] }, "grants"],
      ] as const) {
        const response = await change(body)
        expect(response.status, JSON.stringify(body)).toBe(422)
        expect(response.headers.get("content-type")).toContain("application/problem+json")
        expect((await response.json()).field, JSON.stringify(body)).toBe(field)
      }
      const bad = await change({ grants: [] }, "coordinator", "/v1/people/not-an-id/roles")
      expect(bad.status).toBeGreaterThanOrEqual(400)
      expect((await bad.json()).field).toBe("personId")
      // A coordinator cannot make an administrator.
      const admin = await change({ grants: [{ role: "administrator", mechanism: null }] })
      expect(admin.status).toBe(403)
      expect((await admin.json()).rule).toBe("identity.grants.beyond-reach")
      // A case worker, and anyone for an unknown id: 404 alike.
      const grants = [{ role: "member-representative", mechanism: seeded.mechanismId }]
      expect((await change({ grants }, "nurse")).status).toBe(404)
      expect((await change({ grants }, "administrator", `/v1/people/${ulid(92)}/roles`)).status).toBe(404)
      // Nothing changed: version 1 still applies.
      const listed = await gateway.request("GET", `/v1/people?mechanismId=${seeded.mechanismId}&limit=200`, {
        token: as("coordinator"),
      })
      const item = (
        (await listed.json()) as { items: ReadonlyArray<{ id: string; version: number; grants: unknown }> }
      ).items.find((each) => each.id === person)
      expect(item).toMatchObject({ version: 1, grants: [{ role: "case-worker", mechanism: seeded.mechanismId }] })
    })

    it("an administrator changing their own roles gets a new session: the old cookie stops, the new one works", async () => {
      const admin = id("administrator")
      const cookie = await sessionOf(admin)
      const grants = [
        { role: "administrator", mechanism: null },
        { role: "auditor", mechanism: null },
      ]
      const changed = await gateway.request("PUT", `/v1/people/${admin}/roles`, {
        headers: { ...browser, cookie, "if-match": '"1"', "content-type": "application/json" },
        body: { grants },
      })
      expect(changed.status).toBe(200)
      const rotated = (changed.headers.get("set-cookie") ?? "").split(";")[0] as string
      expect(rotated).toMatch(/^bashke=bss_/)
      expect(rotated).not.toBe(cookie)
      expect((await gateway.request("GET", "/v1/me", withCookie(cookie))).status).toBe(401)
      const me = await gateway.request("GET", "/v1/me", withCookie(rotated))
      expect((await me.json()).roles).toEqual(["administrator", "auditor"])
    })

    it("a person's sign-in history for the coordinator; out of reach is unknown; bad paging named", async () => {
      const person = await newCaseWorker()
      const first = await sessionOf(person)
      expect((await gateway.request("POST", "/v1/sign-out", withCookie(first))).status).toBe(200)
      await sessionOf(person)
      const history = await gateway.request("GET", `/v1/people/${person}/sign-ins?limit=1`, {
        token: as("coordinator"),
      })
      expect(history.status).toBe(200)
      const page = (await history.json()) as {
        items: ReadonlyArray<{ endReason: string | null; startedAt: string; endedAt: string | null }>
        next: string | null
      }
      expect(page.items.map((each) => each.endReason)).toEqual([null])
      const rest = await gateway.request("GET", `/v1/people/${person}/sign-ins?after=${page.next}`, {
        token: as("coordinator"),
      })
      const older = (await rest.json()) as { items: ReadonlyArray<{ endReason: string | null; endedAt: string }> }
      expect(older.items.map((each) => each.endReason)).toEqual(["signed-out"])
      expect(Number.isNaN(Date.parse(older.items[0]?.endedAt ?? ""))).toBe(false)
      expect((await gateway.request("GET", `/v1/people/${person}/sign-ins`, { token: as("nurse") })).status).toBe(404)
      const bad = await gateway.request("GET", `/v1/people/${person}/sign-ins?limit=500`, { token: as("coordinator") })
      expect(bad.status).toBeGreaterThanOrEqual(400)
      expect((await bad.json()).field).toBe("limit")
    })

    it("my sessions, this one marked; signing out everywhere ends them all and forgets the cookie", async () => {
      const person = await newCaseWorker()
      const phone = await sessionOf(person)
      const laptop = await sessionOf(person)
      const listed = await gateway.request("GET", "/v1/me/sessions", withCookie(laptop))
      expect(listed.status).toBe(200)
      const mine = (await listed.json()) as { items: ReadonlyArray<{ current: boolean }> }
      expect(mine.items.map((each) => each.current)).toEqual([true, false])
      const everywhere = await gateway.request("DELETE", "/v1/me/sessions", withCookie(laptop))
      expect(everywhere.status).toBe(200)
      expect(await everywhere.json()).toEqual({ ended: 2 })
      expect(everywhere.headers.get("set-cookie")).toMatch(/^bashke=; Max-Age=0/)
      for (const cookie of [phone, laptop])
        expect((await gateway.request("GET", "/v1/me", withCookie(cookie))).status).toBe(401)
      // Another site's page cannot sign a person out everywhere.
      const other = await sessionOf(person)
      const forged = await gateway.request("DELETE", "/v1/me/sessions", {
        headers: { origin: "https://elsewhere.example", "x-bashke-request": "1", cookie: other },
      })
      expect(forged.status).toBe(403)
      expect((await gateway.request("GET", "/v1/me", withCookie(other))).status).toBe(200)
    })
  })
}
