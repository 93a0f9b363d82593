// Consent-aware notices: a referral sent to the police is posted to the
// police API only when the host allows it.
import { TestHost } from "@bashke/plugin-sdk/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import plugin, { ReferralNotice } from "../src/index"
import * as FakePolice from "./support/FakePolice"
import { apiKey, config } from "./support/Harness"

const sent = (to: string) => ({
  topic: ReferralNotice.referralSentTopic,
  aggregateType: "Referral",
  aggregateId: "01JR0000000000000000000001",
  payload: {
    referral: "01JR0000000000000000000001",
    mechanism: "01JM0000000000000000000001",
    case: FakePolice.caseId,
    from: "01JK0000000000000000000001",
    to,
    urgency: "urgent",
    override: false,
  },
})

const start = (answers: TestHost.Options["answers"] = {}) =>
  Effect.gen(function* () {
    const upstream = yield* FakePolice.make()
    const test = yield* TestHost.make(plugin, {
      config: config(upstream.baseUrl, { policeInstitution: FakePolice.policeInstitution }),
      answers,
    })
    return { upstream, test }
  })

describe("notices to the police", () => {
  it("listens to the referral package's topic", () => {
    expect(ReferralNotice.referralSentTopic).toBe("referral.referral.sent")
  })

  it.scoped("a referral to the police, allowed: posted once with the key, the outcome recorded as sent", () =>
    Effect.gen(function* () {
      const { upstream, test } = yield* start()
      expect(yield* test.deliver(sent(FakePolice.policeInstitution))).toMatchObject({ succeeded: 1 })
      expect(upstream.notices).toHaveLength(1)
      const [notice] = upstream.notices
      const [decision] = test.recorded.notices
      expect(decision?.request).toMatchObject({ recipient: FakePolice.policeInstitution, purpose: "referral" })
      expect(notice?.headers["x-api-key"]).toBe(apiKey)
      expect(notice?.headers["idempotency-key"]).toBe(
        decision?.decision._tag === "Allowed" && decision.decision.noticeId,
      )
      expect(notice?.body).toMatchObject({ kind: "referral", content: { caseId: FakePolice.caseId } })
      expect(test.recorded.noticeOutcomes.map((entry) => entry.outcome)).toEqual([{ _tag: "Sent", reference: "PN-1" }])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a referral to another institution is none of the police's business", () =>
    Effect.gen(function* () {
      const { upstream, test } = yield* start()
      expect(yield* test.deliver(sent("01JK0000000000000000000002"))).toMatchObject({ succeeded: 1 })
      expect(test.recorded.notices).toEqual([])
      expect(upstream.notices).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("refused by consent: nothing is sent and nothing recorded", () =>
    Effect.gen(function* () {
      const { upstream, test } = yield* start({ notice: () => "case.consent.withdrawn" })
      expect(yield* test.deliver(sent(FakePolice.policeInstitution))).toMatchObject({ succeeded: 1, dead: 0 })
      expect(upstream.notices).toEqual([])
      expect(test.recorded.noticeOutcomes).toEqual([])
      expect(yield* test.deadLetters).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("the police API answering 500: failed, retried with backoff, then sent as the same notice", () =>
    Effect.gen(function* () {
      const { upstream, test } = yield* start()
      upstream.noticeStatus = 500
      expect(yield* test.deliver(sent(FakePolice.policeInstitution))).toMatchObject({ retried: 1 })
      upstream.noticeStatus = 201
      yield* test.advance("10 seconds")
      expect(yield* test.deliverPending).toMatchObject({ succeeded: 1 })
      expect(test.recorded.noticeOutcomes.map((entry) => entry.outcome)).toEqual([
        { _tag: "Failed", code: "notice.status-500" },
        { _tag: "Sent", reference: "PN-2" },
      ])
      expect(new Set(upstream.notices.map((notice) => notice.headers["idempotency-key"])).size).toBe(1)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("without notices:send granted there is no subscription", () =>
    Effect.gen(function* () {
      const upstream = yield* FakePolice.make()
      const test = yield* TestHost.make(plugin, {
        config: config(upstream.baseUrl, { policeInstitution: FakePolice.policeInstitution }),
        grant: ["schedule:pull", "routes:webhook", "incidents:import", "persons:match", "review-queue:write"],
      })
      yield* test.deliver(sent(FakePolice.policeInstitution))
      expect(test.recorded.notices).toEqual([])
      expect(upstream.notices).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )
})
