/**
 * A case's status as a state machine:
 *
 * ```
 * open ──assess──► assessed ──activate──► active ──monitor──► monitoring
 *   │                 │                    ▲  │                 │  │
 *   │                 │                    │  └─────close──┐    │  │
 *   │                 │                    └───activate────┼────┘  │
 *   └─────close───────┴──────close─────────────────────────┼───────┘
 *                                                          ▼
 *   active ◄────────────────reopen (reason)──────────── closed
 * ```
 *
 * Closing is allowed from every open status; closing a case whose current risk
 * is high needs a closure reason (`case.close.high-risk-reason-required`).
 * Reopening needs a reason (`case.reopen.reason-required`) and goes back to
 * `active`: a reopened case is worked, not assessed from scratch.
 */
import { Errors } from "@bashke/kernel"
import { Data, Either, Schema } from "effect"
import type { RiskLevel } from "./RiskInstrument"

export const Status = Schema.Literal("open", "assessed", "active", "monitoring", "closed").annotations({
  identifier: "CaseStatus",
})

export type Status = typeof Status.Type

/**
 * The statuses of a case still being worked: every status but `closed` (closed
 * cases have their own list). The case list filters by one of these.
 */
export const OpenStatus = Status.pipe(Schema.pickLiteral("open", "assessed", "active", "monitoring")).annotations({
  identifier: "OpenCaseStatus",
})

export type OpenStatus = typeof OpenStatus.Type

/**
 * Why a case was closed (labels `case.closure.<reason>`).
 */
export const ClosureReason = Schema.Literal(
  "risk-reduced",
  "goals-met",
  "victim-declined-services",
  "victim-moved-away",
  "transferred",
  "no-contact-possible",
  "perpetrator-no-longer-a-threat",
  "victim-deceased",
  "opened-in-error",
).annotations({
  identifier: "CaseClosureReason",
  message: () => ({ message: "case.closure.reason-unknown", override: true }),
})

export type ClosureReason = typeof ClosureReason.Type

/**
 * Why a case was reopened (labels `case.reopen.<reason>`).
 */
export const ReopenReason = Schema.Literal(
  "new-incident",
  "order-breached",
  "risk-increased",
  "victim-request",
  "institution-request",
).annotations({
  identifier: "CaseReopenReason",
  message: () => ({ message: "case.reopen.reason-unknown", override: true }),
})

export type ReopenReason = typeof ReopenReason.Type

/**
 * The command names, for the transition table and for labels (`case.command.<name>`).
 */
export const CommandName = Schema.Literal("assess", "activate", "monitor", "close", "reopen").annotations({
  identifier: "CaseCommand",
})

export type CommandName = typeof CommandName.Type

/**
 * A command with what it carries.
 */
export type Command = Data.TaggedEnum<{
  assess: {}
  activate: {}
  monitor: {}
  close: { readonly reason?: ClosureReason | undefined }
  reopen: { readonly reason?: ReopenReason | undefined }
}>

/**
 * Constructors of {@link Command}: `Command.close({ reason: "risk-reduced" })`.
 */
export const Command = Data.taggedEnum<Command>()

/**
 * The transition table. A pair not listed is an `InvalidTransition`.
 */
export const transitions: { readonly [S in Status]: { readonly [C in CommandName]?: Status } } = {
  open: { assess: "assessed", close: "closed" },
  assessed: { activate: "active", close: "closed" },
  active: { monitor: "monitoring", close: "closed" },
  monitoring: { activate: "active", close: "closed" },
  closed: { reopen: "active" },
}

/**
 * What the guards look at: the case's current risk level (absent when never assessed).
 */
export interface Facts {
  readonly risk?: RiskLevel | undefined
}

/**
 * The status after `command`, or why not: `InvalidTransition` for a pair the
 * table does not allow; `InvalidInput` for closing a high-risk case without a
 * reason (`case.close.high-risk-reason-required`, field `reason`) or reopening
 * without one (`case.reopen.reason-required`).
 */
export const transition = (
  status: Status,
  command: Command,
  facts: Facts,
): Either.Either<Status, Errors.InvalidTransition | Errors.InvalidInput> => {
  const next = transitions[status][command._tag]
  if (next === undefined)
    return Either.left(new Errors.InvalidTransition({ entity: "Case", from: status, command: command._tag }))
  if (command._tag === "close" && command.reason === undefined && facts.risk === "high")
    return Either.left(new Errors.InvalidInput({ field: "reason", rule: "case.close.high-risk-reason-required" }))
  if (command._tag === "reopen" && command.reason === undefined)
    return Either.left(new Errors.InvalidInput({ field: "reason", rule: "case.reopen.reason-required" }))
  return Either.right(next)
}

/**
 * The commands allowed from `status` by the table (guards aside).
 */
export const commandsFrom = (status: Status): ReadonlyArray<CommandName> =>
  CommandName.literals.filter((command) => transitions[status][command] !== undefined)

/**
 * The catalogue key of a status's label.
 */
export const statusLabelKey = (status: Status): `case.status.${Status}` => `case.status.${status}`
