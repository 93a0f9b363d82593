// Calendar subscriptions through a real HTTP server, on SQLite and PostgreSQL:
// a person makes a secret feed URL; a calendar client (ical.js here) fetches it
// with no header at all and reads the mechanism's meetings; the feed carries no
// personal data; the secret is stored hashed and never logged; a revoked or
// unknown URL answers 404 without echoing it; nobody revokes another's feed.
import { request as httpRequest } from "node:http"
import type { AddressInfo } from "node:net"
import { People, SignInLinks } from "@bashke/identity"
import { Principal } from "@bashke/kernel"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { serve } from "@hono/node-server"
import { Effect } from "effect"
import ICAL from "ical.js"
import type { DemoMeetings } from "../../src/demo/MeetingsDemo"
import { seed } from "../../src/demo/Seed"
import { type PersonName, principal } from "../../src/demo/World"
import { leaked } from "../support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "../support/Gateway"

/** A GET as a calendar application makes it: no Authorization, no Accept-Language, nothing set. */
const subscribe = (url: string): Promise<{ status: number; type: string; body: string }> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "GET", headers: {} }, (response) => {
      let body = ""
      response.setEncoding("utf8")
      response.on("data", (chunk: string) => {
        body += chunk
      })
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body }),
      )
    })
    request.on("error", reject)
    request.end()
  })

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: calendar subscriptions`, () => {
    let gateway: Gateway
    let server: ReturnType<typeof serve>
    let origin: string
    let demo: DemoMeetings
    let mechanismId: Parameters<typeof principal>[1]
    const tokens = new Map<PersonName, string>()
    const token = (name: PersonName) => tokens.get(name) as string

    beforeAll(async () => {
      gateway = await makeGateway(db)
      const seeded = await gateway.runtime.runPromise(seed)
      demo = seeded.meetings as DemoMeetings
      mechanismId = seeded.mechanismId
      for (const name of ["coordinator", "policeOfficer", "shelterWorker", "nationalCoordinator"] as const)
        tokens.set(name, await gateway.tokenFor(principal(name, seeded.mechanismId)))
      server = await new Promise<ReturnType<typeof serve>>((ready) => {
        const listening = serve({ fetch: gateway.app.fetch, port: 0, hostname: "127.0.0.1" }, () => ready(listening))
      })
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterAll(async () => {
      await new Promise<void>((done) => server.close(() => done()))
      await gateway.close()
    })

    const make = async (who: PersonName, body: object = {}) => {
      const response = await gateway.request("POST", "/v1/calendar-feeds", { token: token(who), body })
      expect(response.status).toBe(201)
      return (await response.json()) as { feed: { id: string; locale: string }; url: string }
    }

    it("serves the mechanism's meetings to a client that sends no header, read back by ical.js", async () => {
      const issued = await make("policeOfficer", { locale: "en" })
      expect(issued.url).toMatch(/^\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\/meetings\.ics$/)
      const response = await subscribe(`${origin}${issued.url}`)
      expect(response.status).toBe(200)
      expect(response.type).toBe("text/calendar; charset=utf-8")
      const calendar = new ICAL.Component(ICAL.parse(response.body))
      expect(calendar.name).toBe("vcalendar")
      const events = calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event))
      expect(events.map((event) => event.uid).sort()).toEqual(
        [...demo.held, demo.upcoming.meetingId].map((id) => `${id}@bashke`).sort(),
      )
      expect(events.every((event) => event.summary === "Regular meeting of the coordination mechanism")).toBe(true)
      // No personal data: no demo name, no request reason, nothing but kinds, times and places.
      expect(leaked(response.body)).toEqual([])
      expect(response.body).not.toContain("safety plan")
      expect(response.body).not.toMatch(/ATTENDEE|ORGANIZER|DESCRIPTION|CONTACT/)
    })

    it("keeps only the secret's hash, lists feeds without secrets, and never logs the URL", async () => {
      const issued = await make("shelterWorker")
      expect(issued.feed.locale).toBe("sq")
      const secret = issued.url.split("/")[3] as string
      await subscribe(`${origin}${issued.url}`)
      const stored = await gateway.runtime.runPromise(
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT * FROM meeting_calendar_feeds`).pipe(Effect.orDie),
      )
      expect(JSON.stringify(stored)).not.toContain(secret)
      const listed = await gateway.request("GET", "/v1/calendar-feeds", { token: token("shelterWorker") })
      const feeds = await listed.json()
      expect(feeds.map((feed: { id: string }) => feed.id)).toEqual([issued.feed.id])
      expect(JSON.stringify(feeds)).not.toContain(secret)
      expect(JSON.stringify(gateway.logs)).not.toContain(secret)
      expect(gateway.logs.some((line) => line.route === "/v1/calendar-feeds/:secret/meetings.ics")).toBe(true)
    })

    it("answers 404 for a revoked URL, an unknown one and a malformed one, echoing none", async () => {
      const issued = await make("coordinator", { locale: "sr-Cyrl" })
      const secret = issued.url.split("/")[3] as string
      const before = await subscribe(`${origin}${issued.url}`)
      expect(before.status).toBe(200)
      expect(before.body).toContain("SUMMARY;LANGUAGE=sr-Cyrl:")

      // Nobody else revokes it.
      const stranger = await gateway.request("POST", `/v1/calendar-feeds/${issued.feed.id}/revocation`, {
        token: token("policeOfficer"),
      })
      expect(stranger.status).toBe(404)
      expect((await subscribe(`${origin}${issued.url}`)).status).toBe(200)

      const revoked = await gateway.request("POST", `/v1/calendar-feeds/${issued.feed.id}/revocation`, {
        token: token("coordinator"),
      })
      expect(revoked.status).toBe(200)
      expect((await revoked.json()).revokedAt).toEqual(expect.any(String))
      const after = await subscribe(`${origin}${issued.url}`)
      expect(after.status).toBe(404)
      expect(after.type).toContain("application/problem+json")
      expect(after.body).not.toContain(secret)

      const unknown = await subscribe(`${origin}/v1/calendar-feeds/${"A".repeat(43)}/meetings.ics`)
      expect(unknown.status).toBe(404)
      const malformed = await subscribe(`${origin}/v1/calendar-feeds/not-a-secret/meetings.ics`)
      expect(malformed.status).toBe(404)
      expect(malformed.body).not.toContain("not-a-secret")
    })

    it("serves a feed a person made in a browser session (no API token of theirs) until they are deactivated", async () => {
      // The nurse signs in with a one-time link, as the web app does, and holds no API token.
      const person = principal("nurse", mechanismId)
      const link = await gateway.runtime.runPromise(
        Effect.flatMap(SignInLinks.SignInLinks, (links) => links.issue(person.id, "sign-in")),
      )
      const browser = { origin: "http://localhost", "x-bashke-request": "1", "content-type": "application/json" }
      const signedIn = await gateway.app.request("http://localhost/v1/sign-in/link", {
        method: "POST",
        headers: browser,
        body: JSON.stringify({ token: link }),
      })
      expect(signedIn.status).toBe(200)
      const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string
      const created = await gateway.app.request("http://localhost/v1/calendar-feeds", {
        method: "POST",
        headers: { ...browser, cookie, "idempotency-key": `nurse-feed-${db.name}` },
        body: JSON.stringify({ locale: "sr-Latn" }),
      })
      expect(created.status).toBe(201)
      const issued = (await created.json()) as { url: string }
      const served = await subscribe(`${origin}${issued.url}`)
      expect(served.status).toBe(200)
      const events = new ICAL.Component(ICAL.parse(served.body)).getAllSubcomponents("vevent")
      expect(events.length).toBe(demo.held.length + 1)
      expect(leaked(served.body)).toEqual([])

      await gateway.runtime.runPromise(
        Effect.flatMap(People.People, (people) => people.deactivate(person.id, Principal.platformId)),
      )
      expect((await subscribe(`${origin}${issued.url}`)).status).toBe(404)
    })

    it("refuses a feed to someone of no mechanism, with a problem", async () => {
      const response = await gateway.request("POST", "/v1/calendar-feeds", {
        token: token("nationalCoordinator"),
        body: {},
        headers: { "accept-language": "en" },
      })
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ rule: "meeting.calendar-feed.no-mechanism" })
    })
  })
}
