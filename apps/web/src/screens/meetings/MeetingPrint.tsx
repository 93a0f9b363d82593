/**
 * A meeting's agenda and minutes as a document to print or save as PDF (the
 * browser's print, with the print stylesheet in `meetings.css`): the
 * meeting, the confidentiality note, the agenda under its sections, the
 * attendance and quorum, the minutes with their amendments, the decisions and
 * the action items — institutions by name, cases by reference, never a
 * person's name (the API's minutes are read through its audited route).
 */
import { Meeting as MeetingModel, meetingMessages } from "@bashke/meeting"
import { Link } from "@tanstack/react-router"
import { nameOf } from "../../Institutions"
import { Loaded } from "../../Loading"
import {
  localDay,
  type Meeting,
  useAgenda,
  useDecisions,
  useMeeting,
  useMeetingActionItems,
  useMembers,
  useMinutes,
} from "../../MeetingData"
import { addMessages, usePageTitle, useText } from "../../Text"
import { webMeetingMessages } from "../../WebMeetingMessages"
import { AgendaView } from "./AgendaView"
import { Recorded } from "./AttendanceSection"
import { MinutesText } from "./MinutesSection"
import "./meetings.css"

addMessages(meetingMessages)
addMessages(webMeetingMessages)

const Record = ({ meeting }: { readonly meeting: Meeting }) => {
  const { t, label, locale, dateTime, date } = useText()
  const held = MeetingModel.wasHeld(meeting)
  const drafted = meeting.status === "minutes-drafted" || meeting.status === "minutes-approved"
  const agenda = useAgenda(meeting.id)
  const minutes = useMinutes(meeting.id, drafted)
  const decisions = useDecisions(meeting.id, held)
  const items = useMeetingActionItems(meeting.id, held)
  const members = useMembers(meeting.mechanismId, localDay(meeting.schedule?.startsAt ?? new Date()))
  const names = Object.assign(
    {},
    meeting.institutionNames,
    ...(members.data ?? []).map((each) => each.institutionNames),
  )
  return (
    <article className="record" data-testid="record">
      <h1>{t("web.print.title")}</h1>
      <p>
        <strong>
          {label(`meeting.kind.${meeting.kind}`)} · {label(`meeting.status.${meeting.status}`)}
        </strong>
        {meeting.schedule !== undefined && (
          <>
            <br />
            {dateTime(meeting.schedule.startsAt)} – {dateTime(meeting.schedule.endsAt)} ·{" "}
            <span translate="no">{meeting.schedule.place}</span>
          </>
        )}
      </p>
      <p className="confidential">{t("web.print.confidential")}</p>

      <h2>{t("web.agenda.title")}</h2>
      <Loaded query={agenda}>{({ agenda: data }) => <AgendaView agenda={data} names={names} />}</Loaded>

      {held && (
        <>
          <h2>{t("web.attendance.title")}</h2>
          <Loaded query={members}>
            {(list) => (
              <Recorded
                meeting={meeting}
                members={[...new Set(list.map((each) => each.institutionId))]}
                names={names}
              />
            )}
          </Loaded>

          <h2>{t("web.minutes.title")}</h2>
          {drafted ? (
            <Loaded query={minutes}>
              {(data) =>
                data === null ? (
                  <p>{t("web.minutes.state.none")}</p>
                ) : (
                  <>
                    <p>
                      {data.approval === undefined
                        ? t("web.minutes.state.draft")
                        : t("web.minutes.state.locked", { at: dateTime(data.approval.at) })}
                    </p>
                    <MinutesText minutes={data} />
                  </>
                )
              }
            </Loaded>
          ) : (
            <p>{t("web.minutes.state.none")}</p>
          )}

          <h2>{t("web.decisions.title")}</h2>
          <Loaded query={decisions}>
            {(list) =>
              list.length === 0 ? (
                <p>{t("web.decisions.none")}</p>
              ) : (
                <ol>
                  {list.map((decision) => (
                    <li key={decision.id}>
                      <span translate="no">{decision.text}</span>
                      {decision.owner !== undefined && (
                        <>
                          {" — "}
                          {t("web.outcome.owned", {
                            owner: nameOf(names, decision.owner, locale),
                            due: decision.dueDate === undefined ? "—" : date(decision.dueDate),
                          })}
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              )
            }
          </Loaded>

          <h2>{t("web.action-items.title")}</h2>
          <Loaded query={items}>
            {(list) =>
              list.length === 0 ? (
                <p>{t("web.action-items.none")}</p>
              ) : (
                <ol>
                  {list.map((item) => (
                    <li key={item.id}>
                      <span translate="no">{item.description}</span>
                      {" — "}
                      {t("web.outcome.owned", { owner: nameOf(names, item.owner, locale), due: date(item.dueDate) })}
                    </li>
                  ))}
                </ol>
              )
            }
          </Loaded>
        </>
      )}
    </article>
  )
}

export const MeetingPrint = ({ meetingId }: { readonly meetingId: string }) => {
  const { t } = useText()
  usePageTitle(t("web.print.title"))
  const meeting = useMeeting(meetingId)
  return (
    <>
      <p className="actions no-print">
        <Link to="/meetings/$meetingId" params={{ meetingId }}>
          {t("web.print.back")}
        </Link>
        <button type="button" className="button" onClick={() => globalThis.print()}>
          {t("web.print.button")}
        </button>
      </p>
      <Loaded query={meeting}>{(data) => <Record meeting={data} />}</Loaded>
    </>
  )
}
