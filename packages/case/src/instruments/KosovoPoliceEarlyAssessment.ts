/**
 * The Kosovo police early risk assessment, required on every police-reported
 * case (Standard Operating Procedures for Protection from Domestic Violence,
 * 2013: inspections found the form missing in files).
 *
 * **Project draft.** The official form has not been obtained: the questions,
 * weights and thresholds below are the Bashkë project's placeholder, built from
 * the risk factors the SOP names, to be replaced by the official form's content
 * (a new version of this instrument) once the Kosovo Police provides it. The
 * draft's weights and thresholds are unconfirmed settings of the jurisdiction
 * profile (`risk.policeEarlyAssessment`: one point a "yes", two for the acute
 * factors the SOP singles out — weapons, threats to kill, strangulation, a
 * breached order —, medium from 4 points, high from 8); {@link make} also takes
 * another question set and thresholds.
 */
import { JurisdictionProfile } from "@bashke/kernel"
import type * as RiskInstrument from "../RiskInstrument"

/**
 * The instrument's id.
 */
export const id = "xk-police-early"

/**
 * The draft's question ids.
 */
export const questionIds = [
  "previous-reports",
  "injury",
  "weapon-used-or-available",
  "threats-to-kill",
  "strangulation",
  "escalation",
  "children-present",
  "victim-under-18",
  "recent-separation",
  "substance-abuse",
  "order-breached",
  "victim-fears-for-life",
] as const

/**
 * The catalogue key of a draft question's text.
 */
export const textKey = (
  question: (typeof questionIds)[number],
): `case.risk.xk-police-early.${(typeof questionIds)[number]}` => `case.risk.xk-police-early.${question}`

/**
 * The form: the draft with the weights and thresholds of `profile` (default:
 * the default profile, Kosovo), or the given questions and thresholds (a new
 * `version` for each change, so earlier assessments keep their meaning).
 */
export const make = (
  options?: {
    readonly version?: number
    readonly questions?: RiskInstrument.Instrument["questions"]
    readonly thresholds?: RiskInstrument.Thresholds
    readonly status?: RiskInstrument.InstrumentStatus
    readonly source?: string
  },
  profile: JurisdictionProfile.JurisdictionProfile = JurisdictionProfile.defaultProfile,
): RiskInstrument.Instrument => {
  const draft = profile.risk.policeEarlyAssessment
  const [first, ...rest] = questionIds.map((question) => ({
    id: question,
    weight: draft.weights.value[question] ?? 1,
    text: textKey(question),
  }))
  return {
    id,
    version: options?.version ?? 1,
    title: "case.risk.instrument.xk-police-early",
    status: options?.status ?? "draft",
    source: options?.source ?? draft.highAtLeast.source,
    questions: options?.questions ?? [first!, ...rest],
    thresholds: options?.thresholds ?? { medium: draft.mediumAtLeast.value, high: draft.highAtLeast.value },
    unanswered: "list",
  }
}

/**
 * The draft form under the default profile.
 */
export const instrument: RiskInstrument.Instrument = make()
