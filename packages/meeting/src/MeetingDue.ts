/**
 * What a mechanism's meetings and action items make due, in the kernel's
 * `Due` words, every duration from the jurisdiction profile:
 *
 * - `meeting.schedule`: a member's request for an ad hoc meeting must be
 *   scheduled by its deadline (`SchedulingDeadline`); once late, the
 *   coordinator and the requesting institution are told;
 * - `meeting.minutes`: a held meeting's minutes must be circulated (drafted
 *   for the members' approval) within `meetings.minutesCirculatedWithin` (3
 *   working days, counted as `SchedulingDeadline.after` counts them); once
 *   late, the coordinator is told;
 * - `meeting.action-item`: an open action item is due on its day; the owner
 *   institution is reminded `meetings.actionItemReminderBefore` ahead, on the
 *   morning of the day, and once it is past (the profile's
 *   `notifications.workdayStartsAt` for the mornings).
 *
 * An action item's due day is in its key, so a new due date makes a new item.
 */
import { Deadline, Due, type Id, JurisdictionProfile } from "@bashke/kernel"
import { Effect } from "effect"
import type { ActionItem } from "./ActionItem"
import { ActionItemRepository } from "./ActionItemRepository"
import type { Meeting } from "./Meeting"
import { MeetingRepository } from "./MeetingRepository"
import * as SchedulingDeadline from "./SchedulingDeadline"

/**
 * The kinds of things meetings make due.
 */
export const kinds = ["meeting.schedule", "meeting.minutes", "meeting.action-item"] as const

export type DueKind = (typeof kinds)[number]

/**
 * What a meeting makes due: its request's scheduling while requested, its
 * minutes while held without a draft.
 */
export const meetingItems = (
  meeting: Pick<Meeting, "id" | "mechanismId" | "status" | "request" | "heldAt">,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<Due.Item> => {
  const subject = { type: "meeting" as const, id: meeting.id }
  if (meeting.status === "requested" && meeting.request !== undefined)
    return [
      {
        key: `meeting.schedule:${meeting.id}`,
        kind: "meeting.schedule",
        mechanism: meeting.mechanismId,
        subject,
        dueAt: meeting.request.deadline,
        responsible: [Due.coordinator],
        reminders: [
          {
            stage: "overdue",
            at: meeting.request.deadline,
            audience: [Due.coordinator, Due.institution(meeting.request.institution)],
          },
        ],
      },
    ]
  if (meeting.status === "held" && meeting.heldAt !== undefined) {
    const due = SchedulingDeadline.after(meeting.heldAt, profile.meetings.minutesCirculatedWithin, profile.timezone)
    return [
      {
        key: `meeting.minutes:${meeting.id}`,
        kind: "meeting.minutes",
        mechanism: meeting.mechanismId,
        subject,
        dueAt: due,
        responsible: [Due.coordinator],
        reminders: [{ stage: "overdue", at: due, audience: [Due.coordinator] }],
      },
    ]
  }
  return []
}

/**
 * What an open action item makes due: reminders ahead, on its day and once
 * past it, to the owner institution. A closed item makes nothing due.
 */
export const actionItemItems = (
  item: Pick<ActionItem, "id" | "mechanismId" | "owner" | "dueDate" | "status" | "link">,
  profile: JurisdictionProfile.JurisdictionProfile,
): ReadonlyArray<Due.Item> => {
  if (item.status !== "open") return []
  const owner = [Due.institution(item.owner)]
  const end = Due.endOf(item.dueDate, profile)
  const ahead = Due.morningOf(Deadline.addToDate(item.dueDate, profile.meetings.actionItemReminderBefore, -1), profile)
  const morning = Due.morningOf(item.dueDate, profile)
  return [
    {
      key: `meeting.action-item:${item.id}:${item.dueDate}`,
      kind: "meeting.action-item",
      mechanism: item.mechanismId,
      ...(item.link?._tag === "case" ? { case: item.link.caseId } : {}),
      subject: { type: "action-item", id: item.id },
      dueAt: end,
      day: item.dueDate,
      responsible: owner,
      reminders: [
        ...(ahead.getTime() < morning.getTime()
          ? [{ stage: "approaching" as const, at: ahead, until: morning, audience: owner }]
          : []),
        { stage: "due", at: morning, until: end, audience: owner },
        { stage: "overdue", at: end, audience: owner },
      ],
    },
  ]
}

/**
 * What a mechanism's meetings and open action items make due, with the
 * profile in effect.
 */
export const forMechanism = (
  mechanism: Id.MechanismId,
): Effect.Effect<ReadonlyArray<Due.Item>, never, MeetingRepository | ActionItemRepository> =>
  Effect.gen(function* () {
    const profile = yield* JurisdictionProfile.CurrentJurisdiction
    const meetings = yield* (yield* MeetingRepository).list(mechanism)
    const items = yield* (yield* ActionItemRepository).open(mechanism)
    return [
      ...meetings.flatMap((meeting) => meetingItems(meeting, profile)),
      ...items.flatMap((item) => actionItemItems(item, profile)),
    ]
  })
