/** Every route of the API, in the order the OpenAPI document lists them. */
import type * as Route from "./Route"
import * as ActionPlans from "./routes/ActionPlans"
import * as ApiTokens from "./routes/ApiTokens"
import * as AuditTrail from "./routes/AuditTrail"
import * as BreakGlassReviews from "./routes/BreakGlassReviews"
import * as CalendarFeeds from "./routes/CalendarFeeds"
import * as CaseActionItems from "./routes/CaseActionItems"
import * as CaseErasure from "./routes/CaseErasure"
import * as CaseNotes from "./routes/CaseNotes"
import * as CaseReviews from "./routes/CaseReviews"
import * as Cases from "./routes/Cases"
import * as CaseTransfers from "./routes/CaseTransfers"
import * as ClosedCases from "./routes/ClosedCases"
import * as Corrections from "./routes/Corrections"
import * as Documents from "./routes/Documents"
import * as Institutions from "./routes/Institutions"
import * as Invitations from "./routes/Invitations"
import * as Me from "./routes/Me"
import * as Mechanisms from "./routes/Mechanisms"
import * as Meetings from "./routes/Meetings"
import * as Notifications from "./routes/Notifications"
import * as OidcSignIn from "./routes/OidcSignIn"
import * as Passkeys from "./routes/Passkeys"
import * as People from "./routes/People"
import * as Plugins from "./routes/Plugins"
import * as Referrals from "./routes/Referrals"
import * as Reports from "./routes/Reports"
import * as RiskInstruments from "./routes/RiskInstruments"
import * as SafeContacts from "./routes/SafeContacts"
import * as ServiceDirectory from "./routes/ServiceDirectory"
import * as SubjectAccess from "./routes/SubjectAccess"
import * as SurvivorInformation from "./routes/SurvivorInformation"
import * as TransferDestinations from "./routes/TransferDestinations"
import * as Worklist from "./routes/Worklist"

export const routes: ReadonlyArray<Route.AnyRoute> = [
  ...Cases.routes,
  ...RiskInstruments.routes,
  ...CaseNotes.routes,
  ...Corrections.routes,
  ...CaseReviews.routes,
  ...SafeContacts.routes,
  ...Documents.routes,
  ...CaseErasure.routes,
  ...CaseTransfers.routes,
  ...TransferDestinations.routes,
  ...ClosedCases.routes,
  ...SurvivorInformation.routes,
  ...BreakGlassReviews.routes,
  ...Mechanisms.routes,
  ...Institutions.routes,
  ...Meetings.routes,
  ...CaseActionItems.routes,
  ...CalendarFeeds.routes,
  ...ServiceDirectory.routes,
  ...Referrals.routes,
  ...ActionPlans.routes,
  ...Reports.routes,
  ...Plugins.routes,
  ...Me.routes,
  ...Passkeys.routes,
  ...OidcSignIn.routes,
  ...People.routes,
  ...Invitations.routes,
  ...ApiTokens.routes,
  ...Worklist.routes,
  ...Notifications.routes,
  ...AuditTrail.routes,
  ...SubjectAccess.routes,
]
