// What the survivor was told: about the victim or a child of the case only,
// between the case's opening and the moment it is recorded.
import { Errors, Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc } from "effect"
import * as SurvivorInformed from "../../src/SurvivorInformed"
import { institutions } from "./Fixtures"

const idAt = (n: number): string => Id.ulidAt(1_767_225_600_000 + n, new Uint8Array(10).fill(n))
const openedAt = new Date("2026-02-01T08:00:00Z")
const recordedAt = new Date("2026-03-01T08:00:00Z")
const persons = [
  { id: idAt(1) as Id.PersonId, role: "victim" as const },
  { id: idAt(2) as Id.PersonId, role: "child" as const },
  { id: idAt(3) as Id.PersonId, role: "alleged-perpetrator" as const },
]
const told = (personId: Id.PersonId, toldAt: Date): SurvivorInformed.SurvivorInformed => ({
  id: idAt(10) as SurvivorInformed.SurvivorInformedId,
  caseId: idAt(11) as Id.CaseId,
  personId,
  topics: ["rights"],
  said: "Explained her rights.",
  language: "sq",
  toldAt,
  toldBy: idAt(12) as Id.PrincipalId,
  institution: institutions.socialWork,
  recordedAt,
})

describe("SurvivorInformed", () => {
  it("is about the victim or a child, told between the opening and the recording", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...persons),
        fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2027-01-01T00:00:00Z"), noInvalidDate: true }),
        (person, toldAt) => {
          const result = SurvivorInformed.validate(told(person.id, toldAt), { openedAt, persons })
          const inRange = toldAt >= openedAt && toldAt <= recordedAt
          if (person.role === "alleged-perpetrator")
            expect(result).toEqual(
              Either.left(new Errors.InvalidInput({ field: "personId", rule: "case.told.person-not-survivor" })),
            )
          else if (!inRange)
            expect(result).toEqual(
              Either.left(new Errors.InvalidInput({ field: "toldAt", rule: "case.told.date-out-of-range" })),
            )
          else expect(Either.isRight(result)).toBe(true)
        },
      ),
    )
  })

  it("refuses a person who is not in the case", () => {
    const stranger = idAt(99) as Id.PersonId
    expect(Either.isLeft(SurvivorInformed.validate(told(stranger, recordedAt), { openedAt, persons }))).toBe(true)
  })
})
