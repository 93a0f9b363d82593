/**
 * The log of what the survivor was told: when, which of the survivors, on
 * which topics, in which language, what was said and by which institution —
 * read by the team's full-access members (every entry shown audited), kept
 * in memory only while shown. Recording an entry checks it with the case
 * package's schema first; the API's refusal shows by the field it names.
 */
import { SurvivorInformed } from "@bashke/case"
import { Locale } from "@bashke/kernel"
import { useQuery } from "@tanstack/react-query"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { FormError, fromDecode } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { useText } from "../../Text"
import { useAdminCommand } from "../admin/AdminCommand"
import { type CaseData, survivorsOf, useAccess } from "./CaseRecordsPage"
import { CodeChoices } from "./CodeChoices"
import { TextArea } from "./TextArea"
import { instantOf } from "./WhenInput"

const scope = "told"
const toldKey = (caseId: string) => ["survivor-told", caseId]
const told = SurvivorInformed.SurvivorInformed.fields
const checkTold = Schema.decodeUnknownEither(
  Schema.Struct({
    personId: told.personId,
    topics: told.topics,
    said: told.said,
    language: told.language,
    toldAt: Schema.optional(told.toldAt),
  }),
)
const fields = ["personId", "topics", "said", "language", "toldAt"]

const localeKey = (locale: Locale.Locale) => `locale.${locale.toLowerCase()}`

const ToldLog = ({ data }: { readonly data: CaseData }) => {
  const { t, label, dateTime, locale } = useText()
  const api = useApi()
  const names = namesOf(useInstitutions().data)
  const survivors = new Map(survivorsOf(data, label))
  const told = useQuery({
    queryKey: toldKey(data.id),
    gcTime: 0,
    queryFn: async () =>
      (
        await api.GET("/v1/cases/{caseId}/survivor-informed", {
          params: { path: { caseId: data.id }, query: { limit: 100 } },
        })
      ).data,
  })
  return (
    <Loaded query={told}>
      {(page) =>
        page.items.length === 0 ? (
          <p>{t("web.survivor.told.none")}</p>
        ) : (
          <ol className="timeline" data-testid="told-log">
            {page.items.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.toldAt}>
                  {t("web.survivor.told.entry", {
                    when: dateTime(entry.toldAt),
                    person: survivors.get(entry.personId) ?? "",
                    language: label(localeKey(entry.language)),
                  })}
                </time>
                <strong>{entry.topics.map((topic) => label(`web.survivor.told.topic.${topic}`)).join(", ")}</strong>
                <p className="note-text" translate="no">
                  {entry.said}
                </p>
                <span className="meta" translate="no">
                  {nameOf(names, entry.institution, locale)}
                </span>
              </li>
            ))}
          </ol>
        )
      }
    </Loaded>
  )
}

const RecordTold = ({ data }: { readonly data: CaseData }) => {
  const text = useText()
  const { t, label, locale } = text
  const api = useApi()
  const survivors = survivorsOf(data, label)
  const [personId, setPersonId] = useState(survivors[0]?.[0] ?? "")
  const [topics, setTopics] = useState<ReadonlyArray<SurvivorInformed.Topic>>([])
  const [said, setSaid] = useState("")
  const [language, setLanguage] = useState<string>(locale)
  const [toldAt, setToldAt] = useState("")
  const record = useAdminCommand(
    async (body: object) =>
      (
        await api.POST("/v1/cases/{caseId}/survivor-informed", {
          params: { path: { caseId: data.id } },
          body: body as never,
        })
      ).data,
    {
      refresh: [toldKey(data.id)],
      done: () => {
        setSaid("")
        setTopics([])
        setToldAt("")
      },
    },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = { personId, topics, said, language, ...instantOf("toldAt", toldAt) }
    const checked = checkTold(body)
    if (Either.isLeft(checked)) return record.setProblem(fromDecode(checked.left, text))
    record.run(body)
  }
  return (
    <details>
      <summary>{t("web.survivor.told.record")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.survivor.told.record")}>
        <FormError problem={record.problem} shown={(field) => fields.includes(field.split(".")[0] ?? "")} />
        <Select
          scope={scope}
          field="personId"
          label={t("web.survivor.person")}
          value={personId}
          options={survivors}
          onChange={setPersonId}
          problem={record.problem}
        />
        <CodeChoices
          field="topics"
          scope={scope}
          legend={t("web.survivor.told.topics")}
          codes={SurvivorInformed.Topic.literals}
          labelOf={(topic) => label(`web.survivor.told.topic.${topic}`)}
          value={topics}
          onChange={setTopics}
          problem={record.problem}
        />
        <TextArea
          field="said"
          scope={scope}
          label={t("web.survivor.told.said")}
          value={said}
          onChange={setSaid}
          problem={record.problem}
        />
        <Select
          scope={scope}
          field="language"
          label={t("web.survivor.told.language")}
          value={language}
          options={Locale.all.map((each) => [each, label(localeKey(each))] as const)}
          onChange={setLanguage}
          problem={record.problem}
        />
        <TextInput
          scope={scope}
          field="toldAt"
          type="datetime-local"
          label={t("web.records.when-empty-now")}
          value={toldAt}
          onChange={setToldAt}
          problem={record.problem}
        />
        {record.succeeded && said === "" && <p role="status">{t("web.records.saved")}</p>}
        <button type="submit" className="button primary" disabled={record.pending}>
          {t("web.survivor.save")}
        </button>
      </form>
    </details>
  )
}

export const SurvivorToldSection = ({ data }: { readonly data: CaseData }) => {
  const { t } = useText()
  return (
    <section aria-labelledby="told" className="card">
      <h2 id="told">{t("web.survivor.told")}</h2>
      {useAccess(data) === "full" ? <ToldLog data={data} /> : <p>{t("web.records.full-access-only")}</p>}
      <RecordTold data={data} />
    </section>
  )
}
