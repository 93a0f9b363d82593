// The risk instruments the service was built to accept (its `Options`): a
// value of the service, not of the request, so the service provides it to its
// use cases with its other dependencies.
import type { JurisdictionProfile } from "@bashke/kernel"
import { Context } from "effect"
import * as Dash from "../instruments/Dash"
import * as KosovoPoliceEarlyAssessment from "../instruments/KosovoPoliceEarlyAssessment"
import type * as RiskInstrument from "../RiskInstrument"

/** @internal The instruments accepted under a profile, the default first. */
export type AcceptedUnder = (
  profile: JurisdictionProfile.JurisdictionProfile,
) => ReadonlyArray<RiskInstrument.Instrument>

/** @internal */
export class Instruments extends Context.Tag("@bashke/case/internal/Instruments")<Instruments, AcceptedUnder>() {}

/** @internal The DASH checklist with the profile's thresholds, and the Kosovo police early assessment. */
export const defaults: AcceptedUnder = (profile) => [
  Dash.make(profile),
  KosovoPoliceEarlyAssessment.make(undefined, profile),
]
