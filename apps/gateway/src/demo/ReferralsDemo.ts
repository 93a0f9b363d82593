/**
 * The demo's referrals, sent and answered through the referral service as the
 * API would, each on a consent in force:
 *
 * - the high-risk case's case manager refers her and the children to the
 *   shelter, which acknowledges and accepts at once;
 * - the same case manager refers her to the family medicine centre for the
 *   documentation of her injuries: sent, not yet answered (high urgency, so it
 *   is due to be acknowledged within the profile's hours);
 * - the victim advocate refers the medium-risk case to free legal aid. The
 *   survivor signed the legal-aid consent form when she first came to the
 *   advocate, three days ago (recorded here, so the case's version moves by
 *   one); the referral went out 30 hours ago and was never
 *   acknowledged, so it is overdue from the start (the profile gives a
 *   standard referral 24 hours). It is dated in the past by running the send on
 *   a clock set back by those hours: the service takes its time from the clock.
 */
import { type Case, CaseService } from "@bashke/case"
import { Errors, type Id, Principal } from "@bashke/kernel"
import { ReferralService } from "@bashke/referral"
import { Clock, Effect } from "effect"
import type { DemoCases } from "./CasesDemo"
import type { DemoDirectory } from "./DirectoryDemo"
import { institutions, type PersonName, principal } from "./World"

/** The referrals of the demo, by where they stand. */
export interface DemoReferrals {
  readonly accepted: Id.ReferralId
  readonly pending: Id.ReferralId
  readonly overdue: Id.ReferralId
  /** The medium-risk case's version after the consent recorded here. */
  readonly mediumRiskVersion: number
}

const hour = 3_600_000

/** The clock `millis` earlier: what an effect run on it records happened then. */
const earlier = (base: Clock.Clock, millis: number): Clock.Clock => ({
  [Clock.ClockTypeId]: Clock.ClockTypeId,
  unsafeCurrentTimeMillis: () => base.unsafeCurrentTimeMillis() - millis,
  currentTimeMillis: Effect.map(base.currentTimeMillis, (now) => now - millis),
  unsafeCurrentTimeNanos: () => base.unsafeCurrentTimeNanos() - BigInt(millis) * 1_000_000n,
  currentTimeNanos: Effect.map(base.currentTimeNanos, (now) => now - BigInt(millis) * 1_000_000n),
  sleep: (duration) => base.sleep(duration),
})

const hoursAgo =
  (hours: number) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Clock.clockWith((base) => Effect.withClock(effect, earlier(base, hours * hour)))

export const seedReferrals = (
  mechanismId: Id.MechanismId,
  cases: DemoCases,
  directory: DemoDirectory,
): Effect.Effect<DemoReferrals, Errors.DomainError, ReferralService.ReferralService | CaseService.CaseService> =>
  Effect.gen(function* () {
    const referrals = yield* ReferralService.ReferralService
    const as = (name: PersonName) => Effect.provideService(Principal.CurrentPrincipal, principal(name, mechanismId))
    const caseService = yield* CaseService.CaseService
    // Read fresh, as a full-access member of its team: other parts of the demo may have changed the cases since.
    const stored = (caseId: Id.CaseId, reader: PersonName) => caseService.read({ caseId }).pipe(as(reader))
    // The latest consent to referral still in force (the case demo's).
    const consentFor = (aCase: Case.Case) => {
      const consent = aCase.consents
        .filter((each) => each.purposes.includes("referral") && each.withdrawnAt === undefined)
        .at(-1)
      return consent === undefined
        ? Effect.fail(new Errors.InvalidInput({ field: "basis", rule: "referral.consent.not-covered" }))
        : Effect.succeed({ _tag: "Consent" as const, consent: consent.id })
    }

    // 1 and 2. The high-risk case: its consent covers the shelter and the health centre.
    const high = yield* stored(cases.highRisk.caseId, "policeOfficer")
    const highConsent = yield* consentFor(high)
    const toShelter = yield* referrals
      .send({ case: high.id, service: directory.shelter, reason: "shelter-needed", basis: highConsent })
      .pipe(as("caseManager"))
    const acknowledged = yield* referrals
      .transition(toShelter.id, { _tag: "Acknowledge" }, toShelter.version)
      .pipe(as("shelterWorker"))
    const accepted = yield* referrals
      .transition(toShelter.id, { _tag: "Accept" }, acknowledged.version)
      .pipe(as("shelterWorker"))
    const pending = yield* referrals
      .send({ case: high.id, service: directory.medicalCare, reason: "injury-documentation", basis: highConsent })
      .pipe(as("caseManager"))

    // 3. The medium-risk case: the legal-aid consent form she signed three days ago.
    const medium = yield* stored(cases.mediumRisk.caseId, "advocate")
    const victim = medium.persons.find((person) => person.role === "victim")
    if (victim === undefined) return yield* new Errors.NotFound({ entity: "Person", id: medium.id })
    const signed = yield* caseService
      .giveConsent({
        caseId: medium.id,
        givenBy: victim.id,
        institutions: [institutions.legalAid.id],
        purposes: ["referral"],
        method: "signed-form",
        from: new Date((yield* Clock.currentTimeMillis) - 72 * hour),
        expectedVersion: medium.version,
      })
      .pipe(as("advocate"))
    const overdue = yield* referrals
      .send({
        case: medium.id,
        service: directory.legalAid,
        reason: "legal-representation",
        basis: { _tag: "Consent", consent: signed.id },
      })
      .pipe(hoursAgo(30), as("advocate"))

    return {
      accepted: accepted.id,
      pending: pending.id,
      overdue: overdue.id,
      mediumRiskVersion: medium.version + 1,
    }
  })
