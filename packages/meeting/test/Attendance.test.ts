import { Errors, type Id, JurisdictionProfile } from "@bashke/kernel"
import { describe, expect, it } from "@effect/vitest"
import { Either, FastCheck as fc, Schema } from "effect"
import * as Attendance from "../src/Attendance"
import { ids, members, present } from "./support/Fixtures"

describe("Attendance.quorum: worked examples", () => {
  it("counts only the present, against the members on the meeting's date", () => {
    const attendance: ReadonlyArray<Attendance.Attendance> = [
      ...present(ids.municipality, ids.police),
      { institution: ids.socialWork, presence: "excused" },
      { institution: ids.shelter, presence: "absent" },
    ]
    expect(Attendance.quorum("more-than-half", members, attendance)).toEqual({
      rule: "more-than-half",
      members: 5,
      present: 2,
      required: 3,
      met: false,
    })
    expect(Attendance.quorum("more-than-half", members, [...attendance, ...present(ids.health)])).toMatchObject({
      present: 3,
      met: true,
    })
  })

  it("ignores attendance of institutions that are not members", () => {
    expect(Attendance.quorum("more-than-half", members, present(ids.outsider, ids.police, ids.health))).toMatchObject({
      present: 2,
      met: false,
    })
  })

  it("applies each rule of the profile", () => {
    expect(Attendance.required("more-than-half", 4)).toBe(3)
    expect(Attendance.required("two-thirds", 6)).toBe(4)
    expect(Attendance.required("two-thirds", 5)).toBe(4)
    expect(Attendance.required("all", 5)).toBe(5)
    expect(Attendance.quorum("all", [], [])).toMatchObject({ members: 0, required: 1, met: false })
  })

  it("refuses attendance of a non-member, naming the entry", () => {
    expect(Attendance.checkMembers(members, present(ids.police, ids.outsider))).toEqual(
      Either.left(
        new Errors.InvalidInput({ field: "attendance.1.institution", rule: "meeting.attendance.unknown-member" }),
      ),
    )
    expect(Either.isRight(Attendance.checkMembers(members, present(ids.police)))).toBe(true)
  })

  it("decodes only consistent entries", () => {
    const decode = Schema.decodeUnknownEither(Attendance.AttendanceList)
    const message = (input: unknown) => Either.match(decode(input), { onLeft: (e) => e.message, onRight: () => "ok" })
    expect(message([{ institution: ids.police, presence: "present" }])).toContain(
      "meeting.attendance.representative-required",
    )
    expect(message([{ institution: ids.police, presence: "absent", representedBy: "deputy" }])).toContain(
      "meeting.attendance.representative-unexpected",
    )
    expect(message([...present(ids.police), { institution: ids.police, presence: "absent" }])).toContain(
      "meeting.attendance.duplicate",
    )
    expect(message(present(ids.police))).toBe("ok")
  })
})

const rules = fc.constantFrom<JurisdictionProfile.Quorum>("more-than-half", "two-thirds", "all")
const institutionIds = fc
  .uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 15 })
  .map((ns) => ns.map((n) => `01JB0000000000000000000${String(n).padStart(3, "0")}` as Id.InstitutionId))
const presence = fc.constantFrom<Attendance.Presence>("present", "excused", "absent")

describe("Attendance.quorum: properties", () => {
  it("met exactly when the present reach the required number, which the rule defines", () => {
    fc.assert(
      fc.property(rules, institutionIds, fc.array(presence, { maxLength: 15 }), (rule, all, marks) => {
        const attendance = all
          .slice(0, marks.length)
          .map((institution, i) =>
            marks[i] === "present"
              ? { institution, presence: "present" as const, representedBy: "representative" as const }
              : { institution, presence: marks[i] as "excused" | "absent" },
          )
        const quorum = Attendance.quorum(rule, all, attendance)
        expect(quorum.present).toBe(attendance.filter((a) => a.presence === "present").length)
        expect(quorum.met).toBe(quorum.present >= quorum.required)
        expect(quorum.met).toBe(JurisdictionProfile.quorumMet(rule, quorum.present, all.length))
        // The required number is the least that meets the rule.
        if (quorum.required <= all.length) {
          expect(JurisdictionProfile.quorumMet(rule, quorum.required, all.length)).toBe(true)
          if (quorum.required > 0)
            expect(JurisdictionProfile.quorumMet(rule, quorum.required - 1, all.length)).toBe(false)
        }
      }),
    )
  })

  it("one more member present never loses a quorum; excused and absent never make one", () => {
    fc.assert(
      fc.property(rules, institutionIds, fc.nat(), (rule, all, k) => {
        if (all.length === 0) return
        const presentCount = k % (all.length + 1)
        const some = present(...all.slice(0, presentCount))
        const more = present(...all.slice(0, Math.min(all.length, presentCount + 1)))
        if (Attendance.quorum(rule, all, some).met) expect(Attendance.quorum(rule, all, more).met).toBe(true)
        const excused = all.map((institution) => ({ institution, presence: "excused" as const }))
        expect(Attendance.quorum(rule, all, excused).met).toBe(false)
      }),
    )
  })
})
