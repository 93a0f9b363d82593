// The rule of recording incidents one after another, as a plain function:
// each incident is checked (`Incident.validate`) against its case as the
// incidents before it in the series left it (its position, the alleged
// perpetrators), and the case after it is the case before it with the
// incident appended. A bulk import decides its whole page with it; recording
// the same incidents one by one through `recordIncident` decides the same.
import type { CivilDate, Errors, Id } from "@bashke/kernel"
import { Either } from "effect"
import type * as Case from "../Case"
import * as Incident from "../Incident"

/** @internal An incident of the series and the case it goes to. */
export interface Entry {
  readonly caseId: Id.CaseId
  readonly incident: Incident.Incident
}

/** @internal An incident accepted, with its case as it is once the incident is in (what its event describes). */
export interface Accepted {
  readonly incident: Incident.Incident
  readonly after: Case.Case
}

/** @internal The series decided: each incident's acceptance in order, and each touched case at the end. */
export interface Decided {
  readonly accepted: ReadonlyArray<Accepted>
  readonly cases: ReadonlyMap<string, Case.Case>
}

/**
 * @internal Decides `entries` in order over `cases` (every entry's case must
 * be there), each on `today`: the first refusal in the series, or every
 * incident accepted.
 */
export const decide = (
  cases: ReadonlyMap<string, Case.Case>,
  entries: ReadonlyArray<Entry>,
  today: (aCase: Case.Case) => CivilDate.CivilDate,
): Either.Either<Decided, Errors.InvalidInput> => {
  const current = new Map(cases)
  const accepted: Array<Accepted> = []
  for (const { caseId, incident } of entries) {
    const aCase = current.get(caseId) as Case.Case
    const perpetrators = new Set<string>()
    for (const person of aCase.persons) if (person.role === "alleged-perpetrator") perpetrators.add(person.id)
    const checked = Incident.validate(incident, aCase.incidents.length, today(aCase), perpetrators)
    if (Either.isLeft(checked)) return Either.left(checked.left)
    const after: Case.Case = { ...aCase, incidents: [...aCase.incidents, incident] }
    current.set(caseId, after)
    accepted.push({ incident, after })
  }
  const touched = new Map<string, Case.Case>()
  for (const { caseId } of entries) touched.set(caseId, current.get(caseId) as Case.Case)
  return Either.right({ accepted, cases: touched })
}
