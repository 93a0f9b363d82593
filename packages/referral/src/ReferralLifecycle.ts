/**
 * The referral's lifecycle as data: sent → acknowledged → accepted | declined →
 * in service → completed; cancelled or revoked from any open state. A decline,
 * a cancellation and a revocation need a reason code, a completion an outcome
 * code. The receiver may accept or decline straight from `sent` (acknowledging
 * is implied by deciding), because a shelter that takes a survivor in at once
 * should not have to click twice.
 */
import { Errors } from "@bashke/kernel"
import { Either, Schema } from "effect"
import { type Actor, Code, type Referral, type Status } from "./Referral"

/**
 * A command on a referral.
 */
export const Command = Schema.Union(
  Schema.TaggedStruct("Acknowledge", {}),
  Schema.TaggedStruct("Accept", {}),
  Schema.TaggedStruct("Decline", { reason: Schema.optional(Code) }),
  Schema.TaggedStruct("StartService", {}),
  Schema.TaggedStruct("Complete", { outcome: Schema.optional(Code) }),
  Schema.TaggedStruct("Cancel", { reason: Schema.optional(Code) }),
  Schema.TaggedStruct("Revoke", { reason: Schema.optional(Code) }),
).annotations({ identifier: "ReferralCommand" })

export type Command = typeof Command.Type

/**
 * A command as a caller passes it (`{ _tag: "Decline", reason: "no-capacity" }`):
 * a tag the machine does not know is a compile error.
 */
export type CommandInput = typeof Command.Encoded

/**
 * A command's tag.
 */
export type CommandTag = Command["_tag"]

const open: ReadonlyArray<Status> = ["sent", "acknowledged", "accepted", "in-service"]

/**
 * The state machine: for each command, the states it may leave and the state
 * it enters.
 */
export const machine: Readonly<Record<CommandTag, { readonly from: ReadonlyArray<Status>; readonly to: Status }>> = {
  Acknowledge: { from: ["sent"], to: "acknowledged" },
  Accept: { from: ["sent", "acknowledged"], to: "accepted" },
  Decline: { from: ["sent", "acknowledged"], to: "declined" },
  StartService: { from: ["accepted"], to: "in-service" },
  Complete: { from: ["in-service"], to: "completed" },
  Cancel: { from: open, to: "cancelled" },
  Revoke: { from: open, to: "revoked" },
}

/**
 * Which commands require a code, and the rule a missing one breaks.
 */
export const requiredCode: Readonly<Partial<Record<CommandTag, string>>> = {
  Decline: "referral.decline.reason-required",
  Complete: "referral.complete.outcome-required",
  Cancel: "referral.cancel.reason-required",
  Revoke: "referral.revoke.reason-required",
}

const codeOf = (command: Command): string | undefined => {
  switch (command._tag) {
    case "Decline":
    case "Cancel":
    case "Revoke":
      return command.reason
    case "Complete":
      return command.outcome
    default:
      return undefined
  }
}

/**
 * Whether the command is allowed from the status.
 */
export const allowed = (status: Status, command: CommandTag): boolean => machine[command].from.includes(status)

/**
 * The referral after `command` by `actor` at `at`: the new status, one more
 * step, the version bumped. A command out of order is an `InvalidTransition`; a
 * missing reason or outcome an `InvalidInput` naming its rule; a time before the
 * last step `referral.transition.before-previous`.
 */
export const transition = (
  referral: Referral,
  command: Command,
  actor: Actor,
  at: Date,
): Either.Either<Referral, Errors.InvalidTransition | Errors.InvalidInput> => {
  if (!allowed(referral.status, command._tag))
    return Either.left(
      new Errors.InvalidTransition({ entity: "Referral", from: referral.status, command: command._tag }),
    )
  const code = codeOf(command)
  const rule = requiredCode[command._tag]
  if (rule !== undefined && code === undefined)
    return Either.left(new Errors.InvalidInput({ field: command._tag === "Complete" ? "outcome" : "reason", rule }))
  const last = referral.history[referral.history.length - 1] ?? referral.history[0]
  if (at.getTime() < last.at.getTime())
    return Either.left(new Errors.InvalidInput({ field: "at", rule: "referral.transition.before-previous" }))
  const to = machine[command._tag].to
  return Either.right({
    ...referral,
    status: to,
    history: [...referral.history, { status: to, at, actor, ...(code === undefined ? {} : { code }) }],
    version: referral.version + 1,
  })
}

const commandCodes: Readonly<Record<CommandTag, string>> = {
  Acknowledge: "acknowledge",
  Accept: "accept",
  Decline: "decline",
  StartService: "start-service",
  Complete: "complete",
  Cancel: "cancel",
  Revoke: "revoke",
}

/**
 * The catalogue key of a command's label (`referral.command.start-service`).
 */
export const commandLabelKey = (command: CommandTag): string => `referral.command.${commandCodes[command]}`
