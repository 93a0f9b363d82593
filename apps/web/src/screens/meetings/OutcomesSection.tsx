/**
 * What a held meeting decided: decisions (optionally owned by a member
 * institution, with a due date) and action items (always owned, always due),
 * listed with their owners by name. The coordinator records them until the
 * minutes are approved; each form's refusal shows by the field it names. An
 * open item's due date is extended by its owner or the coordinator, with the
 * reason, at any time (`ActionItemExtension`), its extensions shown below it.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { FieldError, FormError, fromApi, inputId, invalidProps, type Problem } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf } from "../../Institutions"
import { Loaded } from "../../Loading"
import { localDay, type Meeting, meetingKeys, useDecisions, useMeetingActionItems, useMembers } from "../../MeetingData"
import { useApi, useSession } from "../../Session"
import { type MessageKey, useText } from "../../Text"
import { ActionItemExtension } from "./ActionItemExtension"

type Names = Parameters<typeof nameOf>[0]

/** A form that adds a record to the meeting (no version: decisions and items do not change the meeting). */
const useAdd = <B,>(meetingId: string, send: (body: B) => Promise<unknown>) => {
  const text = useText()
  const queryClient = useQueryClient()
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const [added, setAdded] = useState(0)
  const mutation = useMutation({
    mutationFn: send,
    onMutate: () => setProblem(undefined),
    onSuccess: async () => {
      await Promise.all(meetingKeys(meetingId).map((queryKey) => queryClient.invalidateQueries({ queryKey })))
      setAdded((count) => count + 1)
    },
    onError: (error) => setProblem(fromApi(error, text)),
  })
  // `added` keys the form: a fresh, empty one after each record added.
  return { run: mutation.mutate, pending: mutation.isPending, problem, added }
}

const OutcomeForm = ({
  scope,
  title,
  textField,
  textKey,
  owners,
  ownerRequired,
  problem,
  pending,
  submit,
}: {
  readonly scope: "decision" | "action-item"
  readonly title: MessageKey
  /** The field the API names the text by. */
  readonly textField: "text" | "description"
  readonly textKey: MessageKey
  readonly owners: ReadonlyArray<readonly [string, string]>
  readonly ownerRequired: boolean
  readonly problem: Problem | undefined
  readonly pending: boolean
  readonly submit: (fields: { text: string; owner: string; dueDate: string }) => void
}) => {
  const { t } = useText()
  const [text, setText] = useState("")
  const [owner, setOwner] = useState("")
  const [dueDate, setDueDate] = useState("")
  return (
    <form
      className="card"
      aria-label={t(title)}
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault()
        submit({ text, owner, dueDate })
      }}
    >
      <FormError problem={problem} shown={(field) => [textField, "owner", "dueDate"].includes(field)} />
      <div className="field">
        <label htmlFor={inputId(textField, scope)}>{t(textKey)}</label>
        <textarea
          id={inputId(textField, scope)}
          rows={2}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          {...invalidProps(problem, textField, undefined, scope)}
        />
        <FieldError problem={problem} field={textField} scope={scope} />
      </div>
      <Select
        field="owner"
        scope={scope}
        label={t("web.outcome.owner")}
        value={owner}
        options={owners}
        onChange={setOwner}
        problem={problem}
        empty={ownerRequired ? "—" : t("web.outcome.no-owner")}
      />
      <TextInput
        field="dueDate"
        scope={scope}
        type="date"
        label={t("web.outcome.due")}
        value={dueDate}
        onChange={setDueDate}
        problem={problem}
      />
      <button type="submit" className="button" disabled={pending}>
        {t(title)}
      </button>
    </form>
  )
}

export const OutcomesSection = ({ meeting, editable }: { readonly meeting: Meeting; readonly editable: boolean }) => {
  const { t, label, locale, date } = useText()
  const api = useApi()
  const { me } = useSession()
  const decisions = useDecisions(meeting.id, true)
  const items = useMeetingActionItems(meeting.id, true)
  const members = useMembers(meeting.mechanismId, localDay(meeting.schedule?.startsAt ?? new Date()))
  const names: Names = Object.assign({}, ...(members.data ?? []).map((each) => each.institutionNames))
  const owners = [...new Set((members.data ?? []).map((each) => each.institutionId))].map(
    (id) => [id, nameOf(names, id, locale)] as const,
  )
  const locked = meeting.status === "minutes-approved"
  const addDecision = useAdd(meeting.id, (body: object) =>
    api.POST("/v1/meetings/{meetingId}/decisions", {
      params: { path: { meetingId: meeting.id } },
      body: body as never,
    }),
  )
  const addItem = useAdd(meeting.id, (body: object) =>
    api.POST("/v1/meetings/{meetingId}/action-items", {
      params: { path: { meetingId: meeting.id } },
      body: body as never,
    }),
  )
  const owned = (owner: string | undefined, due: string | undefined) =>
    owner === undefined
      ? due === undefined
        ? null
        : date(due)
      : t("web.outcome.owned", { owner: nameOf(names, owner, locale), due: due === undefined ? "—" : date(due) })
  return (
    <>
      <section aria-labelledby="decisions" className="card">
        <h2 id="decisions">{t("web.decisions.title")}</h2>
        <Loaded query={decisions}>
          {(list) =>
            list.length === 0 ? (
              <p>{t("web.decisions.none")}</p>
            ) : (
              <ul className="worklist" data-testid="decisions">
                {list.map((decision) => (
                  <li key={decision.id} className="item">
                    <span translate="no">{decision.text}</span>
                    <span className="meta">{owned(decision.owner, decision.dueDate)}</span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
        {editable && !locked && (
          <OutcomeForm
            key={addDecision.added}
            scope="decision"
            title="web.decisions.add"
            textField="text"
            textKey="web.decisions.text"
            owners={owners}
            ownerRequired={false}
            problem={addDecision.problem}
            pending={addDecision.pending}
            submit={({ text, owner, dueDate }) =>
              addDecision.run({
                text,
                ...(owner === "" ? {} : { owner }),
                ...(dueDate === "" ? {} : { dueDate }),
              })
            }
          />
        )}
      </section>
      <section aria-labelledby="action-items" className="card">
        <h2 id="action-items">{t("web.action-items.title")}</h2>
        <Loaded query={items}>
          {(list) =>
            list.length === 0 ? (
              <p>{t("web.action-items.none")}</p>
            ) : (
              <ul className="worklist" data-testid="action-items">
                {list.map((item) => (
                  <li key={item.id} className="item">
                    <span translate="no">{item.description}</span>
                    <span className="meta">
                      {owned(item.owner, item.dueDate)} ·{" "}
                      <span className="tag">{label(`meeting.action-item.status.${item.status}`)}</span>
                    </span>
                    <ActionItemExtension
                      item={item}
                      meetingId={meeting.id}
                      mayExtend={item.status === "open" && (editable || me?.institution === item.owner)}
                      names={names}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
        {editable && !locked && (
          <OutcomeForm
            key={addItem.added}
            scope="action-item"
            title="web.action-items.add"
            textField="description"
            textKey="web.action-items.description"
            owners={owners}
            ownerRequired
            problem={addItem.problem}
            pending={addItem.pending}
            submit={({ text, owner, dueDate }) => addItem.run({ description: text, owner, dueDate })}
          />
        )}
      </section>
    </>
  )
}
