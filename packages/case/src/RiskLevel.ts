/**
 * A case's risk level, and the order of the levels: its own module, so that a
 * page that only filters by level (the web app's case list) does not load the
 * risk instruments' schemas. `RiskInstrument` re-exports all of it.
 */
import { Schema } from "effect"

/**
 * A risk level, lowest first.
 */
export const RiskLevel = Schema.Literal("standard", "medium", "high").annotations({
  identifier: "RiskLevel",
  message: () => ({ message: "case.risk.level.unknown", override: true }),
})

export type RiskLevel = typeof RiskLevel.Type

/**
 * Every level, lowest first.
 */
export const levels: ReadonlyArray<RiskLevel> = RiskLevel.literals

/**
 * A level's rank: 0 for `standard`, 2 for `high`.
 */
export const rank = (level: RiskLevel): number => levels.indexOf(level)

/**
 * The higher of two levels.
 */
export const higher = (a: RiskLevel, b: RiskLevel): RiskLevel => (rank(a) >= rank(b) ? a : b)

/**
 * The catalogue key of a level's label.
 */
export const levelLabelKey = (level: RiskLevel): `case.risk.level.${RiskLevel}` => `case.risk.level.${level}`
