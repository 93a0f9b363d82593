// The use cases on SQLite and PostgreSQL: each command commits its rows, its
// audit entries (for personal details) and its outbox event together; each
// refused command names its rule, writes nothing and carries no personal data;
// consent withdrawal takes effect for the very next read; the audit log answers
// "who saw this survivor's file, and why".
import { type Id, Principal } from "@bashke/kernel"
import { AuditLog } from "@bashke/security"
import { describe, expect, layer } from "@effect/vitest"
import { Effect, Exit, Option, TestClock, Tracer } from "effect"
import type * as Case from "../../src/Case"
import type * as CaseCommands from "../../src/CaseCommands"
import { CaseRepository } from "../../src/CaseRepository"
import * as CaseReviews from "../../src/CaseReviews"
import { CaseService } from "../../src/CaseService"
import * as Dash from "../../src/instruments/Dash"
import * as KosovoPoliceEarlyAssessment from "../../src/instruments/KosovoPoliceEarlyAssessment"
import {
  databases,
  institutions,
  mechanismId,
  outbox,
  principals,
  services,
  snapshot,
  start,
  ulid,
} from "./support/Databases"
import { plaintexts, seedCases } from "./support/Seed"

/** `Omit` over each member of a union (the transition input is one per command). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

const as = (principal: Principal.Principal) => Effect.provideService(Principal.CurrentPrincipal, principal)
const { officer, caseManager, nurse, coordinator, teacher, stranger, advocate } = principals

const service = CaseService

/** Opens the first seeded case (victim, child, perpetrator) as the police officer. */
const opened = Effect.gen(function* () {
  yield* start
  const cases = yield* service
  const aCase = yield* as(officer)(
    cases.openCase({
      mechanismId,
      municipality: "GJI",
      team: [{ institution: institutions.health, access: "summary" }],
      persons: seedCases[0] ?? [],
    }),
  )
  const [victim, child, perpetrator] = aCase.persons
  if (victim === undefined || child === undefined || perpetrator === undefined) throw new Error("persons missing")
  return { aCase, victim, child, perpetrator }
})

/**
 * The victim's consent to the police and social work, for case management,
 * taken by the police on a signed form; since it opens the police's own
 * access, the case lead (social work) confirms it.
 */
const consented = Effect.gen(function* () {
  const setup = yield* opened
  const cases = yield* service
  const recorded = yield* as(officer)(
    cases.giveConsent({
      caseId: setup.aCase.id,
      givenBy: setup.victim.id,
      institutions: [institutions.socialWork, institutions.police],
      purposes: ["case-management"],
      method: "signed-form",
    }),
  )
  const consent = yield* as(caseManager)(cases.confirmConsent({ caseId: setup.aCase.id, consentId: recorded.id }))
  return { ...setup, consent }
})

/** Every answer of the DASH checklist, the first `yes` of them "yes". */
const dashAnswers = (yes: number) =>
  Object.fromEntries(Dash.questionIds.map((id, index) => [id, index < yes ? "yes" : "no"])) as Record<
    string,
    "yes" | "no"
  >

/** Runs `effect`, expects it to fail, proves that no table changed and that the error names no personal value. */
const refusedWithoutWriting = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const before = yield* snapshot
    const exit = yield* Effect.exit(effect)
    expect(Exit.isFailure(exit)).toBe(true)
    expect(yield* snapshot).toEqual(before)
    const error = yield* Effect.flip(effect)
    const text = `${JSON.stringify(error)} ${String(error)}`
    expect(plaintexts.filter((value) => text.includes(value))).toEqual([])
    return plain(error)
  })

/**
 * An error as plain data (its tag and fields): failures carry a tracing proxy
 * that the test runner cannot print in a diff.
 */
const plain = (error: unknown): { readonly _tag: string; readonly rule?: string } & Record<string, unknown> =>
  JSON.parse(JSON.stringify(error))

const noPersonalData = (events: ReadonlyArray<{ readonly payload: unknown }>) => {
  const text = JSON.stringify(events)
  expect(plaintexts.filter((value) => text.includes(value))).toEqual([])
}

