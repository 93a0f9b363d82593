// Email through a real SMTP server started in the test (smtp-server, every
// message parsed with mailparser), on SQLite and PostgreSQL, time on the
// TestClock: each person gets their mail in their language, text and HTML,
// once; the server refusing connections, dropping them mid-message and
// answering 451 for a while — every mail arrives after it recovers, none
// twice; a refused address fails that person's channel and tells the
// administrators while everyone else's mail goes on; a person who lost access
// before the mail went out gets none; a digest person gets one mail a morning.
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, layer } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import * as DueItems from "../src/DueItems"
import * as EmailDelivery from "../src/EmailDelivery"
import * as Failures from "../src/Failures"
import * as Inbox from "../src/Inbox"
import * as Preferences from "../src/Preferences"
import * as Reminders from "../src/Reminders"
import * as Scheduler from "../src/Scheduler"
import * as SmtpMailer from "../src/SmtpMailer"
import * as SmtpSettings from "../src/SmtpSettings"
import { type SmtpTestServer, TablePeople, SmtpTestServer as TestServer } from "../src/testing"
import { databases, mechanismId, people, populate, sendReferral, world } from "./support/World"

const hour = 3_600_000
const publicUrl = "https://bashke.example"
const sentAt = new Date("2026-03-02T09:00:00Z")

let server: SmtpTestServer
beforeAll(async () => {
  server = await TestServer.start()
})
afterAll(() => server.close())

const mailer = Layer.suspend(() => {
  const parsed = SmtpSettings.parseSmtpUrl(server.url)
  if (parsed._tag === "Left") throw new Error("test server URL")
  return SmtpMailer.layer(parsed.right, "bashke@example.org", { timeout: 5_000 })
})
const options = { ...Scheduler.defaults("email-test", publicUrl), batch: 10 }
const round = Effect.provide(Scheduler.runOnce(options), mailer)
const emailRows = Effect.gen(function* () {
  const sql = (yield* SqlClient.SqlClient).withoutTransforms()
  return yield* sql<{ key: string; recipient: string; status: string; attempts: unknown; last_error: string | null }>`
    SELECT key, recipient, status, attempts, last_error FROM notification_emails ORDER BY key`
}).pipe(Effect.orDie)
const at = (millis: number) => TestClock.setTime(sentAt.getTime() + millis)
const mailsTo = (person: { readonly email?: string | undefined }) =>
  server.received.filter((mail) => mail.to.includes(person.email ?? ""))

