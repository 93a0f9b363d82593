// Two gateway instances over one PostgreSQL database — two runtimes, two
// connection pools, two SMTP connections — run the scheduler at the same
// time, every three hours through a simulated month of deadlines (the demo's and
// nine more referrals, urgent and standard, sent through the month): every
// reminder is recorded once, reaches each of its people once, and every mail
// arrives once; both instances did work, and their leases kept them apart.
import { randomBytes } from "node:crypto"
import { Id, type Principal } from "@bashke/kernel"
import { Scheduler, SmtpSettings } from "@bashke/notifications"
import { SmtpMailer } from "@bashke/notifications/smtp"
import { type SmtpTestServer, TablePeople, SmtpTestServer as TestServer } from "@bashke/notifications/testing"
import { Migrations } from "@bashke/persistence"
import { Database } from "@bashke/persistence/node"
import { TestDatabase } from "@bashke/persistence/testing"
import { ReferralRepository } from "@bashke/referral"
import { SqlClient } from "@effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { Clock, Effect, Either, Layer, ManagedRuntime } from "effect"
import pg from "pg"
import { type Seeded, seed } from "../src/demo/Seed"
import { institutions, people, principal } from "../src/demo/World"
import { migrationPlan } from "../src/MigrationPlan"
import * as Services from "../src/Services"
import * as Repositories from "./support/Repositories"

const hour = 3_600_000
const unavailable = await TestDatabase.postgresUnavailable()
const base = process.env[TestDatabase.postgresVariable] ?? TestDatabase.defaultPostgresUrl

const clockAt = (millis: number): Clock.Clock => {
  const real = Clock.make()
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => millis,
    currentTimeMillis: Effect.succeed(millis),
    unsafeCurrentTimeNanos: () => BigInt(millis) * 1_000_000n,
    currentTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
    sleep: (duration) => real.sleep(duration),
  }
}

