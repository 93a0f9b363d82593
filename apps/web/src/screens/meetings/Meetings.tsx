/**
 * The mechanism's calendar: its upcoming meetings (regular and ad hoc), the
 * ad hoc requests waiting for the coordinator with their scheduling deadline,
 * and the past ones. Any member requests an ad hoc meeting here and is told
 * by when the coordinator must schedule it (the profile's time, counted by the
 * API); the coordinator schedules a new meeting here.
 */
import { JurisdictionProfile } from "@bashke/kernel"
import { meetingMessages, SchedulingDeadline } from "@bashke/meeting"
import { Link } from "@tanstack/react-router"
import { type FormEvent, useState } from "react"
import { nameOf } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useMechanisms } from "../../Mechanism"
import { type Meeting, profile, useIsCoordinator, useMeetings } from "../../MeetingData"
import { addMessages, usePageTitle, useText } from "../../Text"
import { webMeetingMessages } from "../../WebMeetingMessages"
import "./meetings.css"
import { RequestForm } from "./RequestForm"
import { ScheduleForm } from "./ScheduleForm"

addMessages(meetingMessages)
addMessages(webMeetingMessages)

const upcomingStatuses = new Set(["scheduled"])

export const MeetingRow = ({ meeting }: { readonly meeting: Meeting }) => {
  const { t, label, locale, dateTime } = useText()
  return (
    <li className="item" data-testid="meeting">
      <Link to="/meetings/$meetingId" params={{ meetingId: meeting.id }}>
        {label(`meeting.kind.${meeting.kind}`)}
        {meeting.schedule !== undefined && ` · ${dateTime(meeting.schedule.startsAt)}`}
      </Link>
      <span className="meta">
        <span className={`tag status-${meeting.status}`}>{label(`meeting.status.${meeting.status}`)}</span>
        {meeting.schedule !== undefined && <span translate="no">{meeting.schedule.place}</span>}
        {meeting.request !== undefined && meeting.status === "requested" && (
          <>
            <span>
              {t("web.meetings.requested-by")}: {nameOf(meeting.institutionNames, meeting.request.institution, locale)}
            </span>
            <span
              className={`tag ${SchedulingDeadline.timeliness(decodeDates(meeting), new Date()) === "overdue" ? "warning" : ""}`}
            >
              {t("web.meetings.schedule-by", { deadline: dateTime(meeting.request.deadline) })}
            </span>
          </>
        )}
      </span>
    </li>
  )
}

/** The fields the package's rules read, as dates. */
export const decodeDates = (meeting: Meeting) => ({
  status: meeting.status,
  ...(meeting.scheduledAt === undefined ? {} : { scheduledAt: new Date(meeting.scheduledAt) }),
  ...(meeting.request === undefined
    ? {}
    : {
        request: {
          ...meeting.request,
          requestedAt: new Date(meeting.request.requestedAt),
          deadline: new Date(meeting.request.deadline),
        } as never,
      }),
  ...(meeting.minutesDue === undefined ? {} : { minutesDue: new Date(meeting.minutesDue) }),
  ...(meeting.minutesCirculatedAt === undefined ? {} : { minutesCirculatedAt: new Date(meeting.minutesCirculatedAt) }),
})

const List = ({ meetings, empty }: { readonly meetings: ReadonlyArray<Meeting>; readonly empty: string }) =>
  meetings.length === 0 ? (
    <p>{empty}</p>
  ) : (
    <ul className="worklist">
      {meetings.map((meeting) => (
        <MeetingRow key={meeting.id} meeting={meeting} />
      ))}
    </ul>
  )

export const Meetings = () => {
  const { t, locale } = useText()
  usePageTitle(t("web.meetings.title"))
  const mechanisms = useMechanisms()
  const mechanismId = mechanisms.data?.items[0]?.id
  const meetings = useMeetings(mechanismId)
  const coordinator = useIsCoordinator()
  const [form, setForm] = useState<"request" | "schedule" | undefined>(undefined)
  const toggle = (which: "request" | "schedule") => (event: FormEvent) => {
    event.preventDefault()
    setForm((open) => (open === which ? undefined : which))
  }
  return (
    <>
      <h1>{t("web.meetings.title")}</h1>
      <p className="actions">
        <button type="button" className="button" aria-expanded={form === "request"} onClick={toggle("request")}>
          {t("web.meetings.request.title")}
        </button>
        {coordinator && (
          <button
            type="button"
            className="button secondary"
            aria-expanded={form === "schedule"}
            onClick={toggle("schedule")}
          >
            {t("web.meetings.new.title")}
          </button>
        )}
        <Link className="button" to="/calendar-subscription">
          {t("web.meetings.subscribe")}
        </Link>
      </p>
      {mechanismId !== undefined && form === "request" && (
        <RequestForm
          mechanismId={mechanismId}
          hint={t("web.meetings.request.hint", {
            standard: JurisdictionProfile.describe(SchedulingDeadline.allowed(profile, "standard"), locale),
            urgent: JurisdictionProfile.describe(SchedulingDeadline.allowed(profile, "urgent"), locale),
          })}
        />
      )}
      {mechanismId !== undefined && form === "schedule" && (
        <ScheduleForm mechanismId={mechanismId} done={() => setForm(undefined)} />
      )}
      <Loaded query={meetings}>
        {(all) => {
          const now = Date.now()
          const upcoming = all.filter(
            (meeting) =>
              upcomingStatuses.has(meeting.status) &&
              meeting.schedule !== undefined &&
              new Date(meeting.schedule.endsAt).getTime() >= now,
          )
          const requests = all.filter((meeting) => meeting.status === "requested")
          const past = all.filter((meeting) => !upcoming.includes(meeting) && !requests.includes(meeting)).reverse()
          return (
            <>
              <section aria-labelledby="requests">
                <h2 id="requests">{t("web.meetings.requests")}</h2>
                <List meetings={requests} empty={t("web.meetings.none")} />
              </section>
              <section aria-labelledby="upcoming">
                <h2 id="upcoming">{t("web.meetings.upcoming")}</h2>
                <List meetings={upcoming} empty={t("web.meetings.none")} />
              </section>
              <section aria-labelledby="past">
                <h2 id="past">{t("web.meetings.past")}</h2>
                <List meetings={past} empty={t("web.meetings.none")} />
              </section>
            </>
          )
        }}
      </Loaded>
    </>
  )
}
