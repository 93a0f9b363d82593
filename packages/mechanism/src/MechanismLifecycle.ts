/**
 * A mechanism's status as a state machine: it is **forming** until its
 * memorandum is signed and it has a coordinator, then **active**; it may be
 * **suspended** (and resumed) but never goes back to forming.
 *
 * ```
 * forming ──activate──► active ──suspend──► suspended
 *                          ▲                   │
 *                          └──────resume───────┘
 * ```
 *
 * `activate` and `resume` are guarded: the mechanism must have a coordinator
 * (`mechanism.activation.coordinator-required`) and a memorandum in force that
 * at least one institution has signed (`mechanism.activation.memorandum-unsigned`).
 */
import { Errors } from "@bashke/kernel"
import { Either, Schema } from "effect"

export const Status = Schema.Literal("forming", "active", "suspended").annotations({ identifier: "MechanismStatus" })

export type Status = typeof Status.Type

/**
 * What can be asked of the status.
 */
export const Command = Schema.Literal("activate", "suspend", "resume").annotations({
  identifier: "MechanismCommand",
})

export type Command = typeof Command.Type

/**
 * The transition table: from a status, by a command, to a status. A pair not
 * listed is an `InvalidTransition`.
 */
export const transitions: { readonly [S in Status]: { readonly [C in Command]?: Status } } = {
  forming: { activate: "active" },
  active: { suspend: "suspended" },
  suspended: { resume: "active" },
}

/**
 * What the guards look at, as facts about the mechanism on the day of the command.
 */
export interface Readiness {
  /** A coordinator is appointed and is a current member. */
  readonly hasCoordinator: boolean
  /** A memorandum version is in force and at least one member has signed it. */
  readonly memorandumSigned: boolean
}

/**
 * Why a guarded transition to `active` was refused, or `undefined` when ready.
 */
export const unmetCondition = (readiness: Readiness): string | undefined =>
  !readiness.hasCoordinator
    ? "mechanism.activation.coordinator-required"
    : !readiness.memorandumSigned
      ? "mechanism.activation.memorandum-unsigned"
      : undefined

/**
 * The status after `command`, or why not: `InvalidTransition` for a command the
 * table does not allow from `status`, `Conflict` naming the unmet condition for
 * an entry into `active` that is not ready. `id` only labels the error.
 */
export const transition = (
  id: string,
  status: Status,
  command: Command,
  readiness: Readiness,
): Either.Either<Status, Errors.InvalidTransition | Errors.Conflict> => {
  const next = transitions[status][command]
  if (next === undefined)
    return Either.left(new Errors.InvalidTransition({ entity: "Mechanism", from: status, command }))
  if (next === "active") {
    const rule = unmetCondition(readiness)
    if (rule !== undefined) return Either.left(new Errors.Conflict({ entity: "Mechanism", id, rule }))
  }
  return Either.right(next)
}

/**
 * The commands allowed from `status` by the table (guards aside): what a screen offers.
 */
export const commandsFrom = (status: Status): ReadonlyArray<Command> =>
  Command.literals.filter((command) => transitions[status][command] !== undefined)
