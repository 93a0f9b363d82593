/**
 * The port through which the log of what the survivor was told is stored:
 * entries are only added. What was said crosses the port in the clear; the
 * adapter seals it. Database failures are defects at the adapter's edge;
 * every method joins the caller's transaction.
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect } from "effect"
import type { SurvivorInformed, SurvivorInformedId } from "./SurvivorInformed"

export interface Service {
  readonly insert: (entry: SurvivorInformed) => Effect.Effect<void>
  /** The case's entries by id (oldest recorded first), after `after`, at most `limit`. */
  readonly list: (
    caseId: Id.CaseId,
    page: { readonly limit: number; readonly after?: SurvivorInformedId | undefined },
  ) => Effect.Effect<ReadonlyArray<SurvivorInformed>>
}

export class SurvivorInformedRepository extends Context.Tag("@bashke/case/SurvivorInformedRepository")<
  SurvivorInformedRepository,
  Service
>() {}
