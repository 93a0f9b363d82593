/**
 * The mechanism's register of closed cases, pseudonymised (reference, dates,
 * closure reason, risk level, lead institution: never a name), searched as
 * the API allows — by the reference's beginning, the closure reason and the
 * risk level. A case worker reopens one with a reason; the installation's
 * administrator (and only they) erases a closed case's personal data with a
 * legal reason. Both name the case version the register showed (`If-Match`).
 */
import { CaseLifecycle, caseMessages, caseworkMessages, erasureMessages, RiskInstrument } from "@bashke/case"
import type { Schemas } from "@bashke/client"
import { LocalizedText } from "@bashke/kernel"
import { useQuery } from "@tanstack/react-query"
import { Link } from "@tanstack/react-router"
import { type FormEvent, useState } from "react"
import { FieldError, FormError, fromApi, inputId, invalidProps } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useMechanisms } from "../../Mechanism"
import { useApi, useSession } from "../../Session"
import { Stale } from "../../Stale"
import { addMessages, usePageTitle, useText } from "../../Text"
import { useVersionedCommand } from "../../VersionedCommand"
import { webCaseworkMessages } from "../../WebCaseworkMessages"
import { webCorrectionsMessages } from "../../WebCorrectionsMessages"
import { riskKey } from "../Cases"

addMessages(caseMessages)
addMessages(caseworkMessages)
addMessages(erasureMessages)
addMessages(webCaseworkMessages)
addMessages(webCorrectionsMessages)

type Closed = Schemas["ClosedCase"]

