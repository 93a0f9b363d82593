// The rules of issue 13 on SQLite and PostgreSQL, through the use cases: who
// records a consent and how it was given; a consent that widens its recorder's
// own institution's access counts only once a second person confirms it; every
// change tells the case lead; the alleged perpetrator's details are read for
// protection under a sector's legal basis, never under the victim's consent;
// break-glass is narrow, reviewed and announced.
import { Principal } from "@bashke/kernel"
import { AuditLog } from "@bashke/security"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Exit } from "effect"
import * as BreakGlassReviews from "../../src/BreakGlassReviews"
import { CaseService } from "../../src/CaseService"
import {
  databases,
  institutions,
  mechanismId,
  outbox,
  principals,
  services,
  snapshot,
  start,
} from "./support/Databases"
import { plaintexts, seedCases } from "./support/Seed"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)
const { officer, caseManager, nurse, coordinator, advocate } = principals

/** A case opened by the police: social work leads, health has summary access. */
const opened = Effect.gen(function* () {
  yield* start
  const cases = yield* CaseService
  const aCase = yield* as(officer)(
    cases.openCase({
      mechanismId,
      municipality: "GJI",
      team: [{ institution: institutions.health, access: "summary" }],
      persons: seedCases[0] ?? [],
    }),
  )
  const victim = aCase.persons.find((person) => person.role === "victim")
  const perpetrator = aCase.persons.find((person) => person.role === "alleged-perpetrator")
  if (victim === undefined || perpetrator === undefined) throw new Error("persons missing")
  return { aCase, victim, perpetrator, cases }
})

/** The rule of a refusal that wrote nothing. */
const refused = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const before = yield* snapshot
    const exit = yield* Effect.exit(effect)
    expect(Exit.isFailure(exit)).toBe(true)
    expect(yield* snapshot).toEqual(before)
    const error = JSON.parse(JSON.stringify(yield* Effect.flip(effect)))
    expect(plaintexts.filter((value) => JSON.stringify(error).includes(value))).toEqual([])
    return error as { readonly _tag: string; readonly rule?: string; readonly field?: string }
  })

