// Runs the README's examples (imports pointed at the sources) so they cannot rot.

import { Id } from "@bashke/kernel"
import { type ReferralDeadlines, ReferralService } from "@bashke/referral"
import { expect, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import ICAL from "ical.js"
import { OverdueReferrals } from "../src/index"
import { main } from "./readme-example"
import { overdueReferrals } from "./readme-example-overdue"

it("the README example requests, schedules, builds the agenda and the calendar", async () => {
  const { titles, calendar } = await main()
  expect(titles).toEqual([
    "Deklarata e konfidencialitetit",
    "Shqyrtimi i rastit GJL-2026-0042: rrezik i lartë; Policia, Puna sociale; 0 veprime të hapura",
    "Të ndryshme",
  ])
  const events = new ICAL.Component(ICAL.parse(calendar)).getAllSubcomponents("vevent")
  expect(events).toHaveLength(1)
  expect(events[0]?.getFirstPropertyValue("summary")).toBe("Ванредни састанак координационог механизма")
})

it("the README's wiring hands the referral package's overdue referrals to the agenda, with their case", async () => {
  const late: ReferralDeadlines.Overdue = {
    referral: Id.ReferralId.make("01JR0000000000000000000001"),
    case: Id.CaseId.make("01JC0000000000000000000001"),
    mechanism: Id.MechanismId.make("01JM0000000000000000000001"),
    to: Id.InstitutionId.make("01JB000000000000000000000D"),
    service: Id.ServiceId.make("01JS0000000000000000000001"),
    step: "acknowledge",
    due: new Date("2026-03-02T13:00:00Z"),
  }
  // Only the query the port uses: the rest of the referral service is not reached.
  const referrals = Layer.succeed(ReferralService.ReferralService, {
    overdueFor: (mechanism: Id.MechanismId) => Effect.succeed(mechanism === late.mechanism ? [late] : []),
  } as unknown as ReferralService.Service)
  const answer = await Effect.runPromise(
    Effect.flatMap(OverdueReferrals.OverdueReferrals, (port) => port.forMechanism(late.mechanism, new Date())).pipe(
      Effect.provide(overdueReferrals.pipe(Layer.provide(referrals))),
    ),
  )
  expect(answer).toEqual([
    {
      referralId: late.referral,
      caseId: late.case,
      to: late.to,
      service: late.service,
      step: "acknowledge",
      due: late.due,
    },
  ])
  expect(answer.map((item) => Schema.is(OverdueReferrals.OverdueReferral)(item))).toEqual([true])
})
