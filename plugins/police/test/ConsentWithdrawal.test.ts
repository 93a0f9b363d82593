// A plugin subscribed to the withdrawal topic receives it: the police plugin
// hears `case.consent.withdrawn` and, when the consent covered the police,
// tells the police API at once — ids and a time only, once per event, retried
// while the API fails — and leaves the API alone otherwise.
import { TestHost } from "@bashke/plugin-sdk/testing"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import plugin, { ConsentWithdrawal } from "../src/index"
import * as FakePolice from "./support/FakePolice"
import { config } from "./support/Harness"

const withdrawn = (covered: { institutions?: ReadonlyArray<string>; sectors?: ReadonlyArray<string> }) => ({
  topic: ConsentWithdrawal.consentWithdrawnTopic,
  aggregateType: "Case",
  aggregateId: FakePolice.caseId,
  payload: {
    caseId: FakePolice.caseId,
    consentId: "01JQ0000000000000000000001",
    withdrawnAt: "2026-03-02T09:00:00.000Z",
    institutions: covered.institutions ?? [],
    sectors: covered.sectors ?? [],
  },
})

const start = Effect.gen(function* () {
  const upstream = yield* FakePolice.make()
  const test = yield* TestHost.make(plugin, {
    config: config(upstream.baseUrl, { policeInstitution: FakePolice.policeInstitution }),
  })
  return { upstream, test }
})

describe("consent withdrawals to the police", () => {
  it("listens to the case package's topic", () => {
    expect(ConsentWithdrawal.consentWithdrawnTopic).toBe("case.consent.withdrawn")
  })

  it.scoped("a withdrawn consent that covered the police: the police API is told, ids and time only", () =>
    Effect.gen(function* () {
      const { upstream, test } = yield* start
      expect(yield* test.deliver(withdrawn({ institutions: [FakePolice.policeInstitution] }))).toMatchObject({
        succeeded: 1,
      })
      expect(upstream.notices).toHaveLength(1)
      const [notice] = upstream.notices
      expect(notice?.body).toEqual({
        noticeId: expect.stringMatching(/^consent-withdrawn:/),
        kind: "consent-withdrawn",
        content: {
          caseId: FakePolice.caseId,
          consentId: "01JQ0000000000000000000001",
          withdrawnAt: "2026-03-02T09:00:00.000Z",
        },
      })
      const body = notice?.body as { readonly noticeId: string } | undefined
      expect(notice?.headers["idempotency-key"]).toBe(body?.noticeId)
      // Covered by sector too.
      expect(yield* test.deliver(withdrawn({ sectors: ["police"] }))).toMatchObject({ succeeded: 1 })
      expect(upstream.notices).toHaveLength(2)
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("a consent that never covered the police: nothing is sent", () =>
    Effect.gen(function* () {
      const { upstream, test } = yield* start
      expect(
        yield* test.deliver(withdrawn({ institutions: ["01JK0000000000000000000002"], sectors: ["shelter"] })),
      ).toMatchObject({ succeeded: 1 })
      expect(upstream.notices).toEqual([])
    }).pipe(Effect.provide(TestHost.database)),
  )

  it.scoped("the police API failing: retried with backoff, then sent as the same notice", () =>
    Effect.gen(function* () {
      const { upstream, test } = yield* start
      upstream.noticeStatus = 503
      expect(yield* test.deliver(withdrawn({ institutions: [FakePolice.policeInstitution] }))).toMatchObject({
        retried: 1,
      })
      upstream.noticeStatus = 201
      yield* test.advance("10 seconds")
      expect(yield* test.deliverPending).toMatchObject({ succeeded: 1 })
      expect(new Set(upstream.notices.map((notice) => notice.headers["idempotency-key"])).size).toBe(1)
    }).pipe(Effect.provide(TestHost.database)),
  )
})
