// A review item's proposal: the incident or order update to apply once a
// person chooses the case. Its schema reuses the capability schemas without
// the case, it must name the item's own record, and the fakes apply it as
// the host would, so the record arriving again is not a second one.
import { Errors, Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either, Schema } from "effect"
import { ReviewQueue } from "../src/index"
import { FakeCapabilities } from "../src/testing"

const plugin = { name: "@acme/plugin-reports", version: "0.1.0", id: "reports" }
const caseId = Id.CaseId.make("01JC0000000000000000000001")

const incident = {
  source: "reports",
  recordId: "R-1",
  occurredOn: "2026-02-01",
  municipality: "GJI",
  forms: ["physical"],
  sourceReference: "GJI/2026/1",
} as const

const item = (proposal: unknown): ReviewQueue.ReviewItem =>
  ({ source: "reports", recordId: "R-1", reason: "person.match-uncertain", proposal }) as ReviewQueue.ReviewItem

describe("review proposals", () => {
  it("decode an incident or an order update without its case, and refuse one with a case", () => {
    const decode = Schema.decodeUnknownEither(ReviewQueue.Proposal)
    expect(Either.isRight(decode({ _tag: "Incident", incident }))).toBe(true)
    const update = { source: "court", recordId: "C-1", orderReference: "C-1/2026", status: "issued" }
    const decoded = decode({ _tag: "OrderUpdate", update: { ...update, at: "2026-03-01T09:30:00Z" } })
    expect(Either.isRight(decoded) && decoded.right._tag === "OrderUpdate" && decoded.right.update.at).toEqual(
      new Date("2026-03-01T09:30:00Z"),
    )
    const withCase = Schema.decodeUnknownEither(ReviewQueue.Proposal, { onExcessProperty: "error" })({
      _tag: "Incident",
      incident: { ...incident, caseId },
    })
    expect(Either.isLeft(withCase)).toBe(true)
    expect(Either.isLeft(decode({ _tag: "Incident", incident: { ...incident, forms: [] } }))).toBe(true)
  })

  it("must name the item's own record", () => {
    expect(ReviewQueue.proposalMismatch(item({ _tag: "Incident", incident }))).toBeUndefined()
    expect(ReviewQueue.proposalMismatch(item(undefined))).toBeUndefined()
    expect(ReviewQueue.proposalMismatch(item({ _tag: "Incident", incident: { ...incident, recordId: "R-2" } }))).toBe(
      "proposal.incident.recordId",
    )
    expect(ReviewQueue.proposalMismatch(item({ _tag: "Incident", incident: { ...incident, source: "other" } }))).toBe(
      "proposal.incident.source",
    )
  })

  it.effect("the fakes refuse a mismatched proposal and apply a fitting one once", () =>
    Effect.gen(function* () {
      const fakes = FakeCapabilities.make()
      const review = yield* Effect.map(ReviewQueue.ReviewQueue, (provider) => provider.forPlugin(plugin)).pipe(
        Effect.provide(fakes.layer),
      )
      const refused = yield* Effect.flip(
        review.submit(item({ _tag: "Incident", incident: { ...incident, recordId: "R-2" } })),
      )
      expect(refused).toEqual(
        new Errors.InvalidInput({ field: "proposal.incident.recordId", rule: "plugin.review.proposal-mismatch" }),
      )
      expect(fakes.recorded.reviewItems).toEqual([])

      yield* review.submit(item({ _tag: "Incident", incident }))
      expect(fakes.recorded.reviewItems[0]?.item.proposal).toEqual({ _tag: "Incident", incident })
      const attached = yield* fakes.resolveReview({ source: "reports", recordId: "R-1" }, caseId)
      expect(fakes.recorded.incidents.map((entry) => entry.incident)).toEqual([{ ...incident, caseId }])
      expect(attached).toEqual({ incidentId: fakes.recorded.incidents[0]?.result.incidentId })
      const unknown = yield* Effect.flip(fakes.resolveReview({ source: "reports", recordId: "R-9" }, caseId))
      expect(unknown._tag).toBe("NotFound")
    }),
  )
})
