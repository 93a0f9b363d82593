/**
 * One meeting, as its lifecycle has it: a request with the coordinator's
 * deadline (and, for the coordinator, the form that schedules it); a
 * scheduled meeting with its agenda (editable by the coordinator) and, once
 * it has started, the attendance that records it held; a held meeting with
 * its attendance and quorum, the minutes editor (draft → approved → locked,
 * then amendments only) with the deadline for circulating them, and its
 * decisions and action items. Institutions by name throughout; cases by
 * their reference only.
 */
import { Meeting as MeetingModel, MinutesCirculation, meetingMessages, SchedulingDeadline } from "@bashke/meeting"
import { Link } from "@tanstack/react-router"
import { nameOf } from "../../Institutions"
import { Loaded } from "../../Loading"
import { type Meeting, profile, useIsCoordinator, useMeeting } from "../../MeetingData"
import { addMessages, usePageTitle, useText } from "../../Text"
import { webMeetingMessages } from "../../WebMeetingMessages"
import "./meetings.css"
import { AgendaSection } from "./AgendaSection"
import { AttendanceSection } from "./AttendanceSection"
import { decodeDates } from "./Meetings"
import { MinutesSection } from "./MinutesSection"
import { OutcomesSection } from "./OutcomesSection"
import { SetScheduleForm } from "./ScheduleForm"

addMessages(meetingMessages)
addMessages(webMeetingMessages)

const Facts = ({ meeting }: { readonly meeting: Meeting }) => {
  const { t, label, locale, dateTime } = useText()
  const circulation = MinutesCirculation.timeliness(decodeDates(meeting), new Date())
  return (
    <dl className="facts">
      <dt>{t("web.meetings.when")}</dt>
      <dd>
        {meeting.schedule === undefined
          ? t("web.meeting.not-scheduled")
          : `${dateTime(meeting.schedule.startsAt)} – ${dateTime(meeting.schedule.endsAt)}`}
      </dd>
      {meeting.schedule !== undefined && (
        <>
          <dt>{t("web.meetings.place")}</dt>
          <dd translate="no">{meeting.schedule.place}</dd>
        </>
      )}
      {meeting.request !== undefined && (
        <>
          <dt>{t("web.meetings.requested-by")}</dt>
          <dd>
            {nameOf(meeting.institutionNames, meeting.request.institution, locale)} ·{" "}
            {label(`meeting.urgency.${meeting.request.urgency}`)}
          </dd>
          <dt>{t("web.meeting.schedule.title")}</dt>
          <dd data-testid="schedule-deadline">
            {t("web.meetings.schedule-by", { deadline: dateTime(meeting.request.deadline) })} ·{" "}
            {label(`meeting.timeliness.${SchedulingDeadline.timeliness(decodeDates(meeting), new Date())}`)}
          </dd>
        </>
      )}
      {meeting.minutesDue !== undefined && (
        <>
          <dt>{t("web.minutes.title")}</dt>
          <dd data-testid="minutes-due" className={circulation === "overdue" ? "warning" : undefined}>
            {circulation === "pending" || circulation === "overdue"
              ? t(`meeting.minutes-circulation.${circulation}`, { due: dateTime(meeting.minutesDue) })
              : label(`meeting.minutes-circulation.${circulation}`)}
          </dd>
        </>
      )}
    </dl>
  )
}

export const MeetingPage = ({ meetingId }: { readonly meetingId: string }) => {
  const { t, label, dateTime } = useText()
  usePageTitle(t("web.meeting.title"))
  const meeting = useMeeting(meetingId)
  const coordinator = useIsCoordinator()
  return (
    <Loaded query={meeting}>
      {(data) => {
        const held = MeetingModel.wasHeld(data)
        const latest =
          data.request === undefined
            ? undefined
            : t("web.meeting.schedule.latest", {
                latest: dateTime(
                  SchedulingDeadline.latestStart(
                    { deadline: new Date(data.request.deadline), urgency: data.request.urgency },
                    new Date(),
                    profile,
                  ),
                ),
              })
        return (
          <>
            <p>
              <Link to="/meetings">{t("web.meeting.back")}</Link>
            </p>
            <h1>
              {t("web.meeting.heading", {
                kind: label(`meeting.kind.${data.kind}`),
                status: label(`meeting.status.${data.status}`),
              })}
            </h1>
            <Facts meeting={data} />
            {data.status !== "requested" && data.status !== "cancelled" && (
              <p>
                <Link className="button" to="/meetings/$meetingId/print" params={{ meetingId: data.id }}>
                  {t("web.meeting.print")}
                </Link>
              </p>
            )}
            {coordinator && (data.status === "requested" || data.status === "scheduled") && (
              <SetScheduleForm
                key={data.version}
                meeting={data}
                latest={data.status === "requested" ? latest : undefined}
              />
            )}
            {data.status === "scheduled" && <AgendaSection meeting={data} editable={coordinator} />}
            {((data.status === "scheduled" && coordinator) || held) && (
              <AttendanceSection meeting={data} editable={coordinator} />
            )}
            {held && <MinutesSection meeting={data} editable={coordinator} />}
            {held && <OutcomesSection meeting={data} editable={coordinator} />}
          </>
        )
      }}
    </Loaded>
  )
}