const reset = Effect.promise(async () => {
  server.received.length = 0
  server.refuse.clear()
  await server.setMode("accept")
})

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: email`, () => {
    layer(world(db))((it) => {
      it.effect("each person's mail in their language, text and HTML, with the link, once", () =>
        Effect.gen(function* () {
          yield* reset
          yield* at(0)
          yield* populate
          const referral = yield* sendReferral(1, sentAt)
          for (const offset of [3 * hour, 4 * hour, 6 * hour]) {
            yield* at(offset)
            yield* round
          }
          expect(server.received).toHaveLength(2 + 3 + 1)
          const titles: Record<string, string> = {
            [people.shelterSq.email ?? ""]: "Konfirmo marrjen e referimit",
            [people.shelterCyrl.email ?? ""]: "Потврдите пријем упућивања",
            [people.caseManager.email ?? ""]: "Potvrdite prijem upućivanja",
            [people.coordinator.email ?? ""]: "Acknowledge the referral",
          }
          for (const mail of server.received) {
            const [to] = mail.to
            const person = Object.values(people).find((each) => each.email === to)
            expect(person, to).toBeDefined()
            expect(mail.parsed.headers.get("content-language")).toBe(person?.locale)
            expect(mail.parsed.subject).toBe(titles[to ?? ""])
            expect(mail.parsed.text).toContain(`${publicUrl}/referrals/${referral.id}`)
            expect(mail.parsed.html).toContain(`href="${publicUrl}/referrals/${referral.id}"`)
            expect(mail.parsed.from?.text).toBe("bashke@example.org")
            // Nobody else's address, and only the people's own.
            for (const other of Object.values(people))
              if (other.email !== to) expect(mail.raw).not.toContain(other.email)
          }
          expect(mailsTo(people.coordinator)[0]?.parsed.text).toContain("The coordinator needs to step in.")
          expect(mailsTo(people.shelterCyrl)[0]?.parsed.text).toContain("мора се потврдити до 2. март 2026. 14:00")
          expect(new Set(server.received.map((mail) => mail.parsed.messageId)).size).toBe(server.received.length)
          yield* round
          expect(server.received).toHaveLength(6)
          expect((yield* emailRows).every((row) => row.status === "sent")).toBe(true)
        }),
      )
    })

    layer(world(db))((it) => {
      it.effect("the server refuses, drops and defers for a while: everything arrives after, nothing twice", () =>
        Effect.gen(function* () {
          yield* reset
          yield* at(0)
          yield* populate
          yield* sendReferral(2, sentAt)
          yield* sendReferral(3, sentAt, "standard")
          yield* Effect.promise(() => server.setMode("refuse-connections"))
          yield* at(4 * hour)
          yield* round
          let rows = yield* emailRows
          expect(rows.length).toBeGreaterThan(0)
          // The first row tried found no server; the rest of the batch waits without an attempt counted.
          const tried = rows.filter((row) => Number(row.attempts) === 1)
          expect(tried).toHaveLength(1)
          expect(tried[0]?.last_error).toMatch(/^unavailable:/)
          // Retried with backoff while it refuses, drops and defers.
          let clock = 4 * hour
          for (const mode of ["refuse-connections", "drop", "busy"] as const) {
            yield* Effect.promise(() => server.setMode(mode))
            for (let step = 0; step < 3; step++) {
              clock += 10 * 60_000
              yield* at(clock)
              yield* round
            }
          }
          expect(server.received).toEqual([])
          expect(server.turnedAway()).toBeGreaterThan(0)
          rows = yield* emailRows
          expect(rows.every((row) => row.status === "pending")).toBe(true)
          expect(Math.max(...rows.map((row) => Number(row.attempts)))).toBeGreaterThan(3)
          // The failing ones show for administrators meanwhile.
          expect((yield* Failures.report).emails.length).toBeGreaterThan(0)
          yield* Effect.promise(() => server.setMode("accept"))
          clock += 2 * hour
          yield* at(clock)
          yield* round
          // Every row's message, once: one per recipient of every notice recorded.
          rows = yield* emailRows
          expect(rows.every((row) => row.status === "sent")).toBe(true)
          expect(server.received).toHaveLength(rows.length)
          expect(new Set(server.received.map((mail) => mail.parsed.messageId)).size).toBe(rows.length)
          yield* at(clock + 10 * hour)
          yield* round
          expect(new Set(server.received.map((mail) => mail.parsed.messageId)).size).toBe(server.received.length)
          expect((yield* Failures.report).emails).toEqual([])
        }),
      )
    })

    layer(world(db))((it) => {
      it.effect("a refused address fails that person's channel and tells the administrators; the rest goes on", () =>
        Effect.gen(function* () {
          yield* reset
          yield* at(0)
          yield* populate
          const refused = people.shelterCyrl.email ?? ""
          server.refuse.add(refused)
          yield* sendReferral(4, sentAt)
          yield* at(4 * hour)
          yield* round
          // The other two of the overdue notice got theirs in the same round.
          expect(mailsTo(people.shelterSq)).toHaveLength(1)
          expect(mailsTo(people.caseManager)).toHaveLength(1)
          expect(mailsTo(people.shelterCyrl)).toHaveLength(0)
          const report = yield* Failures.report
          expect(report.channels.map((channel) => [channel.recipient, channel.reason])).toEqual([
            [people.shelterCyrl.id, "rejected:550"],
          ])
          expect(report.emails.map((email) => [email.recipient, email.status, email.lastError])).toEqual([
            [people.shelterCyrl.id, "dead", "rejected:550"],
          ])
          // The administrators are told, in the app and by mail, by the person's id — never the address.
          const told = yield* Inbox.list(people.administrator.id, { limit: 10 })
          expect(told.page.items.map((n) => [n.kind, n.subject])).toEqual([
            ["notifications.event.email-failing", { type: "person", id: people.shelterCyrl.id }],
          ])
          const adminMail = mailsTo(people.administrator)
          expect(adminMail).toHaveLength(1)
          expect(adminMail[0]?.parsed.text).toContain(people.shelterCyrl.id)
          expect(adminMail[0]?.raw).not.toContain(refused)
          // While failing, the person's next mails are skipped; the app still has them.
          yield* at(4 * hour + 30 * 60_000)
          yield* sendReferral(5, new Date(sentAt.getTime() + 4 * hour + 30 * 60_000))
          yield* at(7 * hour + 30 * 60_000)
          yield* round
          expect(mailsTo(people.shelterCyrl)).toHaveLength(0)
          expect(
            (yield* emailRows).filter((row) => row.recipient === people.shelterCyrl.id).map((r) => r.last_error),
          ).toContain("channel-failing")
          expect((yield* Inbox.unreadCount(people.shelterCyrl.id)) >= 2).toBe(true)
          // Fixed and reset: mail flows again.
          server.refuse.clear()
          yield* Failures.resetChannel(people.shelterCyrl.id)
          yield* at(8 * hour + 30 * 60_000)
          yield* round
          expect(mailsTo(people.shelterCyrl)).toHaveLength(1)
          expect(yield* Effect.flip(Failures.resetChannel(people.shelterCyrl.id))).toMatchObject({ _tag: "NotFound" })
        }),
      )
    })

    layer(world(db))((it) => {
      it.effect("someone who lost access before the mail went out gets none; the others do", () =>
        Effect.gen(function* () {
          yield* reset
          yield* at(0)
          yield* populate
          yield* sendReferral(6, sentAt)
          yield* at(4 * hour)
          // Recorded without email delivery first, then the case manager is deactivated.
          yield* Reminders.fire(yield* DueItems.forMechanism(mechanismId), { lateAfter: "15 minutes", email: true })
          yield* TablePeople.deactivate(people.caseManager.id)
          const delivered = yield* EmailDelivery.deliver({
            limit: 10,
            lease: "2 minutes",
            retry: options.retry,
            publicUrl,
            notices: { lateAfter: "15 minutes", email: true },
          }).pipe(Effect.provide(mailer))
          expect(delivered).toMatchObject({ sent: 2, skipped: 1 })
          expect(mailsTo(people.caseManager)).toEqual([])
          expect(yield* TablePeople.openings(people.caseManager.id)).toBe(0)
          expect(yield* TablePeople.openings(people.shelterSq.id)).toBe(1)
        }),
      )
    })

    layer(world(db))((it) => {
      it.effect("a digest person gets no mail per notice, one digest the next morning at 08:00 local, once", () =>
        Effect.gen(function* () {
          yield* reset
          yield* at(0)
          yield* populate
          yield* Preferences.set(people.shelterSq.id, { email: "digest" })
          expect(yield* Preferences.get(people.shelterSq.id)).toEqual({ email: "digest" })
          yield* sendReferral(7, sentAt)
          for (const offset of [3 * hour, 4 * hour]) {
            yield* at(offset)
            yield* round
          }
          expect(mailsTo(people.shelterSq)).toEqual([])
          expect(mailsTo(people.shelterCyrl)).toHaveLength(2)
          // 3 March, 07:59 local: not yet; 08:00: the digest.
          yield* TestClock.setTime(Date.parse("2026-03-03T06:59:00Z"))
          yield* round
          expect(mailsTo(people.shelterSq)).toEqual([])
          yield* TestClock.setTime(Date.parse("2026-03-03T07:00:00Z"))
          yield* round
          const [digest] = mailsTo(people.shelterSq)
          expect(mailsTo(people.shelterSq)).toHaveLength(1)
          expect(digest?.parsed.subject).toBe("Bashkë: 2 njoftime më e martë, 3 mars 2026")
          expect(digest?.parsed.text).toContain("Një referim drejt institucionit tuaj duhet të konfirmohet")
          expect(digest?.parsed.text).toContain("Referimi nuk u konfirmua")
          yield* TestClock.setTime(Date.parse("2026-03-04T07:00:00Z"))
          yield* round
          expect(mailsTo(people.shelterSq)).toHaveLength(1)
        }),
      )
    })
  })
}