const noticesFor = (caseId: string) =>
  Effect.map(outbox, (events) =>
    events.filter((event) => event.topic === "case.consent.lead-notice" && event.payload.caseId === caseId),
  )

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: consent, the alleged perpetrator's details and break-glass`, () => {
    layer(services(db))((it) => {
      it.effect("a consent opening the recorder's own institution counts only once a second person confirms it", () =>
        Effect.gen(function* () {
          const { aCase, victim, cases } = yield* opened
          const read = as(officer)(
            cases.readPersonalData({ caseId: aCase.id, personId: victim.id, purpose: "case-management" }),
          )
          // The review's attack: the police grant themselves the victim's consent.
          const selfGranted = yield* as(officer)(
            cases.giveConsent({
              caseId: aCase.id,
              givenBy: victim.id,
              institutions: [institutions.police],
              purposes: ["case-management"],
              method: "signed-form",
            }),
          )
          expect(selfGranted).toMatchObject({
            needsConfirmation: true,
            recording: {
              method: "signed-form",
              takenBy: institutions.police,
              recordedBy: officer.id,
              recordedFor: institutions.police,
            },
          })
          expect(yield* refused(read)).toMatchObject({ _tag: "Forbidden", rule: "policy.consent.not-covered" })
          // The recorder cannot confirm it; another team member neither.
          expect(
            yield* refused(as(officer)(cases.confirmConsent({ caseId: aCase.id, consentId: selfGranted.id }))),
          ).toMatchObject({ rule: "policy.consent.confirmer-is-recorder" })
          expect(
            yield* refused(as(nurse)(cases.confirmConsent({ caseId: aCase.id, consentId: selfGranted.id }))),
          ).toMatchObject({ rule: "policy.consent.confirmer-not-permitted" })
          // The coordinator, off the team, confirms: from now on it counts.
          const confirmed = yield* as(coordinator)(
            cases.confirmConsent({ caseId: aCase.id, consentId: selfGranted.id }),
          )
          expect(confirmed.confirmation).toMatchObject({
            confirmedBy: coordinator.id,
            confirmedFor: institutions.municipality,
          })
          expect(yield* read).toEqual(seedCases[0]?.[0]?.details)
          expect(
            yield* refused(as(caseManager)(cases.confirmConsent({ caseId: aCase.id, consentId: selfGranted.id }))),
          ).toMatchObject({ _tag: "Conflict", rule: "case.consent.already-confirmed" })

          // Every change told the case lead, with ids only.
          const notices = yield* noticesFor(aCase.id)
          expect(notices.map((event) => event.payload)).toEqual([
            {
              caseId: aCase.id,
              consentId: selfGranted.id,
              lead: institutions.socialWork,
              change: "recorded",
              awaitingConfirmation: true,
              principalId: officer.id,
              institutionId: institutions.police,
            },
            {
              caseId: aCase.id,
              consentId: selfGranted.id,
              lead: institutions.socialWork,
              change: "confirmed",
              awaitingConfirmation: false,
              principalId: coordinator.id,
              institutionId: institutions.municipality,
            },
          ])
          yield* as(caseManager)(cases.withdrawConsent({ caseId: aCase.id, consentId: selfGranted.id }))
          expect((yield* noticesFor(aCase.id)).at(-1)?.payload).toMatchObject({
            change: "withdrawn",
            principalId: caseManager.id,
          })
        }),
      )

      it.effect("a consent is recorded by the lead or the institution that took it, with how it was given", () =>
        Effect.gen(function* () {
          const { aCase, victim, cases } = yield* opened
          const give = (who: Principal.Principal, rest: Partial<Parameters<typeof cases.giveConsent>[0]> = {}) =>
            as(who)(
              cases.giveConsent({
                caseId: aCase.id,
                givenBy: victim.id,
                institutions: [institutions.shelter],
                purposes: ["referral"],
                method: "signed-form",
                ...rest,
              }),
            )
          // Summary access records nothing; the police may not record what social work took.
          expect(yield* refused(give(nurse))).toMatchObject({ rule: "policy.access.summary-only" })
          expect(yield* refused(give(officer, { takenBy: institutions.socialWork }))).toMatchObject({
            rule: "policy.consent.recorder-not-permitted",
          })
          // Off the team: refused.
          expect(yield* refused(give(advocate))).toMatchObject({ rule: "policy.case-team.not-member" })
          // Verbally: with a witness who is not the recorder.
          expect(yield* refused(give(officer, { method: "verbal-witnessed" }))).toMatchObject({
            rule: "case.consent.witness-required",
          })
          expect(yield* refused(give(officer, { method: "verbal-witnessed", witnessedBy: officer.id }))).toMatchObject({
            rule: "case.consent.witness-is-recorder",
          })
          expect(yield* refused(give(officer, { method: "by-telepathy" as never }))).toMatchObject({
            rule: "case.consent.method.unknown",
          })
          // The lead records what the police took, for the shelter: no second person needed.
          const recorded = yield* give(caseManager, {
            takenBy: institutions.police,
            method: "verbal-witnessed",
            witnessedBy: nurse.id,
          })
          expect(recorded).toMatchObject({
            needsConfirmation: false,
            recording: { takenBy: institutions.police, recordedFor: institutions.socialWork, witnessedBy: nurse.id },
          })
          expect(
            yield* refused(as(coordinator)(cases.confirmConsent({ caseId: aCase.id, consentId: recorded.id }))),
          ).toMatchObject({ rule: "case.consent.confirmation-not-needed" })
          // A consent the lead records for itself needs the coordinator.
          const own = yield* give(caseManager, {
            institutions: [],
            sectors: ["social-work"],
            purposes: ["case-management"],
          })
          expect(own.needsConfirmation).toBe(true)
          expect(
            yield* refused(as(caseManager)(cases.confirmConsent({ caseId: aCase.id, consentId: own.id }))),
          ).toMatchObject({ rule: "policy.consent.confirmer-is-recorder" })
        }),
      )

      it.effect(
        "the alleged perpetrator's details: for protection, by a sector with a legal basis; never by consent",
        () =>
          Effect.gen(function* () {
            const { aCase, perpetrator, cases } = yield* opened
            // The victim consents to the police, for case management; the lead confirms it.
            const consent = yield* as(officer)(
              cases.giveConsent({
                caseId: aCase.id,
                givenBy: aCase.persons[0]?.id ?? perpetrator.id,
                institutions: [institutions.police],
                purposes: ["case-management"],
                method: "signed-form",
              }),
            )
            yield* as(caseManager)(cases.confirmConsent({ caseId: aCase.id, consentId: consent.id }))
            const read = (who: Principal.Principal, purpose: "case-management" | "protection") =>
              as(who)(cases.readPersonalData({ caseId: aCase.id, personId: perpetrator.id, purpose }))
            // The victim's consent does not open the alleged perpetrator's details.
            expect(yield* refused(read(officer, "case-management"))).toMatchObject({
              rule: "policy.perpetrator.protection-purpose-only",
            })
            // For protection, the police (a legal basis in the Kosovo profile) read them.
            expect(yield* read(officer, "protection")).toEqual(seedCases[0]?.[2]?.details)
            // Health has summary access only.
            expect(yield* refused(read(nurse, "protection"))).toMatchObject({ rule: "policy.access.summary-only" })
            const log = yield* AuditLog.AuditLog
            expect((yield* log.forPerson(perpetrator.id)).map((entry) => [entry.action, entry.purpose])).toEqual([
              ["write", "protection"],
              ["read", "protection"],
            ])
          }),
      )

      it.effect("break-glass: reviewed by the coordinator, announced to the coordinator and the lead", () =>
        Effect.gen(function* () {
          const { aCase, victim, cases } = yield* opened
          const reason = "The victim did not arrive at the shelter; police need her address now."
          // Health has summary access: it may not break glass (the review's attack); the attempt is announced.
          const denied = yield* Effect.flip(
            as(nurse)(
              cases.readPersonalData({
                caseId: aCase.id,
                personId: victim.id,
                breakGlassCode: "person-missing",
                breakGlassReason: reason,
              }),
            ),
          )
          expect(denied).toMatchObject({ _tag: "Forbidden", rule: "policy.break-glass.full-access-required" })
          expect((yield* outbox).at(-1)?.topic).toBe("case.break-glass.denied")
          const details = yield* as(officer)(
            cases.readPersonalData({
              caseId: aCase.id,
              personId: victim.id,
              breakGlassCode: "person-missing",
              breakGlassReason: reason,
              fields: ["address"],
            }),
          )
          expect(details).toEqual({ address: "Rruga Adem Jashari 12, Gjilan" })
          const alert = (yield* outbox).find((event) => event.topic === "case.break-glass.alert")
          expect(alert?.payload).toMatchObject({
            caseId: aCase.id,
            mechanismId,
            lead: institutions.socialWork,
            personId: victim.id,
            principalId: officer.id,
            institutionId: institutions.police,
            code: "person-missing",
          })
          expect(JSON.stringify(alert)).not.toContain("shelter; police")

          // The review list is the coordinator's.
          const forbidden = yield* Effect.flip(as(caseManager)(BreakGlassReviews.list({ mechanismId, status: "open" })))
          expect(forbidden).toMatchObject({ rule: "policy.break-glass.review-coordinator-only" })
          const open = (yield* as(coordinator)(BreakGlassReviews.list({ mechanismId, status: "open" }))).items
          expect(open).toHaveLength(1)
          expect(open[0]).toMatchObject({
            id: alert?.payload.reviewId,
            caseId: aCase.id,
            personId: victim.id,
            principalId: officer.id,
            code: "person-missing",
            reason,
          })
          const review = open[0]
          if (review === undefined) throw new Error("no review")
          // Reading the reasons is audited.
          const log = yield* AuditLog.AuditLog
          expect((yield* log.forCase(aCase.id)).at(-1)).toMatchObject({
            principalId: coordinator.id,
            action: "read",
            purpose: "audit",
          })
          const closed = yield* as(coordinator)(BreakGlassReviews.close({ reviewId: review.id, verdict: "justified" }))
          expect(closed).toMatchObject({ verdict: "justified", reviewedBy: coordinator.id })
          expect((yield* log.forCase(aCase.id)).at(-1)).toMatchObject({
            principalId: coordinator.id,
            action: "write",
            purpose: "audit",
          })
          expect(
            yield* refused(as(coordinator)(BreakGlassReviews.close({ reviewId: review.id, verdict: "unjustified" }))),
          ).toMatchObject({ _tag: "Conflict", rule: "case.break-glass.review-closed" })
          expect(yield* as(coordinator)(BreakGlassReviews.list({ mechanismId, status: "open" }))).toEqual({
            items: [],
            next: null,
          })
          expect((yield* outbox).at(-1)).toMatchObject({
            topic: "case.break-glass.reviewed",
            payload: { reviewId: review.id, verdict: "justified", reviewedBy: coordinator.id },
          })
          expect((yield* log.verify).ok).toBe(true)
        }),
      )
    })
  })
}
