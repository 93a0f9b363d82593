/**
 * What a notice about a case is decided on (`@bashke/security`'s
 * `NoticePolicy`): the case's mechanism, its team and the consents that count,
 * in the policy's terms, and the reference a notice names it by. Read from the
 * case store for a caller outside the package (a plugin's `notices:send`),
 * which holds this service, never the repository.
 */
import { Errors, type Id } from "@bashke/kernel"
import type { AccessPolicy } from "@bashke/security"
import { Context, Effect, Layer, Option } from "effect"
import * as Case from "./Case"
import { CaseRepository } from "./CaseRepository"
import * as CaseTeam from "./CaseTeam"
import * as Consent from "./Consent"

export interface Facts {
  readonly caseId: Id.CaseId
  readonly reference: Case.Case["reference"]
  readonly mechanismId: Id.MechanismId
  readonly team: ReadonlyArray<AccessPolicy.TeamMember>
  /** The consents that count (`Case.countedConsents`). */
  readonly consents: ReadonlyArray<AccessPolicy.Consent>
}

export interface Service {
  /** The case's facts; `NotFound` for an unknown case. */
  readonly of: (caseId: Id.CaseId) => Effect.Effect<Facts, Errors.NotFound>
}

export class CaseNoticeFacts extends Context.Tag("@bashke/case/CaseNoticeFacts")<CaseNoticeFacts, Service>() {}

/** The facts over a case store. */
export const layer: Layer.Layer<CaseNoticeFacts, never, CaseRepository> = Layer.effect(
  CaseNoticeFacts,
  Effect.map(CaseRepository, (cases) => ({
    of: (caseId) =>
      Effect.flatMap(
        cases.find(caseId),
        Option.match({
          onNone: () => Effect.fail(new Errors.NotFound({ entity: "Case", id: caseId })),
          onSome: (aCase) =>
            Effect.succeed({
              caseId: aCase.id,
              reference: aCase.reference,
              mechanismId: aCase.mechanismId,
              team: CaseTeam.toPolicyTeam(aCase.team),
              consents: Case.countedConsents(aCase).map(Consent.toPolicyConsent),
            }),
        }),
      ),
  })),
)
