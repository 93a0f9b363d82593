/**
 * What another package decides on about a case (a referral's guards and
 * policy): its mechanism, its current risk level, its consents and its team.
 * No identifying detail is part of it, so no principal is asked: the caller
 * applies its own policy to the facts. Reads only.
 */
import { Errors, type Id, Span } from "@bashke/kernel"
import { Effect, Option } from "effect"
import * as Case from "../Case"
import { CaseRepository } from "../CaseRepository"
import type * as CaseTeam from "../CaseTeam"
import type * as Consent from "../Consent"
import type * as RiskInstrument from "../RiskInstrument"

export interface Facts {
  readonly mechanismId: Id.MechanismId
  /** The current risk level (`Case.currentRisk`), none before the first assessment. */
  readonly risk: RiskInstrument.RiskLevel | undefined
  /** Every consent recorded, withdrawn ones included: the caller's rules weigh them. */
  readonly consents: ReadonlyArray<Consent.Consent>
  readonly team: CaseTeam.CaseTeam
}

/** The case's facts; `NotFound` for an unknown case. */
export const facts = (caseId: Id.CaseId): Effect.Effect<Facts, Errors.NotFound, CaseRepository> =>
  Effect.flatMap(CaseRepository, (repository) => repository.find(caseId)).pipe(
    Effect.flatMap(
      Option.match({
        onNone: () => Effect.fail(new Errors.NotFound({ entity: "Case", id: caseId })),
        onSome: (aCase) =>
          Effect.succeed({
            mechanismId: aCase.mechanismId,
            risk: Case.currentRisk(aCase),
            consents: aCase.consents,
            team: aCase.team,
          }),
      }),
    ),
    Span.untraced("CaseService.facts"),
  )
