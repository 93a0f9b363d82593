/**
 * Who came: one row per member institution on the meeting's day (by name),
 * present in what capacity, excused or absent; the quorum under the
 * mechanism's rule computed as the API computes it (`Attendance.quorum`).
 * The coordinator records the meeting held with its attendance once it has
 * started, and corrects the attendance until the minutes are approved.
 */

import type { Id } from "@bashke/kernel"
import { Attendance } from "@bashke/meeting"
import { type FormEvent, useState } from "react"
import { FieldError, FormError, inputId, invalidProps } from "../../FieldProblem"
import { nameOf } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useMechanisms } from "../../Mechanism"
import { localDay, type Meeting, meetingKeys, useMembers } from "../../MeetingData"
import { Stale } from "../../Stale"
import { useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"

interface Row {
  readonly institution: string
  readonly presence: Attendance.Presence | ""
  readonly representedBy: Attendance.RepresentedBy | ""
}

const entryOf = (row: Row) => ({
  institution: row.institution,
  presence: row.presence,
  ...(row.presence === "present" && row.representedBy !== "" ? { representedBy: row.representedBy } : {}),
})

export const Quorum = ({
  meeting,
  members,
  attendance,
}: {
  readonly meeting: Meeting
  readonly members: ReadonlyArray<string>
  readonly attendance: ReadonlyArray<{ institution: string; presence: string }>
}) => {
  const { t } = useText()
  const mechanisms = useMechanisms()
  const rule = mechanisms.data?.items.find((each) => each.id === meeting.mechanismId)?.quorum
  if (rule === undefined) return null
  const quorum = Attendance.quorum(
    rule,
    members as ReadonlyArray<Id.InstitutionId>,
    attendance as ReadonlyArray<Attendance.Attendance>,
  )
  return (
    <p className={`tag ${quorum.met ? "" : "warning"}`} data-testid="quorum">
      {t(quorum.met ? "meeting.quorum.met" : "meeting.quorum.not-met", {
        present: quorum.present,
        required: quorum.required,
      })}
    </p>
  )
}

const Form = ({
  meeting,
  members,
  names,
}: {
  readonly meeting: Meeting
  readonly members: ReadonlyArray<string>
  readonly names: Parameters<typeof nameOf>[0]
}) => {
  const { t, label, locale } = useText()
  const [rows, setRows] = useState<ReadonlyArray<Row>>(() =>
    members.map((institution) => {
      const recorded = meeting.attendance.find((entry) => entry.institution === institution)
      return {
        institution,
        presence: recorded?.presence ?? "",
        representedBy: recorded?.representedBy ?? "",
      }
    }),
  )
  const scheduled = meeting.status === "scheduled"
  const command = useVersionedCommand<{ attendance: ReadonlyArray<object> }>({
    invalidates: meetingKeys(meeting.id),
    version: meeting.version,
    send: (api, header, body) =>
      scheduled
        ? api.POST("/v1/meetings/{meetingId}/held", {
            params: { path: { meetingId: meeting.id }, header },
            body: body as never,
          })
        : api.PUT("/v1/meetings/{meetingId}/attendance", {
            params: { path: { meetingId: meeting.id }, header },
            body: body as never,
          }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    command.run({ attendance: rows.filter((row) => row.presence !== "").map(entryOf) })
  }
  const locked = meeting.status === "minutes-approved"
  const set = (at: number, change: Partial<Row>) =>
    setRows(rows.map((row, index) => (index === at ? { ...row, ...change } : row)))
  // The API names rows by their place in what was sent: the rows left blank are not sent.
  const sentIndex = (at: number) => rows.slice(0, at).filter((row) => row.presence !== "").length
  const startsAt = meeting.schedule === undefined ? undefined : new Date(meeting.schedule.startsAt)
  return (
    <form onSubmit={submit} noValidate aria-labelledby="attendance">
      {command.stale && <Stale reload={command.reload} />}
      <FormError problem={command.problem} shown={(field) => field.startsWith("attendance.")} />
      {scheduled && startsAt !== undefined && startsAt.getTime() > Date.now() && (
        <p className="hint">{t("web.attendance.before-start")}</p>
      )}
      <div className="table-scroll">
        <table className="table attendance">
          <thead>
            <tr>
              <th scope="col">{t("web.attendance.institution")}</th>
              <th scope="col">{t("web.attendance.presence")}</th>
              <th scope="col">{t("web.attendance.represented-by")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, at) => {
              const field = `attendance.${sentIndex(at)}`
              const name = nameOf(names, row.institution, locale)
              return (
                <tr key={row.institution} data-institution={row.institution}>
                  <th scope="row">{name}</th>
                  <td>
                    <select
                      id={inputId(`${field}.presence`, row.institution)}
                      aria-label={`${t("web.attendance.presence")}: ${name}`}
                      value={row.presence}
                      disabled={locked}
                      onChange={(event) =>
                        set(at, {
                          presence: event.currentTarget.value as Row["presence"],
                          representedBy:
                            event.currentTarget.value === "present" ? row.representedBy || "representative" : "",
                        })
                      }
                      {...invalidProps(command.problem, `${field}.presence`, undefined, row.institution)}
                    >
                      <option value="">—</option>
                      {Attendance.Presence.literals.map((presence) => (
                        <option key={presence} value={presence}>
                          {label(`meeting.presence.${presence}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      id={inputId(`${field}.representedBy`, row.institution)}
                      aria-label={`${t("web.attendance.represented-by")}: ${name}`}
                      value={row.representedBy}
                      disabled={locked || row.presence !== "present"}
                      onChange={(event) =>
                        set(at, { representedBy: event.currentTarget.value as Row["representedBy"] })
                      }
                      {...invalidProps(command.problem, `${field}.representedBy`, undefined, row.institution)}
                    >
                      <option value="">—</option>
                      {Attendance.RepresentedBy.literals.map((capacity) => (
                        <option key={capacity} value={capacity}>
                          {label(`meeting.represented-by.${capacity}`)}
                        </option>
                      ))}
                    </select>
                    <FieldError problem={command.problem} field={field} scope={row.institution} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <Quorum meeting={meeting} members={members} attendance={rows.filter((row) => row.presence !== "").map(entryOf)} />
      {!locked && (
        <button type="submit" className="button" disabled={command.pending}>
          {t(scheduled ? "web.attendance.hold" : "web.attendance.save")}
        </button>
      )}
    </form>
  )
}

/** The attendance as recorded, for those who read it. */
export const Recorded = ({
  meeting,
  members,
  names,
}: {
  readonly meeting: Meeting
  readonly members: ReadonlyArray<string>
  readonly names: Parameters<typeof nameOf>[0]
}) => {
  const { t, label, locale } = useText()
  return (
    <>
      <table className="table attendance">
        <thead>
          <tr>
            <th scope="col">{t("web.attendance.institution")}</th>
            <th scope="col">{t("web.attendance.presence")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((id) => {
            const entry = meeting.attendance.find((each) => each.institution === id)
            return (
              <tr key={id}>
                <th scope="row">{nameOf(names, id, locale)}</th>
                <td>
                  {entry === undefined
                    ? "—"
                    : `${label(`meeting.presence.${entry.presence}`)}${entry.representedBy === undefined ? "" : ` (${label(`meeting.represented-by.${entry.representedBy}`)})`}`}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <Quorum meeting={meeting} members={members} attendance={meeting.attendance} />
    </>
  )
}

export const AttendanceSection = ({ meeting, editable }: { readonly meeting: Meeting; readonly editable: boolean }) => {
  const { t } = useText()
  const day = localDay(meeting.schedule?.startsAt ?? new Date())
  const members = useMembers(meeting.mechanismId, day)
  return (
    <section aria-labelledby="attendance" className="card">
      <h2 id="attendance">{t("web.attendance.title")}</h2>
      <Loaded query={members}>
        {(page) => {
          const ids = [...new Set(page.map((membership) => membership.institutionId))]
          const names = Object.assign(
            {},
            ...page.map((membership) => membership.institutionNames),
            meeting.institutionNames,
          )
          return editable && meeting.status !== "minutes-approved" ? (
            <Form key={meeting.version} meeting={meeting} members={ids} names={names} />
          ) : (
            <Recorded meeting={meeting} members={ids} names={names} />
          )
        }}
      </Loaded>
    </section>
  )
}
