// The pull against a fake police API on 127.0.0.1, in the SDK's test kit (a
// real host over a fresh SQLite file, fake capability services, TestClock):
// no record lost or duplicated whatever the upstream does.
import { Errors } from "@bashke/kernel"
import { TestHost } from "@bashke/plugin-sdk/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Option } from "effect"
import plugin from "../src/index"
import * as FakePolice from "./support/FakePolice"
import { apiKey, config, matchVictims, silenceDeadline } from "./support/Harness"

const feed = (count: number) => Array.from({ length: count }, (_, i) => FakePolice.report(i + 1))

const drain = (test: TestHost.TestHost) =>
  Effect.gen(function* () {
    for (let round = 0; round < 20; round++) {
      const { pull } = yield* test.pullAndProcess()
      if (pull._tag !== "Pulled" || !pull.more) return pull
    }
    return yield* Effect.dieMessage("the pull did not end")
  })

const recordIds = (test: TestHost.TestHost) => test.recorded.incidents.map((entry) => entry.incident.recordId).sort()
const expected = (count: number) => feed(count).map((r) => r.reportId)

describe("pulling reports", () => {
  it.scoped("imports every report once, page by page, with the API key and the page size", () =>
    Effect.gen(function* () {
      const upstream = yield* FakePolice.make(feed(25))
      const test = yield* TestHost.make(plugin, { config: config(upstream.baseUrl), answers: { match: matchVictims } })
      yield* drain(test)
      expect(recordIds(test)).toEqual(expected(25))
      expect(test.recorded.incidentCalls).toHaveLength(25)
      expect(yield* test.cursor()).toEqual(Option.some("25"))
      expect(upstream.requests[0]?.url).toBe("/api/incidents?limit=10")
      expect(upstream.requests[1]?.url).toBe("/api/incidents?after=10&limit=10")
      expect(upstream.requests.every((request) => request.headers["x-api-key"] === apiKey)).toBe(true)
      const first = test.recorded.incidents.find((entry) => entry.incident.recordId === "PK-0000001")
      expect(first?.incident).toEqual({
        source: "police",
        recordId: "PK-0000001",
        caseId: FakePolice.caseId,
        occurredOn: "2026-02-01",
        municipality: "GJI",
        forms: ["physical", "psychological"],
        children: "witnessed",
        place: "home",
        sourceReference: "GJI/2026/1",
      })
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("an inclusive cursor (duplicates) and pages out of order lose and repeat nothing", () =>
    Effect.gen(function* () {
      const upstream = yield* FakePolice.make(feed(23))
      upstream.inclusive = true
      upstream.reversed = true
      const test = yield* TestHost.make(plugin, { config: config(upstream.baseUrl), answers: { match: matchVictims } })
      yield* drain(test)
      yield* test.pullAndProcess()
      expect(recordIds(test)).toEqual(expected(23))
      expect(test.recorded.incidentCalls).toHaveLength(23)
      expect((yield* test.inbox).length).toBe(23)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a 500, a malformed page, a slow or a refused connection fail the pull and keep the cursor", () =>
    Effect.gen(function* () {
      const upstream = yield* FakePolice.make(feed(15))
      const test = yield* TestHost.make(plugin, { config: config(upstream.baseUrl), answers: { match: matchVictims } })
      // The same plugin over the same database with a short deadline, for the
      // feed that never answers (the generous one would only make the test wait).
      const hasty = yield* TestHost.make(plugin, {
        config: config(upstream.baseUrl, { timeoutMillis: silenceDeadline }),
        answers: { match: matchVictims },
      })
      yield* test.pullAndProcess()
      const failures: Array<unknown> = []
      for (const mode of ["error-500", "not-json", "wrong-shape", "slow"] as const) {
        upstream.mode = mode
        failures.push(yield* (mode === "slow" ? hasty : test).pull())
        expect(yield* test.cursor()).toEqual(Option.some("10"))
      }
      expect(failures).toEqual([
        { _tag: "Failed", code: "upstream.status-500", permanent: false },
        { _tag: "Failed", code: "upstream.malformed", permanent: false },
        { _tag: "Failed", code: "upstream.malformed", permanent: false },
        { _tag: "Failed", code: "upstream.timeout", permanent: false },
      ])
      upstream.mode = "ok"
      yield* drain(test)
      expect(recordIds(test)).toEqual(expected(15))
      expect(test.recorded.incidentCalls).toHaveLength(15)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("an upstream that is down (connection refused) is a transient failure", () =>
    Effect.gen(function* () {
      const test = yield* TestHost.make(plugin, { config: config(yield* FakePolice.down) })
      expect(yield* test.pull()).toEqual({ _tag: "Failed", code: "upstream.unreachable", permanent: false })
      expect(yield* test.cursor()).toEqual(Option.none())
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("the cursor resumes after a crash before or after the commit, without loss or repeat", () =>
    Effect.gen(function* () {
      const upstream = yield* FakePolice.make(feed(30))
      let crash: "before" | "after" | undefined
      const test = yield* TestHost.make(plugin, {
        config: config(upstream.baseUrl),
        answers: { match: matchVictims },
        probe: {
          beforeCommit: () => (crash === "before" ? Effect.dieMessage("the process died") : Effect.void),
          afterCommit: () => (crash === "after" ? Effect.dieMessage("the process died") : Effect.void),
        },
      })
      yield* test.pullAndProcess()
      crash = "before"
      expect((yield* test.pull())._tag).toBe("Failed")
      expect(yield* test.cursor()).toEqual(Option.some("10"))
      crash = "after"
      expect((yield* test.pull())._tag).toBe("Failed")
      expect(yield* test.cursor()).toEqual(Option.some("20"))
      crash = undefined
      yield* drain(test)
      expect(recordIds(test)).toEqual(expected(30))
      expect(test.recorded.incidentCalls).toHaveLength(30)
    }).pipe(Effect.provide(TestHost.database)),
  )
})

describe("processing reports", () => {
  it.scoped("a malformed report is a dead letter naming the field, never the value; the others go on", () =>
    Effect.gen(function* () {
      const records: Array<unknown> = feed(4)
      records[1] = FakePolice.report(2, { victim: { personalNumber: "1000000002", birthDate: "1990-13-45" } })
      records[2] = { reportedAt: "2026-02-01T21:14:00Z", victim: { givenName: "Arta" } }
      const upstream = yield* FakePolice.make(records)
      const test = yield* TestHost.make(plugin, { config: config(upstream.baseUrl), answers: { match: matchVictims } })
      const { process } = yield* test.pullAndProcess()
      expect(process).toMatchObject({ succeeded: 2, dead: 2 })
      const letters = yield* test.deadLetters
      expect(letters.map((letter) => [letter._tag === "DeadRecord" && letter.recordId, letter.lastError])).toEqual([
        ["PK-0000002", "record.malformed:victim.birth-date"],
        ["invalid:start:2", "record.malformed:report-id"],
      ])
      expect(JSON.stringify(letters)).not.toContain("1990-13-45")
      expect(JSON.stringify(letters)).not.toContain("Arta")
      expect(recordIds(test)).toEqual(["PK-0000001", "PK-0000004"])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("an uncertain match goes to review with its candidates; no match goes to review as no-match", () =>
    Effect.gen(function* () {
      const upstream = yield* FakePolice.make(feed(2))
      const test = yield* TestHost.make(plugin, {
        config: config(upstream.baseUrl),
        answers: {
          match: (query) =>
            query.personalNumber === "1000000001"
              ? {
                  _tag: "Uncertain",
                  candidates: [
                    {
                      caseId: FakePolice.caseId as never,
                      personId: FakePolice.personId as never,
                      score: 0.7,
                      matched: ["name"],
                    },
                  ],
                }
              : { _tag: "NoMatch" },
        },
      })
      yield* test.pullAndProcess()
      yield* test.pullAndProcess()
      expect(test.recorded.incidents).toEqual([])
      expect(
        test.recorded.reviewItems.map(({ item }) => [item.recordId, item.reason, item.candidates?.length ?? 0]),
      ).toEqual([
        ["PK-0000001", "person.match-uncertain", 1],
        ["PK-0000002", "no-match", 0],
      ])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("links the perpetrator only when matched in the same case", () =>
    Effect.gen(function* () {
      const upstream = yield* FakePolice.make(feed(1))
      const perpetrator = "01JP0000000000000000000002"
      const test = yield* TestHost.make(plugin, {
        config: config(upstream.baseUrl),
        answers: {
          match: (query) =>
            query.personalNumber === "2000000001"
              ? { _tag: "Matched", caseId: FakePolice.caseId as never, personId: perpetrator as never }
              : matchVictims(query),
        },
      })
      yield* test.pullAndProcess()
      expect(test.recorded.incidents[0]?.incident.perpetrators).toEqual([perpetrator])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a transient failure is retried with backoff, then dead; a replay applies it once", () =>
    Effect.gen(function* () {
      const upstream = yield* FakePolice.make(feed(1))
      let refuse = true
      const test = yield* TestHost.make(plugin, {
        config: config(upstream.baseUrl),
        settings: { retry: { maxAttempts: 3 } },
        answers: {
          match: matchVictims,
          beforeIncident: () =>
            refuse
              ? Effect.fail(new Errors.Conflict({ entity: "Incident", id: "x", rule: "kernel.conflict" }))
              : Effect.void,
        },
      })
      expect((yield* test.pullAndProcess()).process).toMatchObject({ retried: 1 })
      expect((yield* test.process).succeeded + (yield* test.process).retried).toBe(0)
      yield* test.advance("10 seconds")
      expect(yield* test.process).toMatchObject({ retried: 1 })
      yield* test.advance("20 seconds")
      expect(yield* test.process).toMatchObject({ dead: 1 })
      const [letter] = yield* test.deadLetters
      expect(letter).toMatchObject({ recordId: "PK-0000001", attempts: 3 })
      refuse = false
      expect(letter && (yield* test.replay(letter))).toBe(true)
      expect(yield* test.process).toMatchObject({ succeeded: 1 })
      expect(test.recorded.incidents).toHaveLength(1)
      expect(yield* test.deadLetters).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )
})
