/**
 * The survivor's voice at the case conference: each review of the case with
 * her wishes (in her words as written down, or why she was not asked), how
 * they were heard, the outcomes and a note — read by the team's full-access
 * members (every review shown audited), kept in memory only while shown.
 * Recording one checks it with the case package's schema first and names the
 * case version (`If-Match`): a change to the case meanwhile is found stale
 * and offered a reload, keeping what was typed.
 */
import { CaseReview } from "@bashke/case"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { Either, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { useCaseCommand } from "../../CaseCommand"
import { FormError, fromDecode } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { useText } from "../../Text"
import { type CaseData, useAccess } from "./CaseRecordsPage"
import { CodeChoices } from "./CodeChoices"
import { TextArea } from "./TextArea"
import { instantOf } from "./WhenInput"

const scope = "review"
const reviewsKey = (caseId: string) => ["case-reviews", caseId]
const review = CaseReview.CaseReview.fields
const checkReview = Schema.decodeUnknownEither(
  Schema.Struct({
    at: Schema.optional(review.reviewedAt),
    wishesHeard: review.wishesHeard,
    wishes: review.wishes,
    outcomes: review.outcomes,
    note: review.note,
  }),
)
const fields = ["at", "wishesHeard", "wishes", "outcomes", "note"]

const Reviews = ({ data }: { readonly data: CaseData }) => {
  const { t, label, dateTime } = useText()
  const api = useApi()
  const reviews = useQuery({
    queryKey: reviewsKey(data.id),
    gcTime: 0,
    queryFn: async () =>
      (await api.GET("/v1/cases/{caseId}/reviews", { params: { path: { caseId: data.id }, query: { limit: 100 } } }))
        .data,
  })
  return (
    <Loaded query={reviews}>
      {(page) =>
        page.items.length === 0 ? (
          <p>{t("web.survivor.reviews.none")}</p>
        ) : (
          <ol className="timeline" data-testid="reviews">
            {page.items.map((each) => (
              <li key={each.id}>
                <time dateTime={each.reviewedAt}>{dateTime(each.reviewedAt)}</time>
                <strong>{each.outcomes.map((outcome) => label(`case.review.outcome.${outcome}`)).join(", ")}</strong>
                <dl className="facts">
                  <div className="fact">
                    <dt>{t("web.survivor.review.wishes")}</dt>
                    <dd>
                      <span className="tag">{label(`case.review.wishes-heard.${each.wishesHeard}`)}</span>{" "}
                      <span translate="no">{each.wishes}</span>
                    </dd>
                  </div>
                  {each.note !== undefined && (
                    <div className="fact">
                      <dt>{t("web.survivor.review.note")}</dt>
                      <dd translate="no">{each.note}</dd>
                    </div>
                  )}
                </dl>
              </li>
            ))}
          </ol>
        )
      }
    </Loaded>
  )
}

const RecordReview = ({ data }: { readonly data: CaseData }) => {
  const text = useText()
  const { t, label } = text
  const queryClient = useQueryClient()
  const [at, setAt] = useState("")
  const [wishesHeard, setWishesHeard] = useState("")
  const [wishes, setWishes] = useState("")
  const [outcomes, setOutcomes] = useState<ReadonlyArray<CaseReview.Outcome>>([])
  const [note, setNote] = useState("")
  const record = useCaseCommand(
    data.id,
    data.version,
    (api, path, header, body: object) =>
      api.POST("/v1/cases/{caseId}/reviews", { params: { path, header }, body: body as never }),
    () => {
      setAt("")
      setWishes("")
      setOutcomes([])
      setNote("")
      void queryClient.invalidateQueries({ queryKey: reviewsKey(data.id) })
    },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = {
      wishesHeard,
      wishes,
      outcomes,
      ...instantOf("at", at),
      ...(note.trim() === "" ? {} : { note }),
    }
    const checked = checkReview(body)
    if (Either.isLeft(checked)) return record.setProblem(fromDecode(checked.left, text))
    record.run(body)
  }
  return (
    <details>
      <summary>{t("web.survivor.review.record")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.survivor.review.record")}>
        {record.stale && <Stale reload={record.reload} />}
        <FormError problem={record.problem} shown={(field) => fields.includes(field.split(".")[0] ?? "")} />
        <TextInput
          scope={scope}
          field="at"
          type="datetime-local"
          label={t("web.records.when-empty-now")}
          value={at}
          onChange={setAt}
          problem={record.problem}
        />
        <Select
          scope={scope}
          field="wishesHeard"
          label={t("web.survivor.review.heard")}
          value={wishesHeard}
          empty={t("web.open-case.choose")}
          options={CaseReview.WishesHeard.literals.map(
            (code) => [code, label(`case.review.wishes-heard.${code}`)] as const,
          )}
          onChange={setWishesHeard}
          problem={record.problem}
        />
        <TextArea
          field="wishes"
          scope={scope}
          label={t("web.survivor.review.wishes")}
          value={wishes}
          onChange={setWishes}
          problem={record.problem}
        />
        <CodeChoices
          field="outcomes"
          scope={scope}
          legend={t("web.survivor.review.outcomes")}
          codes={CaseReview.Outcome.literals}
          labelOf={(outcome) => label(`case.review.outcome.${outcome}`)}
          value={outcomes}
          onChange={setOutcomes}
          problem={record.problem}
        />
        <TextArea
          field="note"
          scope={scope}
          label={t("web.survivor.review.note")}
          value={note}
          onChange={setNote}
          problem={record.problem}
          rows={2}
        />
        <button type="submit" className="button primary" disabled={record.pending}>
          {t("web.survivor.save")}
        </button>
      </form>
    </details>
  )
}

export const CaseReviewsSection = ({ data }: { readonly data: CaseData }) => {
  const { t } = useText()
  return (
    <section aria-labelledby="reviews" className="card">
      <h2 id="reviews">{t("web.survivor.reviews")}</h2>
      {useAccess(data) === "full" ? <Reviews data={data} /> : <p>{t("web.records.full-access-only")}</p>}
      <RecordReview data={data} />
    </section>
  )
}
