// The scheduler on Effect's TestClock, on SQLite and PostgreSQL, across the
// 2026 daylight-saving changes of Europe/Belgrade (29 March, 02:00 → 03:00;
// 25 October, 03:00 → 02:00): a reminder is never sent a minute before its
// time and is sent at its time; one that fell due while the scheduler was
// stopped is sent once when it runs again, marked late, and one no longer
// worth sending is skipped; the loop runs its rounds on the clock.
import { Due } from "@bashke/kernel"
import { describe, expect, layer } from "@effect/vitest"
import { Duration, Effect, Fiber, TestClock } from "effect"
import * as DueItems from "../src/DueItems"
import * as Scheduler from "../src/Scheduler"
import {
  actionItem,
  databases,
  mechanismId,
  notifications,
  people,
  populate,
  sendReferral,
  world,
} from "./support/World"

const options = Scheduler.defaults("test-scheduler", "https://bashke.example")
const minute = 60_000
const round = Scheduler.runOnce(options)
const at = (iso: string) => new Date(iso)

// Real time, not the TestClock: a forked loop does its I/O while the test waits.
const pause = Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 20)))

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: scheduler`, () => {
    layer(world(db))((it) => {
      it.effect("never before its time, at its time, across both changes of 2026", () =>
        Effect.gen(function* () {
          yield* TestClock.setTime(at("2026-03-28T12:00:00Z").getTime())
          yield* populate
          // Sent at 01:00 local on 29 March, an hour before the clocks go forward.
          yield* sendReferral(1, at("2026-03-29T00:00:00Z"))
          // Due on 25 October, the day the clocks go back.
          yield* actionItem(1, "2026-10-25")
          const items = yield* DueItems.forMechanism(mechanismId)
          const reminders = items
            .flatMap((item) =>
              item.reminders.map((reminder) => ({ key: Due.reminderKey(item, reminder), at: reminder.at })),
            )
            .sort((a, b) => a.at.getTime() - b.at.getTime())
          expect(reminders.map((r) => [r.key.split(":")[0], r.key.split("#")[1], r.at.toISOString()])).toEqual([
            ["referral.acknowledge", "approaching", "2026-03-29T03:00:00.000Z"],
            ["referral.acknowledge", "overdue", "2026-03-29T04:00:00.000Z"],
            ["referral.acknowledge", "escalated", "2026-03-29T06:00:00.000Z"],
            ["referral.decide", "approaching", "2026-03-31T23:00:00.000Z"],
            ["referral.decide", "overdue", "2026-04-01T00:00:00.000Z"],
            ["referral.decide", "escalated", "2026-04-01T02:00:00.000Z"],
            // 08:00 local: summer time on the 22nd, winter time on the 25th.
            ["meeting.action-item", "approaching", "2026-10-22T06:00:00.000Z"],
            ["meeting.action-item", "due", "2026-10-25T07:00:00.000Z"],
            ["meeting.action-item", "overdue", "2026-10-25T23:00:00.000Z"],
          ])
          for (const reminder of reminders) {
            yield* TestClock.setTime(reminder.at.getTime() - minute)
            yield* round
            expect(
              (yield* notifications).map((n) => n.reminder_key),
              reminder.key,
            ).not.toContain(reminder.key)
            yield* TestClock.setTime(reminder.at.getTime())
            yield* round
            const sent = (yield* notifications).filter((n) => n.reminder_key === reminder.key)
            expect(sent.length, reminder.key).toBeGreaterThan(0)
            for (const row of sent) {
              expect(new Date(String(row.created_at)).getTime()).toBe(reminder.at.getTime())
              expect(Number(row.late)).toBe(0)
            }
          }
          // Who was told what: the shelter's two people, then the social worker too, then the coordinator.
          const byKey = new Map<string, Array<string>>()
          for (const row of yield* notifications)
            byKey.set(row.reminder_key, [...(byKey.get(row.reminder_key) ?? []), row.recipient])
          const ack = reminders[0]?.key.split("#")[0] ?? ""
          expect(byKey.get(`${ack}#approaching`)?.sort()).toEqual([people.shelterSq.id, people.shelterCyrl.id].sort())
          expect(byKey.get(`${ack}#overdue`)?.sort()).toEqual(
            [people.shelterSq.id, people.shelterCyrl.id, people.caseManager.id].sort(),
          )
          expect(byKey.get(`${ack}#escalated`)).toEqual([people.coordinator.id])
          // Rounds again change nothing.
          const before = (yield* notifications).length
          yield* round
          yield* round
          expect((yield* notifications).length).toBe(before)
        }),
      )
    })

    layer(world(db))((it) => {
      it.effect(
        "stopped across the autumn change: what fell due is sent once on restart, late; what expired is skipped",
        () =>
          Effect.gen(function* () {
            // 01:30 local on 25 October, summer time; the clocks go back an hour and a half later.
            const sent = at("2026-10-24T23:30:00Z")
            yield* TestClock.setTime(sent.getTime())
            yield* populate
            const referral = yield* sendReferral(2, sent)
            yield* round
            expect(yield* notifications).toEqual([])
            // Stopped for ten hours: approaching (3 h, worth sending until 4 h), overdue (4 h) and escalated (6 h) all passed.
            yield* TestClock.adjust(Duration.hours(10))
            const restarted = yield* round
            expect(restarted.reminders).toMatchObject({ skipped: 1, late: 2, sent: 0 })
            const rows = yield* notifications
            const key = `referral.acknowledge:${referral.id}`
            expect(rows.filter((row) => row.reminder_key === `${key}#approaching`)).toEqual([])
            expect(rows.filter((row) => row.reminder_key === `${key}#overdue`)).toHaveLength(3)
            expect(rows.filter((row) => row.reminder_key === `${key}#escalated`)).toHaveLength(1)
            for (const row of rows) expect(Number(row.late)).toBe(1)
            const again = yield* round
            expect(again.reminders).toEqual({ sent: 0, late: 0, skipped: 0, nobody: 0, already: 0 })
            expect(yield* notifications).toHaveLength(rows.length)
          }),
      )
    })

    layer(world(db))((it) => {
      it.effect("the loop runs its rounds on the clock: nothing until the reminder's time comes", () =>
        Effect.gen(function* () {
          yield* TestClock.setTime(at("2026-03-02T09:00:00Z").getTime())
          yield* populate
          yield* sendReferral(3, at("2026-03-02T09:00:00Z"))
          const loop = yield* Effect.fork(Scheduler.loop({ ...options, interval: Duration.minutes(1) }))
          // The first round runs at once; the approaching reminder is due at 12:00.
          let waited = 0
          const settle = Effect.gen(function* () {
            for (waited = 0; waited < 50; waited++) yield* pause
          })
          yield* settle
          expect(yield* notifications).toEqual([])
          yield* TestClock.adjust(Duration.minutes(179))
          yield* settle
          expect(yield* notifications).toEqual([])
          yield* TestClock.adjust(Duration.minutes(1))
          for (let tries = 0; tries < 3_000 && (yield* notifications).length === 0; tries++) yield* pause
          expect((yield* notifications).map((row) => row.stage)).toEqual(["approaching", "approaching"])
          yield* Fiber.interrupt(loop)
        }),
      )
    })
  })
}
