/**
 * The meeting use cases, as Effects: decode the input, check the policy, run
 * the lifecycle's rules, then write the meeting, its outbox event (and, for
 * minutes, the audit entry) in one transaction. A refused command writes
 * nothing.
 *
 * Each command is a file run through the one pipeline (`UseCase`; the
 * lifecycle commands share `internal/MeetingChange`): `RequestAdHocMeeting`,
 * `ScheduleMeeting`, `ScheduleRequested`, `RescheduleMeeting`, `HoldMeeting`,
 * `RecordAttendance`, `DraftMinutes`, `ApproveMinutes`, `AmendMinutes`,
 * `CancelMeeting`, `RecordDecision`; the reads are `MeetingReads`. This
 * module gathers them under the names callers know, and assembles them, with
 * the action items' use cases (`ActionItemService`, `CaseActionItems`) and the
 * reads for other packages (`MeetingHistory`, `ActivityItems`), into the
 * package's service ({@link MeetingService}): its repositories are provided
 * inside its layer, so an application (the gateway) holds the service, never
 * a repository, and the principal stays the caller's.
 *
 * Each use case needs the repositories, the mechanism roster, the `SqlClient`,
 * an id generator and the current principal; minutes also need the audit log,
 * and the agenda the case summaries. Legal numbers come from
 * `CurrentJurisdiction`.
 */
import { Id } from "@bashke/kernel"
import { UseCase } from "@bashke/persistence"
import { AuditLog, type Vault } from "@bashke/security"
import { SqlClient } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import { ActionItemRepository } from "./ActionItemRepository"
import * as ActionItems from "./ActionItemService"
import * as ActivityItems from "./ActivityItems"
import { amendMinutes } from "./AmendMinutes"
import { approveMinutes } from "./ApproveMinutes"
import { cancel } from "./CancelMeeting"
import { CaseAccess } from "./CaseAccess"
import * as CaseActionItems from "./CaseActionItems"
import { CaseSummaries } from "./CaseSummaries"
import { draftMinutes } from "./DraftMinutes"
import * as EditAgenda from "./EditAgenda"
import { hold } from "./HoldMeeting"
import { MechanismRoster } from "./MechanismRoster"
import * as MeetingHistory from "./MeetingHistory"
import * as MeetingMechanisms from "./MeetingMechanisms"
import * as MeetingReads from "./MeetingReads"
import { MeetingRepository } from "./MeetingRepository"
import { OverdueReferrals } from "./OverdueReferrals"
import { recordAttendance } from "./RecordAttendance"
import { recordDecision } from "./RecordDecision"
import { requestAdHoc } from "./RequestAdHocMeeting"
import { reschedule } from "./RescheduleMeeting"
import { schedule } from "./ScheduleMeeting"
import { scheduleRequested } from "./ScheduleRequested"
import * as SqlActionItemRepository from "./SqlActionItemRepository"
import * as SqlMeetingRepository from "./SqlMeetingRepository"

export { amendMinutes } from "./AmendMinutes"
export { approveMinutes } from "./ApproveMinutes"
export { cancel } from "./CancelMeeting"
export { draftMinutes } from "./DraftMinutes"
export { hold } from "./HoldMeeting"
export type { Requirements } from "./internal/MeetingChange"
export {
  agenda,
  calendar,
  compliance,
  decisionKey,
  decisionPage,
  decisions,
  find,
  list,
  type MeetingPageQuery,
  meetingKey,
  minutes,
  overdueRequestPage,
  overdueRequests,
  page,
} from "./MeetingReads"
export { recordAttendance } from "./RecordAttendance"
export { recordDecision } from "./RecordDecision"
export { requestAdHoc } from "./RequestAdHocMeeting"
export { reschedule } from "./RescheduleMeeting"
export { schedule } from "./ScheduleMeeting"
export { scheduleRequested } from "./ScheduleRequested"

