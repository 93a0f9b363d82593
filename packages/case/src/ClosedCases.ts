/**
 * The port through which the register of closed cases is read: a mechanism's
 * closed cases matching a filter, by case id, a page at a time. A database
 * failure is a defect. The SQL adapter is `SqlClosedCases`.
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect } from "effect"
import type { ClosedCase, Filter } from "./ClosedCase"

export interface Service {
  /** The mechanism's closed cases matching `filter` (`ClosedCase.matches`), by case id, after `after`, at most `limit`. */
  readonly search: (
    mechanismId: Id.MechanismId,
    filter: Filter,
    page: { readonly limit: number; readonly after?: Id.CaseId | undefined },
  ) => Effect.Effect<ReadonlyArray<ClosedCase>>
}

export class ClosedCases extends Context.Tag("@bashke/case/ClosedCases")<ClosedCases, Service>() {}
