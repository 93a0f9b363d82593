/**
 * A scheduled meeting's agenda, built by the API from data. The coordinator
 * edits it: items of the rule left out (unticked), topics of their own added
 * to a section; saved with the meeting's version (`If-Match`). A refusal
 * shows by the field it names (`topics.0.title`, `omitted.0`).
 */
import { Agenda } from "@bashke/meeting"
import { type FormEvent, useState } from "react"
import { FieldError, FormError, inputId, invalidProps } from "../../FieldProblem"
import { Select } from "../../Fields"
import { Loaded } from "../../Loading"
import { type Meeting, meetingKeys, useAgenda } from "../../MeetingData"
import { Stale } from "../../Stale"
import { useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"
import { AgendaView } from "./AgendaView"

interface Topic {
  readonly id?: string
  readonly section: Agenda.TopicSection
  readonly title: string
}

const fixed = new Set(["ConfidentialityStatement", "OtherBusiness"])

const Editor = ({
  meeting,
  agenda,
  names,
}: {
  readonly meeting: Meeting
  readonly agenda: Agenda.Agenda
  readonly names: Parameters<typeof AgendaView>[0]["names"]
}) => {
  const { t, locale } = useText()
  const [omitted, setOmitted] = useState<ReadonlyArray<string>>(agenda.omitted ?? [])
  const [topics, setTopics] = useState<ReadonlyArray<Topic>>(
    agenda.items.flatMap((item) =>
      item._tag === "Topic" ? [{ id: item.topicId, section: item.section, title: item.title }] : [],
    ),
  )
  const [section, setSection] = useState<string>("other-business")
  const [title, setTitle] = useState("")
  const [saved, setSaved] = useState(false)
  const command = useVersionedCommand<{ topics: ReadonlyArray<Topic>; omitted: ReadonlyArray<string> }>({
    invalidates: meetingKeys(meeting.id),
    version: meeting.version,
    send: (api, header, body) =>
      api.PUT("/v1/meetings/{meetingId}/agenda", {
        params: { path: { meetingId: meeting.id }, header },
        body: body as never,
      }),
    done: () => setSaved(true),
  })
  const save = (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    command.run({ topics, omitted })
  }
  const addTopic = () => {
    setTopics([...topics, { section: section as Agenda.TopicSection, title }])
    setTitle("")
  }
  const index = topics.length
  return (
    <form onSubmit={save} noValidate aria-labelledby="agenda">
      {command.stale && <Stale reload={command.reload} />}
      <FormError
        problem={command.problem}
        shown={(field) => field.startsWith("topics") || field.startsWith("omitted")}
      />
      <AgendaView
        agenda={{ ...agenda, items: agenda.items.filter((item) => item._tag !== "Topic") }}
        names={names}
        control={(item) =>
          fixed.has(item._tag) ? null : (
            <label className="inline-check">
              <input
                type="checkbox"
                checked={!omitted.includes(Agenda.keyOf(item))}
                onChange={(event) => {
                  const key = Agenda.keyOf(item)
                  const keep = event.currentTarget.checked
                  setOmitted((now) => (keep ? now.filter((each) => each !== key) : [...now, key]))
                }}
              />
              {t("web.agenda.keep")}
            </label>
          )
        }
      />
      {omitted.length > 0 && <p className="hint">{t("web.agenda.left-out", { count: omitted.length })}</p>}
      {topics.length > 0 && (
        <ul className="worklist">
          {topics.map((topic, at) => (
            <li key={topic.id ?? `new-${at}`} className="item">
              <span translate="no">{topic.title}</span>
              <span className="meta">{Agenda.sectionTitle(topic.section, locale)}</span>
              <FieldError problem={command.problem} field={`topics.${at}`} />
              <button
                type="button"
                className="button quiet"
                onClick={() => setTopics(topics.filter((_, other) => other !== at))}
              >
                {t("web.agenda.topic.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="card">
        <legend>{t("web.agenda.topic")}</legend>
        <Select
          field="section"
          scope="topic"
          label={t("web.agenda.topic.section")}
          value={section}
          options={Agenda.TopicSection.literals.map((each) => [each, Agenda.sectionTitle(each, locale)] as const)}
          onChange={setSection}
          problem={undefined}
        />
        <div className="field">
          <label htmlFor={inputId(`topics.${index}.title`)}>{t("web.agenda.topic")}</label>
          <input
            id={inputId(`topics.${index}.title`)}
            value={title}
            autoComplete="off"
            onChange={(event) => setTitle(event.currentTarget.value)}
            {...invalidProps(command.problem, `topics.${index}.title`)}
          />
        </div>
        <button type="button" className="button secondary" disabled={title.trim() === ""} onClick={addTopic}>
          {t("web.agenda.topic.add")}
        </button>
      </fieldset>
      <button type="submit" className="button" disabled={command.pending}>
        {t("web.agenda.save")}
      </button>
      {saved && <p role="status">{t("web.agenda.saved")}</p>}
    </form>
  )
}

export const AgendaSection = ({ meeting, editable }: { readonly meeting: Meeting; readonly editable: boolean }) => {
  const { t } = useText()
  const agenda = useAgenda(meeting.id)
  return (
    <section aria-labelledby="agenda" className="card">
      <h2 id="agenda">{t("web.agenda.title")}</h2>
      <p className="hint">{t("web.agenda.hint")}</p>
      <Loaded query={agenda}>
        {({ agenda: data, names }) =>
          editable ? (
            <Editor key={meeting.version} meeting={meeting} agenda={data} names={names} />
          ) : (
            <AgendaView agenda={data} names={names} />
          )
        }
      </Loaded>
    </section>
  )
}
