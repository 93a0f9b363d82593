// The use cases on SQLite and PostgreSQL: each command writes its rows and its
// outbox event together; each refused command names its rule and writes
// nothing; overdue referrals are announced once; an override is audited as
// break-glass.
import { Errors, Municipality, Principal } from "@bashke/kernel"
import { AuditLog } from "@bashke/security"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Either, TestClock } from "effect"
import * as HsdsExport from "../../src/HsdsExport"
import * as ReferralServiceModule from "../../src/ReferralService"
import { ReferralService } from "../../src/ReferralService"
import { directory, ids, institutions, services as serviceIds } from "../Fixtures"
import { databases, outbox, principals, services, snapshot } from "./Databases"

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)
const { caseManager, shelterWorker, lawyer, administrator } = principals
const hour = 3_600_000
const start = TestClock.setTime(Date.parse("2026-03-02T09:00:00Z"))

const seeded = Effect.gen(function* () {
  yield* start
  const service = yield* ReferralService
  for (const org of directory.organizations) yield* as(administrator)(service.registerOrganization(org))
  for (const loc of directory.locations) yield* as(administrator)(service.registerLocation(loc))
  for (const svc of directory.services) yield* as(administrator)(service.registerService(svc))
  return service
})

const sendToShelter: ReferralServiceModule.SendInput = {
  case: ids.case,
  service: serviceIds.shelterBeds,
  reason: "shelter-needed",
  basis: { _tag: "Consent", consent: ids.consent(1) },
}

// The error of a refused command, after checking that it wrote nothing.
const failureOf = <A, E>(effect: Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const before = yield* snapshot
    const result = yield* Effect.either(effect)
    expect(yield* snapshot).toEqual(before)
    if (Either.isRight(result)) throw new Error("the command was not refused")
    return result.left
  })

