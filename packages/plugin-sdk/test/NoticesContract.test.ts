// The `notices:send` contract against the test kit's fakes (the gateway runs
// the same checks against its real provider), and the shelter connector run by
// the test host: a referral sent to the shelter with consent → its notice is
// delivered; an event naming an institution without a referral goes to dead
// letters naming the rule.
import type { Id, Principal } from "@bashke/kernel"
import type { NoticePolicy } from "@bashke/security"
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Notices } from "../src"
import { FakeCapabilities, NoticesContract, TestHost } from "../src/testing"

const mechanism = "01JCCCCCCCCCCCCCCCCCCCCCC1" as Id.MechanismId
const caseId = "01JDDDDDDDDDDDDDDDDDDDDDD1" as Id.CaseId
const socialWork = "01JBBBBBBBBBBBBBBBBBBBBB02" as Id.InstitutionId
const shelter = "01JBBBBBBBBBBBBBBBBBBBBB03" as Id.InstitutionId
const stranger = "01JBBBBBBBBBBBBBBBBBBBBB04" as Id.InstitutionId
const start = Date.UTC(2026, 5, 15, 10)

const actingAs: Principal.Principal = {
  id: "01JAAAAAAAAAAAAAAAAAAAAAA9" as Principal.Principal["id"],
  kind: "plugin",
  institution: shelter,
  roles: ["case-worker"],
  mechanisms: [mechanism],
}

const theCase: NoticePolicy.NoticeCase = {
  mechanismId: mechanism,
  team: [{ institution: socialWork, access: "full" }],
  consents: [{ institutions: [shelter], sectors: [], purposes: ["referral"], from: new Date(start - 86_400_000) }],
  referrals: [{ from: socialWork, to: shelter, open: true }],
}

const world = (): NoticesContract.World => {
  const fakes = FakeCapabilities.make({ actingAs, cases: new Map([[caseId, theCase]]) })
  const plugin = { name: NoticesContract.shelterConnector.manifest.name, version: "0.1.0", id: "contract-shelter" }
  const change = (f: (c: NoticePolicy.NoticeCase) => NoticePolicy.NoticeCase) =>
    Effect.sync(() => {
      const current = fakes.cases.get(caseId)
      if (current !== undefined) fakes.cases.set(caseId, f(current))
    })
  return {
    notices: Effect.runSync(
      Effect.provide(
        Effect.map(Notices.Notices, (provider) => provider.forPlugin(plugin)),
        fakes.layer,
      ),
    ),
    plugin,
    caseId,
    referral: "01JEEEEEEEEEEEEEEEEEEEEEE1",
    shelter,
    stranger,
    withdrawConsent: change((c) => ({
      ...c,
      consents: c.consents.map((consent) => ({ ...consent, withdrawnAt: new Date(start - 1000) })),
    })),
    closeReferral: change((c) => ({ ...c, referrals: c.referrals.map((r) => ({ ...r, open: false })) })),
    outcomeOf: (noticeId) =>
      Effect.sync(
        () => fakes.recorded.noticeOutcomes.filter((each) => each.noticeId === noticeId).at(-1)?.outcome._tag,
      ),
  }
}

describe("notices:send contract, test kit fakes", () => {
  for (const check of NoticesContract.checks)
    it.effect(check.name, () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(start)
        yield* check.run(world())
      }),
    )
})

describe("the shelter connector under the test host", () => {
  it.scoped("a referral sent to the shelter with consent: the notice is delivered; without: a dead letter", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(start)
      const test = yield* TestHost.make(NoticesContract.shelterConnector, {
        answers: { actingAs, cases: new Map([[caseId, theCase]]) },
      })
      const payload = { referral: "01JEEEEEEEEEEEEEEEEEEEEEE1", case: caseId, to: shelter }
      yield* test.deliver({ topic: NoticesContract.referralSentTopic, payload })
      expect(test.recorded.notices).toHaveLength(1)
      expect(test.recorded.noticeOutcomes.map((each) => each.outcome._tag)).toEqual(["Sent"])
      expect(yield* test.deadLetters).toEqual([])

      // An event naming an institution with no referral of this case: refused, dead-lettered with the rule.
      const other = "01JBBBBBBBBBBBBBBBBBBBBB05" as Id.InstitutionId
      yield* test.deliver({ topic: NoticesContract.referralSentTopic, payload: { ...payload, to: other } })
      const dead = yield* test.deadLetters
      expect(dead.map((letter) => letter.lastError)).toEqual(["policy.case-team.not-member"])
    }).pipe(Effect.provide(TestHost.database)),
  )
})
