/**
 * The port through which due items and notifications read open cases: what
 * `CaseDue` needs of every open case of a mechanism in a few queries (never
 * the whole aggregate, never a personal detail), the references of cases by
 * id (a reminder about a referral names its case's reference), and one case's
 * lead and team (who is told of a break-glass read).
 */
import type { Id } from "@bashke/kernel"
import { Context, type Effect } from "effect"
import type * as CaseDue from "./CaseDue"
import type { CaseReference } from "./CaseReference"

/**
 * A case's reference, lead and team: what a notification about it names and
 * whom it may tell.
 */
export interface Heading {
  readonly id: Id.CaseId
  readonly mechanism: Id.MechanismId
  readonly reference: CaseReference
  readonly closed: boolean
  readonly lead: Id.InstitutionId
  readonly team: ReadonlyArray<Id.InstitutionId>
}

export interface Service {
  /** The cases of a mechanism that are not closed, as `CaseDue` reads them, by id. */
  readonly forMechanism: (mechanism: Id.MechanismId) => Effect.Effect<ReadonlyArray<CaseDue.OpenCase>>
  /** The headings of the cases with these ids that exist, by id. */
  readonly headings: (ids: ReadonlyArray<Id.CaseId>) => Effect.Effect<ReadonlyMap<Id.CaseId, Heading>>
}

export class OpenCases extends Context.Tag("@bashke/case/OpenCases")<OpenCases, Service>() {}