for (const db of databases) {
  describe(`${db.name}: ReferralService`, () => {
    layer(services(db))((it) => {
      it("runs on this dialect", () => {
        expect(db.skip).toBeUndefined()
      })

      it.effect("stores the directory and reads it back as it was given, HSDS export included", () =>
        Effect.gen(function* () {
          const service = yield* seeded
          const stored = yield* service.directory
          expect(stored).toEqual(directory)
          expect(HsdsExport.toHsds(stored)).toEqual(HsdsExport.toHsds(directory))
          expect((yield* outbox).map((e) => e.topic)).toEqual(
            directory.services.map(() => "referral.service.registered"),
          )
        }),
      )
    })

    layer(services(db))((it) => {
      it.effect("sends, acknowledges, accepts, serves and completes, one outbox event per transition", () =>
        Effect.gen(function* () {
          const service = yield* seeded
          const referral = yield* as(caseManager)(service.send(sendToShelter))
          expect(referral).toMatchObject({ status: "sent", urgency: "high", to: institutions.shelter, version: 1 })
          yield* TestClock.adjust(hour)
          const ack = yield* as(shelterWorker)(service.transition(referral.id, { _tag: "Acknowledge" }, 1))
          const accepted = yield* as(shelterWorker)(service.transition(referral.id, { _tag: "Accept" }, ack.version))
          const started = yield* as(shelterWorker)(
            service.transition(referral.id, { _tag: "StartService" }, accepted.version),
          )
          yield* TestClock.adjust(24 * hour)
          const done = yield* as(shelterWorker)(
            service.transition(referral.id, { _tag: "Complete", outcome: "safe-housing-found" }, started.version),
          )
          expect(done.status).toBe("completed")
          expect(yield* service.find(referral.id)).toEqual(done)
          const events = (yield* outbox).slice(directory.services.length)
          expect(events.map((e) => e.topic)).toEqual([
            "referral.referral.sent",
            "referral.referral.acknowledged",
            "referral.referral.accepted",
            "referral.referral.service-started",
            "referral.referral.completed",
          ])
          expect(events[4]?.payload).toMatchObject({
            referral: referral.id,
            status: "completed",
            code: "safe-housing-found",
          })
          const figures = yield* service.responseTimes(ids.mechanism)
          expect(figures.perInstitution[0]).toMatchObject({
            key: institutions.shelter,
            acknowledge: { count: 1, median: 1, p90: 1 },
            decide: { count: 1, median: 1, p90: 1 },
          })
        }),
      )
    })

    layer(services(db))((it) => {
      it.effect("refuses bad input with the rule's name and writes nothing", () =>
        Effect.gen(function* () {
          const service = yield* seeded
          const referral = yield* as(caseManager)(service.send(sendToShelter))
          // No covering consent: the other case has none.
          expect(yield* failureOf(as(caseManager)(service.send({ ...sendToShelter, case: ids.otherCase })))).toEqual(
            new Errors.InvalidInput({ field: "basis", rule: "referral.consent.not-covered" }),
          )
          // Consent to the shelter does not cover legal aid.
          expect(
            yield* failureOf(as(caseManager)(service.send({ ...sendToShelter, service: serviceIds.legalAid }))),
          ).toEqual(new Errors.InvalidInput({ field: "basis", rule: "referral.consent.not-covered" }))
          expect(
            yield* failureOf(as(caseManager)(service.send({ ...sendToShelter, service: ids.service(99) }))),
          ).toEqual(new Errors.InvalidInput({ field: "service", rule: "referral.service.unknown" }))
          expect(yield* failureOf(as(caseManager)(service.send(sendToShelter)))).toEqual(
            new Errors.Conflict({ entity: "Referral", id: referral.id, rule: "referral.duplicate-open" }),
          )
          expect(
            yield* failureOf(as(caseManager)(service.send({ ...sendToShelter, reason: "Free text, Name" }))),
          ).toEqual(new Errors.InvalidInput({ field: "reason", rule: "referral.code.malformed" }))
          expect(yield* failureOf(as(shelterWorker)(service.transition(referral.id, { _tag: "Decline" }, 1)))).toEqual(
            new Errors.InvalidInput({ field: "reason", rule: "referral.decline.reason-required" }),
          )
          expect(
            yield* failureOf(as(shelterWorker)(service.transition(referral.id, { _tag: "StartService" }, 1))),
          ).toEqual(new Errors.InvalidTransition({ entity: "Referral", from: "sent", command: "StartService" }))
          expect(yield* failureOf(as(lawyer)(service.transition(referral.id, { _tag: "Acknowledge" }, 1)))).toEqual(
            new Errors.Forbidden({ action: "referral.Acknowledge", rule: "referral.actor.not-receiver" }),
          )
          expect(
            yield* failureOf(as(shelterWorker)(service.transition(referral.id, { _tag: "Acknowledge" }, 7))),
          ).toMatchObject({ _tag: "Conflict", rule: "version.stale" })
          expect(
            yield* failureOf(
              as(caseManager)(
                service.send({
                  ...sendToShelter,
                  case: ids.otherCase,
                  basis: { _tag: "Override", override: { ground: "imminent-danger", reason: "threat-to-life" } },
                }),
              ),
            ),
          ).toEqual(new Errors.Forbidden({ action: "referral.send", rule: "referral.override.not-allowed" }))
        }),
      )
    })

    layer(services(db))((it) => {
      it.effect("an override the policy allows is sent and audited as break-glass", () =>
        Effect.gen(function* () {
          const service = yield* seeded
          const referral = yield* as(caseManager)(
            service.send({
              ...sendToShelter,
              case: ids.otherCase,
              basis: { _tag: "Override", override: { ground: "imminent-danger", reason: "threat-to-life" } },
            }),
          ).pipe(Effect.provideService(ReferralServiceModule.CurrentOverridePolicy, { allowed: ["imminent-danger"] }))
          expect(referral.urgency).toBe("standard")
          const entries = yield* (yield* AuditLog.AuditLog).forCase(ids.otherCase)
          expect(entries).toHaveLength(1)
          expect(entries[0]).toMatchObject({ breakGlass: true, purpose: "referral", action: "write" })
          const sent = (yield* outbox).find((e) => e.topic === "referral.referral.sent")
          expect(sent?.payload).toMatchObject({ override: true })
        }),
      )
    })

    layer(services(db))((it) => {
      it.effect("lists overdue referrals and announces each newly overdue step once", () =>
        Effect.gen(function* () {
          const service = yield* seeded
          const referral = yield* as(caseManager)(service.send(sendToShelter))
          expect(yield* service.overdueFor(ids.mechanism)).toEqual([])
          yield* TestClock.adjust(5 * hour)
          expect((yield* service.overdueFor(ids.mechanism)).map((o) => o.step)).toEqual(["acknowledge"])
          expect((yield* service.overdueFor(ids.mechanism)).map((o) => o.step)).toEqual(["acknowledge"])
          yield* TestClock.adjust(70 * hour)
          expect((yield* service.overdueFor(ids.mechanism)).map((o) => o.step)).toEqual(["decide"])
          const announced = (yield* outbox).filter((e) => e.topic === "referral.referral.overdue")
          expect(announced.map((e) => e.payload.step)).toEqual(["acknowledge", "decide"])
          expect(announced[0]?.payload).toEqual({
            referral: referral.id,
            mechanism: ids.mechanism,
            to: institutions.shelter,
            service: serviceIds.shelterBeds,
            step: "acknowledge",
            due: "2026-03-02T13:00:00.000Z",
          })
        }),
      )
    })

    layer(services(db))((it) => {
      it.effect("writes an institution's directory entries only for its own people or an administrator", () =>
        Effect.gen(function* () {
          const service = yield* seeded
          // Another institution's worker plants a location and a service under the shelter: refused, nothing written.
          const planted = {
            id: ids.location(9),
            institution: institutions.shelter,
            name: "Adresa e rreme",
            municipality: Municipality.MunicipalityCode.make("GJI"),
          }
          const refusal = new Errors.Forbidden({
            action: "referral.location.register",
            rule: "referral.directory.not-own-institution",
          })
          expect(yield* failureOf(as(lawyer)(service.registerLocation(planted)))).toEqual(refusal)
          const service2 = {
            ...directory.services[0]!,
            id: ids.service(9),
            institution: institutions.shelter,
            locations: [],
          }
          expect(yield* failureOf(as(lawyer)(service.registerService(service2)))).toMatchObject({
            rule: "referral.directory.not-own-institution",
          })
          // The shelter's own worker, and an administrator, may.
          expect(yield* as(shelterWorker)(service.registerLocation(planted))).toEqual(planted)
          expect(yield* as(administrator)(service.registerService({ ...service2, id: ids.service(10) }))).toMatchObject(
            { institution: institutions.shelter },
          )
        }),
      )
    })

    layer(services(db))((it) => {
      it.effect("keeps the newest capacity report, from the provider only", () =>
        Effect.gen(function* () {
          const service = yield* seeded
          const report = { unit: "beds" as const, available: 1, total: 12, updatedAt: new Date("2026-03-02T08:00:00Z") }
          const updated = yield* as(shelterWorker)(service.reportCapacity(serviceIds.shelterBeds, report))
          expect(updated.capacity?.available).toBe(1)
          const stale = { ...report, available: 9, updatedAt: new Date("2026-02-01T08:00:00Z") }
          expect(
            (yield* as(shelterWorker)(service.reportCapacity(serviceIds.shelterBeds, stale))).capacity?.available,
          ).toBe(1)
          expect(yield* failureOf(as(lawyer)(service.reportCapacity(serviceIds.shelterBeds, report)))).toEqual(
            new Errors.Forbidden({
              action: "referral.capacity.report",
              rule: "referral.directory.not-own-institution",
            }),
          )
          expect(
            yield* failureOf(
              as(shelterWorker)(service.reportCapacity(serviceIds.shelterBeds, { ...report, available: 13 })),
            ),
          ).toMatchObject({ _tag: "InvalidInput", rule: "referral.capacity.over-total" })
          const stored = (yield* service.directory).services.find((s) => s.id === serviceIds.shelterBeds)
          expect(stored?.capacity).toEqual(report)
        }),
      )
    })
  })
}
