// What recording, confirming and withdrawing a consent share: each tells the
// case lead (`case.consent.lead-notice`, ids only), and confirming and
// withdrawing put the changed consent in place of the one on the case.
import type * as Case from "../Case"
import * as Consent from "../Consent"
import type { Event } from "./CaseChange"
import type { Situation } from "./Steps"

/** @internal The notice to the case lead of a consent recorded, confirmed or withdrawn. */
export const leadNotice = (
  s: Situation,
  aCase: Case.Case,
  consent: Consent.Consent,
  change: "recorded" | "confirmed" | "withdrawn",
): Event => ({
  topic: "case.consent.lead-notice",
  payload: {
    consentId: consent.id,
    lead: aCase.team.lead,
    change,
    awaitingConfirmation: !Consent.counts(consent) && consent.withdrawnAt === undefined,
    principalId: s.principal.id,
    institutionId: s.principal.institution ?? null,
  },
})

/** @internal The case with `consent` in place of the one of its id, and the consent. */
export const replacing = (
  aCase: Case.Case,
  consent: Consent.Consent,
): { readonly updated: Case.Case; readonly consent: Consent.Consent } => ({
  updated: { ...aCase, consents: aCase.consents.map((current) => (current.id === consent.id ? consent : current)) },
  consent,
})
