// The rules of a conference review: held between the case's opening and its
// recording, each outcome once; the case's last review is the latest held.
import { Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc } from "effect"
import * as CaseReview from "../../src/CaseReview"
import { ids, institutions } from "./Fixtures"

const openedAt = new Date("2026-03-02T09:00:00Z")
const review = (overrides: Partial<CaseReview.CaseReview> = {}): CaseReview.CaseReview => ({
  id: Id.ulidAt(1_767_225_600_000, new Uint8Array(10).fill(7)) as CaseReview.CaseReviewId,
  caseId: ids.case,
  reviewedAt: new Date("2026-03-10T10:00:00Z"),
  wishesHeard: "in-person",
  wishes: "She wants to stay in the flat.",
  outcomes: ["continue-monitoring"],
  recordedBy: Id.ulidAt(1_767_225_600_001, new Uint8Array(10)) as Id.PrincipalId,
  institution: institutions.socialWork,
  recordedAt: new Date("2026-03-10T12:00:00Z"),
  ...overrides,
})

describe("CaseReview", () => {
  it("accepts a review held after the opening and before its recording", () => {
    expect(Either.isRight(CaseReview.validate(review(), { openedAt }))).toBe(true)
  })

  it("refuses a review before the opening or after its recording, naming `at`", () => {
    for (const reviewedAt of [new Date("2026-03-01T09:00:00Z"), new Date("2026-03-10T12:00:01Z")]) {
      const refused = CaseReview.validate(review({ reviewedAt }), { openedAt })
      expect(Either.isLeft(refused) && refused.left).toMatchObject({
        field: "at",
        rule: "case.review.date-out-of-range",
      })
    }
  })

  it("refuses an outcome given twice, naming `outcomes`", () => {
    const refused = CaseReview.validate(review({ outcomes: ["referral", "escalated", "referral"] }), { openedAt })
    expect(Either.isLeft(refused) && refused.left).toMatchObject({
      field: "outcomes",
      rule: "case.review.outcome.duplicate",
    })
  })

  it("property: a review is valid exactly when it is in range and its outcomes are distinct", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10 * 86_400_000, max: 20 * 86_400_000 }),
        fc.array(Arbitrary.make(CaseReview.Outcome), { minLength: 1, maxLength: 4 }),
        (offset, outcomes) => {
          const reviewedAt = new Date(openedAt.getTime() + offset)
          const candidate = review({
            reviewedAt,
            outcomes: outcomes as [CaseReview.Outcome, ...Array<CaseReview.Outcome>],
          })
          const inRange = offset >= 0 && reviewedAt.getTime() <= candidate.recordedAt.getTime()
          const distinct = new Set(outcomes).size === outcomes.length
          expect(Either.isRight(CaseReview.validate(candidate, { openedAt }))).toBe(inRange && distinct)
        },
      ),
    )
  })

  it("property: the case's last review never moves back", () => {
    fc.assert(
      fc.property(
        fc.option(fc.date({ noInvalidDate: true }), { nil: undefined }),
        fc.date({ noInvalidDate: true }),
        (previous, held) => {
          const last = CaseReview.lastReviewedAt(previous, { reviewedAt: held })
          expect(last.getTime()).toBe(Math.max(previous?.getTime() ?? Number.NEGATIVE_INFINITY, held.getTime()))
        },
      ),
    )
  })
})
