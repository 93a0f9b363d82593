// A bulk import decides its page as one series (`IncidentSeries.decide`): for
// any page over two cases, that is exactly recording the incidents one by one
// — each validated (`Incident.validate`) against its case as the incidents
// before it left it, the first refusal refusing the page, and each case at
// the end its incidents appended in order.
import { Either, FastCheck as fc } from "effect"
import { describe, expect, it } from "vitest"
import type * as Case from "../../src/Case"
import * as Incident from "../../src/Incident"
import * as IncidentSeries from "../../src/internal/IncidentSeries"
import { aCase, ids, incident } from "./Fixtures"

const other = aCase({ id: "01KDXBQJ00000000000000000Z" as Case.Case["id"], incidents: [] })
const cases = new Map<string, Case.Case>([
  [ids.case, aCase()],
  [other.id, other],
])
const today = "2026-03-10"

const entry = fc
  .record({
    second: fc.boolean(),
    day: fc.integer({ min: 1, max: 20 }),
    victimAsPerpetrator: fc.boolean(),
    repeatedForm: fc.boolean(),
  })
  .map(({ second, day, victimAsPerpetrator, repeatedForm }): IncidentSeries.Entry => {
    const base = incident(10, `2026-03-${String(day).padStart(2, "0")}`)
    return {
      caseId: second ? other.id : ids.case,
      incident: {
        ...base,
        forms: repeatedForm ? ["physical", "physical"] : base.forms,
        perpetrators: victimAsPerpetrator ? [ids.victim] : base.perpetrators,
      },
    }
  })

/** The page recorded one incident at a time, as `recordIncident` would. */
const oneByOne = (entries: ReadonlyArray<IncidentSeries.Entry>) => {
  const current = new Map(cases)
  const accepted: Array<Incident.Incident> = []
  for (const { caseId, incident: next } of entries) {
    const aCase = current.get(caseId) as Case.Case
    const perpetrators = new Set<string>(
      aCase.persons.filter((person) => person.role === "alleged-perpetrator").map((person) => person.id),
    )
    const checked = Incident.validate(next, aCase.incidents.length, today as never, perpetrators)
    if (Either.isLeft(checked)) return Either.left(checked.left)
    current.set(caseId, { ...aCase, incidents: [...aCase.incidents, next] })
    accepted.push(next)
  }
  return Either.right({ accepted, current })
}

describe("IncidentSeries", () => {
  it("decides a page as recording each incident in turn does", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const decided = IncidentSeries.decide(cases, entries, () => today as never)
        const expected = oneByOne(entries)
        if (Either.isLeft(expected)) {
          expect(decided).toEqual(Either.left(expected.left))
          return
        }
        if (Either.isLeft(decided)) throw new Error("refused a page recorded one by one")
        expect(decided.right.accepted.map((accepted) => accepted.incident)).toEqual(expected.right.accepted)
        for (const [caseId, aCase] of decided.right.cases) expect(aCase).toEqual(expected.right.current.get(caseId))
        // Each incident's event describes its case once the incident is in, and no later one.
        for (const { incident: recorded, after } of decided.right.accepted)
          expect(after.incidents.at(-1)).toEqual(recorded)
      }),
    )
  })
})
