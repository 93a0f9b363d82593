/**
 * Proposing to move a case to another mechanism when the survivor moves: the
 * sending coordinator — who sees the mechanism's cases pseudonymised, not
 * whole — picks the case by its reference and the receiving mechanism by
 * name, and proposes with the case version the list showed (`If-Match`). The
 * API's refusals show beside the field they are about: the same mechanism
 * beside the mechanism; no consent from the survivor, or a transfer already
 * waiting, beside the case.
 */
import { LocalizedText } from "@bashke/kernel"
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { everyPage } from "../../EveryPage"
import { FormError } from "../../FieldProblem"
import { Select } from "../../Fields"
import * as LocaleOrder from "../../LocaleOrder"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"

/** The active mechanisms a case can move to, by name. */
export const useDestinations = () => {
  const api = useApi()
  return useQuery({
    queryKey: ["transfer-destinations"],
    staleTime: 5 * 60_000,
    queryFn: async () => (await api.GET("/v1/case-transfer-destinations")).data,
  })
}

/** The mechanism's open cases, pseudonymised: every page of the case list. */
const useOpenCases = (mechanismId: string) => {
  const api = useApi()
  return useQuery({
    queryKey: ["cases", mechanismId, "all"],
    queryFn: async () => {
      return everyPage((after) => api.GET("/v1/cases", { params: { query: { mechanismId, limit: 100, ...after } } }))
    },
  })
}

export const ProposeTransfer = ({ mechanismId }: { readonly mechanismId: string }) => {
  const { t, locale } = useText()
  const destinations = useDestinations()
  const cases = useOpenCases(mechanismId)
  const [caseId, setCaseId] = useState("")
  const [to, setTo] = useState("")
  const [proposed, setProposed] = useState(false)
  const chosen = cases.data?.find((each) => each.id === caseId)
  const command = useVersionedCommand<{ toMechanismId: string }>({
    invalidates: [
      ["cases", mechanismId, "all"],
      ["case-transfers", mechanismId],
    ],
    version: chosen?.version ?? 0,
    send: (api, header, body) =>
      api.POST("/v1/cases/{caseId}/transfers", { params: { path: { caseId }, header }, body }),
    done: () => setProposed(true),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setProposed(false)
    if (caseId === "") return command.setProblem({ field: "caseId", text: t("web.transfer.case-required") })
    command.run({ toMechanismId: to })
  }
  return (
    <section aria-labelledby="propose-transfer" className="card">
      <h2 id="propose-transfer">{t("web.transfer.link")}</h2>
      <p>{t("web.transfer.intro")}</p>
      <form onSubmit={submit} noValidate aria-labelledby="propose-transfer">
        {command.stale && <Stale reload={command.reload} />}
        <FormError problem={command.problem} shown={(field) => field === "caseId" || field === "toMechanismId"} />
        <Select
          field="caseId"
          label={t("web.transfer.case")}
          value={caseId}
          empty={t("web.open-case.choose")}
          names
          options={(cases.data ?? []).map((each) => [each.id, each.reference] as const)}
          onChange={setCaseId}
          problem={command.problem}
        />
        <Select
          field="toMechanismId"
          label={t("web.transfer.to")}
          value={to}
          empty={t("web.open-case.choose")}
          names
          options={(destinations.data ?? [])
            .map((each) => [each.id, LocalizedText.localize(each.name, locale)] as const)
            .sort(([, a], [, b]) => LocaleOrder.compare(locale)(a, b))}
          onChange={setTo}
          problem={command.problem}
        />
        <button type="submit" className="button primary" disabled={command.pending}>
          {t("web.transfer.propose")}
        </button>
        {proposed && command.problem === undefined && (
          <p role="status" className="notice">
            {t("web.transfer.proposed")}
          </p>
        )}
      </form>
    </section>
  )
}
