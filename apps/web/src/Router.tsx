/**
 * The app's routes, typed: paths with their parameters, and each search
 * validated by a schema (a search that does not decode is dropped, so a
 * hand-edited URL shows the unfiltered list rather than an error). The paths
 * are those the API's links use (`/cases/…`, see `@bashke/notifications`'s
 * `Links`).
 */
import { createRootRoute, createRoute, createRouter, Link, Navigate } from "@tanstack/react-router"
import { Option, Schema } from "effect"
import { lazy } from "react"
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

export const routeTree = root.addChildren([
  worklist,
  signIn,
  invitation,
  cases,
  openCase,
  oneCase,
  sendReferral,
  referrals,
  oneReferral,
  directory,
  meetings,
  oneMeeting,
  meetingPrint,
  calendarSubscription,
])

export const makeRouter = () => createRouter({ routeTree, defaultPreload: false, scrollRestoration: true })

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof makeRouter>
  }
}
