/**
 * The transfers waiting to or from the coordinator's mechanism. An incoming
 * one is accepted with the lead institution that takes the case here (a
 * member of this mechanism), or declined; once accepted the case — all its
 * history — is this mechanism's, and the sending members no longer open it.
 * Mechanisms show by name, institutions by name; a case by nothing that
 * identifies anyone (the receiving side reads it once it is theirs).
 */
import { caseMessages, caseworkMessages } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { LocalizedText } from "@bashke/kernel"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link } from "@tanstack/react-router"
import { type FormEvent, useState } from "react"
import { FormError, fromApi, type Problem } from "../../FieldProblem"
import { Select } from "../../Fields"
import { nameOf } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useMechanisms } from "../../Mechanism"
import { useApi } from "../../Session"
import { addMessages, usePageTitle, useText } from "../../Text"
import { webCaseworkMessages } from "../../WebCaseworkMessages"
import { webCorrectionsMessages } from "../../WebCorrectionsMessages"
import { useDestinations } from "./CaseTransfer"

addMessages(caseMessages)
addMessages(caseworkMessages)
addMessages(webCaseworkMessages)
addMessages(webCorrectionsMessages)

type Transfer = Schemas["CaseTransfer"]

const Incoming = ({
  transfer,
  mechanismId,
  from,
}: {
  readonly transfer: Transfer
  readonly mechanismId: string
  readonly from: string
}) => {
  const text = useText()
  const { t, dateTime, locale } = text
  const api = useApi()
  const queryClient = useQueryClient()
  const [lead, setLead] = useState("")
  const [problem, setProblem] = useState<Problem | undefined>(undefined)
  const members = useQuery({
    queryKey: ["memberships", mechanismId],
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (
        await api.GET("/v1/mechanisms/{mechanismId}/memberships", {
          params: { path: { mechanismId }, query: { limit: 100 } },
        })
      ).data,
  })
  const decide = useMutation({
    mutationFn: async (decision: "accept" | "decline") =>
      decision === "accept"
        ? (
            await api.POST("/v1/case-transfers/{transferId}/acceptance", {
              params: { path: { transferId: transfer.id } },
              body: { lead },
            })
          ).data
        : (await api.POST("/v1/case-transfers/{transferId}/decline", { params: { path: { transferId: transfer.id } } }))
            .data,
    onMutate: () => setProblem(undefined),
    onError: (error) => setProblem(fromApi(error, text)),
    // An accepted one stays on screen with the link to the case; a declined one leaves the list.
    onSuccess: (answer) => {
      if (answer.status === "declined")
        void queryClient.invalidateQueries({ queryKey: ["case-transfers", mechanismId] })
    },
  })
  const scope = `transfer-${transfer.id}`
  const submit = (event: FormEvent) => {
    event.preventDefault()
    decide.mutate("accept")
  }
  if (decide.data?.status === "accepted")
    return (
      <li className="item">
        <p role="status">{t("web.transfers.accepted")}</p>
        <Link to="/cases/$caseId" params={{ caseId: transfer.caseId }}>
          {t("web.transfers.open-case")}
        </Link>
      </li>
    )
  if (decide.data?.status === "declined") return null
  return (
    <li className="item">
      <span>{t("web.transfers.incoming", { mechanism: from, when: dateTime(transfer.proposedAt) })}</span>
      <form onSubmit={submit} noValidate aria-label={t("web.transfers.accept")}>
        <FormError problem={problem} shown={(field) => field === "lead"} />
        <Select
          scope={scope}
          field="lead"
          label={t("web.transfers.lead")}
          value={lead}
          empty={t("web.open-case.choose")}
          names
          options={(members.data?.items ?? [])
            .filter((member) => member.leftOn === undefined)
            .map(
              (member) =>
                [member.institutionId, nameOf(member.institutionNames, member.institutionId, locale)] as const,
            )}
          onChange={setLead}
          problem={problem}
        />
        <button type="submit" className="button primary" disabled={decide.isPending}>
          {t("web.transfers.accept")}
        </button>
        <button type="button" className="button" disabled={decide.isPending} onClick={() => decide.mutate("decline")}>
          {t("web.transfers.decline")}
        </button>
      </form>
    </li>
  )
}

export const Transfers = () => {
  const { t, dateTime, locale } = useText()
  usePageTitle(t("web.transfers.title"))
  const api = useApi()
  const mechanisms = useMechanisms()
  const mechanismId = mechanisms.data?.items[0]?.id
  const destinations = useDestinations()
  const transfers = useQuery({
    queryKey: ["case-transfers", mechanismId],
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/mechanisms/{mechanismId}/case-transfers", {
          params: { path: { mechanismId: mechanismId as string } },
        })
      ).data,
  })
  const mechanismName = (id: string) => {
    const found = destinations.data?.find((each) => each.id === id)
    return found === undefined ? id : LocalizedText.localize(found.name, locale)
  }
  return (
    <>
      <h1>{t("web.transfers.title")}</h1>
      <Loaded query={transfers}>
        {(items) =>
          items.length === 0 ? (
            <p>{t("web.transfers.none")}</p>
          ) : (
            <ul className="worklist">
              {items.map((transfer) =>
                transfer.to === mechanismId ? (
                  <Incoming
                    key={transfer.id}
                    transfer={transfer}
                    mechanismId={mechanismId}
                    from={mechanismName(transfer.from)}
                  />
                ) : (
                  <li key={transfer.id} className="item">
                    <span>
                      {t("web.transfers.outgoing", {
                        mechanism: mechanismName(transfer.to),
                        when: dateTime(transfer.proposedAt),
                      })}
                    </span>
                  </li>
                ),
              )}
            </ul>
          )
        }
      </Loaded>
    </>
  )
}
