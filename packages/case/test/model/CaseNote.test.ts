// The rules of case notes: who sees a note of each visibility (and the same
// rule in the form the repository's query filters by), and a correction: a
// new version keeping the note's identity and institution, by the note's
// institution only, of the latest version only.
import { Errors, Id } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"
import * as CaseNote from "../../src/CaseNote"
import { institutions } from "./Fixtures"

const institution = fc.constantFrom(...Object.values(institutions))
const reader = fc.option(fc.record({ institution, access: fc.constantFrom("full" as const, "summary" as const) }), {
  nil: undefined,
})
const placed = fc.record({ visibility: Arbitrary.make(CaseNote.Visibility), institution })

const idAt = (n: number): string => Id.ulidAt(1_767_225_600_000 + n, new Uint8Array(10).fill(n))

const note = (overrides: Partial<CaseNote.CaseNote> = {}): CaseNote.CaseNote =>
  CaseNote.write({
    id: idAt(101) as CaseNote.CaseNoteId,
    caseId: idAt(102) as Id.CaseId,
    text: "Home visit: both children at home.",
    visibility: "full-access",
    institution: institutions.socialWork,
    writtenBy: idAt(103) as Id.PrincipalId,
    writtenAt: new Date("2026-03-02T10:00:00Z"),
    ...overrides,
  })

const correction = {
  text: "Home visit: the older child was at school.",
  reason: "The older child was at school, as the school confirmed.",
  by: idAt(104) as Id.PrincipalId,
  institution: institutions.socialWork,
  at: new Date("2026-03-03T09:00:00Z"),
}

describe("CaseNote", () => {
  it("shows a note by its visibility", () => {
    const full = { institution: institutions.police, access: "full" as const }
    const summary = { institution: institutions.health, access: "summary" as const }
    const own = { institution: institutions.socialWork, access: "summary" as const }
    const at = (visibility: CaseNote.Visibility) => ({ visibility, institution: institutions.socialWork })
    expect([full, summary, own, undefined].map((r) => CaseNote.visibleTo(at("team"), r))).toEqual([
      true,
      true,
      true,
      false,
    ])
    expect([full, summary, own, undefined].map((r) => CaseNote.visibleTo(at("full-access"), r))).toEqual([
      true,
      false,
      false,
      false,
    ])
    expect([full, summary, own, undefined].map((r) => CaseNote.visibleTo(at("institution"), r))).toEqual([
      false,
      false,
      true,
      false,
    ])
  })

  it("filters by the same rule the query uses", () => {
    fc.assert(
      fc.property(placed, reader, (placedNote, who) => {
        const expected = CaseNote.visibleTo(placedNote, who)
        const filtered = who === undefined ? false : CaseNote.inScope(placedNote, CaseNote.scopeOf(who))
        expect(filtered).toBe(expected)
      }),
    )
  })

  it("a correction is the next version, keeping the note's id, case and institution", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.option(Arbitrary.make(CaseNote.Visibility), { nil: undefined }),
        (version, visibility) => {
          const current = { ...note(), version }
          const next = Either.getOrThrow(CaseNote.correct(current, version, { ...correction, visibility }))
          expect(next).toMatchObject({
            id: current.id,
            caseId: current.caseId,
            institution: current.institution,
            version: version + 1,
            text: correction.text,
            reason: correction.reason,
            writtenBy: correction.by,
            visibility: visibility ?? current.visibility,
          })
          expect(Schema.is(CaseNote.CaseNote)(next)).toBe(true)
        },
      ),
    )
  })

  it("only the note's institution corrects it, and only its latest version", () => {
    expect(CaseNote.correct(note(), 1, { ...correction, institution: institutions.police })).toEqual(
      Either.left(new Errors.Forbidden({ action: "case.write", rule: "case.note.correct.institution-only" })),
    )
    expect(CaseNote.correct({ ...note(), version: 3 }, 2, correction)).toEqual(
      Either.left(
        new Errors.Conflict({
          entity: "CaseNote",
          id: note().id,
          rule: "version.stale",
          expectedVersion: 2,
          actualVersion: 3,
        }),
      ),
    )
  })

  it("refuses a blank text or reason by rule", () => {
    const text = Schema.decodeUnknownEither(CaseNote.Text)
    const reason = Schema.decodeUnknownEither(CaseNote.CorrectionReason)
    expect(Either.isLeft(text("  "))).toBe(true)
    expect(Either.isLeft(text("x".repeat(CaseNote.maxTextLength + 1)))).toBe(true)
    expect(Either.isRight(text("Called the school."))).toBe(true)
    expect(Either.isLeft(reason(""))).toBe(true)
    expect(Either.isRight(reason("A typo in the date."))).toBe(true)
  })
})
