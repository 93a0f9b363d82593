// Compiled against the built package (dist) by `check:package`: every namespace
// member that is both a value and a type must be usable as both, from ESM and CJS.
import { Id, JurisdictionProfile } from "@bashke/kernel"
import {
  ActionItem,
  Agenda,
  Attendance,
  CadenceCompliance,
  CaseSummaries,
  Decision,
  ICalendar,
  type MechanismRoster,
  Meeting,
  type MeetingCommands,
  type MeetingEvents,
  MeetingLifecycle,
  meetingMessages,
  meetingMigrations,
  SchedulingDeadline,
} from "@bashke/meeting"
import { Either, Schema } from "effect"

export const kind: Meeting.Kind = Schema.decodeSync(Meeting.Kind)("regular")
export const status: Meeting.Status = Schema.decodeSync(Meeting.Status)("held")
export const amendmentId: Meeting.AmendmentId = Schema.decodeSync(Meeting.AmendmentId)("01JN0000000000000000000001")
export const attendance: Attendance.Attendance = Schema.decodeSync(Attendance.Attendance)({
  institution: "01JB000000000000000000000B",
  presence: "excused",
})
export const quorum: Attendance.Quorum = Attendance.quorum("all", [], [])
export const summary: CaseSummaries.CaseSummary = Schema.decodeSync(CaseSummaries.CaseSummary)({
  caseId: "01JC0000000000000000000001",
  reference: "GJL-2026-0042",
  riskLevel: "high",
  hasChildren: true,
  sectors: ["police"],
  conferenceReasons: ["high-risk"],
  conferenceConsent: true,
  openedAt: "2026-01-12T10:00:00.000Z",
})
export const item: Agenda.Item = { _tag: "OtherBusiness" }
export const title: string = Agenda.title(item, "sq", JurisdictionProfile.kosovo)
export const due: ActionItem.DueDate = Schema.decodeSync(ActionItem.DueDate)("2026-03-01")
export const decision: Schema.Schema<Decision.Decision, typeof Decision.Decision.Encoded> = Decision.Decision
export const compliance: CadenceCompliance.Compliance = CadenceCompliance.compute({
  year: 2026,
  required: 4,
  meetings: [],
  timeZone: "Europe/Belgrade",
  asOf: new Date(),
})
export const feed: string = ICalendar.feed([], "en")
export const deadline: Date = SchedulingDeadline.deadline(JurisdictionProfile.kosovo, new Date(), "urgent")
export const command: MeetingLifecycle.Command = MeetingLifecycle.Command.Cancel({
  reason: "r",
  by: Id.PrincipalId.make("01JP0000000000000000000001"),
  at: new Date(),
})
export const refused: boolean = Either.isLeft(
  MeetingLifecycle.scheduled({
    id: Id.MeetingId.make("01JG0000000000000000000001"),
    mechanismId: Id.MechanismId.make("01JM0000000000000000000001"),
    kind: "regular",
    schedule: { startsAt: new Date(0), endsAt: new Date(1), place: "Hall" },
    at: new Date(),
  }),
)
export const input: typeof MeetingCommands.RequestAdHoc.Encoded = {
  mechanismId: "01JM0000000000000000000001",
  reason: "r",
  urgency: "urgent",
}
export const topic: MeetingEvents.Topic = "meeting.minutes.approved"
export const roster: MechanismRoster.Roster = {
  mechanismId: Id.MechanismId.make("01JM0000000000000000000001"),
  members: [],
  signatories: [],
}
export const messages = meetingMessages
export const migrations: string = meetingMigrations.package
