/**
 * The port through which referrals read what they need of a case: its
 * mechanism, its current risk level, its consents (the service's guards) and
 * its team (`ReferralPolicy`: who sends, who reads). The app wires it to
 * `@bashke/case`'s `CaseService.facts`; tests use {@link layerTest}.
 */
import type { CaseTeam, Consent, RiskInstrument } from "@bashke/case"
import { Errors, type Id } from "@bashke/kernel"
import { Context, Effect, Layer } from "effect"

/**
 * What a referral needs to know of a case.
 */
export interface Facts {
  readonly mechanism: Id.MechanismId
  readonly risk: RiskInstrument.RiskLevel | undefined
  readonly consents: ReadonlyArray<Consent.Consent>
  readonly team: CaseTeam.CaseTeam
}

export interface Service {
  readonly of: (caseId: Id.CaseId) => Effect.Effect<Facts, Errors.NotFound>
}

export class CaseFacts extends Context.Tag("@bashke/referral/CaseFacts")<CaseFacts, Service>() {}

/**
 * Fixed facts by case id, for tests and examples.
 */
export const layerTest = (cases: ReadonlyMap<Id.CaseId, Facts>): Layer.Layer<CaseFacts> =>
  Layer.succeed(CaseFacts, {
    of: (caseId) => {
      const facts = cases.get(caseId)
      return facts === undefined
        ? Effect.fail(new Errors.NotFound({ entity: "Case", id: caseId }))
        : Effect.succeed(facts)
    },
  })
