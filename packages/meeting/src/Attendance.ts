/**
 * Attendance per member institution (present, excused, absent, and who
 * represented it) and the quorum computed from it.
 *
 * Who represented an institution is recorded as the capacity they came in
 * (its representative, its deputy, or a substitute), not as a name: the
 * mechanism package holds the people, this package holds no personal data.
 */
import { Errors, Id, JurisdictionProfile } from "@bashke/kernel"
import { Either, Schema } from "effect"

/**
 * Only `present` counts towards the quorum.
 */
export const Presence = Schema.Literal("present", "excused", "absent").annotations({ identifier: "Presence" })

export type Presence = typeof Presence.Type

/**
 * In what capacity a person represented the institution.
 */
export const RepresentedBy = Schema.Literal("representative", "deputy", "substitute").annotations({
  identifier: "RepresentedBy",
})

export type RepresentedBy = typeof RepresentedBy.Type

/**
 * One member institution's attendance. A present institution names who
 * represented it (`meeting.attendance.representative-required`); an excused or
 * absent one names nobody (`meeting.attendance.representative-unexpected`).
 */
export const Attendance = Schema.Struct({
  institution: Id.InstitutionId,
  presence: Presence,
  representedBy: Schema.optional(RepresentedBy),
})
  .pipe(
    Schema.filter((a) =>
      a.presence === "present"
        ? a.representedBy !== undefined || {
            path: ["representedBy"],
            message: "meeting.attendance.representative-required",
          }
        : a.representedBy === undefined || {
            path: ["representedBy"],
            message: "meeting.attendance.representative-unexpected",
          },
    ),
  )
  .annotations({ identifier: "Attendance" })

export type Attendance = typeof Attendance.Type

/**
 * A meeting's attendance list: each institution at most once
 * (`meeting.attendance.duplicate`).
 */
export const AttendanceList = Schema.Array(Attendance).pipe(
  Schema.filter((list) => {
    const seen = new Set<string>()
    for (const [index, entry] of list.entries()) {
      if (seen.has(entry.institution)) return { path: [index, "institution"], message: "meeting.attendance.duplicate" }
      seen.add(entry.institution)
    }
    return true
  }),
)

/**
 * Refuses attendance of an institution that is not a member of the mechanism
 * at the meeting's date, naming the first such entry
 * (`attendance.<index>.institution`, rule `meeting.attendance.unknown-member`).
 */
export const checkMembers = (
  members: ReadonlyArray<Id.InstitutionId>,
  attendance: ReadonlyArray<Attendance>,
): Either.Either<ReadonlyArray<Attendance>, Errors.InvalidInput> => {
  const index = attendance.findIndex((entry) => !members.includes(entry.institution))
  return index === -1
    ? Either.right(attendance)
    : Either.left(
        new Errors.InvalidInput({
          field: `attendance.${index}.institution`,
          rule: "meeting.attendance.unknown-member",
        }),
      )
}

/**
 * The quorum of a meeting: how many member institutions there were at its
 * date, how many were present, how many the rule requires, and whether it is met.
 */
export interface Quorum {
  readonly rule: JurisdictionProfile.Quorum
  readonly members: number
  readonly present: number
  readonly required: number
  readonly met: boolean
}

/**
 * The smallest number present that meets `rule` among `members` (0 members: no
 * number does, so `members + 1`).
 */
export const required = (rule: JurisdictionProfile.Quorum, members: number): number => {
  for (let present = 0; present <= members; present++) {
    if (JurisdictionProfile.quorumMet(rule, present, members)) return present
  }
  return members + 1
}

/**
 * The quorum computed from attendance against the member institutions at the
 * meeting's date. Only `present` counts; entries of institutions that are not
 * members do not count at all.
 *
 * @example
 * ```ts
 * // 5 members, "more-than-half": 3 present are needed.
 * quorum("more-than-half", [a, b, c, d, e], [
 *   { institution: a, presence: "present", representedBy: "representative" },
 *   { institution: b, presence: "present", representedBy: "deputy" },
 *   { institution: c, presence: "excused" },
 * ]) // { members: 5, present: 2, required: 3, met: false }
 * ```
 */
export const quorum = (
  rule: JurisdictionProfile.Quorum,
  members: ReadonlyArray<Id.InstitutionId>,
  attendance: ReadonlyArray<Attendance>,
): Quorum => {
  const memberSet = new Set<string>(members)
  const presentSet = new Set<string>(
    attendance
      .filter((entry) => entry.presence === "present" && memberSet.has(entry.institution))
      .map((entry) => entry.institution),
  )
  const present = presentSet.size
  return {
    rule,
    members: memberSet.size,
    present,
    required: required(rule, memberSet.size),
    met: JurisdictionProfile.quorumMet(rule, present, memberSet.size),
  }
}
