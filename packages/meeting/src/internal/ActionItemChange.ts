// What closing and extending an action item share: the item is loaded, the
// owner institution or the coordinator may change it, and the command was
// made against its current version.
import { type Errors, type Id, Instant, Principal } from "@bashke/kernel"
import { OptimisticConcurrency } from "@bashke/persistence"
import { Effect } from "effect"
import type * as ActionItem from "../ActionItem"
import { ActionItemRepository } from "../ActionItemRepository"
import * as MechanismRoster from "../MechanismRoster"
import * as MeetingPolicy from "../MeetingPolicy"

/** @internal A command that changes an item. */
export interface ItemCommand {
  readonly actionItemId: Id.ActionItemId
  readonly expectedVersion: number
}

/** @internal What the `load` step answers. */
export interface Loaded {
  readonly principal: Principal.Principal
  readonly at: Date
  readonly item: ActionItem.ActionItem
  readonly roster: MechanismRoster.Roster
}

/** @internal The `load` step: the item, who acts, and when. */
export const loadItem = (
  command: ItemCommand,
): Effect.Effect<
  Loaded,
  Errors.NotFound,
  ActionItemRepository | MechanismRoster.MechanismRoster | Principal.CurrentPrincipal
> =>
  Effect.gen(function* () {
    const principal = yield* Principal.CurrentPrincipal
    const at = yield* Instant.now
    const item = yield* (yield* ActionItemRepository).find(command.actionItemId)
    return { principal, at, item, roster: yield* MechanismRoster.rosterAt(item.mechanismId, at) }
  })

/** @internal The first part of `decide`: who may change the item, and its version. */
export const mayChange = (
  loaded: Loaded,
  command: ItemCommand,
): Effect.Effect<void, Errors.Forbidden | Errors.Conflict> =>
  Effect.zipRight(
    MeetingPolicy.requireOwnerOrCoordinator(loaded.roster, loaded.principal, loaded.item.owner),
    OptimisticConcurrency.requireVersion("ActionItem", loaded.item.id, command.expectedVersion, loaded.item.version),
  )
