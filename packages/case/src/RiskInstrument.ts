/**
 * The risk instrument engine. An instrument is data — an id, a version,
 * weighted questions whose texts are catalogue keys, and the score at which
 * each level starts — so a new checklist, or a new version of one, is a value,
 * not code. Scoring is the sum of the weights of the "yes" answers; an answer
 * the person could not or would not give is recorded as `not-known` and scores
 * nothing; a question left without any answer is either refused or listed,
 * as the instrument says.
 */
import { Errors } from "@bashke/kernel"
import { Either, Schema } from "effect"
import type { RiskLevel } from "./RiskLevel"

// The levels have a module of their own (`RiskLevel`), so that a page filtering
// by level does not load the instruments' schemas; re-exported here, as before.
export { higher, levelLabelKey, levels, RiskLevel, rank } from "./RiskLevel"

const Code = Schema.String.pipe(Schema.pattern(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/), Schema.maxLength(60))

/**
 * An instrument's id, kebab-case (`dash`, `xk-police-early`).
 */
export const InstrumentId = Code.pipe(
  Schema.annotations({ identifier: "RiskInstrumentId", message: () => "case.risk.instrument.unknown" }),
)

export type InstrumentId = typeof InstrumentId.Type

/**
 * A question's id within its instrument, kebab-case.
 */
export const QuestionId = Code.pipe(
  Schema.annotations({ identifier: "RiskQuestionId", message: () => "case.risk.answer.unknown-question" }),
)

export type QuestionId = typeof QuestionId.Type

/**
 * A question: its id, the weight of a "yes", and the catalogue key of its text.
 */
export const Question = Schema.Struct({
  id: QuestionId,
  weight: Schema.Number.pipe(Schema.finite(), Schema.positive()),
  text: Schema.NonEmptyTrimmedString,
}).annotations({ identifier: "RiskQuestion" })

export type Question = typeof Question.Type

/**
 * The score at which `medium` and `high` start (`standard` is below `medium`).
 */
export const Thresholds = Schema.Struct({
  medium: Schema.Number.pipe(Schema.finite(), Schema.nonNegative()),
  high: Schema.Number.pipe(Schema.finite(), Schema.nonNegative()),
}).pipe(
  Schema.filter((t) => t.medium < t.high || "case.risk.instrument.thresholds-out-of-order"),
  Schema.annotations({ identifier: "RiskThresholds" }),
)

export type Thresholds = typeof Thresholds.Type

/**
 * What a question without an answer means: `refuse` (the assessment is
 * incomplete and is not recorded) or `list` (it scores nothing and the
 * evaluation lists it, for a form that may be filled in part).
 */
export const Unanswered = Schema.Literal("refuse", "list").annotations({ identifier: "RiskUnanswered" })

export type Unanswered = typeof Unanswered.Type

/**
 * Whether an instrument is in official use or a project draft awaiting the
 * official text.
 */
export const InstrumentStatus = Schema.Literal("official", "draft").annotations({
  identifier: "RiskInstrumentStatus",
})

export type InstrumentStatus = typeof InstrumentStatus.Type

/**
 * An instrument. `title` is a catalogue key; `source` says where the questions
 * and thresholds come from. Question ids are unique.
 */
export const Instrument = Schema.Struct({
  id: InstrumentId,
  version: Schema.Int.pipe(Schema.positive()),
  title: Schema.NonEmptyTrimmedString,
  status: InstrumentStatus,
  source: Schema.NonEmptyTrimmedString,
  questions: Schema.NonEmptyArray(Question),
  thresholds: Thresholds,
  unanswered: Unanswered,
}).pipe(
  Schema.filter(
    (i) =>
      new Set(i.questions.map((q) => q.id)).size === i.questions.length || "case.risk.instrument.duplicate-question",
  ),
  Schema.annotations({ identifier: "RiskInstrument" }),
)

export type Instrument = typeof Instrument.Type

/**
 * An instrument and version as recorded on an assessment.
 */
export const InstrumentRef = Schema.Struct({
  id: InstrumentId,
  version: Schema.Int.pipe(Schema.positive()),
}).annotations({ identifier: "RiskInstrumentRef" })

export type InstrumentRef = typeof InstrumentRef.Type

/**
 * An answer: `yes`, `no`, or `not-known` (asked, but not answerable or declined).
 */
export const Answer = Schema.Literal("yes", "no", "not-known").annotations({
  identifier: "RiskAnswer",
  message: () => ({ message: "case.risk.answer.invalid", override: true }),
})

export type Answer = typeof Answer.Type

/**
 * The answers of one assessment, by question id.
 */
export const Answers = Schema.Record({ key: QuestionId, value: Answer }).annotations({ identifier: "RiskAnswers" })

export type Answers = typeof Answers.Type

/**
 * The outcome of scoring: the score, the highest possible score, the level it
 * reaches, and the questions answered `not-known` or not answered at all.
 */
export interface Evaluation {
  readonly instrument: InstrumentRef
  readonly score: number
  readonly maxScore: number
  readonly level: RiskLevel
  readonly notKnown: ReadonlyArray<QuestionId>
  readonly unanswered: ReadonlyArray<QuestionId>
}

/**
 * The level a score reaches on an instrument.
 */
export const levelOf = (thresholds: Thresholds, score: number): RiskLevel =>
  score >= thresholds.high ? "high" : score >= thresholds.medium ? "medium" : "standard"

/**
 * Scores `answers` on `instrument`. Fails with `InvalidInput` for an answer to a
 * question the instrument does not have (`case.risk.answer.unknown-question`,
 * field `answers.<id>`) and, on an instrument that refuses them, for a question
 * without an answer (`case.risk.answer.missing`).
 */
export const evaluate = (instrument: Instrument, answers: Answers): Either.Either<Evaluation, Errors.InvalidInput> => {
  const known = new Set(instrument.questions.map((q) => q.id))
  const stray = Object.keys(answers).find((id) => !known.has(id))
  if (stray !== undefined)
    return Either.left(
      new Errors.InvalidInput({ field: `answers.${stray}`, rule: "case.risk.answer.unknown-question" }),
    )
  const unanswered = instrument.questions.filter((q) => answers[q.id] === undefined).map((q) => q.id)
  if (instrument.unanswered === "refuse" && unanswered.length > 0)
    return Either.left(new Errors.InvalidInput({ field: `answers.${unanswered[0]}`, rule: "case.risk.answer.missing" }))
  let score = 0
  let maxScore = 0
  for (const question of instrument.questions) {
    maxScore += question.weight
    if (answers[question.id] === "yes") score += question.weight
  }
  return Either.right({
    instrument: { id: instrument.id, version: instrument.version },
    score,
    maxScore,
    level: levelOf(instrument.thresholds, score),
    notKnown: instrument.questions.filter((q) => answers[q.id] === "not-known").map((q) => q.id),
    unanswered,
  })
}

/**
 * The instrument of a reference among `instruments`, if it is one of them.
 */
export const find = (instruments: ReadonlyArray<Instrument>, ref: InstrumentRef): Instrument | undefined =>
  instruments.find((i) => i.id === ref.id && i.version === ref.version)
