/**
 * The app's routes, typed: paths with their parameters, and each search
 * validated by a schema (a search that does not decode is dropped, so a
 * hand-edited URL shows the unfiltered list rather than an error). The paths
 * are those the API's links use (`/cases/…`, see `@bashke/notifications`'s
 * `Links`).
 */
import { createRootRoute, createRoute, createRouter, Link, Navigate, useParams } from "@tanstack/react-router"
import { Option, Schema } from "effect"
import { type ComponentType, lazy, type ReactNode } from "react"
import { Layout } from "./Layout"
import { CasesSearch, DirectorySearch, ReferralsSearch } from "./Search"
import { Worklist } from "./screens/Worklist"
import { usePageTitle, useText } from "./Text"

/** A search validator from a schema: what decodes, or nothing. */
export const searchOf =
  <A, I>(schema: Schema.Schema<A, I>) =>
  (raw: Record<string, unknown>): A =>
    Option.getOrElse(Schema.decodeUnknownOption(schema)(raw), () => ({}) as A)

// Screens past the home page load when first opened.
const Cases = lazy(() => import("./screens/Cases").then((module) => ({ default: module.Cases })))
const OpenCase = lazy(() => import("./screens/OpenCase").then((module) => ({ default: module.OpenCase })))
const Case = lazy(() => import("./screens/Case").then((module) => ({ default: module.Case })))
const Referrals = lazy(() => import("./screens/Referrals").then((module) => ({ default: module.Referrals })))
const ReferralPage = lazy(() => import("./screens/Referral").then((module) => ({ default: module.ReferralPage })))
const SendReferral = lazy(() => import("./screens/SendReferral").then((module) => ({ default: module.SendReferral })))
const Enrolment = lazy(() => import("./screens/Enrolment").then((module) => ({ default: module.Enrolment })))
const Directory = lazy(() => import("./screens/Directory").then((module) => ({ default: module.Directory })))
// The action plan and the statistics: their charts and the reporting package's labels load with them.
const Plans = lazy(() => import("./screens/plan/Plans").then((module) => ({ default: module.Plans })))
const NewPlan = lazy(() => import("./screens/plan/Plans").then((module) => ({ default: module.NewPlan })))
const Plan = lazy(() => import("./screens/plan/Plan").then((module) => ({ default: module.Plan })))
const Statistics = lazy(() =>
  import("./screens/statistics/Statistics").then((module) => ({ default: module.Statistics })),
)
// The administration pages, each its own chunk: none of them is in the first page's script.
const MechanismSettings = lazy(() =>
  import("./screens/admin/MechanismSettings").then((module) => ({ default: module.MechanismSettings })),
)
const Members = lazy(() => import("./screens/admin/Members").then((module) => ({ default: module.Members })))
const Memorandum = lazy(() =>
  import("./screens/admin/Memorandum").then((module) => ({ default: module.MemorandumPage })),
)
const InstitutionRegistry = lazy(() =>
  import("./screens/admin/Institutions").then((module) => ({ default: module.Institutions })),
)
const People = lazy(() => import("./screens/admin/People").then((module) => ({ default: module.People })))
const ApiTokens = lazy(() => import("./screens/admin/ApiTokens").then((module) => ({ default: module.ApiTokens })))
const Plugins = lazy(() => import("./screens/admin/Plugins").then((module) => ({ default: module.Plugins })))
// Meetings and calendar subscriptions (issue 16).
const Meetings = lazy(() => import("./screens/meetings/Meetings").then((module) => ({ default: module.Meetings })))
const MeetingPage = lazy(() =>
  import("./screens/meetings/MeetingPage").then((module) => ({ default: module.MeetingPage })),
)
const MeetingPrint = lazy(() =>
  import("./screens/meetings/MeetingPrint").then((module) => ({ default: module.MeetingPrint })),
)
const CalendarSubscription = lazy(() =>
  import("./screens/CalendarSubscription").then((module) => ({ default: module.CalendarSubscription })),
)
// Corrections, transfers, closed cases, erasure and subject access (issue 18): one chunk, one import
// site (each import site costs the first page its own preload list), loaded when one of them is first opened.
const casework = () => import("./screens/CaseworkScreens")
const CaseCorrections = lazy(() => casework().then((module) => ({ default: module.CaseCorrections })))
const CaseTransfer = lazy(() => casework().then((module) => ({ default: module.CaseTransfer })))
const Transfers = lazy(() => casework().then((module) => ({ default: module.Transfers })))
const ClosedCases = lazy(() => casework().then((module) => ({ default: module.ClosedCases })))
const SubjectAccess = lazy(() => casework().then((module) => ({ default: module.SubjectAccess })))
// A case's notes, documents and the survivor's voice (issue 18): one chunk, loaded when one is opened.
const caseRecordPages = () => import("./screens/case/CaseRecordPages")
const CaseNotes = lazy(() => caseRecordPages().then((module) => ({ default: module.CaseNotesPage })))
const CaseDocuments = lazy(() => caseRecordPages().then((module) => ({ default: module.CaseDocumentsPage })))
const SurvivorVoice = lazy(() => caseRecordPages().then((module) => ({ default: module.SurvivorVoicePage })))

const NotFound = () => {
  const { t } = useText()
  usePageTitle(t("web.not-found.title"))
  return (
    <>
      <h1>{t("web.not-found.title")}</h1>
      <Link to="/">{t("web.not-found.home")}</Link>
    </>
  )
}

const root = createRootRoute({ component: Layout, notFoundComponent: NotFound })

const worklist = createRoute({ getParentRoute: () => root, path: "/", component: Worklist })

// The sign-in link's page: the form shows there while signed out; once signed in, the worklist.
const signIn = createRoute({
  getParentRoute: () => root,
  path: "/sign-in",
  component: () => <Navigate to="/" replace />,
})