describe.skipIf(unavailable)("postgres: two gateway instances over one database", () => {
  const schema = `bashke_test_${randomBytes(6).toString("hex")}`
  const admin = new pg.Client({ connectionString: base })
  let server: SmtpTestServer
  const runtimes: Array<ManagedRuntime.ManagedRuntime<Services.GatewayServices, never>> = []
  let seeded: Seeded

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`CREATE SCHEMA ${schema}`)
    const url = new URL(base)
    url.searchParams.set("options", `-c search_path=${schema}`)
    for (let i = 0; i < 2; i++)
      runtimes.push(
        ManagedRuntime.make(
          Services.layer(Services.testKeys, { recipients: TablePeople.layer }).pipe(
            Layer.provideMerge(Layer.orDie(Database.layer(url.toString(), { postgres: { maxConnections: 4 } }))),
            Layer.orDie,
          ),
        ),
      )
    const [first] = runtimes
    if (first === undefined) throw new Error("no runtime")
    await first.runPromise(Migrations.run(migrationPlan))
    seeded = await first.runPromise(seed)
    for (const name of Object.keys(people) as Array<keyof typeof people>) {
      const acting: Principal.Principal = principal(name, seeded.mechanismId)
      await first.runPromise(
        TablePeople.put({
          id: acting.id,
          institution: acting.institution,
          roles: acting.roles,
          mechanisms: acting.mechanisms,
          locale: "sq",
          email: `${name}@example.org`,
        }),
      )
    }
    server = await TestServer.start()
  })
  afterAll(async () => {
    for (const runtime of runtimes) await runtime.dispose()
    await server?.close()
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  })

  it("a simulated month of deadlines: every notification once, every mail once", { timeout: 600_000 }, async () => {
    const [first, second] = runtimes as [(typeof runtimes)[number], (typeof runtimes)[number]]
    const start = Math.ceil(Date.now() / hour) * hour
    const directory = seeded.directory as NonNullable<Seeded["directory"]>
    const cases = seeded.cases as NonNullable<Seeded["cases"]>
    // One open referral per case and service: every pair the demo has not used, one every three days.
    const targets = [
      { service: directory.shelter, to: institutions.shelter.id },
      { service: directory.medicalCare, to: institutions.health.id },
      { service: directory.legalAid, to: institutions.legalAid.id },
      { service: directory.counselling, to: institutions.socialWork.id },
    ].flatMap((target) =>
      [cases.highRisk.caseId, cases.mediumRisk.caseId, cases.standardRisk.caseId].map((caseId) => ({
        ...target,
        caseId,
      })),
    )
    const taken = [
      `${cases.highRisk.caseId}:${directory.shelter}`,
      `${cases.highRisk.caseId}:${directory.medicalCare}`,
      `${cases.mediumRisk.caseId}:${directory.legalAid}`,
    ]
    const simulated = targets.filter((target) => !taken.includes(`${target.caseId}:${target.service}`))
    const spacing = 72 * hour
    // The month's referrals are written as rows, through the referral package's repository.
    await first.runPromise(
      Repositories.provide(
        Effect.gen(function* () {
          const repository = yield* ReferralRepository.ReferralRepository
          for (const [k, target] of simulated.entries()) {
            const sentAt = new Date(start + k * spacing)
            yield* repository.insert({
              id: Id.ulidAt(sentAt.getTime(), new Uint8Array(10).fill(k + 1)) as Id.ReferralId,
              mechanism: seeded.mechanismId,
              case: target.caseId,
              from: institutions.police.id,
              to: target.to,
              service: target.service,
              reason: "month-simulation",
              urgency: k % 2 === 0 ? "high" : "standard",
              basis: { _tag: "Override", override: { ground: "imminent-danger", reason: "simulation" } },
              status: "sent",
              history: [
                {
                  status: "sent",
                  at: sentAt,
                  actor: {
                    principal: principal("policeOfficer", seeded.mechanismId).id,
                    institution: institutions.police.id,
                  },
                },
              ],
              version: 1,
            })
          }
        }),
      ),
    )
    const smtp = SmtpSettings.parseSmtpUrl(server.url)
    if (Either.isLeft(smtp)) throw new Error("test server URL")
    const instance = (runtime: typeof first, holder: string, millis: number) =>
      runtime.runPromise(
        Scheduler.runOnce({ ...Scheduler.defaults(holder, "https://bashke.example"), settle: "1 second" }).pipe(
          Effect.provide(SmtpMailer.layer(smtp.right, "bashke@example.org", { timeout: 5_000 })),
          Effect.withClock(clockAt(millis)),
        ),
      )
    const tally = { first: { run: 0, sent: 0 }, second: { run: 0, sent: 0 }, held: 0 }
    const steps = (31 * 24) / 3
    for (let step = 0; step <= steps; step++) {
      const at = start + step * 3 * hour
      const [a, b] = await Promise.all([instance(first, "instance-a", at), instance(second, "instance-b", at)])
      tally.first.run += a.mechanisms.run
      tally.second.run += b.mechanisms.run
      tally.held += a.mechanisms.held + b.mechanisms.held
      if (a.email !== "off") tally.first.sent += a.email.sent
      if (b.email !== "off") tally.second.sent += b.email.sent
    }
    // Both instances worked; each reminders job ran under one lease at a time.
    expect(tally.first.run).toBeGreaterThan(0)
    expect(tally.second.run).toBeGreaterThan(0)
    expect(tally.first.run + tally.second.run + tally.held).toBe(2 * (steps + 1))
    const rows = await first.runPromise(
      Effect.gen(function* () {
        const sql = (yield* SqlClient.SqlClient).withoutTransforms()
        const reminders = yield* sql<{ key: string; outcome: string; recipients: number | string }>`SELECT key, outcome,
          recipients FROM notification_reminders`
        const notifications = yield* sql<{ reminder_key: string; recipient: string }>`SELECT reminder_key, recipient
          FROM notifications`
        const emails = yield* sql<{ key: string; status: string }>`SELECT key, status FROM notification_emails`
        return { reminders, notifications, emails }
      }),
    )
    // Each simulated referral: acknowledge and decide, approaching, overdue and escalated — all sent, on time.
    expect(simulated).toHaveLength(9)
    for (let k = 0; k < simulated.length; k++) {
      const id = Id.ulidAt(start + k * spacing, new Uint8Array(10).fill(k + 1))
      for (const kind of ["referral.acknowledge", "referral.decide"])
        for (const stage of ["approaching", "overdue", "escalated"]) {
          const key = `${kind}:${id}#${stage}`
          const recorded = rows.reminders.filter((row) => row.key === key)
          // Rounds three hours apart: a reminder may go out up to three hours after its time (late), and
          // an urgent referral's hour-long "approaching" window may close between two rounds (skipped).
          expect(recorded, key).toHaveLength(1)
          if (recorded[0]?.outcome === "skipped") {
            expect(stage).toBe("approaching")
            continue
          }
          expect(["sent", "late"], key).toContain(recorded[0]?.outcome)
          const reached = rows.notifications.filter((row) => row.reminder_key === key).map((row) => row.recipient)
          expect(new Set(reached).size, key).toBe(reached.length)
          expect(reached.length, key).toBe(Number(recorded[0]?.recipients))
          expect(reached.length, key).toBeGreaterThan(0)
        }
    }
    // Every notification has one email row; every row sent; every mail arrived once.
    expect(rows.emails.length).toBe(rows.notifications.length)
    expect(rows.emails.filter((row) => row.status !== "sent")).toEqual([])
    expect(server.received).toHaveLength(rows.emails.length)
    expect(new Set(server.received.map((mail) => mail.parsed.messageId)).size).toBe(rows.emails.length)
    expect(tally.first.sent + tally.second.sent).toBe(rows.emails.length)
    expect(tally.first.sent).toBeGreaterThan(0)
    expect(tally.second.sent).toBeGreaterThan(0)
  })
})
