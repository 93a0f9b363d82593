// Reports the plugin cannot place go to a person with the incident as a
// proposal: once the person chooses the case, the host records exactly the
// incident a match would have — under the same record id, without the
// perpetrator (the person the report names is not certain).
import { Id } from "@bashke/kernel"
import { IncidentImport, PersonMatch, ReviewQueue } from "@bashke/plugin-sdk"
import { FakeCapabilities, TestHost } from "@bashke/plugin-sdk/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import plugin, { ReportImport } from "../src/index"
import * as FakePolice from "./support/FakePolice"
import { config, matchVictims } from "./support/Harness"

const caseId = Id.CaseId.make(FakePolice.caseId)

const incidentOfReport = (n: number) => ({
  source: "police",
  recordId: `PK-${String(n).padStart(7, "0")}`,
  occurredOn: "2026-02-01",
  municipality: "GJI",
  forms: ["physical", "psychological"],
  children: "witnessed",
  place: "home",
  sourceReference: `GJI/2026/${n}`,
})

describe("reports for review", () => {
  it.scoped("an uncertain and an unmatched report each propose the incident, without case or perpetrator", () =>
    Effect.gen(function* () {
      const upstream = yield* FakePolice.make([FakePolice.report(1), FakePolice.report(2)])
      const test = yield* TestHost.make(plugin, {
        config: config(upstream.baseUrl),
        answers: {
          match: (query) =>
            query.personalNumber === "1000000001"
              ? {
                  _tag: "Uncertain",
                  candidates: [
                    { caseId, personId: Id.PersonId.make(FakePolice.personId), score: 0.7, matched: ["name"] },
                  ],
                }
              : // The perpetrator would match: it must still be left out of the proposal.
                query.personalNumber?.startsWith("2") === true
                ? { _tag: "Matched", caseId, personId: Id.PersonId.make("01JP0000000000000000000002") }
                : { _tag: "NoMatch" },
        },
      })
      yield* test.pullAndProcess()
      expect(test.recorded.incidents).toEqual([])
      expect(test.recorded.reviewItems.map(({ item }) => [item.reason, item.proposal])).toEqual([
        ["person.match-uncertain", { _tag: "Incident", incident: incidentOfReport(1) }],
        ["no-match", { _tag: "Incident", incident: incidentOfReport(2) }],
      ])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.effect(
    "resolved with a case, the proposal is the incident a match records; the report again is not a second",
    () =>
      Effect.gen(function* () {
        let victimKnown = false
        const fakes = FakeCapabilities.make({
          match: (query) => (victimKnown ? matchVictims(query) : { _tag: "NoMatch" }),
        })
        const identity = { name: "@bashke/plugin-police", version: "0.1.0", id: "police" }
        const services = yield* Effect.all({
          incidents: Effect.map(IncidentImport.IncidentImport, (provider) => provider.forPlugin(identity)),
          persons: Effect.map(PersonMatch.PersonMatch, (provider) => provider.forPlugin(identity)),
          reviewQueue: Effect.map(ReviewQueue.ReviewQueue, (provider) => provider.forPlugin(identity)),
        }).pipe(Effect.provide(fakes.layer))
        const record = {
          id: "1",
          source: "police",
          recordId: "PK-0000001",
          payload: FakePolice.report(1),
          receivedAt: new Date(0),
          attempts: 0,
        }
        expect(yield* ReportImport.apply(services)(record)).toBe("review:no-match")
        const attached = yield* fakes.resolveReview({ source: "police", recordId: "PK-0000001" }, caseId)
        expect(fakes.recorded.incidents.map((entry) => entry.incident)).toEqual([{ ...incidentOfReport(1), caseId }])
        expect(attached).toEqual({ incidentId: fakes.recorded.incidents[0]?.result.incidentId })

        // A case worker opened the case: the same report, applied again (a replay), now matches
        // and is the very incident the resolution recorded.
        victimKnown = true
        expect(yield* ReportImport.apply(services)(record)).toBe("recorded")
        expect(fakes.recorded.incidentCalls.map((call) => call.outcome)).toEqual(["created", "unchanged"])
        expect(fakes.recorded.incidents).toHaveLength(1)
      }),
  )
})