/** The use cases of each group, as their modules export them. */
type Groups = {
  /** A mechanism's meetings: the lifecycle, the agenda's edits, decisions and the reads. */
  readonly meetings: {
    readonly requestAdHoc: typeof requestAdHoc
    readonly schedule: typeof schedule
    readonly scheduleRequested: typeof scheduleRequested
    readonly reschedule: typeof reschedule
    readonly hold: typeof hold
    readonly recordAttendance: typeof recordAttendance
    readonly draftMinutes: typeof draftMinutes
    readonly approveMinutes: typeof approveMinutes
    readonly amendMinutes: typeof amendMinutes
    readonly cancel: typeof cancel
    readonly recordDecision: typeof recordDecision
    readonly editAgenda: typeof EditAgenda.edit
    readonly find: typeof MeetingReads.find
    readonly minutes: typeof MeetingReads.minutes
    readonly decisions: typeof MeetingReads.decisions
    readonly decisionPage: typeof MeetingReads.decisionPage
    readonly agenda: typeof MeetingReads.agenda
    readonly list: typeof MeetingReads.list
    readonly page: typeof MeetingReads.page
    readonly overdueRequests: typeof MeetingReads.overdueRequests
    readonly overdueRequestPage: typeof MeetingReads.overdueRequestPage
    readonly calendar: typeof MeetingReads.calendar
    readonly compliance: typeof MeetingReads.compliance
    /** The meeting's mechanism, none for an unknown meeting: for the caller's own reach, before any read. */
    readonly mechanismOf: typeof MeetingMechanisms.ofMeeting
  }
  /** The action items decided at meetings. */
  readonly actionItems: {
    readonly add: typeof ActionItems.add
    readonly close: typeof ActionItems.close
    readonly extend: typeof ActionItems.extend
    readonly extensions: typeof ActionItems.extensions
    readonly open: typeof ActionItems.open
    readonly openPage: typeof ActionItems.openPage
    readonly byMeeting: typeof ActionItems.byMeeting
    readonly meetingPage: typeof ActionItems.meetingPage
    /** A case's items with the history of their due dates (`CaseActionItems.list`). */
    readonly ofCase: typeof CaseActionItems.list
    /** The item's mechanism (`NotFound` for an unknown item): for the caller's own reach, before any read. */
    readonly mechanismOf: typeof MeetingMechanisms.ofActionItem
  }
  /**
   * Reads for counts outside the package, without a principal: ids, dates and
   * statuses only (`MeetingHistory`, `ActivityItems`).
   */
  readonly history: {
    readonly schedules: typeof MeetingHistory.schedules
    readonly caseDecisions: typeof MeetingHistory.caseDecisions
    readonly activityItems: typeof ActivityItems.byActivities
  }
}

/** What the service keeps of the context it is built in: all its use cases need but the caller's principal. */
export type ServiceRequirements =
  | MeetingRepository
  | ActionItemRepository
  | MechanismRoster
  | CaseSummaries
  | CaseAccess
  | OverdueReferrals
  | AuditLog.AuditLog
  | SqlClient.SqlClient
  | Id.IdGenerator

/** Each group's use cases, asking their caller only for the principal. */
export type Service = { readonly [Group in keyof Groups]: UseCase.Provided<Groups[Group], ServiceRequirements> }

export class MeetingService extends Context.Tag("@bashke/meeting/MeetingService")<MeetingService, Service>() {}

/** The service over the repositories and ports of its context. */
export const layer: Layer.Layer<MeetingService, never, ServiceRequirements> = Layer.effect(
  MeetingService,
  Effect.map(
    UseCase.services(
      MeetingRepository,
      ActionItemRepository,
      MechanismRoster,
      CaseSummaries,
      CaseAccess,
      OverdueReferrals,
      AuditLog.AuditLog,
      SqlClient.SqlClient,
      Id.IdGenerator,
    ),
    (context): Service => ({
      meetings: UseCase.provideAll(context, {
        requestAdHoc,
        schedule,
        scheduleRequested,
        reschedule,
        hold,
        recordAttendance,
        draftMinutes,
        approveMinutes,
        amendMinutes,
        cancel,
        recordDecision,
        editAgenda: EditAgenda.edit,
        find: MeetingReads.find,
        minutes: MeetingReads.minutes,
        decisions: MeetingReads.decisions,
        decisionPage: MeetingReads.decisionPage,
        agenda: MeetingReads.agenda,
        list: MeetingReads.list,
        page: MeetingReads.page,
        overdueRequests: MeetingReads.overdueRequests,
        overdueRequestPage: MeetingReads.overdueRequestPage,
        calendar: MeetingReads.calendar,
        compliance: MeetingReads.compliance,
        mechanismOf: MeetingMechanisms.ofMeeting,
      }),
      actionItems: UseCase.provideAll(context, {
        add: ActionItems.add,
        close: ActionItems.close,
        extend: ActionItems.extend,
        extensions: ActionItems.extensions,
        open: ActionItems.open,
        openPage: ActionItems.openPage,
        byMeeting: ActionItems.byMeeting,
        meetingPage: ActionItems.meetingPage,
        ofCase: CaseActionItems.list,
        mechanismOf: MeetingMechanisms.ofActionItem,
      }),
      history: UseCase.provideAll(context, {
        schedules: MeetingHistory.schedules,
        caseDecisions: MeetingHistory.caseDecisions,
        activityItems: ActivityItems.byActivities,
      }),
    }),
  ),
)

/** What `layerSql` needs: the ports (roster, case summaries and access, overdue referrals), audit log, SQL, ids and the vault. */
export type LayerSqlRequirements = Exclude<ServiceRequirements, MeetingRepository | ActionItemRepository> | Vault.Vault

/**
 * The service over the SQL repositories of meetings and action items, which
 * seal their free text with the vault; the ports and the rest come from the
 * application.
 */
export const layerSql: Layer.Layer<MeetingService, never, LayerSqlRequirements> = layer.pipe(
  Layer.provide(Layer.merge(SqlMeetingRepository.layer, SqlActionItemRepository.layer)),
)
