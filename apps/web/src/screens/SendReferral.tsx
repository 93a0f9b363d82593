/**
 * Sending a referral from a case: choose the kind of service, then a service
 * of the directory (its free capacity and how old that figure is), the consent
 * it rests on — the case's consents to referral in force, shown with whether
 * they name the service's institution, as the case package judges them
 * (`Consent.counts`, `Consent.inForce`) — and a reason code. The form is
 * checked with the API's own schema (`ReferralService.SendInput`) before it
 * goes; a refusal shows the API's problem next to the field it names.
 */
import { Consent } from "@bashke/case"
import { BashkeProblem } from "@bashke/client"
import { ReferralService, ServiceType } from "@bashke/referral"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useNavigate } from "@tanstack/react-router"
import { Either, ParseResult, Schema } from "effect"
import { type FormEvent, useState } from "react"
import { Loaded } from "../Loading"
import { useApi } from "../Session"
import { type MessageKey, usePageTitle, useText } from "../Text"

type Field = "service" | "basis" | "reason"

const decodeConsent = Schema.decodeUnknownOption(Consent.Consent)
const checkSend = Schema.decodeUnknownEither(ReferralService.SendInput)

/** The first problem of a decode as the field it is about and its message key. */
const firstIssue = (error: ParseResult.ParseError): { field: Field; rule: string } => {
  const issue = ParseResult.ArrayFormatter.formatErrorSync(error)[0]
  const field = (issue?.path[0] === "basis" ? "basis" : issue?.path[0] === "service" ? "service" : "reason") as Field
  return { field, rule: issue?.message ?? "referral.input.invalid" }
}

export const SendReferral = ({ caseId }: { readonly caseId: string }) => {
  const { t, label, dateTime, number } = useText()
  usePageTitle(t("web.referral.send"))
  const api = useApi()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [type, setType] = useState<ServiceType.ServiceType>("shelter")
  const [service, setService] = useState<string>("")
  const [consent, setConsent] = useState<string>("")
  const [reason, setReason] = useState<string>("")
  const [problem, setProblem] = useState<{ field: Field | undefined; text: string } | undefined>(undefined)

  const found = useQuery({
    queryKey: ["case", caseId],
    queryFn: async () => (await api.GET("/v1/cases/{caseId}", { params: { path: { caseId } } })).data,
  })
  const services = useQuery({
    queryKey: ["services", type],
    queryFn: async () =>
      (await api.GET("/v1/services", { params: { query: { type, active: "true", limit: 100 } } })).data,
  })
  const chosen = services.data?.items.find((each) => each.id === service)
  const now = new Date()
  const consents = (found.data?.consents ?? []).flatMap((raw) => {
    const decoded = decodeConsent(raw)
    if (decoded._tag === "None") return []
    const value = decoded.value
    const usable = value.purposes.includes("referral") && Consent.counts(value) && Consent.inForce(value, now)
    return usable ? [{ id: value.id, institutions: value.institutions }] : []
  })

  const send = useMutation({
    mutationFn: async (body: typeof ReferralService.SendInput.Encoded) =>
      (await api.POST("/v1/referrals", { body })).data,
    onSuccess: (referral) => {
      void queryClient.invalidateQueries({ queryKey: ["case-referrals", caseId] })
      void queryClient.invalidateQueries({ queryKey: ["worklist"] })
      navigate({ to: "/referrals/$referralId", params: { referralId: referral.id } })
    },
    onError: (error) => {
      if (BashkeProblem.is(error)) {
        const field = (["service", "basis", "reason"] as const).find((name) => error.field?.startsWith(name))
        setProblem({ field, text: error.detail ?? error.title })
      } else setProblem({ field: undefined, text: t("web.error.title") })
    },
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body = { case: caseId, service, reason: reason.trim(), basis: { _tag: "Consent" as const, consent } }
    const checked = checkSend(body)
    if (Either.isLeft(checked)) {
      const issue = firstIssue(checked.left)
      return setProblem({ field: issue.field, text: label(issue.rule) })
    }
    setProblem(undefined)
    send.mutate(body)
  }

  const errorFor = (field: Field) =>
    problem?.field === field ? (
      <p className="error" id={`${field}-error`} role="alert">
        {problem.text}
      </p>
    ) : null
  const described = (field: Field, hint?: string) =>
    [hint, problem?.field === field ? `${field}-error` : undefined].filter(Boolean).join(" ") || undefined

  return (
    <>
      <h1>{t("web.referral.send")}</h1>
      <Loaded query={found}>
        {(data) => (
          <form onSubmit={submit} noValidate className="card">
            <p>{t("web.referral.case", { reference: data.reference })}</p>
            {problem !== undefined && problem.field === undefined && (
              <p className="error" role="alert">
                {problem.text}
              </p>
            )}
            <label className="field">
              <span>{t("web.directory.type.label")}</span>
              <select
                value={type}
                onChange={(event) => {
                  setType(event.currentTarget.value as ServiceType.ServiceType)
                  setService("")
                }}
              >
                {ServiceType.ServiceType.literals.map((each) => (
                  <option key={each} value={each}>
                    {t(`referral.service-type.${each}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="field" aria-describedby={described("service")}>
              <legend>{t("web.referral.send.service")}</legend>
              <Loaded query={services}>
                {(page) =>
                  page.items.length === 0 ? (
                    <p>{t("web.directory.empty")}</p>
                  ) : (
                    page.items.map((each) => (
                      <label key={each.id} className="choice">
                        <input
                          type="radio"
                          name="service"
                          value={each.id}
                          checked={service === each.id}
                          onChange={() => setService(each.id)}
                        />
                        <span translate="no">{each.name}</span>
                        <span className="meta">
                          {each.capacity === undefined
                            ? t("web.directory.capacity.unknown")
                            : `${t("web.directory.capacity", {
                                available: number(each.capacity.available),
                                total: number(each.capacity.total),
                              })} · ${t("web.directory.capacity.as-of", { when: dateTime(each.capacity.updatedAt) })}`}
                        </span>
                      </label>
                    ))
                  )
                }
              </Loaded>
              {errorFor("service")}
            </fieldset>
            <fieldset className="field" aria-describedby={described("basis")}>
              <legend>{t("web.referral.send.consent")}</legend>
              {consents.length === 0 ? (
                <p className="error">{t("web.referral.send.consent.none")}</p>
              ) : (
                consents.map((each) => (
                  <label key={each.id} className="choice">
                    <input
                      type="radio"
                      name="consent"
                      value={each.id}
                      checked={consent === each.id}
                      onChange={() => setConsent(each.id)}
                    />
                    <span>
                      {chosen !== undefined && (each.institutions as ReadonlyArray<string>).includes(chosen.institution)
                        ? t("web.referral.send.consent.covers")
                        : t("web.referral.send.consent.other", { count: each.institutions.length })}
                    </span>
                  </label>
                ))
              )}
              {errorFor("basis")}
            </fieldset>
            <div className="field">
              <label htmlFor="reason">{t("web.referral.reason")}</label>
              <input
                id="reason"
                name="reason"
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                aria-invalid={problem?.field === "reason"}
                aria-describedby={described("reason", "reason-hint")}
                autoComplete="off"
              />
              <p className="hint" id="reason-hint">
                {t("web.referral.send.reason.hint")}
              </p>
              {errorFor("reason")}
            </div>
            <button type="submit" className="button primary" disabled={send.isPending}>
              {t("web.referral.send.submit")}
            </button>
          </form>
        )}
      </Loaded>
    </>
  )
}
