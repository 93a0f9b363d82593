/**
 * Proposing to move a case to another mechanism when the survivor moves: the
 * sending coordinator picks the receiving mechanism by name (the API's
 * transfer destinations) and proposes with the case version the page read.
 * The API's refusals — the same mechanism, no consent from the survivor, a
 * transfer already waiting — show beside the one field.
 */
import { caseMessages, caseworkMessages } from "@bashke/case"
import { LocalizedText } from "@bashke/kernel"
import { useQuery } from "@tanstack/react-query"
import { Link, useParams } from "@tanstack/react-router"
import { type FormEvent, useState } from "react"
import { fromApi } from "../../FieldProblem"
import { Select } from "../../Fields"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { Stale } from "../../Stale"
import { addMessages, usePageTitle, useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"
import { webCaseworkMessages } from "../../WebCaseworkMessages"
import { webCorrectionsMessages } from "../../WebCorrectionsMessages"

addMessages(caseMessages)
addMessages(caseworkMessages)
addMessages(webCaseworkMessages)
addMessages(webCorrectionsMessages)

/** The active mechanisms a case can move to, by name. */
export const useDestinations = () => {
  const api = useApi()
  return useQuery({
    queryKey: ["transfer-destinations"],
    staleTime: 5 * 60_000,
    queryFn: async () => (await api.GET("/v1/case-transfer-destinations")).data,
  })
}

export const CaseTransfer = () => {
  const { caseId } = useParams({ from: "/cases/$caseId/transfer" })
  const { t, locale } = useText()
  const api = useApi()
  const found = useQuery({
    queryKey: ["case", caseId],
    queryFn: async () => (await api.GET("/v1/cases/{caseId}", { params: { path: { caseId } } })).data,
  })
  const destinations = useDestinations()
  const [to, setTo] = useState("")
  const [proposed, setProposed] = useState(false)
  const command = useVersionedCommand<{ toMechanismId: string }>({
    invalidates: [["case", caseId]],
    version: found.data?.version ?? 0,
    send: (client, header, body) =>
      client.POST("/v1/cases/{caseId}/transfers", { params: { path: { caseId }, header }, body }),
    done: () => setProposed(true),
    // The form has one field: a refusal about the case itself (consent, one already waiting) shows there too.
    problemOf: (error, text) => {
      const problem = fromApi(error, text)
      return problem.field === "caseId" ? { ...problem, field: "toMechanismId" } : problem
    },
  })
  usePageTitle(
    found.data === undefined ? t("web.transfer.link") : t("web.transfer.title", { reference: found.data.reference }),
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setProposed(false)
    command.run({ toMechanismId: to })
  }
  return (
    <Loaded query={found}>
      {(data) => (
        <>
          <h1>{t("web.transfer.title", { reference: data.reference })}</h1>
          <p>
            <Link to="/cases/$caseId" params={{ caseId }}>
              {t("web.corrections.back")}
            </Link>
          </p>
          <p>{t("web.transfer.intro")}</p>
          <Loaded query={destinations}>
            {(mechanisms) => (
              <form onSubmit={submit} noValidate className="card">
                {command.stale && <Stale reload={command.reload} />}
                <Select
                  field="toMechanismId"
                  label={t("web.transfer.to")}
                  value={to}
                  empty={t("web.open-case.choose")}
                  names
                  options={[...mechanisms]
                    .map((each) => [each.id, LocalizedText.localize(each.name, locale)] as const)
                    .sort(([, a], [, b]) => a.localeCompare(b, locale))}
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
            )}
          </Loaded>
        </>
      )}
    </Loaded>
  )
}
