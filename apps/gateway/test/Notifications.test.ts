// Notifications through the gateway's real services, on SQLite and PostgreSQL,
// over the seeded demo, with a real SMTP server (smtp-server, mails parsed)
// and the demo's people — the identity package's accounts, each given a
// language of the four: the urgent referral to the health centre,
// unacknowledged, reaches the health centre's people before and at its
// deadline, the referring institution at the deadline, and the coordinator
// when it is escalated — each in their language, each address opened through
// an audited read, none of the case's personal values (nor a colleague's
// name) in any mail, and nothing for a health-centre colleague deactivated
// before the deadline; the in-app list and its unread count follow;
// withdrawing the consent cancels the open referrals that relied on it and
// tells their receivers; an address the SMTP server refuses fails that
// person's channel and the administrators (people holding the role) are told
// by id, never by the address.
import { CaseService } from "@bashke/case"
import { People } from "@bashke/identity"
import { type Id, type Locale, Principal } from "@bashke/kernel"
import { Scheduler, SmtpSettings } from "@bashke/notifications"
import { SmtpMailer } from "@bashke/notifications/smtp"
import { type SmtpTestServer, SmtpTestServer as TestServer } from "@bashke/notifications/testing"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Either } from "effect"
import { accounts, emailOf as demoEmailOf } from "../src/demo/PeopleDemo"
import { type Seeded, seed } from "../src/demo/Seed"
import { institutions, type PersonName, people, principal } from "../src/demo/World"
import { leaked } from "./support/DemoPersonalData"
import { databases, type Gateway, makeGateway } from "./support/Gateway"

const hour = 3_600_000
const publicUrl = "https://bashke.example"
const languages: Partial<Record<PersonName, Locale.Locale>> = {
  coordinator: "en",
  nurse: "sr-Latn",
  caseManager: "sq",
  shelterWorker: "sr-Cyrl",
  advocate: "sq",
  lawyer: "sr-Latn",
}
const emailOf = demoEmailOf
/** A colleague of the nurse at the health centre, deactivated before the referral falls due. */
const departed = { displayName: "Bekim Shala", email: "departed@demo.bashke.example" } as const

