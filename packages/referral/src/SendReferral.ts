/**
 * A case worker sends a referral: the guards (`ReferralGuards`: consent or a
 * recorded override, the service open and taking referrals, no open referral
 * to the same service) run against the case's facts and the directory; the
 * urgency follows the case's risk level. The referral, its outbox event
 * (`referral.referral.sent`) and, for a consent override, a break-glass audit
 * entry with the ground and the reason code are written in one transaction; a
 * refusal writes nothing.
 *
 * Fails with `InvalidInput` naming the field, `Forbidden`
 * (`referral.actor.no-institution`), `NotFound` (case or service) or
 * `Conflict` (the guards' rules).
 */
import { type Errors, Id, Instant, type Principal } from "@bashke/kernel"
import { OptimisticConcurrency } from "@bashke/persistence"
import { AuditLog } from "@bashke/security"
import type { SqlClient } from "@effect/sql"
import { Context, Effect, Schema } from "effect"
import { CaseFacts } from "./CaseFacts"
import * as Directory from "./Directory"
import { actorOf } from "./internal/Actor"
import { emit } from "./internal/Events"
import { useCase } from "./internal/Input"
import * as Referral from "./Referral"
import { topics } from "./ReferralEvents"
import * as ReferralGuards from "./ReferralGuards"
import { ReferralRepository } from "./ReferralRepository"

/**
 * The input of `send`.
 */
export const SendInput = Schema.Struct({
  case: Id.CaseId,
  service: Id.ServiceId,
  reason: Referral.Code,
  basis: Referral.Basis,
})

export type SendInput = typeof SendInput.Encoded

/**
 * The override policy in force: the kernel's profile does not carry one yet, so
 * the app provides it (default: no override).
 */
export class CurrentOverridePolicy extends Context.Reference<CurrentOverridePolicy>()(
  "@bashke/referral/CurrentOverridePolicy",
  { defaultValue: (): ReferralGuards.OverridePolicy => ReferralGuards.noOverrides },
) {}

/**
 * What sending needs.
 */
export type Requirements =
  | ReferralRepository
  | CaseFacts
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator
  | Principal.CurrentPrincipal

const pipeline = useCase({
  span: "ReferralService.send",
  command: SendInput,
  load: (draft) =>
    Effect.gen(function* () {
      const actor = yield* actorOf("referral.send")
      const repo = yield* ReferralRepository
      return {
        actor,
        at: yield* Instant.now,
        facts: yield* (yield* CaseFacts).of(draft.case),
        directory: yield* repo.directory,
        referrals: yield* repo.forCase(draft.case),
        overrides: yield* CurrentOverridePolicy,
      }
    }),
  decide: ({ at, facts, directory, referrals, overrides }, draft) =>
    ReferralGuards.check(
      { case: draft.case, service: draft.service, basis: draft.basis, at },
      { directory, consents: facts.consents, sectorOf: Directory.sectorOf(directory), referrals, overrides },
    ),
  write: (service, { actor, at, facts }, draft) =>
    Effect.gen(function* () {
      const referral: Referral.Referral = {
        id: yield* Id.ReferralId.generate,
        mechanism: facts.mechanism,
        case: draft.case,
        from: actor.institution,
        to: service.institution,
        service: service.id,
        reason: draft.reason,
        urgency: Referral.urgencyOf(facts.risk),
        basis: draft.basis,
        status: "sent",
        history: [{ status: "sent", at, actor }],
        version: OptimisticConcurrency.initialVersion,
      }
      yield* (yield* ReferralRepository).insert(referral)
      if (draft.basis._tag === "Override")
        yield* (yield* AuditLog.AuditLog)
          .append({
            principalId: actor.principal,
            institutionId: actor.institution,
            mechanismId: facts.mechanism,
            caseId: draft.case,
            action: "write",
            purpose: "referral",
            reason: `referral override: ${draft.basis.override.ground} (${draft.basis.override.reason})`,
            breakGlass: true,
          })
          .pipe(Effect.orDie)
      yield* emit(topics.sent, "Referral", referral.id, {
        referral: referral.id,
        mechanism: referral.mechanism,
        case: referral.case,
        from: referral.from,
        to: referral.to,
        service: referral.service,
        urgency: referral.urgency,
        override: draft.basis._tag === "Override",
      })
      return referral
    }),
})

/**
 * Sends the referral and answers it (status `sent`, version 1).
 */
export const send: (
  input: SendInput,
) => Effect.Effect<
  Referral.Referral,
  Errors.InvalidInput | Errors.NotFound | Errors.Conflict | Errors.Forbidden | Errors.InvalidTransition,
  Requirements
> = pipeline
