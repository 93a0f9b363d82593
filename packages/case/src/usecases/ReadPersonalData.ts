/**
 * A person's identifying details, opened for a stated purpose
 * (`case.personal.read`: `protection` for the alleged perpetrator's, by a
 * sector the profile gives a legal basis; a consented purpose for the
 * victim's or a child's), or in an emergency (`break-glass.read`: a case
 * worker of a full-access team institution, with a reason code and a
 * sentence).
 *
 * A denied read writes nothing (it read nothing); a denied break-glass read
 * is announced on the outbox (`case.break-glass.denied`, ids and the rule
 * only) in its own transaction, so that an alert can follow. The read's one
 * write is its audit entry, appended in a transaction of its own after the
 * fields are open (no transaction holds the connection while WebCrypto
 * works); an allowed break-glass read commits with it a review on the
 * mechanism's list and the alert `case.break-glass.alert`.
 *
 * Fails with `InvalidInput` (`audit.purpose.required`, `case.erased`, the
 * policy's rules), `Forbidden` or `NotFound` (also for a case of another
 * mechanism).
 */
import type { Id } from "@bashke/kernel"
import { Transaction } from "@bashke/persistence"
import type { SqlClient } from "@effect/sql"
import { Effect, Either } from "effect"
import * as BreakGlassReview from "../BreakGlassReview"
import { BreakGlassReviewRepository } from "../BreakGlassReviewRepository"
import { ReadPersonalData } from "../CaseCommands"
import { CaseRepository } from "../CaseRepository"
import * as CaseAuthority from "../internal/CaseAuthority"
import * as CaseUseCase from "../internal/CaseUseCase"
import { allow, emit, loadCaseAccess, type Refusal } from "../internal/Steps"
import type * as Person from "../Person"
import * as PersonalData from "../PersonalData"

/** The details asked for (all by default), opened; the read audited. */
export const readPersonalData: CaseUseCase.Of<typeof ReadPersonalData, Person.PersonalDetails, Refusal> =
  CaseUseCase.read({
    span: "CaseService.readPersonalData",
    command: ReadPersonalData,
    // It decides on the team, consents and persons only, and writes nothing to the case (ADR 0042).
    load: (input) => loadCaseAccess(input.caseId),
    decide: ({ aCase, s }, input) =>
      Effect.gen(function* () {
        const breakGlass =
          input.breakGlassReason !== undefined || input.breakGlassCode !== undefined || input.purpose === "break-glass"
        const request = breakGlass
          ? {
              purpose: "break-glass" as const,
              personId: input.personId,
              breakGlassReason: input.breakGlassReason ?? "",
              breakGlassCode: input.breakGlassCode,
            }
          : { purpose: input.purpose, personId: input.personId }
        const decided = yield* Effect.either(
          allow(s, breakGlass ? "break-glass.read" : "case.personal.read", aCase, request),
        )
        if (Either.isLeft(decided)) {
          // An outsider's attempt is announced too, though it answers as an unknown case.
          if (breakGlass && decided.left._tag !== "InvalidInput")
            yield* Transaction.run(
              emit("case.break-glass.denied", aCase.id, {
                mechanismId: aCase.mechanismId,
                principalId: s.principal.id,
                institutionId: s.principal.institution ?? null,
                rule: decided.left._tag === "Forbidden" ? decided.left.rule : "policy.mechanism.not-member",
              }),
            )
          return yield* Effect.fail(decided.left)
        }
        // Erased: the details no longer open (ADR 0012); the answer says so in words.
        if (aCase.erasedAt !== undefined) return yield* Effect.fail(CaseAuthority.erased)
        return { breakGlass, purpose: request.purpose }
      }),
    write: ({ breakGlass, purpose }, { aCase, s }, input) =>
      Effect.gen(function* () {
        const personal = yield* PersonalData.PersonalData
        const sealed = yield* (yield* CaseRepository).sealedDetails(aCase.id, input.personId)
        const access: PersonalData.Access = {
          principal: s.principal,
          mechanismId: aCase.mechanismId,
          caseId: aCase.id,
          personId: input.personId,
          purpose,
          breakGlassReason: breakGlass ? input.breakGlassReason : undefined,
        }
        if (!breakGlass || input.breakGlassCode === undefined || s.principal.institution === undefined)
          return yield* personal.read(access, sealed, input.fields)
        const review: BreakGlassReview.BreakGlassReview = {
          id: yield* BreakGlassReview.BreakGlassReviewId.generate,
          mechanismId: aCase.mechanismId,
          caseId: aCase.id,
          personId: input.personId,
          principalId: s.principal.id,
          institutionId: s.principal.institution,
          code: input.breakGlassCode,
          reason: (input.breakGlassReason ?? "").trim(),
          readAt: s.at,
        }
        const reviews = yield* BreakGlassReviewRepository
        // The port runs the append in the transaction it is handed: with this use case's own client.
        const store = yield* Effect.context<SqlClient.SqlClient | Id.IdGenerator>()
        return yield* personal.read(access, sealed, input.fields, (append) =>
          Transaction.run(
            Effect.gen(function* () {
              yield* append
              yield* reviews.insert(review)
              yield* emit("case.break-glass.alert", aCase.id, {
                mechanismId: aCase.mechanismId,
                lead: aCase.team.lead,
                reviewId: review.id,
                personId: review.personId,
                principalId: review.principalId,
                institutionId: review.institutionId,
                code: review.code,
              })
            }),
          ).pipe(Effect.provide(store)),
        )
      }),
  })
