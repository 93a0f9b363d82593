/**
 * What the plugins could not do alone. The review queue (coordinators and
 * administrators): records a police or court plugin could not place, each
 * with its source, reason and the cases it might be — resolved by matching it
 * to a case (chosen by its reference: the list is pseudonymised), by a new
 * case opened for it, or dismissed. The dead letters (administrators): records
 * and events a plugin gave up on, by code, each replayed from its first
 * attempt.
 */
import type { Schemas } from "@bashke/client"
import { useQuery } from "@tanstack/react-query"
import { Link } from "@tanstack/react-router"
import { type FormEvent, useState } from "react"
import { FormError } from "../../FieldProblem"
import { Select } from "../../Fields"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { useText } from "../../Text"
import { useAdminCommand } from "./AdminCommand"
import { AdminFrame, useIsAdministrator } from "./AdminFrame"
import { useMechanismId } from "./AdminQueries"

const reviewsKey = ["admin", "plugin-reviews"] as const
const deadLettersKey = ["admin", "dead-letters"] as const

/** The mechanism's cases by reference, to choose a review item's case by. */
const useCaseReferences = () => {
  const api = useApi()
  const mechanismId = useMechanismId()
  return useQuery({
    queryKey: ["admin", "case-references", mechanismId],
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/cases", { params: { query: { mechanismId: mechanismId as string, limit: 100 } } })
      ).data.items.map((row) => ({ id: row.id, reference: row.reference })),
  })
}

const Resolve = ({
  item,
  references,
}: {
  readonly item: Schemas["PluginReviewSummary"]
  readonly references: ReadonlyArray<{ readonly id: string; readonly reference: string }>
}) => {
  const { t } = useText()
  const api = useApi()
  const candidates = new Set(item.candidates.map((candidate) => candidate.caseId))
  const [how, setHow] = useState<"Matched" | "NewCaseOpened" | "Dismissed">("Matched")
  const [caseId, setCaseId] = useState(item.candidates[0]?.caseId ?? "")
  const resolve = useAdminCommand(
    async (body: object) =>
      (
        await api.POST("/v1/plugins/reviews/{reviewId}/resolution", {
          params: { path: { reviewId: item.id } },
          body: body as never,
        })
      ).data,
    { refresh: [reviewsKey] },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (how === "Dismissed") return resolve.run({ _tag: "Dismissed" })
    const candidate = item.candidates.find((each) => each.caseId === caseId)
    resolve.run({
      _tag: how,
      caseId,
      ...(how === "Matched" && candidate !== undefined ? { personId: candidate.personId } : {}),
    })
  }
  const scope = `review-${item.id}`
  // Candidates first, then the other cases of the mechanism.
  const options = [...references]
    .sort((a, b) => Number(candidates.has(b.id)) - Number(candidates.has(a.id)))
    .map(
      (each) =>
        [
          each.id,
          candidates.has(each.id) ? t("web.admin.plugins.candidate", { reference: each.reference }) : each.reference,
        ] as const,
    )
  return (
    <form onSubmit={submit} noValidate aria-label={t("web.admin.plugins.resolve")}>
      <FormError problem={resolve.problem} shown={(field) => field === "caseId"} />
      <Select
        scope={scope}
        field="how"
        label={t("web.admin.plugins.how")}
        value={how}
        options={[
          ["Matched", t("web.admin.plugins.how.matched")],
          ["NewCaseOpened", t("web.admin.plugins.how.new-case")],
          ["Dismissed", t("web.admin.plugins.how.dismissed")],
        ]}
        onChange={(value) => setHow(value as typeof how)}
        problem={resolve.problem}
      />
      {how !== "Dismissed" && (
        <>
          <Select
            scope={scope}
            field="caseId"
            label={t("web.admin.plugins.case")}
            value={caseId}
            empty={t("web.admin.choose")}
            options={options}
            onChange={setCaseId}
            problem={resolve.problem}
          />
          {how === "NewCaseOpened" && (
            <p className="hint">
              {t("web.admin.plugins.new-case.hint")} <Link to="/cases/new">{t("web.admin.plugins.open-case")}</Link>
            </p>
          )}
        </>
      )}
      <button type="submit" className="button primary" disabled={resolve.pending}>
        {t("web.admin.plugins.resolve")}
      </button>
    </form>
  )
}