// An invitation's link: enrolment of a second factor, shown whether or not a session is held (`Layout`).
const invitation = createRoute({ getParentRoute: () => root, path: "/invitation", component: () => <Enrolment /> })

const cases = createRoute({
  getParentRoute: () => root,
  path: "/cases",
  validateSearch: searchOf(CasesSearch),
  component: function CasesPage() {
    return <Cases search={cases.useSearch()} />
  },
})

// The wizard, with the risk instruments and the case schemas it checks with, loads only when opened.
const openCase = createRoute({ getParentRoute: () => root, path: "/cases/new", component: () => <OpenCase /> })

const oneCase = createRoute({
  getParentRoute: () => root,
  path: "/cases/$caseId",
  component: function CasePage() {
    const { caseId } = oneCase.useParams()
    return <Case key={caseId} caseId={caseId} />
  },
})

const directory = createRoute({
  getParentRoute: () => root,
  path: "/directory",
  validateSearch: searchOf(DirectorySearch),
  component: function DirectoryPage() {
    return <Directory search={directory.useSearch()} />
  },
})

const sendReferral = createRoute({
  getParentRoute: () => root,
  path: "/cases/$caseId/referrals/new",
  component: function SendReferralPage() {
    const { caseId } = sendReferral.useParams()
    return <SendReferral key={caseId} caseId={caseId} />
  },
})

const referrals = createRoute({
  getParentRoute: () => root,
  path: "/referrals",
  validateSearch: searchOf(ReferralsSearch),
  component: function ReferralsPage() {
    return <Referrals search={referrals.useSearch()} />
  },
})

const oneReferral = createRoute({
  getParentRoute: () => root,
  path: "/referrals/$referralId",
  component: function OneReferralPage() {
    const { referralId } = oneReferral.useParams()
    return <ReferralPage key={referralId} referralId={referralId} />
  },
})

const plans = createRoute({ getParentRoute: () => root, path: "/plans", component: () => <Plans /> })

const newPlan = createRoute({ getParentRoute: () => root, path: "/plans/new", component: () => <NewPlan /> })

const onePlan = createRoute({
  getParentRoute: () => root,
  path: "/plans/$planId",
  component: function PlanPage() {
    const { planId } = onePlan.useParams()
    return <Plan key={planId} planId={planId} />
  },
})

const statistics = createRoute({ getParentRoute: () => root, path: "/statistics", component: () => <Statistics /> })
/** A route whose page needs nothing from the path, or reads it itself. */
const page = <P extends string>(path: P, component: () => ReactNode) =>
  createRoute({ getParentRoute: () => root, path, component })

const adminRoutes = [
  page("/admin", () => <Navigate to="/admin/mechanism" replace />),
  page("/admin/mechanism", () => <MechanismSettings />),
  page("/admin/members", () => <Members />),
  page("/admin/memorandum", () => <Memorandum />),
  page("/admin/institutions", () => <InstitutionRegistry />),
  page("/admin/people", () => <People />),
  page("/admin/tokens", () => <ApiTokens />),
  page("/admin/plugins", () => <Plugins />),
] as const
// A page of a case's records, keyed by the case.
const caseRecords = <P extends `/cases/$caseId/${string}`>(path: P, Page: ComponentType<{ readonly caseId: string }>) =>
  createRoute({
    getParentRoute: () => root,
    path,
    component: function CaseRecordsPage() {
      const { caseId } = useParams({ strict: false }) as { caseId: string }
      return <Page key={caseId} caseId={caseId} />
    },
  })

const caseRecordRoutes = [
  caseRecords("/cases/$caseId/notes", CaseNotes),
  caseRecords("/cases/$caseId/documents", CaseDocuments),
  caseRecords("/cases/$caseId/survivor", SurvivorVoice),
] as const
// Meetings (issue 16): the calendar, one meeting (the API's links: `/meetings/…`), its printable record.
const meetings = createRoute({ getParentRoute: () => root, path: "/meetings", component: () => <Meetings /> })

const oneMeeting = createRoute({
  getParentRoute: () => root,
  path: "/meetings/$meetingId",
  component: function OneMeetingPage() {
    const { meetingId } = oneMeeting.useParams()
    return <MeetingPage key={meetingId} meetingId={meetingId} />
  },
})

const meetingPrint = createRoute({
  getParentRoute: () => root,
  path: "/meetings/$meetingId/print",
  component: function MeetingPrintPage() {
    const { meetingId } = meetingPrint.useParams()
    return <MeetingPrint key={meetingId} meetingId={meetingId} />
  },
})

const calendarSubscription = createRoute({
  getParentRoute: () => root,
  path: "/calendar-subscription",
  component: () => <CalendarSubscription />,
})

// The case screens read their case from the path themselves (`useParams`).
const caseworkRoutes = [
  page("/cases/$caseId/corrections", () => <CaseCorrections />),
  page("/cases/$caseId/transfer", () => <CaseTransfer />),
  page("/cases/closed", () => <ClosedCases />),
  page("/transfers", () => <Transfers />),
  page("/subject-access", () => <SubjectAccess />),
] as const

export const routeTree = root.addChildren([
  worklist,
  signIn,
  invitation,
  cases,
  openCase,
  oneCase,
  sendReferral,
  ...caseRecordRoutes,
  referrals,
  oneReferral,
  directory,
  plans,
  newPlan,
  onePlan,
  statistics,
  ...adminRoutes,
  meetings,
  oneMeeting,
  meetingPrint,
  calendarSubscription,
  ...caseworkRoutes,
])

export const makeRouter = () => createRouter({ routeTree, defaultPreload: false, scrollRestoration: true })

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof makeRouter>
  }
}