for (const db of databases) {
  describe.skipIf(db.skip)(`${db.name}: CaseService`, () => {
    layer(services(db))((it) => {
      it.effect("opens a case: reference, team with the social-work lead, sealed persons, audit and events", () =>
        Effect.gen(function* () {
          const { aCase, victim, child, perpetrator } = yield* opened
          expect(aCase.reference).toMatch(/^GJI-2026-\d{4}$/)
          expect(aCase.status).toBe("open")
          expect(aCase.version).toBe(1)
          expect(aCase.team.lead).toBe(institutions.socialWork)
          expect(aCase.team.members).toEqual([
            { institution: institutions.health, sector: "health", access: "summary" },
            { institution: institutions.police, sector: "police", access: "full" },
            { institution: institutions.socialWork, sector: "social-work", access: "full" },
          ])
          expect(perpetrator.relationship).toEqual({ kind: "married", time: "current" })
          // Read back whole, as stored.
          const read = yield* as(caseManager)((yield* service).read({ caseId: aCase.id }))
          expect(read).toEqual(aCase)
          // Health has summary access: the summary, not the record.
          expect((yield* as(nurse)((yield* service).readSummary({ caseId: aCase.id }))).reference).toBe(aCase.reference)
          expect(yield* refusedWithoutWriting(as(nurse)((yield* service).read({ caseId: aCase.id })))).toMatchObject({
            _tag: "Forbidden",
            rule: "policy.access.summary-only",
          })

          const events = (yield* outbox).filter((event) => event.payload.caseId === aCase.id)
          expect(events.map((event) => event.topic)).toEqual([
            "case.case.opened",
            "case.person.added",
            "case.person.added",
            "case.person.added",
          ])
          expect(events[0]?.payload).toEqual({
            caseId: aCase.id,
            mechanismId,
            reference: aCase.reference,
            lead: institutions.socialWork,
            sectors: ["police", "social-work", "health"],
          })
          noPersonalData(events)

          const log = yield* AuditLog.AuditLog
          const entries = yield* log.forCase(aCase.id)
          expect(entries.map((entry) => [entry.personId, entry.action, entry.purpose, entry.principalId])).toEqual([
            [victim.id, "write", "case-management", officer.id],
            [child.id, "write", "case-management", officer.id],
            // The alleged perpetrator's details are recorded for the victim's protection, not under consent.
            [perpetrator.id, "write", "protection", officer.id],
          ])
          expect((yield* log.verify).ok).toBe(true)
        }),
      )

      it.effect("refuses the issue's bad inputs by rule, writing nothing and naming no one", () =>
        Effect.gen(function* () {
          const { aCase, victim } = yield* consented
          const cases = yield* service
          const rule = (error: { readonly _tag: string; readonly rule?: string }) => error.rule ?? error._tag

          // An unknown relationship.
          const [seedVictim, seedChild, seedPerpetrator] = seedCases[0] ?? []
          if (seedVictim === undefined || seedChild === undefined || seedPerpetrator === undefined)
            throw new Error("seed")
          const neighbour = {
            ...seedPerpetrator,
            relationship: { kind: "neighbour", time: "current" },
          } as unknown as CaseCommands.NewPerson
          const unknownRelationship = yield* refusedWithoutWriting(
            as(officer)(cases.openCase({ mechanismId, municipality: "GJI", persons: [seedVictim, neighbour] })),
          )
          expect(unknownRelationship).toMatchObject({ _tag: "InvalidInput", field: "persons.1.relationship" })
          expect(rule(unknownRelationship)).toBe("case.relationship.unknown")
          expect(
            rule(
              yield* refusedWithoutWriting(
                as(officer)(cases.addPerson({ caseId: aCase.id, person: { ...neighbour, details: undefined } })),
              ),
            ),
          ).toBe("case.relationship.unknown")

          // Order dates out of order: an expiry before the police issued the order…
          expect(
            rule(
              yield* refusedWithoutWriting(
                as(officer)(
                  cases.recordOrder({
                    caseId: aCase.id,
                    kind: "temporary-emergency-protection-order",
                    petitioner: "police",
                    issuedAt: "2026-03-01T22:00:00Z",
                    expiresAt: "2026-03-01T21:00:00Z",
                  }),
                ),
              ),
            ),
          ).toBe("case.order.dates.out-of-order")
          // …and a court issuing before the request.
          const requested = yield* as(officer)(
            cases.recordOrder({
              caseId: aCase.id,
              kind: "protection-order",
              petitioner: "victim",
              requestedAt: "2026-03-02T08:00:00Z",
            }),
          )
          expect(
            rule(
              yield* refusedWithoutWriting(
                as(officer)(
                  cases.recordOrderEvent({
                    caseId: aCase.id,
                    orderId: requested.id,
                    event: "issued",
                    at: "2026-03-01T08:00:00Z",
                  }),
                ),
              ),
            ),
          ).toBe("case.order.dates.out-of-order")

          // Consent naming an institution that is not a member (signatory) of the mechanism.
          expect(
            rule(
              yield* refusedWithoutWriting(
                as(officer)(
                  cases.giveConsent({
                    caseId: aCase.id,
                    givenBy: victim.id,
                    institutions: [institutions.school],
                    purposes: ["referral"],
                    method: "signed-form",
                  }),
                ),
              ),
            ),
          ).toBe("case.consent.non-member")

          // Closing a high-risk case without a reason.
          yield* as(officer)(
            cases.assessRisk({ caseId: aCase.id, instrument: { id: "dash", version: 1 }, answers: dashAnswers(15) }),
          )
          const highRisk = yield* refusedWithoutWriting(
            as(caseManager)(cases.transition({ caseId: aCase.id, command: "close" })),
          )
          expect(highRisk).toMatchObject({ _tag: "InvalidInput", field: "reason" })
          expect(rule(highRisk)).toBe("case.close.high-risk-reason-required")

          // A read without a purpose: the security policy's rule, and no audit entry.
          const noPurpose = yield* refusedWithoutWriting(
            as(caseManager)(cases.readPersonalData({ caseId: aCase.id, personId: victim.id })),
          )
          expect(noPurpose).toMatchObject({ _tag: "InvalidInput", field: "purpose", rule: "audit.purpose.required" })
        }),
      )

      it.effect("refuses other bad commands by rule, writing nothing", () =>
        Effect.gen(function* () {
          const { aCase, victim, perpetrator } = yield* consented
          const cases = yield* service
          const rule = (error: { readonly _tag: string; readonly rule?: string }) => error.rule ?? error._tag
          const [seedVictim] = seedCases[0] ?? []
          if (seedVictim === undefined) throw new Error("seed")

          const refusals: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown, never>]> = [
            [
              "case.team.member-not-signatory",
              as(officer)(
                cases.openCase({
                  mechanismId,
                  municipality: "GJI",
                  team: [{ institution: institutions.school, access: "full" }],
                  persons: [seedVictim],
                }),
              ),
            ],
            [
              "case.mechanism.municipality-mismatch",
              as(officer)(cases.openCase({ mechanismId, municipality: "PRZ", persons: [seedVictim] })),
            ],
            ["case.person.one-victim", as(officer)(cases.openCase({ mechanismId, municipality: "GJI", persons: [] }))],
            [
              "case.person.one-victim",
              as(officer)(cases.addPerson({ caseId: aCase.id, person: { role: "victim", sex: "female" } })),
            ],
            [
              "policy.memorandum.not-signatory",
              as(teacher)(cases.openCase({ mechanismId, municipality: "GJI", persons: [seedVictim] })),
            ],
            ["policy.case-team.not-member", as(advocate)(cases.read({ caseId: aCase.id }))],
            // Outside the mechanism the case does not exist (issue 13, finding 6: no existence oracle).
            ["NotFound", as(stranger)(cases.read({ caseId: aCase.id }))],
            [
              "policy.access.summary-only",
              as(nurse)(cases.readPersonalData({ caseId: aCase.id, personId: victim.id, purpose: "case-management" })),
            ],
            [
              "policy.consent.not-covered",
              as(officer)(cases.readPersonalData({ caseId: aCase.id, personId: victim.id, purpose: "referral" })),
            ],
            [
              "case.incident.date-in-future",
              as(officer)(
                cases.recordIncident({
                  caseId: aCase.id,
                  occurredOn: "2026-03-09",
                  municipality: "GJI",
                  forms: ["physical"],
                  children: "none",
                  source: "self-referral",
                }),
              ),
            ],
            [
              "case.incident.perpetrator.unknown",
              as(officer)(
                cases.recordIncident({
                  caseId: aCase.id,
                  occurredOn: "2026-03-01",
                  municipality: "GJI",
                  forms: ["physical"],
                  children: "none",
                  perpetrators: [victim.id],
                  source: "self-referral",
                }),
              ),
            ],
            [
              // A name typed where the police report number goes.
              "case.incident.source-reference.malformed",
              as(officer)(
                cases.recordIncident({
                  caseId: aCase.id,
                  occurredOn: "2026-03-01",
                  municipality: "GJI",
                  forms: ["physical"],
                  children: "none",
                  source: "police-report",
                  sourceReference: "Besnik Krasniqi",
                }),
              ),
            ],
            [
              "case.risk.instrument.unknown",
              as(officer)(
                cases.assessRisk({ caseId: aCase.id, instrument: { id: "dash", version: 9 }, answers: dashAnswers(1) }),
              ),
            ],
            [
              "case.risk.answer.missing",
              as(officer)(
                cases.assessRisk({
                  caseId: aCase.id,
                  instrument: { id: "dash", version: 1 },
                  answers: { injury: "yes" },
                }),
              ),
            ],
            [
              "case.order.kind.unknown",
              as(officer)(
                cases.recordOrder({
                  caseId: aCase.id,
                  kind: "restraining-order",
                  petitioner: "victim",
                  requestedAt: "2026-03-01T08:00:00Z",
                }),
              ),
            ],
            [
              "case.safety.owner-not-in-team",
              as(officer)(
                cases.addMeasure({
                  caseId: aCase.id,
                  kind: "school-informed",
                  owner: institutions.school,
                  reviewOn: "2026-04-01",
                }),
              ),
            ],
            [
              "case.safety.review-in-past",
              as(officer)(
                cases.addMeasure({
                  caseId: aCase.id,
                  kind: "police-patrols",
                  owner: institutions.police,
                  reviewOn: "2026-03-01",
                }),
              ),
            ],
            [
              "case.consent.giver-unknown",
              as(officer)(
                cases.giveConsent({
                  caseId: aCase.id,
                  givenBy: perpetrator.id,
                  institutions: [institutions.police],
                  purposes: ["referral"],
                  method: "signed-form",
                }),
              ),
            ],
            ["case.team.lead-only", as(officer)(cases.changeTeam({ caseId: aCase.id, remove: [institutions.health] }))],
            [
              "case.team.social-work-required-for-child",
              as(caseManager)(
                cases.changeTeam({ caseId: aCase.id, lead: institutions.police, remove: [institutions.socialWork] }),
              ),
            ],
            [
              "case.team.member-not-signatory",
              as(caseManager)(
                cases.changeTeam({ caseId: aCase.id, set: [{ institution: institutions.school, access: "summary" }] }),
              ),
            ],
            [
              // Untyped input, as from a request body: a wrong reason is refused by the command's own list.
              "case.closure.reason-unknown",
              as(officer)(cases.transition({ caseId: aCase.id, command: "close", reason: "tired" } as never)),
            ],
            [
              "case.reopen.reason-unknown",
              as(officer)(cases.transition({ caseId: aCase.id, command: "reopen", reason: "risk-reduced" } as never)),
            ],
            [
              "version.stale",
              as(officer)(cases.transition({ caseId: aCase.id, command: "assess", expectedVersion: 1 })),
            ],
            ["InvalidTransition", as(officer)(cases.transition({ caseId: aCase.id, command: "monitor" }))],
            ["id.malformed", as(officer)(cases.readSummary({ caseId: "not-an-id" }))],
            [
              "NotFound",
              as(officer)(
                cases.readPersonalData({ caseId: aCase.id, personId: aCase.id as string, purpose: "case-management" }),
              ),
            ],
          ]
          for (const [expected, effect] of refusals) {
            const error = yield* refusedWithoutWriting(effect)
            expect([expected, rule(error)]).toEqual([expected, expected])
          }
        }),
      )

      // The reads run on every request: their spans are the use case's and the
      // ones under it an operator reads them by, not one a repository call, a
      // cached roster look-up or an opened field (each cost ~35 steps of
      // Effect's runtime and a copy of the request's context).
      it.effect("a case's reads open the use case's spans, not one a repository call or an opened field", () =>
        Effect.gen(function* () {
          const { aCase, victim } = yield* consented
          const cases = yield* service
          const opened: Array<string> = []
          const base = yield* Effect.tracer
          const recording = Tracer.make({
            span: (name, parent, context, links, startTime, kind, options) => {
              opened.push(name)
              return base.span(name, parent, context, links, startTime, kind, options)
            },
            context: base.context,
          })
          const spansOf = <A, E, R>(read: Effect.Effect<A, E, R>) =>
            Effect.gen(function* () {
              opened.length = 0
              yield* Effect.withTracer(read, recording)
              // The statements' own spans (`sql.execute`, `sql.transaction`) are @effect/sql's.
              return opened.filter((name) => !name.startsWith("sql."))
            })
          expect(yield* spansOf(as(caseManager)(cases.read({ caseId: aCase.id })))).toEqual(["CaseService.read"])
          expect(
            yield* spansOf(
              as(caseManager)(
                cases.readPersonalData({ caseId: aCase.id, personId: victim.id, purpose: "case-management" }),
              ),
            ),
          ).toEqual([
            "CaseService.readPersonalData",
            "PersonalData.read",
            "CaseKeys.forCase",
            // No `Vault.open`: the case's key was opened when the case was written, and is kept (ADR 0039).
            "AuditLog.append",
          ])
        }),
      )

      it.effect("a withdrawn consent denies the very next personal read", () =>
        Effect.gen(function* () {
          const { aCase, victim, consent } = yield* consented
          const cases = yield* service
          const read = as(caseManager)(
            cases.readPersonalData({ caseId: aCase.id, personId: victim.id, purpose: "case-management" }),
          )
          expect(yield* read).toEqual(seedCases[0]?.[0]?.details)
          const withdrawn = yield* as(caseManager)(cases.withdrawConsent({ caseId: aCase.id, consentId: consent.id }))
          expect(withdrawn.withdrawnAt).toEqual(new Date("2026-03-02T09:00:00Z"))
          // Same instant: the withdrawal already counts.
          const denied = yield* refusedWithoutWriting(read)
          expect(denied).toEqual({ _tag: "Forbidden", action: "case.personal.read", rule: "policy.consent.withdrawn" })
          yield* TestClock.adjust("1 hour")
          expect(yield* refusedWithoutWriting(read)).toMatchObject({ rule: "policy.consent.withdrawn" })
          // Withdrawing twice is a conflict, and the first time stands.
          expect(
            yield* refusedWithoutWriting(
              as(caseManager)(cases.withdrawConsent({ caseId: aCase.id, consentId: consent.id })),
            ),
          ).toMatchObject({ _tag: "Conflict", rule: "case.consent.already-withdrawn" })
          const events = (yield* outbox).filter((event) => event.payload.caseId === aCase.id)
          expect(events.map((event) => event.topic)).toContain("case.consent.withdrawn")
          // It names whom the consent covered, who must stop using what was shared under it.
          expect(events.find((event) => event.topic === "case.consent.withdrawn")?.payload).toEqual({
            caseId: aCase.id,
            consentId: consent.id,
            withdrawnAt: "2026-03-02T09:00:00.000Z",
            institutions: [institutions.socialWork, institutions.police],
            sectors: [],
          })
          noPersonalData(events)
        }),
      )

      it.effect("the audit log says who saw the survivor's file, and why", () =>
        Effect.gen(function* () {
          const { aCase, victim, perpetrator } = yield* consented
          const cases = yield* service
          yield* TestClock.adjust("10 minutes")
          yield* as(caseManager)(
            cases.readPersonalData({ caseId: aCase.id, personId: victim.id, purpose: "case-management" }),
          )
          yield* TestClock.adjust("10 minutes")
          yield* as(officer)(
            cases.readPersonalData({
              caseId: aCase.id,
              personId: victim.id,
              purpose: "case-management",
              fields: ["phone", "safeContact"],
            }),
          ).pipe(Effect.map((details) => expect(Object.keys(details)).toEqual(["phone", "safeContact"])))
          // An emergency read, with a reason code and a written reason, is flagged.
          yield* TestClock.adjust("10 minutes")
          expect(
            yield* as(officer)(
              cases.readPersonalData({
                caseId: aCase.id,
                personId: victim.id,
                breakGlassCode: "person-missing",
                breakGlassReason: "Victim missing after a 112 call, police need the address",
                fields: ["address"],
              }),
            ),
          ).toEqual({ address: "Rruga Adem Jashari 12, Gjilan" })

          const log = yield* AuditLog.AuditLog
          const whoSaw = (yield* log.forPerson(victim.id)).map((entry) => ({
            who: entry.principalId,
            institution: entry.institutionId,
            action: entry.action,
            purpose: entry.purpose,
            breakGlass: entry.breakGlass,
            reason: entry.reason,
            at: entry.at.toISOString(),
          }))
          expect(whoSaw).toEqual([
            {
              who: officer.id,
              institution: institutions.police,
              action: "write",
              purpose: "case-management",
              breakGlass: false,
              reason: undefined,
              at: "2026-03-02T09:00:00.000Z",
            },
            {
              who: caseManager.id,
              institution: institutions.socialWork,
              action: "read",
              purpose: "case-management",
              breakGlass: false,
              reason: undefined,
              at: "2026-03-02T09:10:00.000Z",
            },
            {
              who: officer.id,
              institution: institutions.police,
              action: "read",
              purpose: "case-management",
              breakGlass: false,
              reason: undefined,
              at: "2026-03-02T09:20:00.000Z",
            },
            {
              who: officer.id,
              institution: institutions.police,
              action: "break-glass-read",
              purpose: "break-glass",
              breakGlass: true,
              reason: "Victim missing after a 112 call, police need the address",
              at: "2026-03-02T09:30:00.000Z",
            },
          ])
          // The perpetrator's file was written once and never read.
          expect((yield* log.forPerson(perpetrator.id)).map((entry) => entry.action)).toEqual(["write"])
          expect((yield* log.forCase(aCase.id)).every((entry) => entry.caseId === aCase.id)).toBe(true)
          expect((yield* log.verify).ok).toBe(true)
        }),
      )

      it.effect(
        "break-glass: refused without a code or a sentence (nothing written); denied by policy, announced",
        () =>
          Effect.gen(function* () {
            const { aCase, victim } = yield* consented
            const cases = yield* service
            const breakGlass = (
              reason: Partial<Pick<CaseCommands.ReadPersonalData, "breakGlassCode" | "breakGlassReason">>,
            ) =>
              as(officer)(
                cases.readPersonalData({ caseId: aCase.id, personId: victim.id, purpose: "break-glass", ...reason }),
              )
            expect(yield* refusedWithoutWriting(breakGlass({}))).toMatchObject({
              _tag: "InvalidInput",
              field: "breakGlassCode",
              rule: "policy.break-glass.code-required",
            })
            expect(yield* refusedWithoutWriting(breakGlass({ breakGlassCode: "imminent-danger" }))).toMatchObject({
              _tag: "InvalidInput",
              field: "breakGlassReason",
              rule: "audit.reason.required",
            })
            expect(
              yield* refusedWithoutWriting(breakGlass({ breakGlassCode: "imminent-danger", breakGlassReason: "." })),
            ).toMatchObject({
              _tag: "InvalidInput",
              field: "breakGlassReason",
              rule: "policy.break-glass.reason-too-short",
            })
            expect(
              yield* refusedWithoutWriting(
                breakGlass({
                  breakGlassCode: "call-for-help" as never,
                  breakGlassReason: "A full sentence of reason here",
                }),
              ),
            ).toMatchObject({ _tag: "InvalidInput", field: "breakGlassCode" })
            const before = yield* snapshot
            const denied = yield* Effect.flip(
              as(teacher)(
                cases.readPersonalData({
                  caseId: aCase.id,
                  personId: victim.id,
                  breakGlassCode: "imminent-danger",
                  breakGlassReason: "I am worried about her tonight",
                }),
              ),
            )
            expect(plain(denied)).toEqual({
              _tag: "Forbidden",
              action: "break-glass.read",
              rule: "policy.memorandum.not-signatory",
            })
            const after = yield* snapshot
            expect(after.counts.audit_log).toBe(before.counts.audit_log)
            expect(after.counts.bashke_outbox).toBe((before.counts.bashke_outbox ?? 0) + 1)
            const last = (yield* outbox).at(-1)
            expect(last).toEqual({
              topic: "case.break-glass.denied",
              payload: {
                caseId: aCase.id,
                mechanismId,
                principalId: teacher.id,
                institutionId: institutions.school,
                rule: "policy.memorandum.not-signatory",
              },
            })
          }),
      )

      it.effect("lifecycle: open → assessed → active → monitoring → closed → reopened, with history", () =>
        Effect.gen(function* () {
          const { aCase } = yield* opened
          const cases = yield* service
          const step = (command: DistributiveOmit<CaseCommands.Transition, "caseId">) =>
            as(caseManager)(cases.transition({ caseId: aCase.id, ...command }))
          expect((yield* step({ command: "assess" })).status).toBe("assessed")
          expect((yield* step({ command: "activate" })).status).toBe("active")
          expect((yield* step({ command: "monitor" })).status).toBe("monitoring")
          yield* TestClock.adjust("1 day")
          const closed = yield* step({ command: "close" })
          expect(closed.status).toBe("closed")
          expect(closed.closure).toEqual({ closedAt: new Date("2026-03-03T09:00:00Z") })
          // A closed case is read-only…
          expect(
            yield* refusedWithoutWriting(
              as(officer)(
                cases.addMeasure({
                  caseId: aCase.id,
                  kind: "counselling",
                  owner: institutions.police,
                  reviewOn: "2026-04-01",
                }),
              ),
            ),
          ).toMatchObject({ rule: "case.closed.read-only" })
          // …until reopened, with a reason.
          expect(yield* refusedWithoutWriting(step({ command: "reopen" }))).toMatchObject({
            rule: "case.reopen.reason-required",
          })
          const reopened = yield* step({ command: "reopen", reason: "new-incident" })
          expect(reopened.status).toBe("active")
          expect(reopened.closure).toBeUndefined()
          expect(reopened.version).toBe(6)
          const stored = yield* as(officer)(cases.read({ caseId: aCase.id }))
          expect(stored).toEqual(reopened)
          const history = yield* (yield* CaseRepository).transitions(aCase.id)
          expect(history.map((t) => [t.command, t.from, t.to, t.reason ?? null])).toEqual([
            ["assess", "open", "assessed", null],
            ["activate", "assessed", "active", null],
            ["monitor", "active", "monitoring", null],
            ["close", "monitoring", "closed", null],
            ["reopen", "closed", "active", "new-incident"],
          ])
          expect(history.every((t) => t.principalId === caseManager.id)).toBe(true)
        }),
      )

      it.effect("accepted instruments: the ones assessRisk takes, each scoring a full set of answers", () =>
        Effect.gen(function* () {
          const { aCase } = yield* opened
          const cases = yield* service
          const accepted = yield* cases.acceptedInstruments
          expect(accepted.map((instrument) => instrument.id)).toEqual([Dash.id, KosovoPoliceEarlyAssessment.id])
          for (const instrument of accepted) {
            const answers = Object.fromEntries(instrument.questions.map((question) => [question.id, "no" as const]))
            const assessed = yield* as(officer)(
              cases.assessRisk({
                caseId: aCase.id,
                instrument: { id: instrument.id, version: instrument.version },
                answers,
              }),
            )
            expect([assessed.score, assessed.computedLevel]).toEqual([0, "standard"])
          }
        }),
      )

      it.effect("risk: DASH levels, judgement raises never lowers, police early assessment, reassessment date", () =>
        Effect.gen(function* () {
          const { aCase } = yield* opened
          const cases = yield* service
          const assess = (input: Omit<CaseCommands.AssessRisk, "caseId">) =>
            as(officer)(cases.assessRisk({ caseId: aCase.id, ...input }))
          const medium = yield* assess({ instrument: { id: "dash", version: 1 }, answers: dashAnswers(10) })
          expect([medium.score, medium.computedLevel, medium.level, medium.reassessOn]).toEqual([
            10,
            "medium",
            "medium",
            "2026-04-27",
          ])
          expect(
            yield* refusedWithoutWriting(
              assess({
                instrument: { id: "dash", version: 1 },
                answers: dashAnswers(14),
                judgement: { level: "medium", reason: "other-concern" },
              }),
            ),
          ).toMatchObject({ rule: "case.risk.judgement.cannot-lower" })
          const raised = yield* assess({
            instrument: { id: "dash", version: 1 },
            answers: dashAnswers(9),
            judgement: { level: "high", reason: "victim-fears-for-life" },
          })
          expect([raised.computedLevel, raised.level]).toEqual(["standard", "high"])
          const summary = yield* as(nurse)(cases.readSummary({ caseId: aCase.id }))
          expect(summary.riskLevel).toBe("high")
          expect(summary.conferenceReasons).toEqual(["professional-judgement"])
          const police = yield* assess({
            instrument: { id: KosovoPoliceEarlyAssessment.id, version: 1 },
            answers: { "threats-to-kill": "yes", strangulation: "yes" },
          })
          expect([police.score, police.computedLevel]).toEqual([4, "medium"])
          const events = (yield* outbox).filter(
            (e) => e.topic === "case.risk.assessed" && e.payload.caseId === aCase.id,
          )
          expect(events.map((e) => e.payload.level)).toEqual(["medium", "high", "medium"])
          expect(events.at(-1)?.payload.riskLevel).toBe("medium")

          // A police-reported incident makes the police early assessment required
          // before a case can be marked assessed.
          const reported = (yield* opened).aCase
          yield* as(officer)(
            cases.recordIncident({
              caseId: reported.id,
              occurredOn: "2026-03-01",
              municipality: "GJI",
              forms: ["physical"],
              children: "none",
              source: "police-report",
              sourceReference: "KP-GJI/2026/0120",
            }),
          )
          expect(
            yield* refusedWithoutWriting(as(caseManager)(cases.transition({ caseId: reported.id, command: "assess" }))),
          ).toMatchObject({ field: "assessments", rule: "case.risk.assessment-required" })
          yield* as(officer)(
            cases.assessRisk({
              caseId: reported.id,
              instrument: { id: KosovoPoliceEarlyAssessment.id, version: 1 },
              answers: { "previous-reports": "yes" },
            }),
          )
          const assessed = yield* as(caseManager)(cases.transition({ caseId: reported.id, command: "assess" }))
          expect(assessed.status).toBe("assessed")
        }),
      )

      it.effect("protection orders: request, issue, breach raises risk and eligibility, extend, expire", () =>
        Effect.gen(function* () {
          const { aCase } = yield* opened
          const cases = yield* service
          const order = yield* as(officer)(
            cases.recordOrder({
              caseId: aCase.id,
              kind: "emergency-protection-order",
              petitioner: "police",
              requestedAt: "2026-03-02T08:00:00Z",
            }),
          )
          expect(order.status).toBe("requested")
          const event = (input: Omit<CaseCommands.RecordOrderEvent, "caseId" | "orderId">) =>
            as(officer)(cases.recordOrderEvent({ caseId: aCase.id, orderId: order.id, ...input }))
          const issued = yield* event({ event: "issued", at: "2026-03-02T08:30:00Z" })
          expect(issued.status).toBe("issued")
          expect(issued.expiresAt?.toISOString()).toBe("2026-03-17T08:30:00.000Z")
          expect((yield* as(nurse)(cases.readSummary({ caseId: aCase.id }))).ordersInForce).toBe(1)

          yield* TestClock.adjust("2 days")
          yield* event({ event: "breach-recorded", at: "2026-03-03T20:00:00Z", reportedBy: institutions.police })
          const summary = yield* as(nurse)(cases.readSummary({ caseId: aCase.id }))
          expect(summary.riskLevel).toBe("high")
          expect(summary.conferenceReasons).toContain("order-breach")

          const extended = yield* event({
            event: "extended",
            at: "2026-03-14T10:00:00Z",
            until: "2026-04-14T10:00:00Z",
          })
          expect(extended.status).toBe("extended")
          expect(extended.extensions).toEqual([
            { at: new Date("2026-03-14T10:00:00Z"), until: new Date("2026-04-14T10:00:00Z") },
          ])
          expect(yield* refusedWithoutWriting(event({ event: "extended", at: "2026-03-15T10:00:00Z" }))).toMatchObject({
            field: "until",
            rule: "case.input.invalid",
          })
          const expired = yield* event({ event: "expired", at: "2026-04-14T10:00:00Z" })
          expect(expired.status).toBe("expired")
          expect(yield* refusedWithoutWriting(event({ event: "issued", at: "2026-04-15T10:00:00Z" }))).toMatchObject({
            _tag: "InvalidTransition",
            from: "expired",
            command: "issue",
          })

          const stored = (yield* as(officer)(cases.read({ caseId: aCase.id }))).orders[0]
          expect(stored).toEqual(expired)
          expect(stored?.breaches).toEqual([{ at: new Date("2026-03-03T20:00:00Z"), reportedBy: institutions.police }])
          const history = yield* (yield* CaseRepository).orderEvents(order.id)
          expect(history.map((e) => e.event)).toEqual(["requested", "issued", "breach-recorded", "extended", "expired"])
          const topics = (yield* outbox)
            .filter((e) => e.payload.caseId === aCase.id && e.topic.startsWith("case.protection-order."))
            .map((e) => e.topic)
          expect(topics).toEqual([
            "case.protection-order.requested",
            "case.protection-order.issued",
            "case.protection-order.breached",
            "case.protection-order.extended",
            "case.protection-order.expired",
          ])

          // An order the police issue starts issued, its expiry from the profile.
          const police = yield* as(officer)(
            cases.recordOrder({
              caseId: aCase.id,
              kind: "temporary-emergency-protection-order",
              petitioner: "police",
              issuedAt: "2026-03-06T18:00:00Z",
            }),
          )
          expect([police.status, police.expiresAt?.toISOString()]).toEqual(["issued", "2026-03-09T18:00:00.000Z"])
        }),
      )

      it.effect("protection orders: a hearing is scheduled, rescheduled and kept, the status untouched", () =>
        Effect.gen(function* () {
          const { aCase } = yield* opened
          const cases = yield* service
          const order = yield* as(officer)(
            cases.recordOrder({
              caseId: aCase.id,
              kind: "protection-order",
              petitioner: "victim",
              requestedAt: "2026-03-02T08:00:00Z",
            }),
          )
          const event = (input: Omit<CaseCommands.RecordOrderEvent, "caseId" | "orderId">) =>
            as(officer)(cases.recordOrderEvent({ caseId: aCase.id, orderId: order.id, ...input }))
          // A basic court: not on the team, it holds the hearing.
          const court = ulid(90) as Id.InstitutionId
          const scheduled = yield* event({
            event: "hearing-scheduled",
            at: "2026-03-03T10:00:00Z",
            hearingAt: "2026-03-12T08:00:00Z",
          })
          expect(scheduled.status).toBe("requested")
          expect(scheduled.hearings).toEqual([
            { at: new Date("2026-03-12T08:00:00Z"), scheduledAt: new Date("2026-03-03T10:00:00Z") },
          ])
          // The court reschedules: the new hearing is in force, the first kept as history.
          const rescheduled = yield* event({
            event: "hearing-scheduled",
            at: "2026-03-10T09:00:00Z",
            hearingAt: "2026-03-16T09:30:00Z",
            court,
          })
          expect(rescheduled.hearings.map((h) => h.at.toISOString())).toEqual([
            "2026-03-12T08:00:00.000Z",
            "2026-03-16T09:30:00.000Z",
          ])
          expect(rescheduled.hearings[1]?.court).toBe(court)

          // Refused, writing nothing: no hearing date, a hearing before the request, one scheduled before the last.
          expect(
            yield* refusedWithoutWriting(event({ event: "hearing-scheduled", at: "2026-03-10T09:00:00Z" })),
          ).toMatchObject({ field: "hearingAt", rule: "case.input.invalid" })
          expect(
            yield* refusedWithoutWriting(
              event({ event: "hearing-scheduled", at: "2026-03-11T09:00:00Z", hearingAt: "2026-03-01T09:00:00Z" }),
            ),
          ).toMatchObject({ field: "orders.0.hearings.2.at", rule: "case.order.hearing.before-request" })
          expect(
            yield* refusedWithoutWriting(
              event({ event: "hearing-scheduled", at: "2026-03-05T09:00:00Z", hearingAt: "2026-03-20T09:00:00Z" }),
            ),
          ).toMatchObject({ field: "orders.0.hearings.2.scheduledAt", rule: "case.order.hearing.out-of-order" })

          // The order is issued at the hearing; the hearing stays on it.
          const issued = yield* event({ event: "issued", at: "2026-03-16T11:00:00Z" })
          expect(issued.status).toBe("issued")
          expect(issued.hearings).toHaveLength(2)
          const stored = (yield* as(officer)(cases.read({ caseId: aCase.id }))).orders[0]
          expect(stored).toEqual(issued)
          // One order reads for any team member, a summary-access one too; to an outsider the case does not exist.
          expect(yield* as(nurse)(cases.readOrder({ caseId: aCase.id, orderId: order.id }))).toEqual(issued)
          expect(
            yield* Effect.flip(as(stranger)(cases.readOrder({ caseId: aCase.id, orderId: order.id }))),
          ).toMatchObject({ _tag: "NotFound", entity: "Case" })
          expect(yield* Effect.flip(as(nurse)(cases.readOrder({ caseId: aCase.id, orderId: ulid(91) })))).toMatchObject(
            { _tag: "NotFound", entity: "ProtectionOrder" },
          )

          const history = yield* (yield* CaseRepository).orderEvents(order.id)
          expect(history.map((e) => e.event)).toEqual(["requested", "hearing-scheduled", "hearing-scheduled", "issued"])
          expect(history[2]).toMatchObject({
            at: new Date("2026-03-10T09:00:00Z"),
            hearingAt: new Date("2026-03-16T09:30:00Z"),
            court,
          })
          const announced = (yield* outbox).filter(
            (e) => e.payload.caseId === aCase.id && e.topic === "case.protection-order.hearing-scheduled",
          )
          expect(announced.map((e) => e.payload)).toEqual([
            expect.objectContaining({
              orderId: order.id,
              status: "requested",
              hearingAt: "2026-03-12T08:00:00.000Z",
              scheduledAt: "2026-03-03T10:00:00.000Z",
              court: null,
            }),
            expect.objectContaining({ hearingAt: "2026-03-16T09:30:00.000Z", court }),
          ])

          // No hearing on an order that is over.
          yield* event({ event: "expired", at: "2027-03-16T11:00:00Z" })
          expect(
            yield* refusedWithoutWriting(
              event({ event: "hearing-scheduled", at: "2027-03-17T09:00:00Z", hearingAt: "2027-03-20T09:00:00Z" }),
            ),
          ).toMatchObject({ _tag: "InvalidTransition", from: "expired", command: "schedule-hearing" })
        }),
      )

      it.effect("safety plan and team: measures owned by members, team changed by the lead", () =>
        Effect.gen(function* () {
          const { aCase } = yield* opened
          const cases = yield* service
          const measure = yield* as(officer)(
            cases.addMeasure({
              caseId: aCase.id,
              kind: "police-patrols",
              owner: institutions.police,
              reviewOn: "2026-03-16",
            }),
          )
          expect(measure.status).toBe("open")
          expect((yield* as(nurse)(cases.readSummary({ caseId: aCase.id }))).openActions).toBe(1)
          // Overdue, and still updatable.
          yield* TestClock.adjust("30 days")
          const done = yield* as(officer)(
            cases.updateMeasure({ caseId: aCase.id, measureId: measure.id, status: "done" }),
          )
          expect(done).toEqual({ ...measure, status: "done" })
          expect((yield* as(nurse)(cases.readSummary({ caseId: aCase.id }))).openActions).toBe(0)

          // The lead adds the victim advocate, gives health full access, then hands the lead over.
          const team = yield* as(caseManager)(
            cases.changeTeam({
              caseId: aCase.id,
              set: [
                { institution: institutions.victimAdvocate, access: "full" },
                { institution: institutions.health, access: "full" },
              ],
            }),
          )
          expect(team.members.map((m) => [m.institution, m.access])).toEqual([
            [institutions.health, "full"],
            [institutions.police, "full"],
            [institutions.socialWork, "full"],
            [institutions.victimAdvocate, "full"],
          ])
          // The coordinator (not on the team) may not: the policy asks for team membership first.
          expect(
            yield* refusedWithoutWriting(
              as(coordinator)(cases.changeTeam({ caseId: aCase.id, lead: institutions.police })),
            ),
          ).toMatchObject({ rule: "policy.case-team.not-member" })
          const handedOver = yield* as(caseManager)(cases.changeTeam({ caseId: aCase.id, lead: institutions.police }))
          expect(handedOver.lead).toBe(institutions.police)
          const stored = yield* as(advocate)(cases.read({ caseId: aCase.id }))
          expect(stored.team).toEqual(handedOver)
          const events = (yield* outbox).filter((e) => e.payload.caseId === aCase.id)
          expect(events.filter((e) => e.topic === "case.team.changed")).toHaveLength(2)
          expect(events.filter((e) => e.topic.startsWith("case.safety-measure."))).toHaveLength(2)
        }),
      )

      it.effect("summaries for meetings and look-ups by personal number carry no personal data", () =>
        Effect.gen(function* () {
          const { aCase, victim } = yield* consented
          const cases = yield* service
          yield* as(officer)(
            cases.recordIncident({
              caseId: aCase.id,
              occurredOn: "2026-02-27",
              municipality: "GJI",
              forms: ["physical"],
              children: "present",
              source: "police-report",
              sourceReference: "KP-GJI/2026/0098",
            }),
          )
          const summaries = yield* cases.summaries(mechanismId, new Date("2026-03-02T12:00:00Z"))
          const summary = summaries.find((s) => s.id === aCase.id)
          expect(summary).toMatchObject({
            reference: aCase.reference,
            status: "open",
            riskLevel: "standard",
            riskAssessed: false,
            hasChildren: true,
            sectors: ["police", "social-work", "health"],
          })
          expect(plaintexts.filter((value) => JSON.stringify(summaries).includes(value))).toEqual([])

          // Typed with spaces and dashes, found all the same — by the team only, and audited.
          const before = (yield* snapshot).counts.audit_log ?? 0
          const found = yield* as(officer)(
            cases.findPersons({ personalNumber: "123 456-7890", purpose: "case-management" }),
          )
          expect(found).toContainEqual({
            caseId: aCase.id,
            reference: aCase.reference,
            personId: victim.id,
            role: "victim",
          })
          expect((yield* snapshot).counts.audit_log).toBe(before + found.length)
          expect(yield* as(teacher)(cases.findPersons({ personalNumber: "1234567890", purpose: "referral" }))).toEqual(
            [],
          )
          expect(
            yield* refusedWithoutWriting(as(officer)(cases.findPersons({ personalNumber: "1234567890" }))),
          ).toMatchObject({ rule: "audit.purpose.required" })

          // A conference review (her wishes heard, the outcome), then a new incident within the repeat window: a ground again.
          const current = Option.getOrThrow(yield* (yield* CaseRepository).find(aCase.id))
          const review = (at?: string): CaseReviews.RecordReview => ({
            caseId: aCase.id,
            expectedVersion: current.version,
            ...(at === undefined ? {} : { at: new Date(at) }),
            wishesHeard: "in-person",
            wishes: "She wants to stay in the flat with the children.",
            outcomes: ["continue-monitoring"],
          })
          expect(
            yield* refusedWithoutWriting(as(coordinator)(CaseReviews.record(review("2026-03-05T09:00:00Z")))),
          ).toMatchObject({ rule: "policy.case-team.not-member" })
          expect(
            yield* refusedWithoutWriting(as(caseManager)(CaseReviews.record(review("2026-03-05T09:00:00Z")))),
          ).toMatchObject({ field: "at", rule: "case.review.date-out-of-range" })
          yield* as(caseManager)(CaseReviews.record(review()))
          const reviewed = yield* as(caseManager)(cases.readSummary({ caseId: aCase.id }))
          expect(reviewed.lastReviewedAt).toEqual(new Date("2026-03-02T09:00:00Z"))
          yield* TestClock.adjust("7 days")
          yield* as(officer)(
            cases.recordIncident({
              caseId: aCase.id,
              occurredOn: "2026-03-08",
              municipality: "GJI",
              forms: ["psychological"],
              children: "none",
              source: "self-referral",
            }),
          )
          const after = yield* as(caseManager)(cases.readSummary({ caseId: aCase.id }))
          expect(after.conferenceReasons).toEqual(["repeat"])
          expect(after.lastReviewedAt).toEqual(new Date("2026-03-02T09:00:00Z"))
        }),
      )

      it.effect("optimistic concurrency: a stale version changes nothing; the current one succeeds", () =>
        Effect.gen(function* () {
          const { aCase } = yield* opened
          const cases = yield* service
          const incident = {
            caseId: aCase.id,
            occurredOn: "2026-03-01",
            municipality: "GJI",
            forms: ["economic"],
            children: "not-known",
            source: "social-work",
          } as const
          yield* as(officer)(cases.recordIncident({ ...incident, expectedVersion: 1 }))
          const stale = yield* refusedWithoutWriting(
            as(officer)(cases.recordIncident({ ...incident, expectedVersion: 1 })),
          )
          expect(stale).toEqual({
            _tag: "Conflict",
            entity: "Case",
            id: aCase.id,
            rule: "version.stale",
            expectedVersion: 1,
            actualVersion: 2,
          })
          yield* as(officer)(cases.recordIncident({ ...incident, occurredOn: "2026-03-02", expectedVersion: 2 }))
          const stored: Case.Case = yield* as(officer)(cases.read({ caseId: aCase.id }))
          expect([stored.version, stored.incidents.map((i) => i.occurredOn)]).toEqual([3, ["2026-03-01", "2026-03-02"]])
        }),
      )
    })
  })
}
