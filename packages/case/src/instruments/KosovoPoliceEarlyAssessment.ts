/**
 * The Kosovo police early risk assessment, required on every police-reported
 * case (Standard Operating Procedures for Protection from Domestic Violence,
 * 2013: inspections found the form missing in files).
 *
 * **Project draft.** The official form has not been obtained: the questions,
 * weights and thresholds below are the Bashkë project's placeholder, built from
 * the risk factors the SOP names, to be replaced by the official form's content
 * (a new version of this instrument) once the Kosovo Police provides it. They
 * are configurable: {@link make} takes another question set and thresholds.
 *
 * @since 0.1.0
 */
import type * as RiskInstrument from "../RiskInstrument"

/**
 * The instrument's id.
 *
 * @since 0.1.0
 */
export const id = "xk-police-early"

/**
 * The draft's question ids.
 *
 * @since 0.1.0
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
 *
 * @since 0.1.0
 */
export const textKey = (
  question: (typeof questionIds)[number],
): `case.risk.xk-police-early.${(typeof questionIds)[number]}` => `case.risk.xk-police-early.${question}`

/**
 * The draft's settings: one point a "yes" (two for the factors the SOP singles
 * out as acute: weapons, threats to kill, strangulation, a breached order);
 * medium from 4 points, high from 8. Project defaults, not official numbers.
 *
 * @since 0.1.0
 */
export const draftSettings = {
  weights: {
    "weapon-used-or-available": 2,
    "threats-to-kill": 2,
    strangulation: 2,
    "order-breached": 2,
  } as Readonly<Partial<Record<(typeof questionIds)[number], number>>>,
  thresholds: { medium: 4, high: 8 },
  source: "Bashkë project draft from the risk factors of the 2013 SOP, pending the official Kosovo Police form",
} as const

/**
 * The form: the draft by default, or the given questions and thresholds (a
 * new `version` for each change, so earlier assessments keep their meaning).
 *
 * @since 0.1.0
 */
export const make = (options?: {
  readonly version?: number
  readonly questions?: RiskInstrument.Instrument["questions"]
  readonly thresholds?: RiskInstrument.Thresholds
  readonly status?: RiskInstrument.InstrumentStatus
  readonly source?: string
}): RiskInstrument.Instrument => {
  const [first, ...rest] = questionIds.map((question) => ({
    id: question,
    weight: draftSettings.weights[question] ?? 1,
    text: textKey(question),
  }))
  return {
    id,
    version: options?.version ?? 1,
    title: "case.risk.instrument.xk-police-early",
    status: options?.status ?? "draft",
    source: options?.source ?? draftSettings.source,
    questions: options?.questions ?? [first!, ...rest],
    thresholds: options?.thresholds ?? draftSettings.thresholds,
    unanswered: "list",
  }
}

/**
 * The draft form.
 *
 * @since 0.1.0
 */
export const instrument: RiskInstrument.Instrument = make()
