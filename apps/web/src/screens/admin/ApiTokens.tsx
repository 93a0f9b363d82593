/**
 * API tokens for connectors and scripts (administrators): the tokens with
 * what they act as and until when, revoked ones marked; a new token made with
 * a label, its roles, institution and mechanism and a lifetime — its secret
 * shown once, here, and kept nowhere — and a token revoked.
 */
import type { Schemas } from "@bashke/client"
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { FieldError, FormError, invalidProps } from "../../FieldProblem"
import { Select, TextInput } from "../../Fields"
import { nameOf, namesOf, useInstitutions } from "../../Institutions"
import { Loaded } from "../../Loading"
import { useApi } from "../../Session"
import { type MessageKey, useText } from "../../Text"
import { useAdminCommand } from "./AdminCommand"
import { AdminFrame } from "./AdminFrame"
import { useMechanismId } from "./AdminQueries"

const tokensKey = ["admin", "api-tokens"] as const
const roles = ["case-worker", "member-representative", "coordinator", "national-coordinator", "auditor"] as const
const roleKey = (role: string) => `role.${role}` as MessageKey

const Revoke = ({ token }: { readonly token: Schemas["ApiToken"] }) => {
  const { t } = useText()
  const api = useApi()
  const revoke = useAdminCommand(
    async () =>
      (await api.POST("/v1/api-tokens/{tokenId}/revocation", { params: { path: { tokenId: token.id } } })).data,
    { refresh: [tokensKey] },
  )
  return (
    <>
      <FormError problem={revoke.problem} shown={() => false} />
      <button
        type="button"
        className="button secondary"
        disabled={revoke.pending}
        aria-label={t("web.admin.tokens.revoke-named", { label: token.label })}
        onClick={() => revoke.run(undefined)}
      >
        {t("web.admin.tokens.revoke")}
      </button>
    </>
  )
}

const Issue = () => {
  const { t, locale } = useText()
  const api = useApi()
  const mechanismId = useMechanismId()
  const institutions = useInstitutions()
  const names = namesOf(institutions.data)
  const [label, setLabel] = useState("")
  const [chosen, setChosen] = useState<ReadonlyArray<string>>(["case-worker"])
  const [institution, setInstitution] = useState("")
  const [days, setDays] = useState("90")
  const issue = useAdminCommand(
    async (body: object) => (await api.POST("/v1/api-tokens", { body: body as never })).data,
    { refresh: [tokensKey], done: () => setLabel("") },
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const registered = institutions.data?.find((each) => each.id === institution)
    issue.run({
      label,
      roles: chosen,
      ...(registered === undefined ? {} : { institution: registered.id, sector: registered.sector }),
      mechanisms: mechanismId === undefined ? [] : [mechanismId],
      lifetimeDays: days.trim() === "" ? Number.NaN : Number(days),
    })
  }
  return (
    <section aria-labelledby="issue" className="card">
      <h2 id="issue">{t("web.admin.tokens.issue")}</h2>
      {issue.answer !== undefined && issue.problem === undefined && (
        <div role="status">
          <p>{t("web.admin.tokens.issued")}</p>
          <p className="secret" translate="no">
            <code>{issue.answer.token}</code>
          </p>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-label={t("web.admin.tokens.issue")}>
        <FormError
          problem={issue.problem}
          shown={(field) => ["label", "roles", "institution", "lifetimeDays"].includes(field)}
        />
        <TextInput
          field="label"
          label={t("web.admin.tokens.label")}
          value={label}
          onChange={setLabel}
          problem={issue.problem}
        />
        <fieldset className="field" {...invalidProps(issue.problem, "roles")}>
          <legend>{t("web.admin.people.roles")}</legend>
          {roles.map((role) => (
            <label key={role} className="choice">
              <input
                type="checkbox"
                name="token-roles"
                value={role}
                checked={chosen.includes(role)}
                onChange={(event) =>
                  setChosen(event.currentTarget.checked ? [...chosen, role] : chosen.filter((each) => each !== role))
                }
              />
              <span>{t(roleKey(role))}</span>
            </label>
          ))}
          <FieldError problem={issue.problem} field="roles" />
        </fieldset>
        <Select
          field="institution"
          label={t("web.admin.institution")}
          value={institution}
          empty={t("web.admin.none")}
          options={(institutions.data ?? []).map((each) => [each.id, nameOf(names, each.id, locale)] as const)}
          onChange={setInstitution}
          problem={issue.problem}
        />
        <TextInput
          field="lifetimeDays"
          type="number"
          label={t("web.admin.tokens.days")}
          value={days}
          onChange={setDays}
          problem={issue.problem}
        />
        <button type="submit" className="button primary" disabled={issue.pending}>
          {t("web.admin.tokens.issue")}
        </button>
      </form>
    </section>
  )
}

export const ApiTokens = () => {
  const { t, locale, date } = useText()
  const api = useApi()
  const names = namesOf(useInstitutions().data)
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: async () => (await api.GET("/v1/api-tokens", { params: { query: { limit: 100 } } })).data,
  })
  return (
    <AdminFrame title="web.admin.tokens.title">
      <Loaded query={tokens}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t("web.admin.tokens.none")}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("web.admin.tokens.label")}</th>
                    <th scope="col">{t("web.admin.tokens.acts-as")}</th>
                    <th scope="col">{t("web.admin.tokens.until")}</th>
                    <th scope="col">{t("web.admin.tokens.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((token) => (
                    <tr key={token.id}>
                      <th scope="row" translate="no">
                        {token.label}
                      </th>
                      <td>
                        {[
                          ...token.principal.roles.map((role) => t(roleKey(role))),
                          ...(token.principal.institution === undefined
                            ? []
                            : [nameOf(names, token.principal.institution, locale)]),
                        ].join(" · ")}
                      </td>
                      <td>{date(token.expiresAt)}</td>
                      <td>
                        {token.revokedAt !== null ? (
                          t("web.admin.tokens.revoked", { day: date(token.revokedAt) })
                        ) : new Date(token.expiresAt).getTime() <= Date.now() ? (
                          t("web.admin.tokens.expired")
                        ) : (
                          <Revoke token={token} />
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
      <Issue />
    </AdminFrame>
  )
}
