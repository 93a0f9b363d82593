/**
 * A scheduled meeting's agenda, built by the API from data. The coordinator
 * edits it: items of the rule left out (unticked), topics of their own added
 * to a section (shown in place, removable); saved with the meeting's version
 * (`If-Match`). A refusal shows by the field it names (`topics.0.title`,
 * `omitted.0`).
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

type Names = Parameters<typeof AgendaView>[0]["names"]

const fixed = new Set(["ConfidentialityStatement", "OtherBusiness"])

/** A topic as an agenda item, to show in its section (a new one has no id yet: a placeholder keys it). */
const asItem = (topic: Topic, at: number): Agenda.Item => ({
  _tag: "Topic",
  topicId: (topic.id ?? `new-${at}`) as Agenda.TopicId,
  section: topic.section,
  title: topic.title,
})

const Editor = ({
  meeting,
  agenda,
  names,
  onSaved,
}: {
  readonly meeting: Meeting
  readonly agenda: Agenda.Agenda
  readonly names: Names
  readonly onSaved: () => void
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
  const command = useVersionedCommand<{ topics: ReadonlyArray<Topic>; omitted: ReadonlyArray<string> }>({
    invalidates: meetingKeys(meeting.id),
    version: meeting.version,
    send: (api, header, body) =>
      api.PUT("/v1/meetings/{meetingId}/agenda", {
        params: { path: { meetingId: meeting.id }, header },
        body: body as never,
      }),
    done: onSaved,
  })
  const save = (event: FormEvent) => {
    event.preventDefault()
    command.run({ topics, omitted })
  }
  const index = topics.length
  const shown = [
    ...agenda.items.filter((item) => item._tag !== "Topic"),
    ...topics.map((topic, at) => asItem(topic, at)),
  ]
  return (
    <form onSubmit={save} noValidate>
      {command.stale && <Stale reload={command.reload} />}
      <FormError
        problem={command.problem}
        shown={(field) => field.startsWith("topics.") || field.startsWith("omitted.")}
      />
      <AgendaView
        agenda={{ ...agenda, items: shown }}
        names={names}
        control={(item) => {
          if (item._tag === "Topic") {
            const at = shown.filter((each) => each._tag === "Topic").indexOf(item)
            return (
              <>
                <button
                  type="button"
                  className="button secondary inline-check"
                  onClick={() => setTopics(topics.filter((_, other) => other !== at))}
                >
                  {t("web.agenda.topic.remove")}
                </button>
                <FieldError problem={command.problem} field={`topics.${at}`} />
              </>
            )
          }
          if (fixed.has(item._tag)) return null
          const key = Agenda.keyOf(item)
          const at = omitted.indexOf(key)
          return (
            <>
              <label className="inline-check">
                <input
                  type="checkbox"
                  checked={at === -1}
                  onChange={(event) => {
                    const keep = event.currentTarget.checked
                    setOmitted((now) => (keep ? now.filter((each) => each !== key) : [...now, key]))
                  }}
                />
                {t("web.agenda.keep")}
              </label>
              {at !== -1 && <FieldError problem={command.problem} field={`omitted.${at}`} />}
            </>
          )
        }}
      />
      {omitted.length > 0 && <p className="hint">{t("web.agenda.left-out", { count: omitted.length })}</p>}
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
        <button
          type="button"
          className="button secondary"
          disabled={title.trim() === ""}
          onClick={() => {
            setTopics([...topics, { section: section as Agenda.TopicSection, title }])
            setTitle("")
          }}
        >
          {t("web.agenda.topic.add")}
        </button>
      </fieldset>
      <button type="submit" className="button" disabled={command.pending}>
        {t("web.agenda.save")}
      </button>
    </form>
  )
}

export const AgendaSection = ({ meeting, editable }: { readonly meeting: Meeting; readonly editable: boolean }) => {
  const { t } = useText()
  const agenda = useAgenda(meeting.id)
  // Outside the editor, which starts afresh from the saved agenda at each new version.
  const [saved, setSaved] = useState(false)
  return (
    <section aria-labelledby="agenda" className="card">
      <h2 id="agenda">{t("web.agenda.title")}</h2>
      <p className="hint">{t("web.agenda.hint")}</p>
      <Loaded query={agenda}>
        {({ agenda: data, names }) =>
          editable ? (
            <Editor
              key={`${meeting.version}-${data.items.length}`}
              meeting={meeting}
              agenda={data}
              names={names}
              onSaved={() => setSaved(true)}
            />
          ) : (
            <AgendaView agenda={data} names={names} />
          )
        }
      </Loaded>
      {saved && <p role="status">{t("web.agenda.saved")}</p>}
    </section>
  )
}