/** A clock standing at `millis`: a round run on it happens then. */
const clockAt = (millis: number): Clock.Clock => {
  const base = Clock.make()
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => millis,
    currentTimeMillis: Effect.succeed(millis),
    unsafeCurrentTimeNanos: () => BigInt(millis) * 1_000_000n,
    currentTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
    sleep: (duration) => base.sleep(duration),
  }
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: notifications`, () => {
    let gateway: Gateway
    let seeded: Seeded
    let server: SmtpTestServer
    let start: number
    let departedId: Id.PrincipalId
    const tokens = new Map<PersonName, string>()
    const referrals = () => seeded.referrals as NonNullable<Seeded["referrals"]>

    const roundAt = (millis: number) => {
      const smtp = SmtpSettings.parseSmtpUrl(server.url)
      if (Either.isLeft(smtp)) throw new Error("test server URL")
      return gateway.runtime.runPromise(
        Scheduler.runOnce({ ...Scheduler.defaults("gateway-test", publicUrl), settle: "1 second" }).pipe(
          Effect.provide(SmtpMailer.layer(smtp.right, "bashke@example.org", { timeout: 5_000 })),
          Effect.withClock(clockAt(millis)),
        ),
      )
    }
    const mailsTo = (name: PersonName) => server.received.filter((mail) => mail.to.includes(emailOf(name)))
    const inbox = async (name: PersonName) => {
      const response = await gateway.request("GET", "/v1/me/notifications", { token: tokens.get(name) as string })
      expect(response.status).toBe(200)
      return (await response.json()) as {
        items: ReadonlyArray<{ id: string; kind: string; stage: string; title: string; subject: { id: string } }>
        unread: number
      }
    }

    beforeAll(async () => {
      server = await TestServer.start()
      // The gateway's own binding of `Recipients`: the people of the identity package.
      gateway = await makeGateway(db)
      seeded = await gateway.runtime.runPromise(seed)
      start = Date.now()
      for (const name of Object.keys(people) as Array<keyof typeof people>) {
        const acting = principal(name, seeded.mechanismId)
        const language = languages[name] ?? "sq"
        await gateway.runtime.runPromise(
          Effect.flatMap(People.People, (store) => store.setLanguage(acting.id, language)),
        )
        tokens.set(name, await gateway.tokenFor(acting))
      }
      // A second case worker at the health centre, deactivated by the coordinator through the API.
      const added = await gateway.runtime.runPromise(
        Effect.flatMap(People.People, (store) =>
          store.add(
            { ...departed, language: "sq", institution: institutions.health.id, sector: "health" },
            [{ role: "case-worker", mechanism: seeded.mechanismId }],
            Principal.platformId,
          ),
        ),
      )
      departedId = added.id
      const deactivated = await gateway.request("POST", `/v1/people/${departedId}/deactivate`, {
        token: tokens.get("coordinator") as string,
      })
      expect(deactivated.status).toBe(200)
    })
    afterAll(async () => {
      await gateway.close()
      await server.close()
    })

    it("the unacknowledged urgent referral: the receivers, then the sender, then the coordinator, each in their language", async () => {
      const pending = referrals().pending
      const link = `${publicUrl}/referrals/${pending}`
      const about = (name: PersonName) => mailsTo(name).filter((mail) => mail.parsed.text?.includes(link))
      await roundAt(start + 3 * hour)
      expect(about("nurse").map((mail) => mail.parsed.subject)).toEqual([
        expect.stringMatching(/^\[[A-Z]{3}-\d{4}-\d{4}\] Potvrdite prijem upućivanja$/),
      ])
      expect(about("caseManager")).toEqual([])
      expect(about("coordinator")).toEqual([])
      await roundAt(start + 4 * hour)
      expect(about("nurse")).toHaveLength(2)
      expect(about("caseManager").map((mail) => mail.parsed.text)).toEqual([
        expect.stringContaining("Referimi nuk u konfirmua deri më"),
      ])
      await roundAt(start + 6 * hour)
      const [escalated] = about("coordinator")
      expect(about("coordinator")).toHaveLength(1)
      expect(escalated?.parsed.headers.get("content-language")).toBe("en")
      expect(escalated?.parsed.text).toContain("The coordinator needs to step in.")
      // Each mail in its person's language; nothing personal in any of them,
      // not even a colleague's name; nothing for the deactivated colleague.
      const names = [...Object.values(accounts).map((account) => account.displayName), departed.displayName]
      for (const mail of server.received) {
        const name = (Object.keys(people) as Array<PersonName>).find((each) => mail.to.includes(emailOf(each)))
        expect(name, mail.to.join()).toBeDefined()
        expect(mail.parsed.headers.get("content-language"), mail.to.join()).toBe(
          languages[name ?? "coordinator"] ?? "sq",
        )
        expect(leaked(mail.raw), mail.parsed.subject).toEqual([])
        expect(
          names.filter((each) => mail.raw.includes(each)),
          mail.parsed.subject,
        ).toEqual([])
      }
      expect(server.received.filter((mail) => mail.to.includes(departed.email))).toEqual([])
      const departedInbox = await gateway.runtime.runPromise(
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT id FROM notifications WHERE recipient = ${departedId}`),
      )
      expect(departedInbox).toEqual([])
      // Every address was opened through an audited read, one per mail sent.
      const opened = await gateway.runtime.runPromise(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) => sql<{ n: number | string }>`SELECT count(*) AS n FROM audit_log
            WHERE principal_id = ${Principal.platformId} AND action = 'read'
            AND purpose = 'mechanism-administration'`,
        ),
      )
      expect(Number(opened[0]?.n)).toBe(server.received.length)
      // Again: nothing twice.
      const before = server.received.length
      await roundAt(start + 6 * hour + 60_000)
      expect(server.received).toHaveLength(before)
      expect(new Set(server.received.map((mail) => mail.parsed.messageId)).size).toBe(before)
    })

    it("the in-app list and unread count follow, and reading marks once", async () => {
      const list = await inbox("nurse")
      const mine = list.items.filter((item) => item.subject.id === referrals().pending)
      expect(mine.map((item) => [item.kind, item.stage, item.title])).toEqual([
        ["referral.acknowledge", "overdue", "Potvrdite prijem upućivanja"],
        ["referral.acknowledge", "approaching", "Potvrdite prijem upućivanja"],
      ])
      const token = tokens.get("nurse") as string
      const read = await gateway.request("PUT", `/v1/me/notifications/${mine[0]?.id}/read`, { token })
      expect(read.status).toBe(200)
      expect((await read.json()).readAt).toBeDefined()
      expect((await inbox("nurse")).unread).toBe(list.unread - 1)
      const count = await gateway.request("GET", "/v1/me/notifications/unread-count", { token })
      expect(await count.json()).toEqual({ unread: list.unread - 1 })
      // Someone else's notification is not found, as one that does not exist.
      const other = await gateway.request("PUT", `/v1/me/notifications/${mine[0]?.id}/read`, {
        token: tokens.get("lawyer") as string,
      })
      expect(other.status).toBe(404)
    })

    it("withdrawing the consent cancels the open referrals relying on it and tells their receivers", async () => {
      const caseId = seeded.cases?.highRisk.caseId as Id.CaseId
      const consent = await gateway.runtime.runPromise(
        Effect.map(
          Effect.flatMap(CaseService.CaseService, (cases) => cases.facts(caseId)),
          (facts) =>
            facts.consents.filter((each) => each.purposes.includes("referral") && each.withdrawnAt === undefined).at(-1)
              ?.id as string,
        ),
      )
      const caseManager = tokens.get("caseManager") as string
      const etag = (await gateway.request("GET", `/v1/cases/${caseId}`, { token: caseManager })).headers.get("etag")
      // Withdrawn seven hours on (the rounds above ran then): the case service as the withdrawal route calls it.
      const at = start + 7 * hour
      await gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) =>
          cases.withdrawConsent({ caseId, consentId: consent, expectedVersion: Number(etag?.replaceAll('"', "")) }),
        ).pipe(
          Effect.provideService(Principal.CurrentPrincipal, principal("caseManager", seeded.mechanismId)),
          Effect.withClock(clockAt(at)),
        ),
      )
      // Read once the event has settled.
      const outcome = await roundAt(at + 5_000)
      expect(outcome.events).toMatchObject({ events: 1, cancelled: 2 })
      for (const id of [referrals().pending, referrals().accepted]) {
        const referral = await (await gateway.request("GET", `/v1/referrals/${id}`, { token: caseManager })).json()
        expect(referral.status).toBe("cancelled")
        expect(referral.history.at(-1)).toMatchObject({ status: "cancelled", code: "consent-withdrawn" })
      }
      const nurse = await inbox("nurse")
      expect(nurse.items.filter((item) => item.kind === "notifications.event.referral-cancelled")).toHaveLength(1)
      expect((await inbox("shelterWorker")).items.map((item) => item.kind)).toContain(
        "notifications.event.referral-cancelled",
      )
      expect(
        mailsTo("shelterWorker").filter((mail) =>
          /Упућивање отказано: сагласност повучена$/.test(mail.parsed.subject ?? ""),
        ),
      ).toHaveLength(1)
      // The overdue legal-aid referral relied on another consent: untouched.
      const legalAid = await (
        await gateway.request("GET", `/v1/referrals/${referrals().overdue}`, { token: tokens.get("lawyer") as string })
      ).json()
      expect(legalAid.status).toBe("sent")
      // Again: nothing cancelled or told twice.
      const again = await roundAt(at + 10_000)
      expect(again.events).toMatchObject({ events: 0 })
      expect(
        (await inbox("nurse")).items.filter((item) => item.kind === "notifications.event.referral-cancelled"),
      ).toHaveLength(1)
    })

    it("a break-glass read tells the coordinator and the lead institution's people, once, with nothing personal", async () => {
      const { caseId, victim } = (seeded.cases as NonNullable<Seeded["cases"]>).highRisk
      // Read at eight hours on (the withdrawal above happened at seven): the case service as the details route calls it.
      const at = start + 8 * hour
      const read = await gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) =>
          cases.readPersonalData({
            caseId,
            personId: victim,
            purpose: "break-glass",
            fields: ["address"],
            breakGlassCode: "imminent-danger",
            breakGlassReason: "Threats by phone tonight; police need her current address to send a patrol.",
          }),
        ).pipe(
          Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", seeded.mechanismId)),
          Effect.withClock(clockAt(at)),
        ),
      )
      expect(read).toBeDefined()
      const alerts = (name: PersonName) =>
        inbox(name).then((list) => list.items.filter((item) => item.kind === "notifications.event.break-glass"))
      // Before a round, nobody has been told.
      expect(await alerts("coordinator")).toEqual([])
      const outcome = await roundAt(at + 5_000)
      expect(outcome.events).toMatchObject({ events: 1 })
      const [told] = await alerts("coordinator")
      expect(told?.subject).toEqual({ type: "case", id: caseId })
      // The lead institution is the centre for social work; the health centre is on the team but not told.
      expect(await alerts("caseManager")).toHaveLength(1)
      expect(await alerts("nurse")).toEqual([])
      const mails = [...mailsTo("coordinator"), ...mailsTo("caseManager")].filter((mail) =>
        mail.parsed.text?.includes(`${publicUrl}/cases/${caseId}`),
      )
      expect(mails.length).toBeGreaterThanOrEqual(2)
      for (const mail of mails) expect(leaked(mail.raw), mail.parsed.subject).toEqual([])
      // Again: told once.
      await roundAt(at + 60_000)
      expect(await alerts("coordinator")).toHaveLength(1)
      expect(await alerts("caseManager")).toHaveLength(1)
    })

    it("an address the SMTP server refuses: that channel fails, the administrators (people with the role) are told by id, the rest goes on", async () => {
      const { caseId, victim } = (seeded.cases as NonNullable<Seeded["cases"]>).highRisk
      const refused = emailOf("coordinator")
      server.refuse.add(refused)
      const before = { coordinator: mailsTo("coordinator").length, caseManager: mailsTo("caseManager").length }
      // Another break-glass read at nine hours on: the coordinator and the lead institution are told again.
      const at = start + 9 * hour
      await gateway.runtime.runPromise(
        Effect.flatMap(CaseService.CaseService, (cases) =>
          cases.readPersonalData({
            caseId,
            personId: victim,
            purpose: "break-glass",
            fields: ["phone"],
            breakGlassCode: "imminent-danger",
            breakGlassReason: "She called for help and hung up; the patrol needs her phone number to call back.",
          }),
        ).pipe(
          Effect.provideService(Principal.CurrentPrincipal, principal("policeOfficer", seeded.mechanismId)),
          Effect.withClock(clockAt(at)),
        ),
      )
      await roundAt(at + 5_000)
      await roundAt(at + 60_000)
      expect(mailsTo("coordinator")).toHaveLength(before.coordinator)
      expect(mailsTo("caseManager").length).toBeGreaterThan(before.caseManager)
      // The administrator — a person of the identity package — is told in the app and by mail, in their language.
      const admin = await gateway.tokenFor(principal("administrator", seeded.mechanismId))
      const listed = await gateway.request("GET", "/v1/me/notifications", { token: admin })
      const told = ((await listed.json()) as { items: ReadonlyArray<{ kind: string; subject: unknown }> }).items
      expect(
        told.filter((item) => item.kind === "notifications.event.email-failing").map((item) => item.subject),
      ).toEqual([{ type: "person", id: principal("coordinator", seeded.mechanismId).id }])
      const adminMail = mailsTo("administrator")
      expect(adminMail).toHaveLength(1)
      expect(adminMail[0]?.parsed.headers.get("content-language")).toBe("en")
      expect(adminMail[0]?.parsed.text).toContain(principal("coordinator", seeded.mechanismId).id)
      expect(adminMail[0]?.raw).not.toContain(refused)
      const failures = await gateway.request("GET", "/v1/admin/notifications/failures", { token: admin })
      expect(failures.status).toBe(200)
      const report = await failures.text()
      expect(report).toContain(principal("coordinator", seeded.mechanismId).id)
      expect(report).not.toContain(refused)
      server.refuse.clear()
    })
  })
}