const Reopen = ({ closed, done }: { readonly closed: Closed; readonly done: () => void }) => {
  const { t, label } = useText()
  const [reason, setReason] = useState("")
  const scope = `reopen-${closed.id}`
  const command = useVersionedCommand<{ command: "reopen"; reason: string }>({
    invalidates: [["closed-cases"], ["case", closed.id]],
    version: closed.version,
    send: (api, header, body) =>
      api.POST("/v1/cases/{caseId}/transitions", {
        params: { path: { caseId: closed.id }, header },
        body: body as never,
      }),
    done,
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    command.run({ command: "reopen", reason })
  }
  return (
    <details>
      <summary>{t("web.closed.reopen")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.closed.reopen")}>
        {command.stale && <Stale reload={command.reload} />}
        <FormError problem={command.problem} shown={(field) => field === "reason"} />
        <Select
          scope={scope}
          field="reason"
          label={t("web.closed.reopen.reason")}
          value={reason}
          empty={t("web.open-case.choose")}
          options={CaseLifecycle.ReopenReason.literals.map((code) => [code, label(`case.reopen.${code}`)] as const)}
          onChange={setReason}
          problem={command.problem}
        />
        <button type="submit" className="button primary" disabled={command.pending}>
          {t("web.closed.reopen.save")}
        </button>
      </form>
    </details>
  )
}

const Erase = ({ closed, done }: { readonly closed: Closed; readonly done: () => void }) => {
  const text = useText()
  const { t } = text
  const [reason, setReason] = useState("")
  const scope = `erase-${closed.id}`
  const command = useVersionedCommand<{ reason: string }>({
    invalidates: [["closed-cases"]],
    version: closed.version,
    send: (api, header, body) =>
      api.POST("/v1/cases/{caseId}/erasure", { params: { path: { caseId: closed.id }, header }, body }),
    done,
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    // The API's own rule (`CaseErasure.legalReason`), in its words, before anything goes.
    if (reason.trim() === "")
      return command.setProblem({ field: "reason", text: text.label("case.erasure.reason-required") })
    command.run({ reason })
  }
  return (
    <details>
      <summary>{t("web.erasure.open")}</summary>
      <form onSubmit={submit} noValidate aria-label={t("web.erasure.open")}>
        {command.stale && <Stale reload={command.reload} />}
        <FormError problem={command.problem} shown={(field) => field === "reason"} />
        <p className="hint" id={`${scope}-hint`}>
          {t("web.erasure.hint")}
        </p>
        <div className="field">
          <label htmlFor={inputId("reason", scope)}>{t("web.erasure.reason")}</label>
          <textarea
            id={inputId("reason", scope)}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            {...invalidProps(command.problem, "reason", `${scope}-hint`, scope)}
          />
          <FieldError problem={command.problem} field="reason" scope={scope} />
        </div>
        <button type="submit" className="button danger" disabled={command.pending}>
          {t("web.erasure.confirm")}
        </button>
      </form>
    </details>
  )
}

export const ClosedCases = () => {
  const text = useText()
  const { t, label, date, locale } = text
  usePageTitle(t("web.closed.title"))
  const api = useApi()
  const session = useSession()
  const roles = session.me?.roles ?? []
  const administrator = roles.includes("administrator")
  const mechanisms = useMechanisms()
  const [chosen, setChosen] = useState("")
  const mechanismId = chosen === "" ? mechanisms.data?.items[0]?.id : chosen
  const [reference, setReference] = useState("")
  const [reason, setReason] = useState("")
  const [riskLevel, setRiskLevel] = useState("")
  const [filter, setFilter] = useState<Record<string, string>>({})
  const [notice, setNotice] = useState<string | undefined>(undefined)
  const institutions = useInstitutions()
  const names = namesOf(institutions.data)
  const register = useQuery({
    queryKey: ["closed-cases", mechanismId, filter],
    enabled: mechanismId !== undefined,
    queryFn: async () =>
      (
        await api.GET("/v1/mechanisms/{mechanismId}/closed-cases", {
          params: { path: { mechanismId: mechanismId as string }, query: { limit: 100, ...filter } },
        })
      ).data,
  })
  const search = (event: FormEvent) => {
    event.preventDefault()
    setNotice(undefined)
    setFilter({
      ...(reference.trim() === "" ? {} : { reference: reference.trim() }),
      ...(reason === "" ? {} : { reason }),
      ...(riskLevel === "" ? {} : { riskLevel }),
    })
  }
  // A filter the API refuses (a malformed reference) shows beside its field.
  const problem = register.isError ? fromApi(register.error, text) : undefined
  return (
    <>
      <h1>{t("web.closed.title")}</h1>
      <form onSubmit={search} noValidate className="filters" aria-label={t("web.closed.search")}>
        {(mechanisms.data?.items.length ?? 0) > 1 && (
          <Select
            scope="closed"
            field="mechanism"
            label={t("web.closed.mechanism")}
            value={mechanismId ?? ""}
            names
            options={(mechanisms.data?.items ?? []).map(
              (each) => [each.id, LocalizedText.localize(each.name, locale)] as const,
            )}
            onChange={setChosen}
            problem={problem}
          />
        )}
        <TextInput
          scope="closed"
          field="reference"
          label={t("web.closed.reference")}
          value={reference}
          onChange={setReference}
          problem={problem}
        />
        <Select
          scope="closed"
          field="reason"
          label={t("web.closed.reason")}
          value={reason}
          empty={t("web.closed.any")}
          options={CaseLifecycle.ClosureReason.literals.map((code) => [code, label(`case.closure.${code}`)] as const)}
          onChange={setReason}
          problem={problem}
        />
        <Select
          scope="closed"
          field="riskLevel"
          label={t("web.closed.risk")}
          value={riskLevel}
          empty={t("web.closed.any")}
          options={RiskInstrument.RiskLevel.literals.map((code) => [code, t(riskKey(code))] as const)}
          onChange={setRiskLevel}
          problem={problem}
        />
        <button type="submit" className="button primary">
          {t("web.closed.search")}
        </button>
      </form>
      {notice !== undefined && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <Loaded query={register}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("web.closed.none")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("web.cases.column.reference")}</th>
                    <th scope="col">{t("web.closed.opened")}</th>
                    <th scope="col">{t("web.closed.closed")}</th>
                    <th scope="col">{t("web.closed.reason")}</th>
                    <th scope="col">{t("web.closed.risk")}</th>
                    <th scope="col">{t("web.closed.lead")}</th>
                    <th scope="col">{t("web.closed.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((closed) => (
                    <tr key={closed.id}>
                      <th scope="row">
                        {administrator ? (
                          closed.reference
                        ) : (
                          <Link to="/cases/$caseId" params={{ caseId: closed.id }}>
                            {closed.reference}
                          </Link>
                        )}
                      </th>
                      <td>{date(closed.openedAt)}</td>
                      <td>{date(closed.closedAt)}</td>
                      <td>{closed.reason === undefined ? "" : label(`case.closure.${closed.reason}`)}</td>
                      <td>{closed.riskLevel === undefined ? "" : t(riskKey(closed.riskLevel))}</td>
                      <td translate="no">{nameOf(names, closed.lead, locale)}</td>
                      <td>
                        {closed.erasedAt !== undefined ? (
                          <span className="tag">{t("web.closed.erased", { when: date(closed.erasedAt) })}</span>
                        ) : administrator ? (
                          <Erase closed={closed} done={() => setNotice(t("web.erasure.done"))} />
                        ) : (
                          <Reopen closed={closed} done={() => setNotice(t("web.closed.reopened"))} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </>
  )
}
