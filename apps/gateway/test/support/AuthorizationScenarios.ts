// Who may call what, in the demo world. Each scenario builds its request for a
// caller (commands carry the aggregate's current ETag) and names the status
// every caller must get. The statuses are the contract: change one only with a
// reason a coordinator would accept. The scenarios live by area in
// `authorization/`; they run in this order, and some build on what an earlier
// area left (the case team changed last among the case scenarios, for one).
import { actionPlanScenarios } from "./authorization/ActionPlans"
import { apiTokenScenarios } from "./authorization/ApiTokens"
import { auditScenarios, subjectAccessScenarios } from "./authorization/Audit"
import { calendarFeedScenarios } from "./authorization/CalendarFeeds"
import { caseNoteScenarios } from "./authorization/CaseNotes"
import { caseScenarios } from "./authorization/Cases"
import { caseTransferScenarios } from "./authorization/CaseTransfers"
import { closedCaseScenarios } from "./authorization/ClosedCases"
import { correctionScenarios } from "./authorization/Corrections"
import { directoryScenarios } from "./authorization/Directory"
import { documentScenarios } from "./authorization/Documents"
import { erasureScenarios } from "./authorization/Erasure"
import { institutionScenarios } from "./authorization/Institutions"
import { invitationScenarios } from "./authorization/Invitations"
import type { Scenario } from "./authorization/Matrix"
import { meScenarios, passkeyScenarios } from "./authorization/Me"
import { mechanismScenarios } from "./authorization/Mechanisms"
import { meetingScenarios } from "./authorization/Meetings"
import { notificationScenarios } from "./authorization/Notifications"
import { peopleScenarios } from "./authorization/People"
import { pluginScenarios } from "./authorization/Plugins"
import { referralScenarios } from "./authorization/Referrals"
import { reportScenarios } from "./authorization/Reports"
import { riskInstrumentScenarios } from "./authorization/RiskInstruments"
import { safeContactScenarios } from "./authorization/SafeContacts"
import { survivorInformationScenarios } from "./authorization/SurvivorInformation"

export {
  type Caller,
  callers,
  etagOf,
  type Request,
  type Scenario,
  statuses,
  type World,
} from "./authorization/Matrix"

export const authorizationScenarios: ReadonlyArray<Scenario> = [
  // Before the case scenarios: the last of them adds legal aid to the team.
  ...caseNoteScenarios,
  ...closedCaseScenarios,
  ...survivorInformationScenarios,
  ...correctionScenarios,
  ...safeContactScenarios,
  ...documentScenarios,
  ...caseTransferScenarios,
  ...erasureScenarios,
  ...caseScenarios,
  ...riskInstrumentScenarios,
  ...mechanismScenarios,
  ...institutionScenarios,
  ...meetingScenarios,
  ...calendarFeedScenarios,
  ...directoryScenarios,
  ...referralScenarios,
  ...actionPlanScenarios,
  ...reportScenarios,
  ...pluginScenarios,
  ...notificationScenarios,
  ...auditScenarios,
  ...subjectAccessScenarios,
  ...peopleScenarios,
  ...invitationScenarios,
  ...apiTokenScenarios,
  // Before the caller's own routes: signing out there ends the session matrix's sessions.
  ...passkeyScenarios,
  ...meScenarios,
]
