/**
 * A DASH-style risk identification checklist: 24 yes/no questions of equal
 * weight; the number of "yes" answers gives the level. The thresholds (14 or
 * more: high; 10 or more: medium) and the number of questions come from the
 * jurisdiction profile (`risk.dash`), not from this file.
 *
 * The question texts are the project's own short paraphrases of the topics
 * the SafeLives checklist covers, written as catalogue keys
 * (`case.risk.dash.<question>`); they are not SafeLives' wording. Services that
 * use the official checklist show its text from a licensed copy.
 */
import { JurisdictionProfile } from "@bashke/kernel"
import type * as RiskInstrument from "../RiskInstrument"

/**
 * The instrument's id.
 */
export const id = "dash"

/**
 * The question ids, in the checklist's order.
 */
export const questionIds = [
  "injury",
  "frightened",
  "fear-of-further-harm",
  "isolated",
  "depressed-or-suicidal",
  "separation",
  "child-contact-conflict",
  "stalking",
  "pregnancy-or-new-baby",
  "more-often",
  "getting-worse",
  "strangulation",
  "threats-to-kill",
  "weapons",
  "abuser-suicide-threats",
  "jealousy-and-control",
  "sexual-abuse",
  "other-threats",
  "hurt-others",
  "animal-cruelty",
  "financial-problems",
  "substance-or-mental-health",
  "breached-orders",
  "criminal-history",
] as const

/**
 * The catalogue key of a question's text.
 */
export const textKey = (question: (typeof questionIds)[number]): `case.risk.dash.${(typeof questionIds)[number]}` =>
  `case.risk.dash.${question}`

/**
 * The checklist with the thresholds of `profile` (default: the one in effect by
 * default, Kosovo). Every question must be answered (`yes`, `no` or `not-known`).
 */
export const make = (
  profile: JurisdictionProfile.JurisdictionProfile = JurisdictionProfile.defaultProfile,
): RiskInstrument.Instrument => {
  const [first, ...rest] = questionIds.map((question) => ({ id: question, weight: 1, text: textKey(question) }))
  return {
    id,
    version: 1,
    title: "case.risk.instrument.dash",
    status: "official",
    source: `${profile.risk.dash.highAtLeast.source}; question texts paraphrased by the Bashkë project`,
    questions: [first!, ...rest],
    thresholds: { medium: profile.risk.dash.mediumAtLeast.value, high: profile.risk.dash.highAtLeast.value },
    unanswered: "refuse",
  }
}

/**
 * The checklist under the default profile.
 */
export const instrument: RiskInstrument.Instrument = make()
