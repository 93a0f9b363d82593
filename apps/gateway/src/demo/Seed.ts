/**
 * The demo, seeded once into an empty database: the Gjilan mechanism, the
 * registry of its member institutions, its people (an account for each role), its cases, referrals, meetings and action plan. `seed` does nothing (and says
 * so) when the database already holds a mechanism, so restarting the demo keeps
 * what was done in it.
 */
import type { Errors, Id } from "@bashke/kernel"
import { Mechanisms } from "@bashke/mechanism"
import { Effect } from "effect"
import type { GatewayServices } from "../Services"
import { type DemoActionPlan, seedActionPlan } from "./ActionPlanDemo"
import { type DemoCases, seedCases } from "./CasesDemo"
import { type DemoDirectory, seedDirectory } from "./DirectoryDemo"
import { seedInstitutions } from "./InstitutionsDemo"
import { seedMechanism } from "./MechanismDemo"
import { type DemoMeetings, seedMeetings } from "./MeetingsDemo"
import { seedPeople } from "./PeopleDemo"
import { type DemoReferrals, seedReferrals } from "./ReferralsDemo"

export interface Seeded {
  readonly mechanismId: Id.MechanismId
  /** `false` when the database already held the demo (or other data). */
  readonly created: boolean
  readonly cases?: DemoCases
  readonly meetings?: DemoMeetings
  readonly directory?: DemoDirectory
  readonly referrals?: DemoReferrals
  readonly actionPlan?: DemoActionPlan
}

export const seed: Effect.Effect<Seeded, Errors.DomainError, GatewayServices> = Effect.gen(function* () {
  const existing = yield* (yield* Mechanisms.Mechanisms).list
  const first = existing[0]
  if (first !== undefined) return { mechanismId: first.id, created: false }
  const mechanismId = yield* seedMechanism
  yield* seedPeople(mechanismId)
  yield* seedInstitutions(mechanismId)
  const cases = yield* seedCases(mechanismId)
  const meetings = yield* seedMeetings(mechanismId, cases)
  const directory = yield* seedDirectory(mechanismId)
  const referrals = yield* seedReferrals(mechanismId, cases, directory)
  const actionPlan = yield* seedActionPlan(mechanismId)
  return {
    mechanismId,
    created: true,
    // The referrals' consent moved the medium-risk case on by one.
    cases: { ...cases, mediumRisk: { ...cases.mediumRisk, version: referrals.mediumRiskVersion } },
    meetings,
    directory,
    referrals,
    actionPlan,
  }
})
