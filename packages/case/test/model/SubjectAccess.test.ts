// The rules of the subject-access export: which audit entries are hers (about
// her, or about one of her cases as a whole — never about another person of
// it), the reason it needs, and that the data protection officer's scope
// takes in every note.
import { Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, FastCheck as fc, Option } from "effect"
import * as CaseNote from "../../src/CaseNote"
import * as SubjectAccess from "../../src/SubjectAccess"
import * as SubjectAccessExport from "../../src/SubjectAccessExport"
import { institutions } from "./Fixtures"

const idAt = (n: number): string => Id.ulidAt(1_767_225_600_000 + n, new Uint8Array(10).fill(n))
const persons = [1, 2, 3, 4].map((n) => idAt(n) as Id.PersonId)
const cases = [11, 12, 13].map((n) => idAt(n) as Id.CaseId)
const entry = fc.record(
  {
    personId: fc.constantFrom(...persons),
    caseId: fc.constantFrom(...cases),
  },
  { requiredKeys: [] },
)
const subset = <A>(values: ReadonlyArray<A>) => fc.subarray([...values])

describe("SubjectAccessExport.concerns", () => {
  it("an entry about a person is hers exactly when the person is one of hers, whatever its case", () => {
    fc.assert(
      fc.property(entry, subset(persons), subset(cases), (each, hers, herCases) => {
        const concerns = SubjectAccessExport.concerns(each, hers, herCases)
        if (each.personId !== undefined) expect(concerns).toBe(hers.includes(each.personId))
        else if (each.caseId !== undefined) expect(concerns).toBe(herCases.includes(each.caseId))
        else expect(concerns).toBe(false)
      }),
    )
  })

  it("examples: her read, a note read in her case, the perpetrator's read in her case, another case", () => {
    const [her, him] = persons as [Id.PersonId, Id.PersonId]
    const [hers, other] = cases as [Id.CaseId, Id.CaseId]
    expect(SubjectAccessExport.concerns({ caseId: hers, personId: her }, [her], [hers])).toBe(true)
    expect(SubjectAccessExport.concerns({ caseId: hers }, [her], [hers])).toBe(true)
    expect(SubjectAccessExport.concerns({ caseId: hers, personId: him }, [her], [hers])).toBe(false)
    expect(SubjectAccessExport.concerns({ caseId: other }, [her], [hers])).toBe(false)
    expect(SubjectAccessExport.concerns({}, [her], [hers])).toBe(false)
  })
})

describe("SubjectAccess.checkReason", () => {
  it("refuses a missing, blank or too long reason naming the field; takes any other", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2_100 }), (reason) => {
        const refused = SubjectAccess.checkReason(reason)
        const length = reason.trim().length
        if (length === 0)
          expect(refused).toEqual(
            Option.some(expect.objectContaining({ field: "reason", rule: "subject-access.reason.required" })),
          )
        else if (length > SubjectAccess.maxReasonLength)
          expect(refused).toEqual(
            Option.some(expect.objectContaining({ field: "reason", rule: "subject-access.reason.too-long" })),
          )
        else expect(Option.isNone(refused)).toBe(true)
      }),
    )
    expect(Option.getOrThrow(SubjectAccess.checkReason(undefined)).rule).toBe("subject-access.reason.required")
    expect(Option.isNone(SubjectAccess.checkReason("Her request of 1 December, article 15"))).toBe(true)
  })
})

describe("CaseNote.dataProtectionScope", () => {
  it("takes in every note, whatever its visibility and institution", () => {
    const institution = fc.constantFrom(...Object.values(institutions))
    fc.assert(
      fc.property(fc.record({ visibility: Arbitrary.make(CaseNote.Visibility), institution }), (note) => {
        expect(CaseNote.inScope(note, CaseNote.dataProtectionScope)).toBe(true)
      }),
    )
  })
})
