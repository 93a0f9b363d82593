/**
 * A person's identifying details, hidden until someone asks for them with a
 * purpose: the read is the API's audited one (`details/read`), the answer is
 * kept only while shown — hiding them, or leaving the page, drops it from the
 * query cache — and it is marked `translate="no"` (people's own words).
 */
import { BashkeProblem } from "@bashke/client"
import { securityMessages } from "@bashke/security"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useId, useState } from "react"
import { useApi } from "../Session"
import { addMessages, type MessageKey, useText } from "../Text"

addMessages(securityMessages)

const purposes = ["case-management", "protection", "referral"] as const
type Purpose = (typeof purposes)[number]

const fieldKey = (field: string) =>
  `case.person.details.${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}` as MessageKey

export const PersonDetails = ({ caseId, personId }: { readonly caseId: string; readonly personId: string }) => {
  const { t, label } = useText()
  const api = useApi()
  const queryClient = useQueryClient()
  const id = useId()
  const [asking, setAsking] = useState(false)
  const [purpose, setPurpose] = useState<Purpose>("case-management")
  const [shown, setShown] = useState<Purpose | undefined>(undefined)
  const key = ["person-details", caseId, personId]
  const details = useQuery({
    queryKey: key,
    enabled: shown !== undefined,
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () =>
      (
        await api.POST("/v1/cases/{caseId}/persons/{personId}/details/read", {
          params: { path: { caseId, personId } },
          body: { purpose: shown as Purpose },
        })
      ).data,
  })
  // Leaving the page hides them too.
  useEffect(
    () => () => queryClient.removeQueries({ queryKey: ["person-details", caseId, personId] }),
    [queryClient, caseId, personId],
  )
  const hide = () => {
    setShown(undefined)
    setAsking(false)
    queryClient.removeQueries({ queryKey: key })
  }
  if (shown !== undefined && details.data !== undefined) {
    return (
      <div className="details">
        <dl className="facts" translate="no">
          {Object.entries(details.data).map(([field, value]) => (
            <div key={field} className="fact">
              <dt>{label(fieldKey(field))}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button" onClick={hide}>
          {t("web.details.hide")}
        </button>
      </div>
    )
  }
  if (!asking) {
    return (
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t("web.details.show")}
      </button>
    )
  }
  return (
    <form
      className="details"
      onSubmit={(event) => {
        event.preventDefault()
        if (shown === purpose) void details.refetch()
        else setShown(purpose)
      }}
    >
      <label className="field" htmlFor={`${id}-purpose`}>
        <span>{t("web.details.purpose")}</span>
        <select
          id={`${id}-purpose`}
          value={purpose}
          onChange={(event) => setPurpose(event.currentTarget.value as Purpose)}
        >
          {purposes.map((each) => (
            <option key={each} value={each}>
              {label(`purpose.${each}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t("web.details.audited")}</p>
      {details.isError && (
        <p className="error" role="alert">
          {BashkeProblem.is(details.error) ? (details.error.detail ?? details.error.title) : t("web.error.title")}
        </p>
      )}
      <button type="submit" className="button primary" disabled={shown !== undefined && details.isFetching}>
        {t("web.details.confirm")}
      </button>
    </form>
  )
}