const ReviewQueue = () => {
  const { t, label, dateTime } = useText()
  const api = useApi()
  const [state, setState] = useState<"open" | "all">("open")
  const references = useCaseReferences()
  const reviews = useQuery({
    queryKey: [...reviewsKey, state],
    queryFn: async () => (await api.GET("/v1/plugins/reviews", { params: { query: { state, limit: 50 } } })).data,
  })
  const referenceOf = (caseId: string) =>
    references.data?.find((each) => each.id === caseId)?.reference ?? t("web.admin.plugins.unknown-case")
  return (
    <section aria-labelledby="reviews" className="card">
      <h2 id="reviews">{t("web.admin.plugins.reviews")}</h2>
      <label className="field inline">
        <span>{t("web.admin.plugins.show")}</span>
        <select value={state} onChange={(event) => setState(event.currentTarget.value as "open" | "all")}>
          <option value="open">{t("web.admin.plugins.show.open")}</option>
          <option value="all">{t("web.admin.plugins.show.all")}</option>
        </select>
      </label>
      <Loaded query={reviews}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("web.admin.plugins.no-reviews")}</p>
          ) : (
            <ul className="worklist">
              {page.items.map((item) => (
                <li key={item.id} className="item">
                  <h3 className="item-title">
                    {t("web.admin.plugins.item", { source: item.source, plugin: item.plugin })}
                  </h3>
                  <p className="meta">
                    {label(item.reason)}
                    {" · "}
                    {dateTime(item.createdAt)}
                    {item.candidates.length > 0 &&
                      ` · ${t("web.admin.plugins.candidates", {
                        references: item.candidates.map((candidate) => referenceOf(candidate.caseId)).join(", "),
                      })}`}
                  </p>
                  {item.resolved ? (
                    <p>
                      {item.resolution?._tag === "Dismissed"
                        ? t("web.admin.plugins.resolved.dismissed")
                        : t("web.admin.plugins.resolved.case", {
                            reference:
                              item.resolution !== undefined && "caseId" in item.resolution
                                ? referenceOf(item.resolution.caseId)
                                : "",
                          })}
                    </p>
                  ) : (
                    <Resolve item={item} references={references.data ?? []} />
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  )
}

const Replay = ({ letter }: { readonly letter: Schemas["PluginDeadLetters"]["items"][number] }) => {
  const { t } = useText()
  const api = useApi()
  const replay = useAdminCommand(
    async () => (await api.POST("/v1/plugins/dead-letters/replay", { body: letter as never })).data,
    { refresh: [deadLettersKey] },
  )
  return (
    <>
      <FormError problem={replay.problem} shown={() => false} />
      {replay.answer !== undefined && <p role="status">{t("web.admin.plugins.replayed")}</p>}
      <button
        type="button"
        className="button secondary"
        disabled={replay.pending}
        onClick={() => replay.run(undefined)}
      >
        {t("web.admin.plugins.replay")}
      </button>
    </>
  )
}

const DeadLetters = () => {
  const { t, dateTime } = useText()
  const api = useApi()
  const letters = useQuery({
    queryKey: deadLettersKey,
    queryFn: async () => (await api.GET("/v1/plugins/dead-letters", { params: { query: { limit: 50 } } })).data,
  })
  return (
    <section aria-labelledby="dead-letters" className="card">
      <h2 id="dead-letters">{t("web.admin.plugins.dead-letters")}</h2>
      <Loaded query={letters}>
        {(found) =>
          found.items.length === 0 ? (
            <p>{t("web.admin.plugins.no-dead-letters")}</p>
          ) : (
            <ul className="worklist">
              {found.items.map((letter) => (
                <li
                  key={letter._tag === "DeadRecord" ? letter.inboxId : `${letter.subscription}-${letter.eventId}`}
                  className="item"
                >
                  <h3 className="item-title">
                    {letter._tag === "DeadRecord"
                      ? t("web.admin.plugins.dead-record", { plugin: letter.plugin, source: letter.source })
                      : t("web.admin.plugins.dead-event", { plugin: letter.plugin, topic: letter.topic })}
                  </h3>
                  <p className="meta">
                    {t("web.admin.plugins.attempts", { count: letter.attempts })}
                    {" · "}
                    {dateTime(letter._tag === "DeadRecord" ? letter.receivedAt : letter.occurredAt)}
                    {letter.lastError !== null && (
                      <>
                        {" · "}
                        <code translate="no">{letter.lastError}</code>
                      </>
                    )}
                  </p>
                  <Replay letter={letter} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  )
}

export const Plugins = () => {
  const administrator = useIsAdministrator()
  return (
    <AdminFrame title="web.admin.plugins.title">
      <ReviewQueue />
      {administrator && <DeadLetters />}
    </AdminFrame>
  )
}
